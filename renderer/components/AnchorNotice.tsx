/**
 * Says, on an annotation in the sidebar, that its passage was not found where it was made: the
 * text changed and the anchor moved (the same words found elsewhere) or was found approximately
 * (similar words). It is a word and an icon, not a colour alone; hovering shows the original
 * quote. The author can confirm the new place (the anchor is rewritten there) or detach the
 * annotation (it becomes an orphan, kept in the list).
 */
import { useT } from '../i18n/use-t';

interface Props {
  id: string;
  status: 'moved' | 'fuzzy';
  /** the quote as it was made */
  original: string;
  mine: boolean;
  onConfirm: (id: string) => void;
  onDetach: (id: string) => void;
}

export function AnchorNotice({ id, status, original, mine, onConfirm, onDetach }: Props) {
  const { t } = useT();
  const from = t('anchor.original', { quote: original });
  return (
    <div className={`anchor-notice anchor-${status}`} role="note">
      <span title={from}>
        <span aria-hidden="true">⚠ </span>
        {t(status === 'moved' ? 'anchor.moved' : 'anchor.fuzzy')}
        <span className="visually-hidden"> {from}</span>
      </span>
      {mine && (
        <span className="row">
          <button type="button" onClick={() => onConfirm(id)}>
            {t('anchor.confirm')}
          </button>
          <button type="button" onClick={() => onDetach(id)}>
            {t('anchor.detach')}
          </button>
        </span>
      )}
    </div>
  );
}
