/**
 * The server owns identity: a student who writes `author: {name: "Teacher"}` into a record of
 * their own layer is still exported (real command line) under the name and colour the server
 * wrote in the roster when they joined, and under their own id.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { vouchedAuthor } from '../../shared/model/authorship';
import { layerDocName } from '../../shared/model/doc-names';
import { addAnnotation } from '../../shared/model/layer';
import { glose } from '../unit/cli/cli-helpers';
import { Client, CORPUS, record, removeDir, startServer, tempDir, waitFor } from './helpers';

describe('authorship', () => {
  const dir = tempDir();
  afterAll(() => removeDir(dir));

  it('takes the author from the layer owner and the roster, never from the record', () => {
    const roster = new Map([['s1', { name: 'Inès', color: '#009e73', role: 'student' as const }]]);
    const forged = { id: 'tina', name: 'Teacher', color: '#000000' };
    expect(vouchedAuthor('s1', roster, forged)).toEqual({ id: 's1', name: 'Inès', color: '#009e73' });
    expect(vouchedAuthor('s2', roster, forged)).toEqual({ ...forged, id: 's2' });
  });

  it('exports a student record that claims to be by the teacher under the student’s roster name', async () => {
    const server = await startServer(dir, { session: { corpus: CORPUS, title: 'Class' } });
    const http = server.url.replace('ws://', 'http://');
    const response = await fetch(`${http}/api/join`, { method: 'POST', body: JSON.stringify({ code: server.session!.studentCode, name: 'Inès', color: '#009e73' }) });
    const joined = (await response.json()) as { token: string; user: string };
    const student = new Client(server.url);
    const own = await student.openSynced(layerDocName(CORPUS, 'a1', joined.user), joined.token);
    addAnnotation(own.doc, { ...record('forged', joined.user), author: { id: 'tina', name: 'Teacher', color: '#000000' } });
    await waitFor(() => !own.provider.hasUnsyncedChanges, 'the record acknowledged');
    student.destroy();
    await server.stop();
    const out = join(dir, 'x.jsonl');
    const exported = await glose('export', '--from', dir, '--format', 'jsonl', '--out', out);
    expect(exported.code, exported.stderr).toBe(0);
    const rows = readFileSync(out, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0])).not.toContain('Teacher');
    expect(JSON.stringify(rows[0])).toContain('Inès');
    expect(JSON.stringify(rows[0])).toContain(joined.user);
  }, 60_000);
});
