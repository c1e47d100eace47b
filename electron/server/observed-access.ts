/**
 * What the operator learns about access, without a secret in it: each document granted is logged
 * at debug level (document, user id, role), each refusal at info level with its reason code, and
 * counted in the metrics by code. `forbidden-read` is logged at debug level: while a class is blind
 * every student's app asks for its classmates' layers and is told no, which is the rule working,
 * not news (30 students × 30 articles would otherwise fill the log at every reconnect). Wraps the onAuthenticate hook (`authenticate` in
 * sync-server.ts) and gives the write guard its `observe` callback. Document names come from
 * clients: they are cut to 200 characters before they are logged.
 */
import type { onAuthenticatePayload } from '@hocuspocus/server';
import type { ServerMetrics } from './metrics';
import { Refusal, type ReasonCode } from './reasons';
import type { ServerLog } from './server-log';
import type { SessionContext } from './sync-server';

const MAX_LOGGED_NAME = 200;
const shown = (name: string): string => (name.length > MAX_LOGGED_NAME ? `${name.slice(0, MAX_LOGGED_NAME)}…` : name);

type Authenticate = (payload: onAuthenticatePayload<SessionContext>) => Promise<SessionContext>;

export function observedAccess(check: Authenticate, metrics: ServerMetrics, log: ServerLog): Authenticate {
  return async (payload) => {
    try {
      const context = await check(payload);
      log.debug({ document: shown(payload.documentName), user: context.claims.user, role: context.claims.role }, 'document granted');
      return context;
    } catch (error) {
      const reason = error instanceof Refusal ? error.reasonCode : 'error';
      metrics.refused(reason);
      const level = reason === 'forbidden-read' ? 'debug' : 'info';
      log[level]({ document: shown(payload.documentName), reason }, 'document refused');
      throw error;
    }
  };
}

/** The write guard's observer: a refused write is counted and logged at debug level (a flood would fill the log). */
export function observedWrites(metrics: ServerMetrics, log: ServerLog): (reason: ReasonCode, document: string, user: string) => void {
  return (reason, document, user) => {
    metrics.refused(reason);
    log.debug({ document: shown(document), user, reason }, 'write refused');
  };
}
