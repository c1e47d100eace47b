/**
 * The research view (`#/research`): choose articles and layers once, then export them, import
 * annotations made elsewhere, measure agreement between annotators, or open an article's
 * adjudication. The corpus is read from the local Yjs documents; after an import the choice is
 * read again (new layers, new articles).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readCorpusChoice, type CorpusChoice } from '../../store/research/corpus-reader';
import { AdjudicationPanel } from './AdjudicationPanel';
import { AgreementPanel } from './AgreementPanel';
import { ChoiceLists, type Chosen } from './ChoiceLists';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';

export function ResearchView({ corpus, me }: { corpus: string; me: { id: string; name: string } }) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<CorpusChoice | null>(null);
  const [chosen, setChosen] = useState<Chosen>({ articles: new Set(), owners: new Set() });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    void readCorpusChoice(corpus, me.id).then((c) => {
      if (!live) return;
      setChoice({ ...c, names: { ...c.names, [me.id]: me.name } });
      setChosen({ articles: new Set(c.articles.map((a) => a.id)), owners: new Set(c.owners) });
    });
    return () => {
      live = false;
    };
  }, [corpus, me.id, me.name, generation]);

  return (
    <main className="research" aria-labelledby="research-title">
      <h1 id="research-title">{t('research.title')}</h1>
      <p className="muted">{t('research.intro')}</p>
      {!choice ? (
        <p className="loading">{t('app.loading')}</p>
      ) : (
        <>
          <ChoiceLists choice={choice} me={me.id} chosen={chosen} onChange={setChosen} />
          <ExportPanel choice={choice} chosen={chosen} />
          <AgreementPanel choice={choice} chosen={chosen} />
          <AdjudicationPanel choice={choice} chosen={chosen} />
          <ImportPanel corpus={corpus} onImported={() => setGeneration((g) => g + 1)} />
        </>
      )}
    </main>
  );
}
