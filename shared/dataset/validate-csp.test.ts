import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildDataset } from './dataset.ts';
import { fixtureInput } from './fixtures/fixture-project.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('validateDataset under a Content Security Policy without unsafe-eval', () => {
  it('runs the full JSON Schema step, as the CLI does (the validator is generated code, no eval)', async () => {
    // What Chromium does for `new Function(...)` and `eval` under such a policy; the validator is
    // imported only after both are refused, as in the app.
    const refuse = () => {
      throw new EvalError("Refused to evaluate a string as JavaScript because 'unsafe-eval' is not an allowed source of script");
    };
    vi.stubGlobal('Function', refuse);
    vi.stubGlobal('eval', refuse);
    vi.resetModules();
    const { validateDataset } = await import('./validate.ts');
    const d = JSON.parse(JSON.stringify(buildDataset(fixtureInput())));
    expect(validateDataset(d)).toEqual([]);
    d.codebook.tags[0].color = 'orange'; // only the schema catches this one
    d.articles[0].title = { not: 'a string' };
    const problems = validateDataset(d);
    expect(problems).toEqual([expect.stringMatching(/^schema: \/codebook\/tags\/0\/color must be a colour of the form #rrggbb/), 'schema: /articles/0/title must be string']);
  });
});
