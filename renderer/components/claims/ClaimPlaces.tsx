/**
 * The lists of a claim registry row: the places a claim appears (article, paragraph, body or
 * reader comments, who is quoted as saying it, the words marked) and the passages linked to it
 * (evidence, rebuttals). Each is a link that opens the article at the passage.
 */
import { useT } from '../../i18n/use-t';
import type { Appearance, LinkedMark } from '../../../shared/claims/claim-registry';
import { routeHash } from '../../store/route';

const href = (m: LinkedMark) => routeHash({ view: 'article', id: m.article, focus: m.id });

export function ClaimPlaces({ places }: { places: Appearance[] }) {
  const { t } = useT();
  return (
    <ul className="claim-places">
      {places.map((p) => (
        <li key={p.id}>
          <a href={href(p)} className="claim-place-link" lang={p.language}>
            {p.title}
          </a>
          <span className="claim-facts">
            {p.paragraph !== null && <span>{t('claims.paragraph', { n: p.paragraph })}</span>}
            {p.section && <span className={`claim-section ${p.section}`}>{t(`claims.${p.section}`)}</span>}
            <span className="claim-speaker">{p.speaker ? t('claims.saidBy', { name: p.speaker }) : t('claims.notSaid')}</span>
          </span>
          <q className="claim-quote" lang={p.language}>
            {p.quote}
          </q>
        </li>
      ))}
    </ul>
  );
}

export function LinkedPassages({ title, passages }: { title: string; passages: LinkedMark[] }) {
  const { t } = useT();
  return (
    <section>
      <h3>{title}</h3>
      {passages.length === 0 ? (
        <p className="muted">{t('claims.none')}</p>
      ) : (
        <ul>
          {passages.map((m) => (
            <li key={m.id}>
              <a href={href(m)}>
                <q lang={m.language}>{m.quote}</q>
              </a>{' '}
              <span className="muted">{t('claims.inArticle', { title: m.title })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
