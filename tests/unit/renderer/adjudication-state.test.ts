import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAnnotation, readLayer } from '../../../shared/model/layer';
import { articleText } from '../../../shared/model/corpus';
import { readDecisions } from '../../../shared/model/curation';
import { layerShapeProblem, touchedEntries, layerRoots } from '../../../shared/model/layer-shape';
import { recordMember } from '../../../shared/model/roster';
import { createAdjudication } from '../../../renderer/store/adjudication-state';
import { author, layerWith, recordAt, TEXT } from './article-fixtures';

// The adjudication state on plain Yjs documents (no browser): it aligns the roster's layers,
// writes a key's plan to the gold layer, follows marks that arrive meanwhile, and undoes.

const CORPUS = 'c1';
const name = (owner: string) => `corpus/${CORPUS}/layer/a1/${owner}`;

function setup() {
  const docs = new Map<string, Y.Doc>();
  const text = new Y.Doc();
  articleText(text).insert(0, TEXT);
  docs.set(`corpus/${CORPUS}/text/a1`, text);
  const corpus = new Y.Doc();
  recordMember(corpus, 'ana', { name: 'Ana', color: '#0072B2', role: 'student' });
  recordMember(corpus, 'ben', { name: 'Ben', color: '#E69F00', role: 'student' });
  docs.set(`corpus/${CORPUS}`, corpus);
  docs.set(name('ana'), layerWith(recordAt('a1', 'ana', 'le chômage a baissé')));
  docs.set(name('ben'), layerWith(recordAt('b1', 'ben', 'le chômage a baissé', TEXT, 'disputed')));
  const load = (n: string) => Promise.resolve(docs.get(n) ?? (docs.set(n, new Y.Doc()), docs.get(n)!));
  const state = createAdjudication(CORPUS, 'a1', author('teacher'), load, () => new Date(Date.UTC(2026, 11, 4)));
  return { docs, state };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('adjudication state', () => {
  it('accepts into the gold layer, follows a new mark live, and undoes one key at a time', async () => {
    const { docs, state } = setup();
    await settle();
    let snap = state.getSnapshot();
    expect(snap.owners.map((o) => o.name)).toEqual(['Ana', 'Ben']);
    expect(snap.progress).toEqual({ done: 0, todo: 1 });

    state.accept('ana/a1');
    const gold = docs.get(name('gold'))!;
    expect(readLayer(gold).annotations.map((a) => [a.kind, a.target.exact])).toEqual([['claim', 'le chômage a baissé']]);
    expect([...readDecisions(gold).values()].map((d) => [d.about, d.verdict])).toEqual([['ana/a1', 'accepted'], ['ben/b1', 'rejected']]);
    expect(state.getSnapshot().progress).toEqual({ done: 1, todo: 0 });

    // Ben marks another passage while the teacher works: it is there at the next reading
    addAnnotation(docs.get(name('ben'))!, recordAt('b2', 'ben', 'Les chiffres'), 'remote');
    snap = state.getSnapshot();
    expect(snap.progress).toEqual({ done: 1, todo: 1 });
    state.reject('ben/b2');
    expect(state.getSnapshot().progress).toEqual({ done: 2, todo: 0 });

    state.undo();
    expect(state.getSnapshot().progress).toEqual({ done: 1, todo: 1 });
    state.undo();
    expect(readLayer(gold).annotations).toEqual([]);
    expect(readDecisions(gold).size).toBe(0);
    state.redo();
    expect(readLayer(gold).annotations).toHaveLength(1);
    state.stop();
  });

  it('what it writes passes the server’s layer check; a malformed decision does not', async () => {
    const { docs, state } = setup();
    await settle();
    const check = (write: (doc: Y.Doc) => void) => {
      const shadow = new Y.Doc();
      layerRoots(shadow);
      let problem: string | null = 'no change';
      shadow.on('afterTransaction', (tr: Y.Transaction) => {
        const touched = touchedEntries(shadow, tr);
        problem = typeof touched === 'string' ? touched : layerShapeProblem(shadow, touched);
      });
      write(shadow);
      return problem;
    };
    state.merge('ben/b1');
    const update = Y.encodeStateAsUpdate(docs.get(name('gold'))!);
    expect(check((doc) => Y.applyUpdate(doc, update))).toBeNull();
    expect(check((doc) => doc.getMap('decisions').set('ana/a1', { verdict: 'maybe', author: author('t'), at: '2026-12-04T00:00:00.000Z' }))).toMatch(/^decisions\/ana\/a1: verdict/);
    state.stop();
  });
});
