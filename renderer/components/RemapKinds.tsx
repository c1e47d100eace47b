/**
 * Shown when some of the user's annotations, in any article of the corpus, have a kind the
 * tagset no longer defines (the teacher removed it): they are kept as they are, and here the user
 * can move all of one unknown kind to a kind of the tagset, in their own layer of every article
 * at once, and is told how many annotations in how many articles changed. "Undo" puts back
 * exactly what that remap changed, everywhere; in the open article Ctrl+Z also undoes it there.
 */
import { useMemo, useState } from 'react';
import { useT } from '../i18n/use-t';
import type { Tagset } from '../../shared/model/tagset';
import { remapKindAcross, revertRemap, type Remapped } from '../../shared/model/tagset-edit';
import { useCorpusAnnotations } from '../store/corpus-annotations';
import { ownLayers, ownUnknownKinds } from '../store/corpus-remap';

interface Props {
  corpus: string;
  me: string;
  tagset: Tagset;
}

const total = (changed: Remapped) => [...changed.values()].reduce((n, ids) => n + ids.length, 0);

export function RemapKinds({ corpus, me, tagset }: Props) {
  const { t, language } = useT();
  const lang = language === 'fr' ? 'fr' : 'en';
  const all = useCorpusAnnotations(corpus, me);
  const unknown = useMemo(() => ownUnknownKinds(tagset, all ?? []), [tagset, all]);
  const [targets, setTargets] = useState<Record<string, string>>({});
  const [last, setLast] = useState<{ from: string; to: string; changed: Remapped } | null>(null);
  const [message, setMessage] = useState('');
  const run = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      setMessage(t('errors.saveFailed', { reason: error instanceof Error ? error.message : String(error) }));
    }
  };
  const remap = (from: string, to: string) =>
    run(async () => {
      const changed = remapKindAcross(await ownLayers(corpus, me), from, to, new Date());
      setLast({ from, to, changed });
      setMessage(t('tagset.remapped', { count: total(changed), where: t('tagset.inArticles', { count: changed.size }) }));
    });
  const undo = (done: NonNullable<typeof last>) =>
    run(async () => {
      const count = revertRemap(await ownLayers(corpus, me), done.changed, done.from, done.to, new Date());
      setLast(null);
      setMessage(t('tagset.remapUndone', { count, key: done.from }));
    });

  if (unknown.length === 0 && !message) return null;
  return (
    <section className="remap" aria-label={t('tagset.remapTitle')}>
      <h3>{t('tagset.remapTitle')}</h3>
      {unknown.map(({ key, count, articles }) => {
        const to = targets[key] ?? tagset.kinds[0]!.key;
        return (
          <div key={key} className="row">
            <span>{t('tagset.remapWhat', { key, count, where: t('tagset.inArticles', { count: articles }) })}</span>
            <select value={to} aria-label={t('tagset.remapTo', { key })} onChange={(e) => setTargets({ ...targets, [key]: e.target.value })}>
              {tagset.kinds.map((k) => (
                <option key={k.key} value={k.key}>
                  {k.name[lang]}
                </option>
              ))}
            </select>
            <button type="button" onClick={() => void remap(key, to)}>
              {t('tagset.remap')}
            </button>
          </div>
        );
      })}
      <div className="row">
        <span role="status" aria-live="polite">
          {message}
        </span>
        {last && (
          <button type="button" onClick={() => void undo(last)}>
            {t('undo.undo')}
          </button>
        )}
        {message && (
          <button type="button" onClick={() => (setMessage(''), setLast(null))}>
            {t('tagset.remapDismiss')}
          </button>
        )}
      </div>
    </section>
  );
}
