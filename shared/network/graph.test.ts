import { describe, expect, it } from 'vitest';
import { buildNetwork } from './build.ts';
import { drawnGraph } from './graph.ts';
import { statementsFromRecords } from '../statements/from-records.ts';
import { handDatasetInput } from '../statements/fixtures/hand-dataset.ts';

const { set } = statementsFromRecords(handDatasetInput());

describe('the network as a drawn graph', () => {
  it('has a node per network node and an edge per non-zero tie, placed at finite positions', () => {
    const net = buildNetwork(set, { type: 'two-mode' });
    const { graph, hiddenEdges } = drawnGraph(net);
    expect(graph.order).toBe(net.nodes.length);
    expect(graph.size).toBe(net.edges.filter((e) => e.weight !== 0).length);
    expect(hiddenEdges).toBe(0);
    graph.forEachNode((_id, a) => {
      expect(Number.isFinite(a.x) && Number.isFinite(a.y)).toBe(true);
      expect(a.size).toBeGreaterThan(0);
    });
    expect(graph.getNodeAttribute('issue:tag-claim-sanctions', 'kind')).toBe('issue');
  });

  it('draws only the heaviest edges when asked, and says how many it left out', () => {
    const net = buildNetwork(set, { type: 'two-mode', qualifier: 'ignore' });
    const all = net.edges.length;
    expect(all).toBeGreaterThan(2);
    const { graph, hiddenEdges } = drawnGraph(net, { maxEdges: 2 });
    expect(graph.size).toBe(2);
    expect(hiddenEdges).toBe(all - 2);
  });

  it('starts from the previous drawing, so a rebuilt network does not jump', () => {
    const net = buildNetwork(set, { type: 'two-mode' });
    const first = drawnGraph(net).graph;
    const previous = new Map(first.mapNodes((id, a) => [id, { x: a.x, y: a.y }] as const));
    const again = drawnGraph(net, { previous, iterations: 0 }).graph;
    again.forEachNode((id, a) => expect({ x: a.x, y: a.y }).toEqual(previous.get(id)));
  });
});
