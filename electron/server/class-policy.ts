/**
 * The class settings the server enforces. It keeps each class's corpus document open, reads its
 * `blind` and `projectorNames` settings and its article list for every access decision, and when
 * blind annotation is switched on it closes the connections students and the projector already
 * had to other people's layers.
 */
import type { Hocuspocus } from '@hocuspocus/server';
import { corpusDocName } from '../../shared/model/doc-names';
import { isGoldRevealed } from '../../shared/assessment/gold-reveal';
import { isBlind, readSetting } from '../../shared/model/class-settings';
import { articlesMap, listArticles } from '../../shared/model/corpus';
import { decide, type CorpusPolicy } from './permissions';
import { readClasswork } from './classwork-rules';
import { assignmentsMap } from '../../shared/model/assignments';
import { extensionsMap } from '../../shared/model/assignment-extensions';
import { teamsMap } from '../../shared/model/teams';
import { reasonText } from './reasons';
import type { PresenceRules } from './presence-filter';
import type { Claims } from './tokens';

type Direct = Awaited<ReturnType<Hocuspocus['openDirectConnection']>>;

export function classPolicy(hocuspocus: () => Hocuspocus<{ claims?: Claims }>) {
  const open = new Map<string, Promise<Direct>>();
  /** the policy of each class whose corpus document is open, kept current by observers */
  const known = new Map<string, CorpusPolicy>();

  /**
   * Closes, in `corpus`, every connection `policy` no longer allows (blind on, the gold hidden
   * again, a student taken out of a team while blind), and the read-only ones it now lets write (a
   * student put in a team: the app opens it again, classwork-rules.ts).
   */
  function enforce(corpus: string, policy: CorpusPolicy): void {
    for (const [name, document] of hocuspocus().documents) {
      for (const connection of document.getConnections()) {
        const claims = connection.context?.claims;
        if (claims?.corpus !== corpus) continue;
        const access = decide(claims, name, policy).access;
        if (access === 'deny') connection.close({ code: 4403, reason: reasonText('forbidden-read') });
        else if (access === 'write' && connection.readOnly) connection.close({ code: 4403, reason: reasonText('access-changed') });
      }
    }
  }

  function corpusConnection(corpus: string): Promise<Direct> {
    let connection = open.get(corpus);
    if (!connection) {
      connection = hocuspocus()
        .openDirectConnection(corpusDocName(corpus), {})
        .then((direct) => {
          const doc = direct.document!;
          const read = () =>
            known.set(corpus, {
              blind: isBlind(doc),
              goldRevealed: isGoldRevealed(doc),
              projectorNames: readSetting(doc, 'projectorNames'),
              verdictVote: readSetting(doc, 'verdictVote'),
              articles: new Set(listArticles(doc).map((a) => a.id)),
              classwork: readClasswork(doc),
            });
          read();
          doc.getMap('settings').observe(() => {
            read();
            const { blind, goldRevealed, classwork } = known.get(corpus)!;
            enforce(corpus, { blind, goldRevealed, classwork });
          });
          articlesMap(doc).observe(read);
          assignmentsMap(doc).observe(read);
          extensionsMap(doc).observe(read);
          teamsMap(doc).observe(() => {
            read();
            const { blind, goldRevealed, classwork } = known.get(corpus)!;
            enforce(corpus, { blind, goldRevealed, classwork }); // out of a team (while blind) loses its layer; into one may write it
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
      return known.get(corpus) ?? corpusConnection(corpus).then(() => known.get(corpus)!);
    },
    /** The blind flag and the projector's names as known now (blind, names hidden until the class's corpus document is open). */
    presenceRules(corpus: string): PresenceRules {
      const policy = known.get(corpus);
      return { blind: policy?.blind ?? false, projectorNames: policy?.projectorNames ?? false };
    },
    async close(): Promise<void> {
      for (const connection of open.values()) await (await connection).disconnect();
      open.clear();
      known.clear();
    },
  };
}
