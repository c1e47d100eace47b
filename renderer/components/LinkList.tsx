/**
 * The links of one annotation, in its sidebar item: the relations it makes (→) and those made
 * to it (←), each a button that jumps to the other end (in this article or another one of the
 * corpus); the owner of a link can remove it.
 */
import { useT } from '../i18n/use-t';
import { relationLabel } from '../../shared/model/relations';
import type { Tagset } from '../../shared/model/tagset';
import type { ShownLink } from '../store/link-view';
import { titleWithVersion } from '../store/version-titles';

interface Props {
  from: string;
  links: ShownLink[];
  tagset: Tagset;
  /** the annotation is the user's: they can remove its outgoing links */
  mine: boolean;
  onFollow: (link: ShownLink) => void;
  onUnlink: (from: string, to: string, rel: string) => void;
}

export function LinkList({ from, links, tagset, mine, onFollow, onUnlink }: Props) {
  const { t, language } = useT();
  const lang = language === 'fr' ? 'fr' : 'en';
  return (
    <ul className="link-list" aria-label={t('links.title')}>
      {links.map((l) => {
        const rel = relationLabel(tagset, l.rel, lang) ?? t('links.unknownRelation', { key: l.rel });
        const quote = l.quote ?? t('links.notLoaded');
        const title = l.articleTitle && titleWithVersion(t, l.articleTitle, l.articleVersion);
        const where = title ? t('links.inArticle', { title }) : '';
        const label = l.direction === 'out' ? t('links.out', { rel, quote }) : t('links.in', { rel, quote });
        return (
          <li key={`${l.direction}/${l.id}/${l.rel}`} className={`link link-${l.direction}`}>
            <button type="button" className="link-button" onClick={() => onFollow(l)}>
              {label}
              {where && <span className="link-where"> {where}</span>}
            </button>
            {mine && l.direction === 'out' && (
              <button type="button" className="link-remove" onClick={() => onUnlink(from, l.id, l.rel)} aria-label={t('links.remove', { label })}>
                ×
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
