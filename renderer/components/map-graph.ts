/**
 * Draws the argument map with Cytoscape.js. A map of up to SMALL_MAP nodes is laid out in
 * rings around the claim under discussion (the node the others answer most), every node with
 * its label (the quote, cut at a word); a bigger one uses fCoSE (force-directed, packs the
 * unlinked annotations apart from the linked clusters) and labels only its hubs. Loaded
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
  /** the whole map as a PNG data URL on white (the saved report's picture) */
  png: () => string;
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
      'text-wrap': 'wrap',
      'text-max-width': '130px',
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
  // on a big map, only the annotations at the centre of a debate (2+ links), the chosen one and the found ones are labelled
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

/** Up to this many nodes a map is drawn in rings, every node labelled. */
const SMALL_MAP = 60;

/** The claim under discussion (what the others answer most: links in count double) in the centre, its neighbours around it, the rest outside. */
const rings = (cy: cytoscape.Core): cytoscape.LayoutOptions => {
  const centre = cy.nodes().max((n) => n.indegree(false) * 2 + n.outdegree(false)).ele;
  const around = centre ? centre.neighborhood('node') : cy.collection();
  return {
    name: 'concentric',
    concentric: (node: cytoscape.NodeSingular) => (node.same(centre) ? 3 : around.contains(node) ? 2 : 1),
    levelWidth: () => 1,
    minNodeSpacing: 110, // room for the labels (130 px wide) side by side
    // the first neighbour on the left, the others clockwise: wider than tall, as the sidebar panel is
    startAngle: Math.PI,
    animate: false,
  } as cytoscape.LayoutOptions;
};

const forces = (): cytoscape.LayoutOptions =>
  ({ name: 'fcose', quality: 'default', randomize: true, animate: false, nodeSeparation: 90, idealEdgeLength: () => 90, nodeRepulsion: () => 9000, packComponents: true }) as cytoscape.LayoutOptions;

/**
 * `maxZoom`: the closest the view may come (the sidebar panel keeps one node from filling it).
 */
export function drawMap(container: HTMLElement, nodes: MapNode[], edges: MapEdge[], onOpen: (node: MapNode) => void, { maxZoom = 3 } = {}): MapGraph {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const small = nodes.length <= SMALL_MAP;
  const cy = cytoscape({
    container,
    // canvas text does not inherit CSS: labels take the page's (bundled) font explicitly
    style: [{ selector: 'node, edge', style: { 'font-family': getComputedStyle(container).fontFamily } }, ...style],
    elements: [
      ...nodes.map((n) => ({ data: { ...n }, classes: n.shape === 'rectangle' ? 'unknown' : '' })),
      ...edges.map((e) => ({ data: { ...e } })),
    ],
    wheelSensitivity: 0.4,
    minZoom: 0.1,
    maxZoom,
  });
  cy.layout(small ? rings(cy) : forces()).run();
  const labelled = cy.nodes().filter((n) => small || n.degree(false) >= 2).addClass('labelled');
  cy.fit(undefined, 30);
  // what the canvas shows, for the tests (a canvas cannot be read): the node in the centre, how many labelled
  const middle = { x: cy.width() / 2, y: cy.height() / 2 };
  const distance = (n: cytoscape.NodeSingular) => Math.hypot(n.renderedPosition().x - middle.x, n.renderedPosition().y - middle.y);
  const centre = cy.nodes().min(distance).ele;
  Object.assign(container.dataset, { centre: centre?.id() ?? '', labelled: String(labelled.length) });
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
    png: () => cy.png({ output: 'base64uri', full: true, bg: '#ffffff', scale: 1.5 }),
    destroy: () => cy.destroy(),
  };
}
