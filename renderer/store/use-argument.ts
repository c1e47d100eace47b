/**
 * The argument structure of an open article, gathered for the article view: discussion threads
 * and actions, links (made with the link picker, shown in the sidebar and painted in the text
 * for the focused or hovered annotation), and the corpus-wide annotations links can point to.
 * What the sidebar receives is deferred like the sidebar itself, so a key press paints first.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { listArticles } from '../../shared/model/corpus';
import { corpusDocName } from '../../shared/model/doc-names';
import { updateAnnotation } from '../../shared/model/layer';
import type { Author } from '../../shared/model/record';
import { withLink, withoutLink, type Located } from '../../shared/model/relations';
import type { Tagset } from '../../shared/model/tagset';
import { writeTagset, type TagsetProblem } from '../../shared/model/tagset-edit';
import { LINKED, paintMany } from '../editor/highlights';
import type { LinkCandidate } from '../components/LinkPicker';
import type { LayerView } from './article-layers';
import { useCorpusAnnotations } from './corpus-annotations';
import { shortQuote, showLinks, type ShownLink } from './link-view';
import type { Placement } from './placed-annotations';
import { routeHash } from './route';
import { useDiscussionActions, useThreads } from './use-discussion';
import { useDoc, useDocValue } from './use-doc';
import { useRoles } from './use-roles';

interface Deps {
  corpus: string;
  articleId: string;
  user: Author;
  layers: LayerView[] | undefined;
  layerDoc: Y.Doc | undefined;
  placement: Placement | null;
  focusedId: string | null;
  ranges: RefObject<Map<string, Range>>;
  goTo: (id: string) => void;
}

const NOTICE_MS = 4000;

export function useArgument(d: Deps) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState('');
  const [pickerFor, setPickerFor] = useState<string | null>(null);
  const [hoveredId, setHoveredId] = useState<string | null>(null);
  const roleOf = useRoles(d.corpus, d.user.id);
  const { doc: corpusDoc } = useDoc(corpusDocName(d.corpus));
  const articles = useDocValue(corpusDoc, listArticles) ?? [];
  // the rest of the corpus is read once this article is on screen
  const corpusAll = useCorpusAnnotations(d.corpus, d.user.id, d.placement !== null);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(''), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  const fail = useCallback((error: unknown) => setNotice(t('errors.saveFailed', { reason: error instanceof Error ? error.message : String(error) })), [t]);
  const discussion = useDiscussionActions(d.layerDoc, d.user, fail);
  const threads = useThreads(d.layers, d.placement, d.user.id, roleOf);

  const located = useMemo(() => {
    const here: Located[] = (d.placement?.placed ?? []).concat(d.placement?.orphans ?? []).map((p) => ({ annotation: p.annotation, article: d.articleId }));
    const elsewhere = (corpusAll ?? []).filter((c) => c.article !== d.articleId);
    return { here, elsewhere, all: here.concat(elsewhere) };
  }, [d.placement, corpusAll, d.articleId]);
  const links = useMemo(() => showLinks(d.articleId, located.all, articles), [located, articles, d.articleId]);

  // the annotations linked to the focused (or hovered) one, painted in the text
  const shownFor = hoveredId ?? d.focusedId;
  useEffect(() => {
    const ends = shownFor ? links.get(shownFor) ?? [] : [];
    paintMany(LINKED, ends.filter((e) => e.article === d.articleId).map((e) => d.ranges.current.get(e.id)));
  }, [shownFor, links, d.articleId, d.placement]);

  const latest = useRef(d);
  latest.current = d;
  const stable = useMemo(
    () => ({
      openPicker: (id: string) => setPickerFor(id),
      unlink: (from: string, to: string, rel: string) => {
        const { layerDoc, placement } = latest.current;
        const source = placement?.placed.concat(placement.orphans).find((p) => p.mine && p.annotation.id === from);
        if (!layerDoc || !source) return;
        try {
          updateAnnotation(layerDoc, from, { links: withoutLink(source.annotation.links, to, rel) }, new Date());
        } catch (error) {
          fail(error);
        }
      },
      follow: (link: ShownLink) => {
        if (link.article === latest.current.articleId) latest.current.goTo(link.id);
        else location.hash = routeHash({ view: 'article', id: link.article, focus: link.id });
      },
      hover: (id: string | null) => setHoveredId(id),
    }),
    [fail],
  );

  const source = pickerFor ? d.placement?.placed.find((p) => p.annotation.id === pickerFor) : undefined;
  const candidates = useMemo((): LinkCandidate[] => {
    if (!pickerFor) return [];
    const titles = new Map(articles.map((a) => [a.id, a.title]));
    const seen = new Set([pickerFor]);
    const out: LinkCandidate[] = [];
    for (const { annotation: a, article } of located.all) {
      if (seen.has(a.id)) continue;
      seen.add(a.id);
      out.push({ id: a.id, article, articleTitle: article === d.articleId ? undefined : titles.get(article), kind: a.kind, quote: shortQuote(a), authorName: a.author.name });
    }
    return out;
  }, [pickerFor, located, articles, d.articleId]);

  const link = (to: LinkCandidate, rel: string) => {
    setPickerFor(null);
    if (!source || !d.layerDoc) return;
    const entry = to.article === d.articleId ? { to: to.id, rel } : { to: to.id, rel, article: to.article };
    try {
      updateAnnotation(d.layerDoc, source.annotation.id, { links: withLink(source.annotation.links, entry) }, new Date());
      setNotice(t('links.created'));
    } catch (error) {
      fail(error);
    }
    d.goTo(source.annotation.id);
  };

  const saveTagset = (tagset: Tagset): TagsetProblem[] => {
    if (!corpusDoc) return [];
    const result = writeTagset(corpusDoc, tagset);
    if (result.ok) setNotice(t('tagset.saved'));
    return result.ok ? [] : result.problems;
  };

  return {
    notice,
    saveTagset,
    threads: useDeferredValue(threads),
    links: useDeferredValue(links),
    isTeacher: roleOf(d.user.id) === 'teacher',
    discussion,
    stable,
    picker: source ? { sourceQuote: shortQuote(source.annotation), candidates, onLink: link, onClose: () => (setPickerFor(null), d.goTo(source.annotation.id)) } : null,
    /** L on a focused annotation: only one's own annotations hold links */
    startLink: (id: string): boolean => {
      const mine = d.placement?.placed.some((p) => p.mine && p.annotation.id === id);
      if (mine) setPickerFor(id);
      else setNotice(t('links.onlyMine'));
      return true;
    },
  };
}
