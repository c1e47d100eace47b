/**
 * Who is quoted as saying a passage: a heuristic over the sentence around the mark, in French
 * and English. The rules, tried in this order (the first that finds a name wins):
 * 1. attribution: "selon X", "d’après X", "according to X" (X runs to the next punctuation);
 * 2. inverted speech verb after a comma or a closing quote: "…, pointe Bloomberg", "…,” said Ek",
 *    "…, a déclaré X";
 * 3. a name before a speech verb: "Mark Zuckerberg et Daniel Ek affirment…", "Spotify credits…",
 *    "Meta a déclaré…";
 * 4. a quotation (« », “ ”) in a sentence that opens on a name: that name ("Spotify, de son côté,
 *    se place en grand succès européen, qui serait dû « à ses investissements dans l’IA »").
 * A name is one to four capitalised words (joined by "et"/"and", with "de", "of", "du"… between);
 * pronouns and other stop words ("they", "il", "however") are not names, a possessive is dropped. None found: the passage is "not said" (null), which is
 * what a reader's comment or the author's own voice usually is.
 */
import { sentenceAround } from '../text/sentences';
import { isStopWord } from './similar-passages';

const WORD = String.raw`\p{Lu}[\p{L}\p{M}’'.-]*`;
const LINK = String.raw`(?:\s+(?:de|du|des|d’|von|van|of|the|la|le)\s*)?`;
const ONE = String.raw`${WORD}(?:${LINK}\s*${WORD}){0,3}`;
const NAME = String.raw`${ONE}(?:\s+(?:et|and|&)\s+${ONE})?`;
const VERBS = [
  // French: present, passé composé (with its auxiliary), plural
  'affirme', 'affirment', 'déclare', 'déclarent', 'dit', 'disent', 'estime', 'estiment', 'explique', 'expliquent', 'souligne', 'soulignent',
  'assure', 'assurent', 'indique', 'indiquent', 'précise', 'précisent', 'pointe', 'pointent', 'dénonce', 'dénoncent', 'regrette', 'regrettent',
  'prétend', 'prétendent', 'soutient', 'soutiennent', 'attribue', 'attribuent', 'confie', 'avance', 'avancent', 'martèle', 'rappelle', 'ajoute', 'ajoutent',
  'a déclaré', 'a affirmé', 'a dit', 'a estimé', 'a expliqué', 'a souligné', 'a assuré', 'a indiqué', 'a confirmé', 'a précisé', 'a ajouté', 'ont déclaré', 'ont affirmé',
  // English
  'says', 'said', 'say', 'claims', 'claimed', 'claim', 'states', 'stated', 'argues', 'argued', 'argue', 'warns', 'warned', 'credits', 'credited',
  'insists', 'insisted', 'insist', 'notes', 'noted', 'told', 'tells', 'explains', 'explained', 'adds', 'added', 'add', 'writes', 'wrote', 'believes', 'believe',
  'maintains', 'contends', 'asserts', 'asserted', 'declared', 'declares', 'emphasizes', 'emphasises', 'highlights', 'highlight', 'conclude', 'concludes',
];
const VERB = `(?:${VERBS.map((v) => v.replace(/ /g, String.raw`\s+`)).join('|')})`;
// besides stop words ("they", "however", "selon"…), words that stand for someone without naming them
const NOT_NAMES = new Set(['eux', 'lui', 'moi', 'them', 'him', 'her', 'although', 'ironiquement']);

const RULES: RegExp[] = [
  new RegExp(String.raw`(?:^|[\s,(])(?:selon|d’après|d'après|according\s+to)\s+((?:\p{L}[\p{L}\p{M}’'-]*\s*){1,6}?)(?=\s*[,.;:!?»”)]|$)`, 'iu'),
  new RegExp(String.raw`[,»”]\s*${VERB}\s+(${NAME})`, 'u'),
  // the verb ends where letters do (\b is ASCII-only: it would not end "déclaré")
  new RegExp(String.raw`(?:^|[\s,])(${NAME})\s+(?:(?:ne|n’|n')\s*)?${VERB}(?!\p{L})`, 'u'),
];
const OPENING_NAME = new RegExp(String.raw`^["«“]?\s*(${NAME})`, 'u');
const QUOTATION = /«[^»]+»|“[^”]+”/u;

/**
 * The name without a possessive or a closing full stop; null when it names nobody: its first word
 * is a pronoun or a stop word — but after "selon"/"according to" a phrase may open on an article
 * ("selon le géant des réseaux sociaux"), only a lone pronoun ("selon eux") names nobody.
 */
function cleaned(name: string, phrase = false): string | null {
  const words = name.trim().replace(/\s+/g, ' ').replace(/[’']s$|\.$/u, '');
  const list = words.split(' ');
  const first = list[0]!.toLowerCase();
  const nobody = NOT_NAMES.has(first) || isStopWord(first);
  return words && !(nobody && (!phrase || list.length === 1)) ? words : null;
}

/** Who the sentence around [start, end) of `text` (UTF-16 offsets, in `language`) quotes, or null: not said. */
export function quotedSpeaker(text: string, start: number, end: number, language: string): string | null {
  const around = sentenceAround(text, start, end, language);
  const sentence = text.slice(around.start, around.end);
  for (const [i, rule] of RULES.entries()) {
    const name = rule.exec(sentence)?.[1];
    const found = name && cleaned(name, i === 0);
    if (found) return found;
  }
  if (QUOTATION.test(sentence)) {
    const name = OPENING_NAME.exec(sentence)?.[1];
    return (name && cleaned(name.replace(/\s+(?:de|du|des|of|the|la|le)$/u, ''))) || null;
  }
  return null;
}
