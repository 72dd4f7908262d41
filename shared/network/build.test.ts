import { describe, expect, it } from 'vitest';
import { buildNetwork, networkMatrix, type Network, type NetworkOptions } from './build.ts';
import { filterStatements } from './filter.ts';
import { ALICE, handExample } from './fixtures/hand-example.ts';

/**
 * Everything below is computed by hand from the table in fixtures/hand-example.ts (alice's layer,
 * unknown claimant left out). Levels k ∈ {−1, 0, +1}, so |K| − 1 = 2.
 *
 * X (counts, duplicates included):
 *   A: X(+1)=2, Y(−1)=1          activity tA = 3
 *   B: X(+1)=1, Y(+1)=1          tB = 2
 *   C: X(−1)=1, Y(−1)=1          tC = 2
 *   D: X(0)=1,  Y(no position)   tD = 1 (statements without a position have no level)
 */
const set = handExample();
const build = (o: Omit<NetworkOptions, 'coders'>) => buildNetwork(set, { ...ALICE, ...o });

function matrix(net: Network): number[][] {
  const m = networkMatrix(net);
  const rows: number[][] = [];
  for (let r = 0; r < net.rows.length; r++) rows.push(Array.from(m.subarray(r * net.cols.length, (r + 1) * net.cols.length)));
  return rows;
}

function expectMatrix(net: Network, expected: number[][]): void {
  const got = matrix(net);
  expect(got.length).toBe(expected.length);
  got.forEach((row, r) => row.forEach((v, c) => expect(v, `cell ${r},${c}`).toBeCloseTo(expected[r]![c]!, 12)));
}

const third = 1 / 3;
const sixth = 1 / 6;

