/**
 * The class roster after `glose restore`, and what the command tells the teacher about it, in
 * the terminal's language (French when LC_ALL, LC_MESSAGES or LANG says so, else English).
 * A backup holds the corpus document, roster included. A bundle is a research export and has no
 * roster by design: it does not say who is a teacher, and may be pseudonymised. Without a roster
 * the app would list none of the restored layers (article-opener.ts lists the roster's layers), so
 * each layer's owner is recorded again, with the name and colour of their records: the owner the
 * class server names `teacher` (electron/cli/server.ts) as the teacher, the others as students.
 * Neither kind holds the signing secret, so students' earlier class passes no longer work:
 * they join again with the new code, as new members — unless `--identities-from` carried the
 * secret and the class session from the old data directory (`kept`, restored-identities.ts).
 */
import type { LayerSnapshot } from '../../../shared/formats/types';
import { GOLD_OWNER } from '../../../shared/model/doc-names';
import { rosterEntrySchema, type RosterEntry } from '../../../shared/model/roster';

/** The user id of the teacher who hosts a class (electron/cli/server.ts, electron/main/hosting.ts). */
const TEACHER = 'teacher';

/** Roster entries for the owners of `layers` not yet in `into`, named as their own records are. */
export function addLayerOwners(into: Map<string, RosterEntry>, layers: readonly LayerSnapshot[]): void {
  for (const layer of layers) {
    if (layer.owner === GOLD_OWNER || into.has(layer.owner)) continue;
    const author = [...layer.annotations, ...(layer.replies ?? [])].find((r) => r.author.id === layer.owner)?.author;
    const entry = author && rosterEntrySchema.safeParse({ name: author.name, color: author.color, role: layer.owner === TEACHER ? 'teacher' : 'student' });
    if (entry?.success) into.set(layer.owner, entry.data);
  }
}

const MESSAGES = {
  en: {
    backup: (n: number) =>
      `Roster: restored with the class (${n} ${n === 1 ? 'member' : 'members'}). A backup does not hold the signing secret, so students join again with the new class code, as new members; their earlier work stays in the class under their earlier names.`,
    kept: (n: number) =>
      `Roster: restored with the class (${n} ${n === 1 ? 'member' : 'members'}). The signing secret and the class session were carried from the old data directory: students' passes open their own work again, the join codes are the same, and the members you removed stay refused.`,
    bundle: (n: number) =>
      `Roster: a bundle does not carry one (it is a research export: it does not say who is a teacher, nor hold the passes students joined with). The ${n === 1 ? 'author' : `${n} authors`} of its layers ${n === 1 ? 'is' : 'are'} listed again so that their work shows in the app: "teacher" as the teacher, the others as students. Students join again with the new class code, as new members.`,
  },
  fr: {
    backup: (n: number) =>
      `Liste de la classe\u202f: restaurée avec la classe (${n} ${n > 1 ? 'membres' : 'membre'}). Une sauvegarde ne contient pas la clé de signature\u202f: les élèves rejoignent de nouveau la classe avec le nouveau code, comme nouveaux membres\u202f; leur travail reste dans la classe sous leurs anciens noms.`,
    kept: (n: number) =>
      `Liste de la classe\u202f: restaurée avec la classe (${n} ${n > 1 ? 'membres' : 'membre'}). La clé de signature et la session de la classe viennent de l’ancien dossier de données\u202f: les laissez-passer des élèves ouvrent de nouveau leur travail, les codes pour rejoindre sont les mêmes et les membres que vous avez retirés restent refusés.`,
    bundle: (n: number) =>
      `Liste de la classe\u202f: un paquet n’en contient pas (c’est un export de recherche\u202f: il ne dit pas qui enseigne et ne garde pas les laissez-passer des élèves). ${n > 1 ? `Les ${n} auteurs de ses calques sont de nouveau inscrits` : 'L’auteur de ses calques est de nouveau inscrit'} pour que leur travail s’affiche dans l’application\u202f: «\u202fteacher\u202f» comme enseignant, les autres comme élèves. Les élèves rejoignent de nouveau la classe avec le nouveau code, comme nouveaux membres.`,
  },
};

/** French when the terminal's locale is French, else English. */
export function terminalLanguage(env: NodeJS.ProcessEnv = process.env): 'en' | 'fr' {
  return /^fr/i.test(env.LC_ALL || env.LC_MESSAGES || env.LANG || '') ? 'fr' : 'en';
}

/** What `glose restore` says about the roster after restoring `kind` with `members` in its roster. */
export function rosterNotice(kind: 'backup' | 'kept' | 'bundle', members: number, env: NodeJS.ProcessEnv = process.env): string {
  return MESSAGES[terminalLanguage(env)][kind](members);
}
