import { describe, expect, it } from 'vitest';
import { confirmAnchor, deleteMine, markSpan, updateMine } from '../../../renderer/store/article-writes';
import { createArticleState } from '../../../renderer/store/article-state';
import { resolveTarget } from '../../../shared/anchor/resolve';
import { readLayer } from '../../../shared/model/layer';
import { codePointIndex } from '../../../shared/text/code-points';
import { prng } from '../../support/prng';
import { author, layerWith, recordAt, TEXT } from './article-fixtures';

function withLayers() {
  const state = createArticleState('a1', 'ana');
  const mine = layerWith();
  const theirs = layerWith(recordAt('b1', 'bob', 'le contraire'));
  state.setText(TEXT);
  state.addLayer('ana', mine);
  state.addLayer('bob', theirs);
  return { state, mine, theirs };
}

describe('article writes', () => {
  it('mark a span in the user’s own layer, counted in code points past an emoji, and mark it once', () => {
    const { state, mine } = withLayers();
    const index = codePointIndex(TEXT);
    const at = index.toCodePoint(TEXT.indexOf('Les chiffres'));
    const first = markSpan(state, author('ana'), 'claim', { start: at, end: at + 12 }, new Date(), prng(1));
    expect(first.ok).toBe(true);
    expect(readLayer(mine).annotations.map((a) => a.target.exact)).toEqual(['Les chiffres']);
    const again = markSpan(state, author('ana'), 'claim', { start: at, end: at + 12 }, new Date(), prng(2));
    expect(again).toEqual(first);
    expect(readLayer(mine).annotations).toHaveLength(1);
  });

  it('refuse, with a message key and without throwing, to change or delete a classmate’s annotation', () => {
    const { state, theirs } = withLayers();
    expect(updateMine(state, 'b1', { note: 'pirate' }, new Date())).toEqual({ ok: false, error: { key: 'sidebar.notYours' } });
    expect(deleteMine(state, 'b1')).toEqual({ ok: false, error: { key: 'sidebar.notYours' } });
    expect(readLayer(theirs).annotations[0]!.note).toBe('');
  });

  it('return a save failure for an invalid change instead of throwing, leaving the record intact', () => {
    const { state, mine } = withLayers();
    markSpan(state, author('ana'), 'claim', { start: 0, end: 11 }, new Date(), prng(3));
    const id = readLayer(mine).annotations[0]!.id;
    const result = updateMine(state, id, { kind: '' }, new Date());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.key).toBe('errors.saveFailed');
    expect(readLayer(mine).annotations[0]!.kind).toBe('claim');
  });

  it('confirm a moved anchor by rewriting its selectors to the new place; detach makes it an orphan', () => {
    const state = createArticleState('a1', 'ana');
    const mine = layerWith(recordAt('r1', 'ana', 'Les chiffres de l’INSEE'), recordAt('r2', 'ana', 'le contraire'));
    state.addLayer('ana', mine);
    const edited = 'Un chapeau ajouté. ' + TEXT;
    state.setText(edited);
    expect(state.find('r1')!.anchor).toBe('moved');
    expect(confirmAnchor(state, 'r1', new Date()).ok).toBe(true);
    expect(state.find('r1')!.anchor).toBe('exact');
    const stored = readLayer(mine).annotations.find((a) => a.id === 'r1')!;
    expect(resolveTarget(codePointIndex(edited), stored.target).status).toBe('exact');

    expect(updateMine(state, 'r2', { detached: true }, new Date()).ok).toBe(true);
    expect(state.getSnapshot().placement!.orphans.map((p) => p.annotation.id)).toEqual(['r2']);
  });
});
