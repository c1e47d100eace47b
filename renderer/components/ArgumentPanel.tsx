/**
 * The article's argument panel, in the sidebar: where the passage under the selection or caret
 * sits in the corpus's argument map. It draws the map's neighbourhood of the annotations under
 * the selection (them, and the annotations linked to them either way, in any article) with the
 * map's own graph code, and highlights their nodes as the selection moves; moving between
 * passages already drawn only moves the highlight, and a drawing stays until the next one replaces it. The same nodes are a list of buttons (Enter
 * opens one), and a polite live region says what is under the selection. Loaded on demand after
 * the highlights are painted, and it re-renders only when the annotations under the selection,
 * or the corpus's annotations, change.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listArticles } from '../../shared/model/corpus';
import { corpusDocName } from '../../shared/model/doc-names';
import type { Tagset } from '../../shared/model/tagset';
import type { TextMap } from '../editor/text-map';
import { useCorpusAnnotations } from '../store/corpus-annotations';
import { buildMapGraph, followSelection, type MapNode, type Neighbourhood } from '../store/map-model';
import type { Placed } from '../store/placed-annotations';
import { routeHash } from '../store/route';
import { useDoc, useDocValue } from '../store/use-doc';
import { useSelectionAnnotations } from '../store/use-selection-annotations';
import type { MapGraph } from './map-graph';
import { MapNodeButton } from './MapNodeButton';

const IDLE_MS = 300;

interface Props {
  corpus: string;
  me: string;
  articleId: string;
  tagset: Tagset;
  placed: Placed[];
  textMap: TextMap;
  root: () => HTMLElement | null;
  focusedId: string | null;
  onGoTo: (id: string) => void;
}

export function ArgumentPanel({ corpus, me, articleId, tagset, placed, textMap, root, focusedId, onGoTo }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  const [open, setOpen] = useState(true);
  const { doc: corpusDoc } = useDoc(corpusDocName(corpus));
  const articles = useDocValue(corpusDoc, listArticles);
  const all = useCorpusAnnotations(corpus, me);
  const graph = useMemo(() => (all && articles ? buildMapGraph(all, tagset, articles, lang, (key) => t('sidebar.unknownKind', { key })) : null), [all, articles, tagset, lang, t]);
  const under = useSelectionAnnotations(textMap, placed, root, focusedId);
  const [shown, setShown] = useState<Neighbourhood | null>(null);
  const next = graph ? followSelection(shown, graph, under) : shown;
  if (next !== shown) setShown(next);

  const canvas = useRef<HTMLDivElement>(null);
  const drawn = useRef<MapGraph | null>(null);
  const [ready, setReady] = useState(0);
  const openNode = (n: MapNode) => (n.article === articleId ? onGoTo(n.id) : (location.hash = routeHash({ view: 'article', id: n.article, focus: n.id })));
  const latestOpen = useRef(openNode);
  latestOpen.current = openNode;
  // what the canvas would show: a corpus change that leaves it alike (a record elsewhere) does not redraw it
  const picture = next ? JSON.stringify([next.nodes.map((n) => [n.id, n.label, n.color, n.shape]), next.edges.map((e) => e.id)]) : '';
  const latestShown = useRef(next);
  latestShown.current = next;
  useEffect(() => {
    const shownNow = latestShown.current;
    if (!open || !shownNow || shownNow.nodes.length === 0) return;
    let live = true;
    let idle: number | undefined;
    // drawn when the page is idle, so a key press in the text never waits for the layout; the
    // drawing before stays until this one replaces it, so the panel is never blank in between
    void import('./map-graph').then(({ drawMap }) => {
      idle = requestIdleCallback(() => {
        if (!live || !canvas.current) return;
        drawn.current?.destroy();
        drawn.current = drawMap(canvas.current, shownNow.nodes, shownNow.edges, (n) => latestOpen.current(n), { maxZoom: 1.1 });
        setReady((r) => r + 1);
      }, { timeout: IDLE_MS });
    });
    return () => {
      live = false;
      if (idle !== undefined) cancelIdleCallback(idle);
    };
  }, [picture, open]);
  useEffect(
    () => () => {
      drawn.current?.destroy();
      drawn.current = null;
    },
    [],
  );
  const chosen = useMemo(() => new Set(under), [under]);
  useEffect(() => {
    const marked = drawn.current?.highlight(chosen);
    // what the graph itself marked, for the tests (its canvas cannot be read)
    if (marked && canvas.current) Object.assign(canvas.current.dataset, { chosen: marked.chosen.sort().join(' '), linked: marked.linked.sort().join(' ') });
  }, [chosen, ready]);

  const linked = new Set(next?.edges.flatMap((e) => (chosen.has(e.source) ? [e.target] : chosen.has(e.target) ? [e.source] : [])));
  // the list begins with what is under the selection, then what is linked to it
  const rank = (n: MapNode) => (chosen.has(n.id) ? 0 : linked.has(n.id) ? 1 : 2);
  const nodes = [...(next?.nodes ?? [])].sort((a, b) => rank(a) - rank(b));
  const named = nodes.filter((n) => chosen.has(n.id));
  const list = new Intl.ListFormat(lang, { type: 'conjunction' }).format(named.map((n) => t('panel.short', { kind: n.kindName, quote: n.label })));
  const said = named.length === 0 ? t('panel.nothing') : `${t('panel.under', { list })} ${t('panel.links', { count: linked.size })}`;
  return (
    <section className="argument-panel" aria-labelledby="argument-panel-title">
      <h3 id="argument-panel-title">
        <button type="button" className="panel-toggle" aria-expanded={open} aria-controls="argument-panel-body" onClick={() => setOpen(!open)}>
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> {t('panel.title')}
        </button>
      </h3>
      <p className="panel-status" role="status" aria-live="polite">
        {said}
      </p>
      <div id="argument-panel-body" hidden={!open}>
        {nodes.length === 0 ? (
          <p className="hint">{t('panel.hint')}</p>
        ) : (
          <>
            <div ref={canvas} className="panel-canvas" role="img" aria-label={t('panel.canvas')} data-ready={ready > 0 ? 'true' : undefined} />
            <ul className="map-list" aria-label={t('panel.list')}>
              {nodes.map((n) => (
                <li key={n.id}>
                  <MapNodeButton node={n} className={chosen.has(n.id) ? 'marked' : linked.has(n.id) ? 'linked' : undefined} aria-current={chosen.has(n.id) ? 'true' : undefined} onClick={() => openNode(n)}>
                    {chosen.has(n.id) ? <strong className="node-badge"> · {t('panel.selected')}</strong> : linked.has(n.id) ? <span className="node-badge"> · {t('panel.linked')}</span> : null}
                  </MapNodeButton>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
