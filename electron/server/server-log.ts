/**
 * The server's structured log (pino): one JSON object per line, on stderr so the banner on
 * stdout (address, join code) stays readable. Nothing secret goes in: callers log user ids,
 * roles, document names and reason codes, never a token, a join code or the signing secret, and
 * pino's `redact` blanks those fields in case one slips in (`token`, `secret`, `authorization`,
 * `previous`, `code`, at the top level or one level down). Request lines carry the path only,
 * never the query string. `GLOSE_LOG_LEVEL` (trace…fatal, silent) sets the level; info by default.
 */
import { pino, type Logger } from 'pino';

export type ServerLog = Logger;

const SECRET_FIELDS = ['token', 'secret', 'authorization', 'previous', 'code'];
export const REDACTED = SECRET_FIELDS.flatMap((field) => [field, `*.${field}`]);

export function serverLog(level = process.env.GLOSE_LOG_LEVEL ?? 'info', destination = 2): ServerLog {
  return pino(
    { level, base: { service: 'glose-server' }, redact: { paths: REDACTED, censor: '[hidden]' } },
    pino.destination({ fd: destination, sync: true }),
  );
}

/** A log that writes nothing: the embedded server's default and the tests'. */
export function silentLog(): ServerLog {
  return pino({ level: 'silent' });
}
