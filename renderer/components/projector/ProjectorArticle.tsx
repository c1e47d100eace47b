/**
 * An article on the projector: the title, a legend of the kinds (colour and underline, with the
 * kind's name) and the text with the class's marks painted over it, in large type, with no
 * toolbar, hint, sidebar or button. When it follows the teacher, each place the teacher's
 * presence carries is brought to the same line of the screen.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listArticles, readTagset } from '../../../shared/model/corpus';
import { corpusDocName } from '../../../shared/model/doc-names';
import { DEFAULT_TAGSET } from '../../../shared/model/tagset';
import { ArticleEditor } from '../../editor/article-editor';
import { kindStyleSheet } from '../../editor/kind-styles';
import { PeerSelections } from '../../editor/PeerSelections';
import type { TextMap } from '../../editor/text-map';
import { useFollowReadingPlace } from '../../editor/use-reading-place';
import { usePainter } from '../../editor/use-painter';
import { useArticle, useArticleState } from '../../store/use-article-state';
import { useDoc, useDocValue } from '../../store/use-doc';

interface Props {
  corpus: string;
  articleId: string;
  me: string;
  /** the teacher's place to follow, when following */
  place?: number | null;
  /** the class is blind: no student's selection is painted */
  blind: boolean;
}

const noRoot = () => null;

export function ProjectorArticle({ corpus, articleId, me, place, blind }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const state = useArticleState(corpus, articleId, me);
  const { text, index, problem } = useArticle(state);
  const { doc: corpusDoc } = useDoc(corpusDocName(corpus));
  const article = useDocValue(corpusDoc, (d) => listArticles(d).find((a) => a.id === articleId), [articleId]);
  const tagset = useDocValue(corpusDoc, readTagset) ?? DEFAULT_TAGSET;
  const [textMap, setTextMap] = useState<TextMap | null>(null);
  usePainter(state, textMap, tagset);
  useFollowReadingPlace(place, textMap, index);
  if (problem) return <p role="alert">{t('errors.openFailed', { name: problem })}</p>;
  if (!text || !index) return <p className="loading">{t('app.loading')}</p>;
  return (
    <article className="projector-article">
      <style>{kindStyleSheet(tagset)}</style>
      <h2 lang={article?.language}>{article?.title}</h2>
      <ul className="projector-legend" aria-label={t('projector.legend')}>
        {tagset.kinds.map((k) => (
          <li key={k.key}>
            <span className="kind-swatch" data-kind={k.key} aria-hidden="true" /> {k.name[lang]}
          </li>
        ))}
      </ul>
      <div className="editor-box">
        <PeerSelections articleId={articleId} index={index} textMap={textMap} root={noRoot} blind={blind} />
        <ArticleEditor key={text} text={text} label={article?.title ?? ''} lang={article?.language ?? 'und'} onTextMap={setTextMap} />
      </div>
    </article>
  );
}
