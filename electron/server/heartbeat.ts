/**
 * Answers the clients' heartbeat (shared/model/heartbeat.ts): a `ping` stateless message on a
 * document the connection has open gets a `pong` on the same connection, nothing else. Costs one
 * tiny message per client every 1.5 s; without it a client on a silently dead network would
 * say "Connected" for 30 s or more.
 */
import type { Extension, onStatelessPayload } from '@hocuspocus/server';
import { HEARTBEAT } from '../../shared/protocol/heartbeat';

export function heartbeat(): Extension {
  return {
    async onStateless({ connection, payload }: onStatelessPayload): Promise<void> {
      if (payload === HEARTBEAT.ping) connection.sendStateless(HEARTBEAT.pong);
    },
  };
}
