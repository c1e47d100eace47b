import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { claimGroups } from '../../../shared/claims/claim-groups';
import { annotationsMap, readLayer } from '../../../shared/model/layer';
import { LOCAL } from '../../../shared/model/origins';
import { codePointIndex } from '../../../shared/text/code-points';
import { markSameClaim } from '../../../renderer/store/claims/same-claim-write';
import { prng } from '../../support/prng';

const USER = { id: 'ana', name: 'Ana', color: '#0072B2' };
const TEXT = 'Le café 😀 est fort. Spotify doit son succès à l’IA 🤖, dit Spotify. Fin.';

describe('accepting a "same claim?" suggestion', () => {
  it('writes one claim mark on the passage (code points, past an emoji) carrying the same-claim link, as one undo step', () => {
    const layer = new Y.Doc();
    const undo = new Y.UndoManager([annotationsMap(layer)], { trackedOrigins: new Set([LOCAL]), captureTimeout: 0 });
    const start = TEXT.indexOf('Spotify doit');
    const end = TEXT.indexOf(' Fin.');
    const written = markSameClaim({ layer, index: codePointIndex(TEXT), start, end, claim: { id: 'c1', article: '000' }, user: USER, now: new Date('2026-12-05T00:00:00Z'), random: prng(7) });
    const [record] = readLayer(layer).annotations;
    expect(record).toMatchObject({ id: written.id, kind: 'claim', author: USER, links: [{ to: 'c1', rel: 'same-claim', article: '000' }] });
    expect(record!.target.exact).toBe('Spotify doit son succès à l’IA 🤖, dit Spotify.');
    expect(record!.target.start).toBe(start - 1); // the emoji before is one code point, two UTF-16 units
    // joined to the claim it repeats
    const claim = { annotation: { ...record!, id: 'c1', links: [] }, article: '000' };
    expect(claimGroups([claim, { annotation: record!, article: '001' }])[0]!.marks).toHaveLength(2);
    // Ctrl+Z takes mark and link back together; the Undo button does too
    undo.undo();
    expect(readLayer(layer).annotations).toEqual([]);
    undo.redo();
    written.undo();
    expect(readLayer(layer).annotations).toEqual([]);
  });
});
