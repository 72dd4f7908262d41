/**
 * A network as a graphology graph laid out for drawing (sigma.js): sizes by statements, colours by
 * node kind and edge kind, positions by ForceAtlas2 — started from the previous drawing's positions
 * where a node was already drawn, so that a time-window change moves the picture, not scrambles it.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { Network } from './build.ts';

export interface NodeAttrs {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  kind: 'actor' | 'issue';
  statements: number;
}

export interface EdgeAttrs {
  size: number;
  color: string;
  /** |tie|: what the layout pulls by (ForceAtlas2 turns negative weights into NaN positions). */
  weight: number;
  /** The network's weight, with its sign (two-mode "subtract": negative is opposition). */
  tie: number;
}

export interface GraphOptions {
  /** Draw at most this many edges, the heaviest (|weight|); the exports always hold all. */
  maxEdges?: number;
  /** Positions of the previous drawing, by node id. */
  previous?: ReadonlyMap<string, { x: number; y: number }>;
  /** ForceAtlas2 iterations; default 150 for small graphs, none above LIVE_LAYOUT_NODES (see there). */
  iterations?: number;
}

/**
 * Above this many nodes the layout is not run here but by the view, in a worker, while the graph
 * is already on screen: ForceAtlas2 took 3.6 s for 2,000 nodes on the main thread (15 iterations
 * under load), which the network view showed as a frozen window.
 */
export const LIVE_LAYOUT_NODES = 300;

export const ACTOR_COLOUR = '#2f5d8a';
export const ISSUE_COLOUR = '#c27c0e';

export interface DrawnGraph {
  graph: Graph<NodeAttrs, EdgeAttrs>;
  /** Edges left out of the drawing (beyond maxEdges). */
  hiddenEdges: number;
}

/** Deterministic start positions on a circle, so that tests and screenshots repeat. */
function start(i: number, n: number): { x: number; y: number } {
  const a = (2 * Math.PI * i) / Math.max(1, n);
  const r = 100 * Math.sqrt((i + 1) / Math.max(1, n));
  return { x: r * Math.cos(a), y: r * Math.sin(a) };
}

export function layoutSettings(graph: Graph): ReturnType<typeof forceAtlas2.inferSettings> {
  return { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > LIVE_LAYOUT_NODES };
}

export function drawnGraph(net: Network, opts: GraphOptions = {}): DrawnGraph {
  const graph = new Graph<NodeAttrs, EdgeAttrs>({ type: 'undirected', multi: false, allowSelfLoops: false });
  const maxStatements = Math.max(1, ...net.nodes.map((n) => n.statements));
  net.nodes.forEach((n, i) => {
    const pos = opts.previous?.get(n.id) ?? start(i, net.nodes.length);
    graph.addNode(n.id, {
      ...pos,
      size: 3 + 12 * Math.sqrt(n.statements / maxStatements),
      color: n.kind === 'actor' ? ACTOR_COLOUR : ISSUE_COLOUR,
      label: n.label,
      kind: n.kind,
      statements: n.statements,
    });
  });
  const edges = net.edges.filter((e) => e.weight !== 0 && e.source !== e.target);
  const max = opts.maxEdges ?? Infinity;
  const drawn = edges.length > max ? [...edges].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight)).slice(0, max) : edges;
  const maxWeight = Math.max(1e-9, ...drawn.map((e) => Math.abs(e.weight)));
  for (const e of drawn) {
    const s = net.nodes[e.source]!.id;
    const t = net.nodes[e.target]!.id;
    if (graph.hasEdge(s, t)) continue;
    graph.addEdge(s, t, {
      weight: Math.abs(e.weight),
      tie: e.weight,
      size: 0.5 + 3 * (Math.abs(e.weight) / maxWeight),
      // Two-mode "subtract" weights are negative for opposition: red, support blue; one-mode by type.
      color: net.type === 'conflict' || e.weight < 0 ? 'rgba(192,57,43,0.45)' : 'rgba(33,102,172,0.4)',
    });
  }
  const n = graph.order;
  const iterations = opts.iterations ?? (n > LIVE_LAYOUT_NODES ? 0 : 150);
  if (n > 1 && iterations > 0) {
    forceAtlas2.assign(graph, { iterations, settings: layoutSettings(graph) });
  }
  return { graph, hiddenEdges: edges.length - drawn.length };
}
