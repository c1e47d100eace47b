/**
 * Shown when some of the user's annotations have a kind the tagset no longer defines (the
 * teacher removed or renamed it): they are kept as they are, and here the user can move all of
 * one unknown kind to a kind of the tagset in one step (undoable with Ctrl+Z).
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tagset } from '../../shared/model/tagset';
import { unknownKinds } from '../../shared/model/tagset-edit';

interface Props {
  tagset: Tagset;
  /** kinds of the user's own annotations, one entry per annotation */
  kinds: string[];
  onRemap: (from: string, to: string) => void;
}

export function RemapKinds({ tagset, kinds, onRemap }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const unknown = useMemo(() => [...unknownKinds(tagset, kinds)], [tagset, kinds]);
  const [targets, setTargets] = useState<Record<string, string>>({});
  if (unknown.length === 0) return null;
  return (
    <section className="remap" aria-label={t('tagset.remapTitle')}>
      <h3>{t('tagset.remapTitle')}</h3>
      {unknown.map(([key, count]) => {
        const to = targets[key] ?? tagset.kinds[0]!.key;
        return (
          <div key={key} className="row">
            <span>{t('tagset.remapWhat', { key, count })}</span>
            <select value={to} aria-label={t('tagset.remapTo', { key })} onChange={(e) => setTargets({ ...targets, [key]: e.target.value })}>
              {tagset.kinds.map((k) => (
                <option key={k.key} value={k.key}>
                  {k.name[lang]}
                </option>
              ))}
            </select>
            <button type="button" onClick={() => onRemap(key, to)}>
              {t('tagset.remap')}
            </button>
          </div>
        );
      })}
    </section>
  );
}
