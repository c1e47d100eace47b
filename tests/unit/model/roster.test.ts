import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readRoster, recordMember, rosterIds, rosterMap } from '../../../shared/model/roster';

describe('corpus roster', () => {
  it('records members once, updates a changed name, and lists the ones who write layers', () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    recordMember(doc, 't1', { name: 'Mme Durand', color: '#0072B2', role: 'teacher' });
    recordMember(doc, 's1', { name: 'Inès', color: '#009E73', role: 'student' });
    recordMember(doc, 'p1', { name: 'Projecteur', color: '#000000', role: 'observer' });
    recordMember(doc, 's1', { name: 'Inès', color: '#009E73', role: 'student' });
    expect(updates).toHaveLength(3); // the same entry again writes nothing
    recordMember(doc, 's1', { name: 'Inès B.', color: '#009E73', role: 'student' });
    expect(readRoster(doc).get('s1')?.name).toBe('Inès B.');
    expect(rosterIds(doc)).toEqual(['s1', 't1']);
  });

  it('skips malformed entries from the network and refuses to write one', () => {
    const doc = new Y.Doc();
    rosterMap(doc).set('bad', { name: '', color: 'red', role: 'admin' });
    recordMember(doc, 'ok', { name: 'Léo', color: '#D55E00', role: 'student' });
    expect([...readRoster(doc).keys()]).toEqual(['ok']);
    expect(() => recordMember(doc, 'x', { name: 'X', color: 'blue', role: 'student' })).toThrow();
  });
});
