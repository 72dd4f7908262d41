import { describe, expect, it } from 'vitest';
import { runSteps, runStepsSliced, type Steps } from './steps.ts';

function* count(n: number): Steps<number> {
  let sum = 0;
  for (let i = 1; i <= n; i++) {
    sum += i;
    yield;
  }
  return sum;
}

describe('steps', () => {
  it('runs to the same result at once and in slices', async () => {
    expect(runSteps(count(100))).toBe(5050);
    let pauses = 0;
    // A zero budget pauses after every step: the result must not depend on slicing.
    expect(await runStepsSliced(count(100), { budgetMs: 0, pause: async () => void pauses++ })).toBe(5050);
    expect(pauses).toBe(100);
  });

  it('passes errors through', async () => {
    function* broken(): Steps<void> {
      yield;
      throw new Error('bad article');
    }
    expect(() => runSteps(broken())).toThrow('bad article');
    await expect(runStepsSliced(broken())).rejects.toThrow('bad article');
  });
});
