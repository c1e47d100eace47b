/**
 * A school's process sends a change to the other processes before it writes it to its own clients
 * (redis-relay.ts, through turn-writes.ts's `beforeClientWrites`), so the other processes apply it
 * and write to their members while this one writes to its own. On a real in-process server with a
 * throw-away PostgreSQL and Redis: a student's record leaves on the server's connection to Redis
 * before it leaves on the socket of a teacher reading her layer on the same process, turn after
 * turn. Skips with a printed reason without redis-server or PostgreSQL.
 */
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startSyncServer, type SyncServer } from '../../electron/server/sync-server';
import { layerDocName } from '../../shared/model/doc-names';
import { addAnnotation } from '../../shared/model/layer';
import { CORPUS, record, recordWrites, removeDir, SECRET, seedArticles, tempDir, token, waitFor, type SocketWrite } from './helpers';
import { RawClient, updateFrame } from './raw-client';
import { schoolSkipReason, startPostgres, startRedis, type Postgres, type Service } from './school-infra';

const skipped = schoolSkipReason();
if (skipped) console.log(`relay-first tests skipped: ${skipped}`);

describe.skipIf(skipped !== null)("a school's change leaves for the other processes first", () => {
  let redis: Service;
  let postgres: Postgres;
  let server: SyncServer;
  const dir = tempDir();

  beforeAll(async () => {
    [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
    server = await startSyncServer({ port: 0, host: '127.0.0.1', dataDir: dir, secret: SECRET, school: { postgres: postgres.url, redis: redis.url } });
    await seedArticles(server.url, ['a1']);
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await Promise.all([redis?.stop(), postgres?.stop()]);
    removeDir(dir);
  });

  it("sends a student's record to Redis before it writes it to a teacher reading her layer on the same process", async () => {
    const layer = layerDocName(CORPUS, 'a1', 'lea');
    const teacher = await RawClient.connect(server.url);
    expect(await teacher.open(layer, token('teacher', 't'))).toBe('readonly');
    const hocuspocus = server.hocuspocusServer.hocuspocus;
    const teacherSocket = (hocuspocus.documents.get(layer)!.getConnections()[0]!.webSocket as unknown as { _socket: Socket })._socket;
    const relay = hocuspocus.configuration.extensions.find((e) => 'pub' in e) as unknown as { pub: { stream: Socket } };
    const log: SocketWrite[] = [];
    recordWrites(teacherSocket, 'teacher', log);
    recordWrites(relay.pub.stream, 'redis', log);

    const lea = await RawClient.connect(server.url);
    expect(await lea.open(layer, token('student', 'lea'))).not.toMatch(/^denied/);
    const doc = new Y.Doc();
    for (let i = 0; i < 5; i++) {
      const id = `r-first-${i}`;
      const before = Y.encodeStateVector(doc);
      addAnnotation(doc, record(id, 'lea'));
      lea.send(updateFrame(layer, Y.encodeStateAsUpdate(doc, before)));
      const first = (who: string) => log.findIndex((w) => w.who === who && w.bytes.includes(id));
      await waitFor(() => first('teacher') >= 0 && first('redis') >= 0, `record ${i} written to the teacher and to Redis`);
      expect(first('redis'), `record ${i}`).toBeLessThan(first('teacher'));
    }
    teacher.close();
    lea.close();
  });
});
