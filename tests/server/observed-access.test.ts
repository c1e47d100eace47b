/**
 * The operator's log of refusals: a blind class's everyday "you may not read your classmate's
 * layer" stays out of the info log (it is the rule working), a forged token does not.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { observedAccess } from '../../electron/server/observed-access';
import { Refusal, type ReasonCode } from '../../electron/server/reasons';
import type { ServerMetrics } from '../../electron/server/metrics';

function refusedLines(reason: ReasonCode): Promise<Array<{ level: number; reason: string }>> {
  const lines: Array<{ level: number; reason: string }> = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk))), done()) });
  const counted: string[] = [];
  const metrics = { refused: (code: string) => counted.push(code) } as unknown as ServerMetrics;
  const check = observedAccess(() => Promise.reject(new Refusal(reason)), metrics, pino({ level: 'info' }, sink));
  return check({ documentName: 'corpus/c1/layer/a1/bob' } as never).then(
    () => Promise.reject(new Error('the refusal was swallowed')),
    () => {
      expect(counted).toEqual([reason]);
      return lines;
    },
  );
}

describe('refusals in the log', () => {
  it('logs a bad signature at info level and a blind read at debug level only, counting both', async () => {
    expect(await refusedLines('token-bad-signature')).toMatchObject([{ level: 30, reason: 'token-bad-signature' }]);
    expect(await refusedLines('forbidden-read')).toEqual([]);
  });
});
