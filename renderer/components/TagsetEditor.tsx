/**
 * The teacher's tagset editor: for each kind its names in English and French, colour, underline
 * style, shortcut key and description (the tooltip); kinds and relation types can be added and
 * removed. Saving checks the whole tagset (unique keys and shortcuts, valid colours…) and shows
 * every problem; removing a kind never touches annotations (see shared/model/tagset-edit.ts).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { underlineStyles, type Kind, type Tagset } from '../../shared/model/tagset';
import type { TagsetProblem } from '../../shared/model/tagset-edit';
import { ModalDialog } from './ModalDialog';

interface Props {
  tagset: Tagset;
  onSave: (tagset: Tagset) => TagsetProblem[];
  onClose: () => void;
}

const SPARE_COLORS = ['#56B4E9', '#F0E442', '#000000', '#0072B2', '#D55E00'];
const SHORTCUTS = '1234567890abcdefghijklmnopqrstuvwxyz';

function freshKind(t: Tagset, name: string): Kind {
  const n = t.kinds.length + 1;
  const taken = new Set(t.kinds.map((k) => k.shortcut));
  return {
    key: `kind-${n}`,
    name: { en: name, fr: name },
    description: { en: '', fr: '' },
    color: SPARE_COLORS[n % SPARE_COLORS.length]!,
    underline: underlineStyles[n % underlineStyles.length]!,
    shortcut: [...SHORTCUTS].find((c) => !taken.has(c)) ?? 'z',
  };
}

export function TagsetEditor({ tagset, onSave, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const uid = useId();
  const [draft, setDraft] = useState<Tagset>(tagset);
  const [problems, setProblems] = useState<TagsetProblem[]>([]);
  const isNew = (key: string, list: { key: string }[]) => !list.some((x) => x.key === key);
  const setKind = (i: number, patch: Partial<Kind>) => setDraft({ ...draft, kinds: draft.kinds.map((k, j) => (j === i ? { ...k, ...patch } : k)) });
  const setRelation = (i: number, patch: Partial<Tagset['relations'][number]>) => setDraft({ ...draft, relations: draft.relations.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  const field = (label: string, value: string, onChange: (v: string) => void, extra: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <label>
      {label}
      <input value={value} onChange={(e) => onChange(e.target.value)} {...extra} />
    </label>
  );

  return (
    <ModalDialog labelledBy={`${uid}-title`} onClose={onClose}>
      <form
        className="dialog tagset-editor"
        onSubmit={(e) => {
          e.preventDefault();
          const found = onSave(draft);
          setProblems(found);
          if (found.length === 0) onClose();
        }}
      >
        <h2 id={`${uid}-title`}>{t('tagset.title')}</h2>
        <p className="hint">{t('tagset.intro')}</p>
        <h3>{t('tagset.kinds')}</h3>
        {draft.kinds.map((k, i) => (
          <fieldset key={i} className="tagset-kind">
            <legend>
              <span className="kind-swatch" style={{ backgroundColor: `${k.color}2e`, borderBottom: `3px ${k.underline === 'wavy' ? 'dashed' : k.underline} ${k.color}` }} aria-hidden="true" />
              {k.name[lang]}
            </legend>
            {field(t('tagset.nameEn'), k.name.en, (v) => setKind(i, { name: { ...k.name, en: v } }))}
            {field(t('tagset.nameFr'), k.name.fr, (v) => setKind(i, { name: { ...k.name, fr: v } }))}
            {field(t('tagset.key'), k.key, (v) => setKind(i, { key: v }), { readOnly: !isNew(k.key, tagset.kinds) })}
            {field(t('tagset.shortcut'), k.shortcut, (v) => setKind(i, { shortcut: v.slice(-1).toLowerCase() }), { maxLength: 2, size: 2 })}
            {field(t('tagset.color'), k.color, (v) => setKind(i, { color: v }), { type: 'color' })}
            <label>
              {t('tagset.underline')}
              <select value={k.underline} onChange={(e) => setKind(i, { underline: e.target.value as Kind['underline'] })}>
                {underlineStyles.map((u) => (
                  <option key={u} value={u}>
                    {t(`tagset.underlines.${u}`)}
                  </option>
                ))}
              </select>
            </label>
            {field(t('tagset.descriptionEn'), k.description.en, (v) => setKind(i, { description: { ...k.description, en: v } }))}
            {field(t('tagset.descriptionFr'), k.description.fr, (v) => setKind(i, { description: { ...k.description, fr: v } }))}
            <button type="button" className="danger" disabled={draft.kinds.length === 1} onClick={() => setDraft({ ...draft, kinds: draft.kinds.filter((_, j) => j !== i) })}>
              {t('tagset.removeKind', { name: k.name[lang] })}
            </button>
          </fieldset>
        ))}
        <button type="button" onClick={() => setDraft({ ...draft, kinds: [...draft.kinds, freshKind(draft, t('tagset.newKind'))] })}>
          {t('tagset.addKind')}
        </button>
        <h3>{t('tagset.relations')}</h3>
        {draft.relations.map((r, i) => (
          <fieldset key={i} className="tagset-relation">
            <legend className="visually-hidden">{r.name[lang]}</legend>
            {field(t('tagset.nameEn'), r.name.en, (v) => setRelation(i, { name: { ...r.name, en: v } }))}
            {field(t('tagset.nameFr'), r.name.fr, (v) => setRelation(i, { name: { ...r.name, fr: v } }))}
            {field(t('tagset.key'), r.key, (v) => setRelation(i, { key: v }), { readOnly: !isNew(r.key, tagset.relations) })}
            <button type="button" className="danger" onClick={() => setDraft({ ...draft, relations: draft.relations.filter((_, j) => j !== i) })}>
              {t('tagset.removeRelation', { name: r.name[lang] })}
            </button>
          </fieldset>
        ))}
        <button type="button" onClick={() => setDraft({ ...draft, relations: [...draft.relations, { key: `relation-${draft.relations.length + 1}`, name: { en: t('tagset.newRelation'), fr: t('tagset.newRelation') } }] })}>
          {t('tagset.addRelation')}
        </button>
        {problems.length > 0 && (
          <ul className="tagset-problems" role="alert">
            {problems.map((p, i) => (
              <li key={i}>{p.code === 'invalid' ? t('tagset.problems.invalid', { path: p.path, message: p.message }) : t(`tagset.problems.${p.code}`, { value: p.value })}</li>
            ))}
          </ul>
        )}
        <div className="row">
          <button type="submit">{t('tagset.save')}</button>
          <button type="button" onClick={onClose}>
            {t('library.cancel')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
