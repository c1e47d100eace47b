/**
 * The argument map (`#/map`): every annotation of the corpus as a node (colour and shape by
 * kind), every link as an edge (line style and label by relation), laid out by fCoSE. Beside the
 * canvas, the same nodes as a list for the keyboard: typing in the search marks the matching
 * nodes, focusing or hovering a line marks its node, Enter or a click opens the annotation in its
 * article. `#/map?a=<id>` (the article view's "Show on the argument map") marks that node.
 * A claim's marks carry its verdict: a badge in the list, its glyph and word in the node's label.
 * An article's versions are one article: a carried mark shows once, at its newest version.
 */
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../i18n/use-t';
import { listArticles, readTagset } from '../../shared/model/corpus';
import { corpusDocName } from '../../shared/model/doc-names';
import { DEFAULT_TAGSET } from '../../shared/model/tagset';
import { latestCopies } from '../../shared/versions/carried-links';
import { kindStyleSheet } from '../editor/kind-styles';
import { useClaimVerdicts } from '../store/claim-verdicts';
import { useCorpusAnnotations } from '../store/corpus-annotations';
import { buildMapGraph, EDGE_STYLES, NODE_SHAPES, type MapNode } from '../store/map-model';
import { versionTitles } from '../store/version-titles';
import { routeHash } from '../store/route';
import { useDoc, useDocValue } from '../store/use-doc';
import type { MapGraph } from './map-graph';
import { GLYPHS, MapNodeButton } from './MapNodeButton';
import { VerdictBadge } from './verdict/VerdictBadge';
import { withVerdicts } from './verdict/map-verdicts';

export function ArgumentMap({ corpus, me, focus }: { corpus: string; me: string; focus?: string }) {
  const { t, language } = useT();
  const lang = language === 'fr' ? 'fr' : 'en';
  const { doc: corpusDoc } = useDoc(corpusDocName(corpus));
  const tagset = useDocValue(corpusDoc, readTagset) ?? DEFAULT_TAGSET;
  const articles = useDocValue(corpusDoc, listArticles);
  const all = useCorpusAnnotations(corpus, me);
  const verdicts = useClaimVerdicts(corpus, me, all)?.byMark;
  const graph = useMemo(() => {
    if (!all || !articles) return null;
    // an article's versions are one article here: a carried mark once, at its newest place; titles say which version
    const titles = versionTitles(articles, t);
    const titled = articles.map((a) => ({ ...a, title: titles.get(a.id) ?? a.title }));
    const plain = buildMapGraph(latestCopies(all, articles), tagset, titled, lang, (key) => t('sidebar.unknownKind', { key }));
    return verdicts ? withVerdicts(plain, verdicts, (rating) => t(`verdict.ratings.${rating}`)) : plain;
  }, [all, articles, tagset, lang, t, verdicts]);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [pointed, setPointed] = useState<string | null>(null);
  const canvas = useRef<HTMLDivElement>(null);
  const drawn = useRef<MapGraph | null>(null);
  const [ready, setReady] = useState(0);

  const open = (n: MapNode) => (location.hash = routeHash({ view: 'article', id: n.article, focus: n.id }));
  useEffect(() => {
    if (!graph || !canvas.current || graph.nodes.length === 0) return;
    let live = true;
    void import('./map-graph').then(({ drawMap }) => {
      if (!live || !canvas.current) return;
      drawn.current = drawMap(canvas.current, graph.nodes, graph.edges, open);
      setReady((r) => r + 1);
    });
    return () => {
      live = false;
      drawn.current?.destroy();
      drawn.current = null;
    };
  }, [graph]);

  const matches = useMemo(() => {
    const q = deferredQuery.trim().toLocaleLowerCase();
    if (!q || !graph) return null;
    return new Set(graph.nodes.filter((n) => [n.quote, n.author, n.kindName, n.articleTitle].some((s) => s.toLocaleLowerCase().includes(q))).map((n) => n.id));
  }, [deferredQuery, graph]);
  const marked = pointed ?? focus ?? null;
  useEffect(() => drawn.current?.mark(marked, matches), [marked, matches, ready]);
  const listed = graph ? (matches ? graph.nodes.filter((n) => matches.has(n.id)) : graph.nodes) : [];

  if (!graph) return <p className="loading">{t('app.loading')}</p>;
  return (
    <main className="argument-map">
      <style>{kindStyleSheet(tagset)}</style>
      <div className="map-side">
        <h1>{t('map.title')}</h1>
        <p className="hint">{t('map.intro')}</p>
        <p className="map-summary">
          {t('map.summary', { count: graph.nodes.length })} · {t('map.links', { count: graph.edges.length })}
        </p>
        <div className="map-legend" aria-label={t('map.legend')} role="group">
          {tagset.kinds.map((k, i) => (
            <span key={k.key} className="legend-item">
              <span style={{ color: k.color }} aria-hidden="true">{GLYPHS[NODE_SHAPES[i % NODE_SHAPES.length]!]}</span> {k.name[lang]}
            </span>
          ))}
          {tagset.relations.map((r, i) => (
            <span key={r.key} className="legend-item">
              <span aria-hidden="true"><span className={`legend-line ${EDGE_STYLES[i % EDGE_STYLES.length]!}`} />▸</span> {r.name[lang]}
            </span>
          ))}
        </div>
        <input type="search" value={query} placeholder={t('map.filter')} aria-label={t('map.filter')} onChange={(e) => setQuery(e.target.value)} />
        {graph.nodes.length === 0 && <p className="empty">{t('map.empty')}</p>}
        <ul className="map-list" aria-label={t('map.list')}>
          {listed.map((n) => (
            <li key={n.id}>
              <MapNodeButton
                node={n}
                className={n.id === marked ? 'marked' : undefined}
                aria-current={n.id === focus ? 'true' : undefined}
                onClick={() => open(n)}
                onFocus={() => setPointed(n.id)}
                onBlur={() => setPointed(null)}
                onMouseEnter={() => setPointed(n.id)}
                onMouseLeave={() => setPointed(null)}
                ref={n.id === focus ? (el) => el?.scrollIntoView({ block: 'nearest' }) : undefined}
              >
                {verdicts?.get(n.id)?.result.rating && (
                  <>
                    {' '}
                    <VerdictBadge result={verdicts.get(n.id)!.result} />
                  </>
                )}
              </MapNodeButton>
            </li>
          ))}
        </ul>
      </div>
      <div className="map-canvas-box">
        <button type="button" className="map-fit" onClick={() => drawn.current?.fit()}>
          {t('map.fit')}
        </button>
        <div ref={canvas} className="map-canvas" role="img" aria-label={t('map.canvas')} data-ready={ready > 0 ? 'true' : undefined} />
      </div>
    </main>
  );
}
