/**
 * The argument map's graph (renderer/store/map-model.ts), without a browser: one node per
 * annotation even when two layers hold it, colour and shape by kind (an unknown kind is still
 * drawn, as a grey rectangle named by the caller), and one edge per link whose ends are both known.
 */
import { describe, expect, it } from 'vitest';
import { targetFor } from '../../../shared/anchor/selectors';
import type { Article } from '../../../shared/model/corpus';
import type { Annotation } from '../../../shared/model/record';
import { DEFAULT_TAGSET } from '../../../shared/model/tagset';
import { codePointIndex } from '../../../shared/text/code-points';
import { buildMapGraph } from '../../../renderer/store/map-model';

const TEXT = 'Spotify says its success came from AI. Critics say the success came from the artists.';

function note(id: string, kind: string, exact: string, links: Annotation['links'] = []): { annotation: Annotation; article: string; owner: string; mine: boolean } {
  const start = TEXT.indexOf(exact);
  const annotation: Annotation = {
    id, kind, target: targetFor(codePointIndex(TEXT), start, start + exact.length), note: '', links, status: 'open',
    author: { id: 'ana', name: 'Ana', color: '#0072B2' }, created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z',
  };
  return { annotation, article: 'a', owner: 'ana', mine: true };
}

const ARTICLES: Article[] = [{ id: 'a', title: 'Spotify and AI', language: 'en', source: '', hash: '0'.repeat(64), order: 0 }];

describe('buildMapGraph', () => {
  it('one node per annotation, styled by kind; an unknown kind is a grey rectangle named by the caller', () => {
    const claim = note('c', 'claim', 'Spotify says its success came from AI');
    const graph = buildMapGraph([claim, claim, note('x', 'mystery', 'Critics')], DEFAULT_TAGSET, ARTICLES, 'fr', (k) => `? ${k}`);
    expect(graph.nodes.map((n) => [n.id, n.articleTitle, n.kindName, n.shape])).toEqual([
      ['c', 'Spotify and AI', DEFAULT_TAGSET.kinds[0]!.name.fr, 'ellipse'],
      ['x', 'Spotify and AI', '? mystery', 'rectangle'],
    ]);
    expect(graph.nodes[0]!.label).toBe('Spotify says its success…');
    expect(graph.nodes[1]!.color).toBe('#777777');
  });

  it('an edge per link between known annotations, once; a link to an annotation nobody holds is left out', () => {
    const rel = DEFAULT_TAGSET.relations[0]!;
    const rebuttal = note('r', 'rebuttal', 'Critics say the success came from the artists', [{ to: 'c', rel: rel.key }, { to: 'gone', rel: rel.key }]);
    const graph = buildMapGraph([note('c', 'claim', 'Spotify says its success came from AI'), rebuttal, rebuttal], DEFAULT_TAGSET, ARTICLES, 'en', (k) => k);
    expect(graph.edges).toEqual([{ id: `r>${rel.key}>c`, source: 'r', target: 'c', rel: rel.key, label: rel.name.en, style: 'solid' }]);
  });
});
