/**
 * The class settings the server enforces. It keeps each class's corpus document open, reads its
 * `blind` setting for every access decision, and when blind annotation is switched on it closes
 * the connections students already had to other people's layers.
 */
import type { Hocuspocus } from '@hocuspocus/server';
import { corpusDocName } from '../../shared/model/doc-names';
import { isBlind } from '../../shared/model/class-settings';
import { decide, type CorpusPolicy } from './permissions';
import { reasonText } from './reasons';
import type { Claims } from './tokens';

type Direct = Awaited<ReturnType<Hocuspocus['openDirectConnection']>>;

export function classPolicy(hocuspocus: () => Hocuspocus<{ claims?: Claims }>) {
  const open = new Map<string, Promise<Direct>>();
  /** the blind flag of each class whose corpus document is open, kept current by an observer */
  const blind = new Map<string, boolean>();

  /** Closes, in `corpus`, every connection the blind policy no longer allows. */
  function enforce(corpus: string): void {
    const policy = { blind: true };
    for (const [name, document] of hocuspocus().documents) {
      for (const connection of document.getConnections()) {
        const claims = connection.context?.claims;
        if (claims?.corpus === corpus && decide(claims, name, policy).access === 'deny') {
          connection.close({ code: 4403, reason: reasonText('forbidden-read') });
        }
      }
    }
  }

  function corpusConnection(corpus: string): Promise<Direct> {
    let connection = open.get(corpus);
    if (!connection) {
      connection = hocuspocus()
        .openDirectConnection(corpusDocName(corpus), {})
        .then((direct) => {
          const settings = direct.document!.getMap('settings');
          blind.set(corpus, isBlind(direct.document!));
          settings.observe(() => {
            blind.set(corpus, isBlind(direct.document!));
            if (blind.get(corpus)) enforce(corpus);
          });
          return direct;
        });
      open.set(corpus, connection);
    }
    return connection;
  }

  return {
    /** Synchronous once the class's corpus document is open (every access after the first). */
    policy(corpus: string): CorpusPolicy | Promise<CorpusPolicy> {
      const known = blind.get(corpus);
      if (known !== undefined) return { blind: known };
      return corpusConnection(corpus).then(() => ({ blind: blind.get(corpus) ?? false }));
    },
    async close(): Promise<void> {
      for (const connection of open.values()) await (await connection).disconnect();
      open.clear();
      blind.clear();
    },
  };
}
