/**
 * The canonical texts of some articles of the corpus, read from their text documents and read
 * again when one changes. For the claim registry (paragraph, comments, who is quoted) and the
 * "same claim?" suggestions (the sentences of the other articles).
 */
import { useEffect, useState } from 'react';
import { articleText } from '../../../shared/model/corpus';
import { textDocName } from '../../../shared/model/doc-names';
import { loadDoc } from '../doc-store';

/** Article id → text, for the articles loaded so far (ids joined by commas, so the caller's array may be new on each render). */
export function useArticleTexts(corpus: string, ids: readonly string[]): ReadonlyMap<string, string> {
  const key = ids.join(',');
  const [texts, setTexts] = useState<{ key: string; map: ReadonlyMap<string, string> }>({ key, map: new Map() });
  useEffect(() => {
    let live = true;
    const map = new Map<string, string>();
    const stops: (() => void)[] = [];
    for (const id of key ? key.split(',') : []) {
      void loadDoc(textDocName(corpus, id)).then((doc) => {
        if (!live) return;
        const read = () => {
          map.set(id, articleText(doc).toString());
          setTexts({ key, map: new Map(map) });
        };
        read();
        doc.on('update', read);
        stops.push(() => doc.off('update', read));
      });
    }
    return () => {
      live = false;
      stops.forEach((stop) => stop());
    };
  }, [corpus, key]);
  return texts.key === key ? texts.map : new Map();
}
