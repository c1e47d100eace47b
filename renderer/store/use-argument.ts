/**
 * The argument actions of an open article: the link picker (links made from the user's own
 * annotations to any annotation of the corpus), unlinking, following a link, hovering, the
 * discussion actions and saving the tagset (teacher). Threads and links themselves are read
 * from the article state; painting them is the painter's.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { corpusDocName } from '../../shared/model/doc-names';
import type { Author } from '../../shared/model/record';
import { withLink, withoutLink } from '../../shared/model/relations';
import type { Tagset } from '../../shared/model/tagset';
import { writeTagset, type TagsetProblem } from '../../shared/model/tagset-edit';
import type { LinkCandidate } from '../components/LinkPicker';
import type { ArticleState } from './article-state';
import { updateMine } from './article-writes';
import { shortQuote, type ShownLink } from './link-view';
import { routeHash } from './route';
import { useDiscussionActions } from './use-discussion';
import { useDoc } from './use-doc';

interface Deps {
  corpus: string;
  user: Author;
  state: ArticleState;
  goTo: (id: string) => void;
}

const NOTICE_MS = 4000;

export function useArgument(d: Deps) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState('');
  const [pickerFor, setPickerFor] = useState<string | null>(null);
  const { doc: corpusDoc } = useDoc(corpusDocName(d.corpus));
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(''), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  const fail = useCallback((error: unknown) => setNotice(t('errors.saveFailed', { reason: error instanceof Error ? error.message : String(error) })), [t]);
  const discussion = useDiscussionActions(d.state.myLayer, d.user, fail);

  const latest = useRef(d);
  latest.current = d;
  const stable = useMemo(
    () => ({
      openPicker: (id: string) => setPickerFor(id),
      unlink: (from: string, to: string, rel: string) => {
        const { state } = latest.current;
        const source = state.find(from);
        const result = source ? updateMine(state, from, { links: withoutLink(source.annotation.links, to, rel) }, new Date()) : null;
        if (result && !result.ok) setNotice(t(result.error.key, result.error));
      },
      follow: (link: ShownLink) => {
        if (link.article === latest.current.state.article) latest.current.goTo(link.id);
        else location.hash = routeHash({ view: 'article', id: link.article, focus: link.id });
      },
      hover: (id: string | null) => latest.current.state.hover(id),
    }),
    [t],
  );

  const source = pickerFor ? d.state.find(pickerFor) : undefined;
  const link = (to: LinkCandidate, rel: string) => {
    setPickerFor(null);
    if (!source) return;
    const entry = to.article === d.state.article ? { to: to.id, rel } : { to: to.id, rel, article: to.article };
    const result = updateMine(d.state, source.annotation.id, { links: withLink(source.annotation.links, entry) }, new Date());
    setNotice(result.ok ? t('links.created') : t(result.error.key, result.error));
    d.goTo(source.annotation.id);
  };

  const saveTagset = (tagset: Tagset): TagsetProblem[] => {
    if (!corpusDoc) return [];
    const result = writeTagset(corpusDoc, tagset);
    if (result.ok) setNotice(t('tagset.saved'));
    return result.ok ? [] : result.error;
  };

  return {
    notice,
    saveTagset,
    discussion,
    stable,
    picker: source
      ? { sourceQuote: shortQuote(source.annotation), candidates: d.state.linkCandidates(source.annotation.id), onLink: link, onClose: () => (setPickerFor(null), d.goTo(source.annotation.id)) }
      : null,
    /** L on a focused annotation: only one's own annotations hold links */
    startLink: (id: string): boolean => {
      if (d.state.find(id)?.mine) setPickerFor(id);
      else setNotice(t('links.onlyMine'));
      return true;
    },
  };
}
