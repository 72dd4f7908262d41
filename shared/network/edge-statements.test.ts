import { describe, expect, it } from 'vitest';
import { buildNetwork } from './build.ts';
import { edgeStatements } from './edge-statements.ts';
import { filterStatements } from './filter.ts';
import { ALICE, handExample } from './fixtures/hand-example.ts';

// The table of fixtures/hand-example.ts, alice's layer:
//   A: X +1 (s1, s2), Y −1 (s3)   B: X +1 (s4), Y +1 (s5)   C: X −1 (s6), Y −1 (s7)   D: X 0 (s8), Y none (s9)
const set = handExample();
const statements = filterStatements(set.statements, ALICE);
const ids = (type: 'two-mode' | 'congruence' | 'conflict', a: string, b: string) => edgeStatements(type, statements, a, b, set.scale).map((s) => s.id);

describe('the statements behind a tie', () => {
  it('two-mode: the actor’s statements on the issue, either way round', () => {
    expect(ids('two-mode', 'actor:a', 'issue:x')).toEqual(['s1', 's2']);
    expect(ids('two-mode', 'issue:y', 'actor:d')).toEqual(['s9']);
  });

  it('congruence: both actors’ statements on the issues where they agree (or half agree)', () => {
    // A–B agree on X (+1, +1); on Y they are opposed (−1, +1): Y is not part of the tie.
    expect(ids('congruence', 'actor:a', 'actor:b')).toEqual(['s1', 's2', 's4']);
    // A–D: X +1 and 0 tie by half; D's statement without position never counts.
    expect(ids('congruence', 'actor:a', 'actor:d')).toEqual(['s1', 's2', 's8']);
    // B–C share no position anywhere: no congruence tie.
    expect(ids('congruence', 'actor:b', 'actor:c')).toEqual([]);
  });

  it('conflict: the issues where their positions differ', () => {
    // B–C: X (+1, −1) and Y (+1, −1)
    expect(ids('conflict', 'actor:b', 'actor:c')).toEqual(['s4', 's5', 's6', 's7']);
    // A–C: X (+1 against −1); on Y both −1, no conflict.
    expect(ids('conflict', 'actor:a', 'actor:c')).toEqual(['s1', 's2', 's6']);
  });

  it('every edge of the built networks has statements, and only tied pairs do', () => {
    for (const type of ['two-mode', 'congruence', 'conflict'] as const) {
      const net = buildNetwork(set, { type, ...ALICE });
      for (const e of net.edges) {
        if (e.weight === 0 && type === 'two-mode') continue;
        expect(ids(type, net.nodes[e.source]!.id, net.nodes[e.target]!.id).length, `${type} ${e.source}–${e.target}`).toBeGreaterThan(0);
      }
    }
  });
});