describe('two-mode actor × issue', () => {
  it('labels rows by actor and columns by issue, sorted by name', () => {
    const net = build({ type: 'two-mode' });
    expect(net.rows.map((i) => net.nodes[i]!.label)).toEqual(['A', 'B', 'C & Co <Ltd>', 'D']);
    expect(net.cols.map((i) => net.nodes[i]!.label)).toEqual(['X', 'Y']);
    expect(net.statements).toBe(9);
  });

  it('subtract: Σ_k k·x_ijk (for minus against)', () => {
    // A–X: +1·2 = 2   A–Y: −1·1 = −1   B: 1, 1   C: −1, −1   D–X: 0·1 = 0 (a tie of weight 0), D–Y: no coded position
    const net = build({ type: 'two-mode', qualifier: 'subtract' });
    expectMatrix(net, [
      [2, -1],
      [1, 1],
      [-1, -1],
      [0, 0],
    ]);
    expect(net.edges).toHaveLength(7);
    expect(net.edges.find((e) => net.nodes[e.source]!.label === 'D')!.attrs).toEqual({ statements: 1, positions: '0' });
  });

  it('ignore: Σ_k x_ijk, statements without a position included', () => {
    // A–X: 2, everything else 1 (D–Y: the statement without position)
    expectMatrix(build({ type: 'two-mode', qualifier: 'ignore' }), [
      [2, 1],
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
  });

  it('combine: DNA lexical rank of the positions present (+1 → 1, 0 → 2, −1 → 4)', () => {
    const net = build({ type: 'two-mode', qualifier: 'combine' });
    expectMatrix(net, [
      [1, 4],
      [1, 1],
      [4, 4],
      [2, 0],
    ]);
    expect(net.notes.join('\n')).toContain('4 for -1, 2 for 0, 1 for +1');
    // Both positions on one issue add up: B on Y with bob's −1 as well → 1 + 4 = 5.
    const both = buildNetwork(set, { type: 'two-mode', qualifier: 'combine' });
    expect(matrix(both)[1]![1]).toBe(5);
  });

  it('activity normalisation divides by the actor’s coded statements (subtract)', () => {
    // A: /3 → 2/3, −1/3   B: /2 → ½, ½   C: /2 → −½, −½   D: /1 → 0
    expectMatrix(build({ type: 'two-mode', qualifier: 'subtract', normalisation: 'activity' }), [
      [2 / 3, -third],
      [0.5, 0.5],
      [-0.5, -0.5],
      [0, 0],
    ]);
  });

  it('prominence normalisation divides by the issue’s column sum (ignore)', () => {
    // column X: 2+1+1+1 = 5, column Y: 1+1+1+1 = 4
    expectMatrix(build({ type: 'two-mode', qualifier: 'ignore', normalisation: 'prominence' }), [
      [2 / 5, 1 / 4],
      [1 / 5, 1 / 4],
      [1 / 5, 1 / 4],
      [1 / 5, 1 / 4],
    ]);
  });

  it('refuses a one-mode normalisation', () => {
    expect(() => build({ type: 'two-mode', normalisation: 'jaccard' })).toThrow(/one-mode/);
  });
});

describe('one-mode congruence and conflict', () => {
  // congruence weight of a pair of cells: x·x'·(1 − |k − k'|/2); conflict: x·x'·|k − k'|/2
  // Issue X: A(+1)×2, B(+1), C(−1), D(0)          Issue Y: A(−1), B(+1), C(−1)
  //   congruence  A–B: 2·1·1 = 2 | A–C: X 0 + Y 1 = 1 | A–D: 2·½ = 1 | B–C: 0 | B–D: ½ | C–D: ½
  //   conflict    A–B: Y 1 | A–C: X 2·1 = 2 | A–D: 2·½ = 1 | B–C: X 1 + Y 1 = 2 | B–D: ½ | C–D: ½
  it('congruence, no normalisation', () => {
    const net = build({ type: 'congruence' });
    expectMatrix(net, [
      [0, 2, 1, 1],
      [2, 0, 0, 0.5],
      [1, 0, 0, 0.5],
      [1, 0.5, 0.5, 0],
    ]);
    // Each pair once, source < target; `issues` counts the issues that contributed.
    expect(net.edges.map((e) => [e.source, e.target, e.attrs.issues])).toEqual([
      [0, 1, 1],
      [0, 2, 1],
      [0, 3, 1],
      [1, 3, 1],
      [2, 3, 1],
    ]);
    expect(net.notes.join('\n')).toContain('1 statement(s) without a position');
  });

  it('conflict, no normalisation', () => {
    expectMatrix(build({ type: 'conflict' }), [
      [0, 1, 2, 1],
      [1, 0, 2, 0.5],
      [2, 2, 0, 0.5],
      [1, 0.5, 0.5, 0],
    ]);
  });

  it('average activity: w / ((t_i + t_i′)/2)', () => {
    // A–B 2/2.5 = 0.8 | A–C 1/2.5 = 0.4 | A–D 1/2 = 0.5 | B–D ½/1.5 = ⅓ | C–D ⅓
    expectMatrix(build({ type: 'congruence', normalisation: 'average' }), [
      [0, 0.8, 0.4, 0.5],
      [0.8, 0, 0, third],
      [0.4, 0, 0, third],
      [0.5, third, third, 0],
    ]);
    // conflict: A–B 1/2.5 = 0.4 | A–C 2/2.5 = 0.8 | A–D 1/2 | B–C 2/2 = 1 | B–D ⅓ | C–D ⅓
    expectMatrix(build({ type: 'conflict', normalisation: 'average' }), [
      [0, 0.4, 0.8, 0.5],
      [0.4, 0, 1, third],
      [0.8, 1, 0, third],
      [0.5, third, third, 0],
    ]);
  });

  it('Jaccard: w / (Σx[x′=0] + Σx′[x=0] + Σx·x′)', () => {
    // Cells both use: A–B: X(+1) with 2 and 1 → m11 = 2, m10 = 3−2 = 1, m01 = 2−1 = 1 → 4
    //                 A–C: Y(−1) 1 and 1 → m11 = 1, m10 = 2, m01 = 1 → 4
    //                 A–D, B–C, B–D, C–D share no cell → tA+tD = 4, tB+tC = 4, tB+tD = 3, tC+tD = 3
    // congruence: A–B 2/4 | A–C 1/4 | A–D 1/4 | B–D ½/3 = ⅙ | C–D ⅙
    expectMatrix(build({ type: 'congruence', normalisation: 'jaccard' }), [
      [0, 0.5, 0.25, 0.25],
      [0.5, 0, 0, sixth],
      [0.25, 0, 0, sixth],
      [0.25, sixth, sixth, 0],
    ]);
    // conflict: A–B 1/4 | A–C 2/4 | A–D 1/4 | B–C 2/4 | B–D ⅙ | C–D ⅙
    expectMatrix(build({ type: 'conflict', normalisation: 'jaccard' }), [
      [0, 0.25, 0.5, 0.25],
      [0.25, 0, 0.5, sixth],
      [0.5, 0.5, 0, sixth],
      [0.25, sixth, sixth, 0],
    ]);
  });

  it('cosine as DNA defines it: w / (√(t_i)² · √(t_i′)²) = w / (t_i · t_i′)', () => {
    // congruence: A–B 2/6 | A–C 1/6 | A–D 1/3 | B–D ½/2 | C–D ½/2
    expectMatrix(build({ type: 'congruence', normalisation: 'cosine' }), [
      [0, third, sixth, third],
      [third, 0, 0, 0.25],
      [sixth, 0, 0, 0.25],
      [third, 0.25, 0.25, 0],
    ]);
    // conflict: A–B 1/6 | A–C 2/6 | A–D 1/3 | B–C 2/4 | B–D ¼ | C–D ¼
    expectMatrix(build({ type: 'conflict', normalisation: 'cosine' }), [
      [0, sixth, third, third],
      [sixth, 0, 0.5, 0.25],
      [third, 0.5, 0, 0.25],
      [third, 0.25, 0.25, 0],
    ]);
  });

  it('collapsed duplicates count a claimant × issue × position once', () => {
    // A–X(+1) becomes 1: congruence A–B 1, A–D ½; the rest as before
    expectMatrix(build({ type: 'congruence', duplicates: 'collapse' }), [
      [0, 1, 1, 0.5],
      [1, 0, 0, 0.5],
      [1, 0, 0, 0.5],
      [0.5, 0.5, 0.5, 0],
    ]);
  });

  it('a binary scale gives DNA’s binary congruence: the number of shared issues with the same position', () => {
    const binary = { ...set, scale: { min: 0, max: 1 }, statements: set.statements.map((s) => ({ ...s, position: s.position === -1 ? 0 : s.position })) };
    // positions now A: X1 ×2, Y0 | B: X1, Y1 | C: X0, Y0 | D: X0
    const net = buildNetwork(binary, { type: 'congruence', coders: ['alice'], duplicates: 'collapse' });
    // collapsed: A–B 1 (shared X at 1) | A–C 1 (Y at 0) | C–D 1 (X at 0)
    expectMatrix(net, [
      [0, 1, 1, 0],
      [1, 0, 0, 0],
      [1, 0, 0, 1],
      [0, 0, 1, 0],
    ]);
  });

  it('refuses a two-mode normalisation', () => {
    expect(() => build({ type: 'congruence', normalisation: 'activity' })).toThrow(/two-mode/);
  });
});

describe('directed claimant → addressee / object', () => {
  it('counts statements per pair, once when an actor is both addressee and object', () => {
    const net = build({ type: 'directed' });
    expect(net.directed).toBe(true);
    expect(net.nodes.map((n) => n.label)).toEqual(['A', 'B', 'C & Co <Ltd>']);
    expect(net.edges.map((e) => ({ from: net.nodes[e.source]!.label, to: net.nodes[e.target]!.label, w: e.weight, ...e.attrs }))).toEqual([
      { from: 'A', to: 'B', w: 1, addressee: 1, object: 0, objectPosition: '' },
      { from: 'A', to: 'C & Co <Ltd>', w: 1, addressee: 0, object: 1, objectPosition: -1 },
      { from: 'B', to: 'C & Co <Ltd>', w: 1, addressee: 1, object: 1, objectPosition: 1 },
    ]);
    expectMatrix(net, [
      [0, 1, 1],
      [0, 0, 1],
      [0, 0, 0],
    ]);
  });
});

describe('filters', () => {
  const ids = (f: Parameters<typeof filterStatements>[1]) => filterStatements(set.statements, f).map((s) => s.id);

  it('date window, inclusive, on the date part', () => {
    expect(ids({ from: '2026-01-04', to: '2026-01-06', ...ALICE })).toEqual(['s4', 's5', 's6']);
    const net = build({ type: 'two-mode', from: '2026-01-04' });
    expect(net.rows.map((i) => net.nodes[i]!.label)).toEqual(['B', 'C & Co <Ltd>', 'D']);
  });

  it('coder, outlet, unknown claimant', () => {
    expect(ids({})).toHaveLength(10); // s10 (unknown) left out
    expect(ids({ includeUnknown: true })).toHaveLength(11);
    expect(ids({ coders: ['bob'] })).toEqual(['s11']);
    expect(ids({ outlets: ['Wire'], ...ALICE })).toEqual(['s1', 's3', 's5', 's7', 's9']);
  });

  it('minimum statements per claimant, counted after the other filters', () => {
    // up to 2026-01-06: A 3, B 2, C 1 → C is left out with min 2
    expect(ids({ to: '2026-01-06', minStatements: 2, ...ALICE })).toEqual(['s1', 's2', 's3', 's4', 's5']);
  });
});
