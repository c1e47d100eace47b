/**
 * The link picker: links the focused annotation to another one, in this article or anywhere in
 * the corpus, with a relation type of the tagset. Made for the keyboard: it opens on L with the
 * filter focused; typing filters, ↑/↓ choose the target, the relation is a radio group
 * (Shift+Tab, then arrows), Enter links and Escape closes. The mouse works as well.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useT } from '../i18n/use-t';
import { kindOf, type Tagset } from '../../shared/model/tagset';
import { titleWithVersion, type VersionOf } from '../store/version-titles';
import { ModalDialog } from './ModalDialog';

export interface LinkCandidate {
  id: string;
  article: string;
  /** set when the candidate is in another article */
  articleTitle?: string;
  /** set when that article has versions: which one the candidate is in */
  articleVersion?: VersionOf;
  kind: string;
  quote: string;
  authorName: string;
}

interface Props {
  sourceQuote: string;
  candidates: LinkCandidate[];
  tagset: Tagset;
  onLink: (to: LinkCandidate, rel: string) => void;
  onClose: () => void;
}

const SHOWN = 50;

export function LinkPicker({ sourceQuote, candidates, tagset, onLink, onClose }: Props) {
  const { t, language } = useT();
  const lang = language === 'fr' ? 'fr' : 'en';
  const uid = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [rel, setRel] = useState(tagset.relations[0]?.key ?? '');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const kindName = (key: string) => kindOf(tagset, key)?.name[lang] ?? t('sidebar.unknownKind', { key });
  const shown = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    const match = (c: LinkCandidate) => !q || [c.quote, c.authorName, c.articleTitle ?? '', kindName(c.kind)].some((s) => s.toLocaleLowerCase().includes(q));
    return candidates.filter(match).slice(0, SHOWN);
    // kindName depends only on the tagset and the language
  }, [candidates, query, tagset, lang]);
  const current = shown[Math.min(active, shown.length - 1)];
  const submit = () => {
    if (current && rel) onLink(current, rel);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const move = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    if (move) {
      e.preventDefault();
      setActive((i) => Math.max(0, Math.min(shown.length - 1, i + move)));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      submit();
    }
  };

  return (
    <ModalDialog labelledBy={`${uid}-title`} onClose={onClose}>
      <div className="dialog link-picker">
        <h2 id={`${uid}-title`}>{t('links.pickerTitle')}</h2>
        <p className="link-source">{t('quotes.passage', { quote: sourceQuote })}</p>
        {tagset.relations.length === 0 ? (
          <p className="warning">{t('links.noRelations')}</p>
        ) : (
          <fieldset className="relation-choice">
            <legend>{t('links.relation')}</legend>
            {tagset.relations.map((r) => (
              <label key={r.key}>
                <input type="radio" name={`${uid}-rel`} value={r.key} checked={rel === r.key} onChange={() => setRel(r.key)} />
                {r.name[lang]}
              </label>
            ))}
          </fieldset>
        )}
        <label>
          {t('links.target')}
          <input
            ref={input}
            type="search"
            role="combobox"
            aria-expanded="true"
            aria-controls={`${uid}-list`}
            aria-activedescendant={current ? `${uid}-${current.id}` : undefined}
            aria-autocomplete="list"
            value={query}
            placeholder={t('links.filter')}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
          />
        </label>
        <ul id={`${uid}-list`} role="listbox" aria-label={t('links.candidates')} className="candidates">
          {shown.map((c) => (
            <li key={c.id} id={`${uid}-${c.id}`} role="option" aria-selected={c === current} className={c === current ? 'active' : undefined} onMouseDown={(e) => e.preventDefault()} onClick={() => setActive(shown.indexOf(c))} onDoubleClick={() => rel && onLink(c, rel)}>
              <span className="kind-swatch" data-kind={c.kind} aria-hidden="true" /> <strong>{kindName(c.kind)}</strong> {t('quotes.passage', { quote: c.quote })}{' '}
              <span className="muted">
                — {c.authorName}
                {c.articleTitle && ` · ${titleWithVersion(t, c.articleTitle, c.articleVersion)}`}
              </span>
            </li>
          ))}
        </ul>
        {shown.length === 0 && <p className="empty">{t('links.none')}</p>}
        <div className="row">
          <button type="button" onClick={submit} disabled={!current || !rel}>
            {t('links.create')}
          </button>
          <button type="button" onClick={onClose}>
            {t('library.cancel')}
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
