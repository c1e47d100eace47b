/**
 * The argument map's graph, built from every annotation of the corpus: one node per annotation
 * (label: a short quote; colour AND shape by kind, so colour is never the only signal) and one
 * edge per link whose two ends are both known, styled by relation type. Pure, so it is tested
 * without a browser and the view only draws it.
 */
import type { Article } from '../../shared/model/corpus';
import { kindOf, type Tagset } from '../../shared/model/tagset';
import type { CorpusAnnotation } from './corpus-annotations';
import { shortQuote, wordQuote } from './link-view';

export const NODE_SHAPES = ['ellipse', 'diamond', 'round-rectangle', 'triangle', 'hexagon', 'star', 'vee', 'octagon'] as const;
export const EDGE_STYLES = ['solid', 'dashed', 'dotted'] as const;
const UNKNOWN_COLOR = '#777777';

export interface MapNode {
  id: string;
  article: string;
  articleTitle: string;
  kind: string;
  kindName: string;
  label: string;
  quote: string;
  author: string;
  color: string;
  shape: (typeof NODE_SHAPES)[number] | 'rectangle';
}

export interface MapEdge {
  id: string;
  source: string;
  target: string;
  rel: string;
  label: string;
  style: (typeof EDGE_STYLES)[number];
}

const LABEL_CHARS = 28;

/** The shape a kind is drawn with on the map and beside its name elsewhere (a rectangle for a kind the tagset lacks). */
export function kindShape(tagset: Tagset, kind: string): MapNode['shape'] {
  const index = tagset.kinds.findIndex((k) => k.key === kind);
  return index < 0 ? 'rectangle' : NODE_SHAPES[index % NODE_SHAPES.length]!;
}

export function buildMapGraph(all: CorpusAnnotation[], tagset: Tagset, articles: Article[], lang: 'en' | 'fr', unknownKind: (key: string) => string): MapData {
  const titles = new Map(articles.map((a) => [a.id, a.title]));
  const nodes = new Map<string, MapNode>();
  for (const { annotation: a, article } of all) {
    if (nodes.has(a.id)) continue;
    const kind = kindOf(tagset, a.kind);
    nodes.set(a.id, {
      id: a.id,
      article,
      articleTitle: titles.get(article) ?? article,
      kind: a.kind,
      kindName: kind?.name[lang] ?? unknownKind(a.kind),
      label: wordQuote(a, LABEL_CHARS),
      quote: shortQuote(a),
      author: a.author.name,
      color: kind?.color ?? UNKNOWN_COLOR,
      shape: kindShape(tagset, a.kind),
    });
  }
  const edges: MapEdge[] = [];
  for (const { annotation: a } of all) {
    for (const l of a.links) {
      if (!nodes.has(l.to)) continue;
      const index = tagset.relations.findIndex((r) => r.key === l.rel);
      edges.push({
        id: `${a.id}>${l.rel}>${l.to}`,
        source: a.id,
        target: l.to,
        rel: l.rel,
        label: tagset.relations[index]?.name[lang] ?? l.rel,
        style: EDGE_STYLES[Math.max(0, index) % EDGE_STYLES.length]!,
      });
    }
  }
  return { nodes: [...nodes.values()], edges: [...new Map(edges.map((e) => [e.id, e])).values()] };
}

export interface MapData {
  nodes: MapNode[];
  edges: MapEdge[];
}

/** A part of the map: the `centre` annotations, those linked to them either way, and those links. */
export interface Neighbourhood extends MapData {
  /** the whole map it was cut from */
  from: MapData;
  centre: string[];
}

export function neighbourhood(graph: MapData, centre: string[]): Neighbourhood {
  const inCentre = new Set(centre);
  const edges = graph.edges.filter((e) => inCentre.has(e.source) || inCentre.has(e.target));
  const ids = new Set(edges.flatMap((e) => [e.source, e.target]).concat(centre));
  return { from: graph, centre, nodes: graph.nodes.filter((n) => ids.has(n.id)), edges };
}

/**
 * What the article's argument panel shows when the annotations under the selection are `under`:
 * the neighbourhood already shown (cut again from a newer map) while it holds theirs, so moving
 * between linked passages only moves the highlight; else theirs. With nothing under the
 * selection, the last one. Returns `shown` itself when nothing changes.
 */
export function followSelection(shown: Neighbourhood | null, graph: MapData, under: string[]): Neighbourhood | null {
  const current = shown && shown.from !== graph ? neighbourhood(graph, shown.centre) : shown;
  const next = neighbourhood(graph, under);
  if (next.nodes.length === 0) return current;
  const held = current && next.nodes.every((n) => current.nodes.some((m) => m.id === n.id));
  return held ? current : next;
}
