/**
 * The toolbar of annotation kinds: one button per kind of the tagset, with its name, its
 * swatch (colour and underline style) and its keyboard shortcut; the description is the tooltip.
 * For the teacher it also opens the tagset editor.
 */
import { useState } from 'react';
import { useT } from '../i18n/use-t';
import type { Tagset } from '../../shared/model/tagset';
import type { TagsetProblem } from '../../shared/model/tagset-edit';
import { TagsetEditor } from './TagsetEditor';

interface Props {
  tagset: Tagset;
  onMark: (kind: string) => void;
  /** given to the teacher only: writes a new tagset, returns its problems (none when saved) */
  onSaveTagset?: (tagset: Tagset) => TagsetProblem[];
}

export function KindToolbar({ tagset, onMark, onSaveTagset }: Props) {
  const { t, language } = useT();
  const lang = language === 'fr' ? 'fr' : 'en';
  const [editing, setEditing] = useState(false);
  return (
    <div role="toolbar" aria-label={t('kinds.toolbar')} className="kind-toolbar">
      <span className="toolbar-label">{t('kinds.toolbar')}</span>
      {tagset.kinds.map((k) => (
        <button
          key={k.key}
          type="button"
          className="kind-button"
          title={k.description[lang]}
          aria-keyshortcuts={k.shortcut}
          // keep the text selection when the button is clicked with the mouse
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onMark(k.key)}
        >
          <span className="kind-swatch" data-kind={k.key} aria-hidden="true" />
          {k.name[lang]} <kbd aria-label={t('kinds.shortcut', { key: k.shortcut })}>{k.shortcut}</kbd>
        </button>
      ))}
      {onSaveTagset && (
        <button type="button" className="tagset-open" onClick={() => setEditing(true)}>
          {t('tagset.open')}
        </button>
      )}
      {editing && onSaveTagset && <TagsetEditor tagset={tagset} onSave={onSaveTagset} onClose={() => setEditing(false)} />}
    </div>
  );
}
