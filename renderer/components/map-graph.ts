/**
 * Draws the argument map with Cytoscape.js and the fCoSE layout (force-directed, packs the
 * unlinked annotations apart from the linked clusters, readable at a few hundred nodes). Loaded
 * on demand, so the library and articles never pay for the graph library. Works under the app's
 * CSP: it draws on a canvas and needs no eval.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { MapEdge, MapNode } from '../store/map-model';

cytoscape.use(fcose);

export interface MapGraph {
  /** marks nodes: `focus` the chosen one, `match` those the search finds */
  mark: (focus: string | null, matches: Set<string> | null) => void;
  /** marks the nodes `ids` as chosen and the nodes linked to them as linked, without moving the view; returns what it marked */
  highlight: (ids: Set<string>) => { chosen: string[]; linked: string[] };
  fit: () => void;
  destroy: () => void;
}

const style: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(color)',
      'background-opacity': 0.85,
      shape: 'data(shape)' as never,
      'font-size': 13,
      'text-valign': 'bottom',
      'text-margin-y': 3,
      'text-wrap': 'ellipsis',
      'text-max-width': '110px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.8,
      'text-background-padding': '1px',
      'border-width': 1.5,
      'border-color': '#222222',
      width: 22,
      height: 22,
      'min-zoomed-font-size': 5,
    },
  },
  // at a few hundred nodes, only the annotations at the centre of a debate (2+ links), the chosen one and the found ones are labelled
  { selector: 'node.labelled, node.focus, node.match', style: { label: 'data(label)' } },
  { selector: 'node.unknown', style: { 'border-style': 'dashed' } },
  { selector: 'node.focus', style: { 'border-width': 5, 'border-color': '#000000', width: 34, height: 34, 'font-size': 12, 'font-weight': 'bold', 'z-index': 10 } },
  { selector: 'node.linked', style: { 'border-width': 4, 'border-color': '#0050a0', 'border-style': 'double' } },
  { selector: 'node.match', style: { 'border-width': 4, 'border-color': '#000000', 'border-style': 'double' } },
  { selector: 'node.dim', style: { opacity: 0.25 } },
  {
    selector: 'edge',
    style: {
      width: 1.6,
      'line-color': '#444444',
      'line-style': 'data(style)' as never,
      'target-arrow-shape': 'triangle',
      'target-arrow-color': '#444444',
      'curve-style': 'bezier',
      'font-size': 7,
      color: '#333333',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.8,
      'min-zoomed-font-size': 7,
    },
  },
];

/** `labelAll`: every node is labelled (a small neighbourhood); else only hubs, the chosen and the found ones. */
export function drawMap(container: HTMLElement, nodes: MapNode[], edges: MapEdge[], onOpen: (node: MapNode) => void, { labelAll = false } = {}): MapGraph {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const cy = cytoscape({
    container,
    // canvas text does not inherit CSS: labels take the page's (bundled) font explicitly
    style: [{ selector: 'node, edge', style: { 'font-family': getComputedStyle(container).fontFamily } }, ...style],
    elements: [
      ...nodes.map((n) => ({ data: { ...n }, classes: n.shape === 'rectangle' ? 'unknown' : '' })),
      ...edges.map((e) => ({ data: { ...e } })),
    ],
    layout: { name: 'fcose', quality: 'default', randomize: true, animate: false, nodeSeparation: 90, idealEdgeLength: () => 90, nodeRepulsion: () => 9000, packComponents: true } as cytoscape.LayoutOptions,
    wheelSensitivity: 0.4,
    minZoom: 0.1,
    maxZoom: 3,
  });
  cy.nodes().filter((n) => labelAll || n.degree(false) >= 2).addClass('labelled');
  cy.on('tap', 'node', (e) => {
    const node = byId.get(e.target.id() as string);
    if (node) onOpen(node);
  });
  return {
    mark(focus, matches) {
      cy.batch(() => {
        cy.nodes().removeClass('focus match dim');
        if (matches) cy.nodes().forEach((n) => void n.addClass(matches.has(n.id()) ? 'match' : 'dim'));
        if (focus) cy.getElementById(focus).addClass('focus');
      });
      const target = focus ? cy.getElementById(focus) : null;
      if (target && target.nonempty()) cy.animate({ center: { eles: target }, zoom: Math.max(cy.zoom(), 1) }, { duration: 250 });
    },
    highlight(ids) {
      const chosen = cy.nodes().filter((n) => ids.has(n.id()));
      const linked = chosen.neighborhood('node').not(chosen);
      cy.batch(() => {
        cy.nodes().removeClass('focus linked');
        chosen.addClass('focus');
        linked.addClass('linked');
      });
      return { chosen: chosen.map((n) => n.id()), linked: linked.map((n) => n.id()) };
    },
    fit: () => cy.fit(undefined, 20),
    destroy: () => cy.destroy(),
  };
}
