import { afterEach, describe, expect, it, vi } from 'vitest';
// Imported before eval is refused; the schema is compiled lazily, on first use.
import { schemaValidationAvailable, validateDataset } from './validate.ts';
import { buildDataset } from './dataset.ts';
import { fixtureInput } from './fixtures/fixture-project.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('validateDataset under a Content Security Policy without unsafe-eval', () => {
  it('skips the schema step and still checks offsets and references', () => {
    // What Chromium throws for `new Function(...)` under such a policy.
    vi.stubGlobal('Function', function refused() {
      throw new EvalError("Refused to evaluate a string as JavaScript because 'unsafe-eval' is not an allowed source of script");
    });
    expect(schemaValidationAvailable()).toBe(false);
    const d = JSON.parse(JSON.stringify(buildDataset(fixtureInput())));
    expect(validateDataset(d)).toEqual([]);
    d.articles[0].annotations[0].end += 1;
    d.codebook.tags[0].color = 'orange'; // only the schema would catch this one
    const problems = validateDataset(d);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('not the quote');
  });
});
