/**
 * Argument Interchange Format (AIF) export, in the JSON layout of AIFdb: one graph per article
 * and layer, `<article>/<layer>.json`. Every annotation is an I-node (its quote as text);
 * every link within the article becomes a scheme node between its two ends — `supports` an
 * RA-node (inference), `rebuts` a CA-node (conflict), `same-claim` an MA-node (rephrase), any
 * other relation an RA-node named after it — with edges source → scheme → target.
 */
import type { ExportWriter, LayerSnapshot, OutChunk } from './types';
import { sortedArticle } from './types';

const SCHEMES: Record<string, { type: 'RA' | 'CA' | 'MA'; text: string }> = {
  supports: { type: 'RA', text: 'Default Inference' },
  rebuts: { type: 'CA', text: 'Default Conflict' },
  'same-claim': { type: 'MA', text: 'Default Rephrase' },
};

interface AifNode {
  nodeID: string;
  text: string;
  type: string;
  timestamp: string;
  glose?: { id: string; kind: string; start: number; end: number };
}

export function aifGraph(layer: LayerSnapshot): { nodes: AifNode[]; edges: { edgeID: string; fromID: string; toID: string; formEdgeID: null }[]; locutions: []; participants: [] } {
  const nodes: AifNode[] = [];
  const edges: { edgeID: string; fromID: string; toID: string; formEdgeID: null }[] = [];
  const ids = new Map<string, string>();
  for (const a of layer.annotations) {
    const nodeID = String(nodes.length + 1);
    ids.set(a.id, nodeID);
    nodes.push({ nodeID, text: a.target.exact, type: 'I', timestamp: a.created, glose: { id: a.id, kind: a.kind, start: a.target.start, end: a.target.end } });
  }
  for (const a of layer.annotations) {
    for (const link of a.links) {
      const to = ids.get(link.to);
      if (!to || link.article) continue;
      const scheme = SCHEMES[link.rel] ?? { type: 'RA', text: link.rel };
      const nodeID = String(nodes.length + 1);
      nodes.push({ nodeID, text: scheme.text, type: scheme.type, timestamp: a.modified });
      edges.push({ edgeID: String(edges.length + 1), fromID: ids.get(a.id)!, toID: nodeID, formEdgeID: null });
      edges.push({ edgeID: String(edges.length + 1), fromID: nodeID, toID: to, formEdgeID: null });
    }
  }
  return { nodes, edges, locutions: [], participants: [] };
}

export function aifWriter(): ExportWriter {
  return {
    begin: () => [],
    article(entry) {
      return sortedArticle(entry).layers.map((layer): OutChunk => ({
        file: `${entry.article.id}/${layer.owner}.json`,
        text: `${JSON.stringify(aifGraph(layer), null, 1)}\n`,
      }));
    },
    end: () => [],
  };
}
