/**
 * The two checklists every research task starts from: which articles and which layers
 * (annotators). Each list has All / None buttons; the boxes are ordinary checkboxes, so the
 * keyboard (Tab, Space) works as everywhere else.
 */
import { useTranslation } from 'react-i18next';
import { GOLD_OWNER } from '../../../shared/model/doc-names';
import type { CorpusChoice } from '../../store/research/corpus-reader';

export interface Chosen {
  articles: Set<string>;
  owners: Set<string>;
}

interface ListProps {
  legend: string;
  items: { id: string; label: string }[];
  chosen: Set<string>;
  onChange: (next: Set<string>) => void;
}

function CheckList({ legend, items, chosen, onChange }: ListProps) {
  const { t } = useTranslation();
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (!next.delete(id)) next.add(id);
    onChange(next);
  };
  return (
    <fieldset className="check-list">
      <legend>
        {legend} <span className="count">{chosen.size}/{items.length}</span>
      </legend>
      <div className="row">
        <button type="button" onClick={() => onChange(new Set(items.map((i) => i.id)))}>{t('research.choice.all')}</button>
        <button type="button" onClick={() => onChange(new Set())}>{t('research.choice.none')}</button>
      </div>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <label>
              <input type="checkbox" checked={chosen.has(item.id)} onChange={() => toggle(item.id)} /> {item.label}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export function ChoiceLists({ choice, me, chosen, onChange }: { choice: CorpusChoice; me: string; chosen: Chosen; onChange: (c: Chosen) => void }) {
  const { t } = useTranslation();
  const ownerLabel = (id: string) => (id === GOLD_OWNER ? t('research.choice.gold') : id === me ? t('research.choice.you', { name: choice.names[id] }) : (choice.names[id] ?? id));
  return (
    <section className="research-choice" aria-labelledby="research-choice-title">
      <h2 id="research-choice-title">{t('research.choice.title')}</h2>
      <div className="choice-columns">
        <CheckList legend={t('research.choice.articles')} items={choice.articles.map((a) => ({ id: a.id, label: a.title }))} chosen={chosen.articles} onChange={(articles) => onChange({ ...chosen, articles })} />
        <CheckList legend={t('research.choice.layers')} items={choice.owners.map((id) => ({ id, label: ownerLabel(id) }))} chosen={chosen.owners} onChange={(owners) => onChange({ ...chosen, owners })} />
      </div>
    </section>
  );
}
