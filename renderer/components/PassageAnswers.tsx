/**
 * One passage of the class comparison: a button that shows it in the text (its number, how
 * disputed it is, its most disputed sentence or else its opening words), a link that opens the article there, and who marked what:
 * members grouped by answer, each group named by its kinds' shapes and names (or "marked
 * nothing here"), each member by initials in their colour, with the full name for screen
 * readers and on hover — never colour alone. For the teacher, a link per member who marked the
 * passage to write them private feedback on that mark ("Feedback to Nina").
 */
import { useTranslation } from 'react-i18next';
import { mostDisputedSentence, type PassageComparison } from '../../shared/agreement/passage-comparison';
import { kindOf, type Tagset } from '../../shared/model/tagset';
import type { Member } from '../store/comparison';
import { kindShape } from '../store/map-model';
import { GLYPHS } from './MapNodeButton';

const EXCERPT = 90;

interface Props {
  passage: PassageComparison;
  people: ReadonlyMap<string, Member>;
  tagset: Tagset;
  tabIndex: number;
  onShow: () => void;
  articleHref: string;
  /** the teacher's feedback page for a member's mark in this passage (undefined: no link) */
  feedbackHref?: (member: string) => string | undefined;
}

function FeedbackLinks({ members, people, href }: { members: string[]; people: ReadonlyMap<string, Member>; href: (member: string) => string | undefined }) {
  const { t } = useTranslation();
  const links = members.flatMap((id) => {
    const to = href(id);
    return to ? [{ id, to, member: people.get(id) }] : [];
  });
  if (links.length === 0) return null;
  return (
    <p className="passage-feedback">
      <span aria-hidden="true">{t('feedback.toShort')}</span>{' '}
      {links.map(({ id, to, member }) => (
        <a key={id} href={to} className="member-chip" style={{ borderColor: member?.color }} title={t('feedback.writeTo', { name: member?.name ?? id })}>
          <span aria-hidden="true">✎ {member?.initials ?? '?'}</span>
          <span className="visually-hidden">{t('feedback.writeTo', { name: member?.name ?? id })}</span>
        </a>
      ))}
    </p>
  );
}

/** The passage's opening words, cut at a word. */
function excerpt(text: string): string {
  if (text.length <= EXCERPT) return text;
  const cut = text.lastIndexOf(' ', EXCERPT);
  return `${text.slice(0, cut > EXCERPT / 2 ? cut : EXCERPT)}…`;
}

export function PassageAnswers({ passage: p, people, tagset, tabIndex, onShow, articleHref, feedbackHref }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const hot = mostDisputedSentence(p);
  const level = p.disputed === null ? t('compare.alone') : p.disputed === 0 ? t('compare.agreed') : t('compare.disputed', { percent: percent.format(p.disputed) });
  return (
    <>
      <button type="button" className="passage-jump" tabIndex={tabIndex} onClick={onShow} data-passage={p.index}>
        <strong>{t('compare.passage', { n: p.index + 1 })}</strong> · <span className="passage-level">{level}</span>
        <span className="passage-excerpt">
          {hot && <span className="excerpt-label">{t('heat.sentenceOf', { n: hot.n, count: p.sentences.length })} </span>}
          {excerpt(hot ? p.text.slice(hot.sentence.start - p.start, hot.sentence.end - p.start) : p.text)}
        </span>
      </button>
      <ul className="answer-groups" aria-label={t('compare.marks')}>
        {p.groups.map((g) => (
          <li key={g.kinds.join('+') || 'none'} className={g.kinds.length === 0 ? 'answer nothing' : 'answer'}>
            <span className="answer-kinds">
              {g.kinds.length === 0
                ? t('compare.nothing')
                : g.kinds.map((key) => {
                    const kind = kindOf(tagset, key);
                    return (
                      <span key={key} className="answer-kind">
                        <span aria-hidden="true" style={{ color: kind?.color }}>
                          {GLYPHS[kindShape(tagset, key)]}
                        </span>{' '}
                        {kind?.name[lang] ?? key}
                      </span>
                    );
                  })}
            </span>
            <span className="answer-members">
              {g.members.map((id) => {
                const m = people.get(id);
                return (
                  <span key={id} className="member-chip" style={{ borderColor: m?.color }} title={m?.name ?? id}>
                    <span aria-hidden="true">{m?.initials ?? '?'}</span>
                    <span className="visually-hidden">{m?.name ?? id}</span>
                  </span>
                );
              })}
            </span>
          </li>
        ))}
      </ul>
      <a className="passage-open" href={articleHref}>
        {t('compare.showInArticle')}
      </a>
      {feedbackHref && <FeedbackLinks members={p.groups.flatMap((g) => g.members)} people={people} href={feedbackHref} />}
    </>
  );
}
