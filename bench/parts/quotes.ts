/**
 * Quote and attribution suggestions (issue #11): precision and recall of shared/statements/quotes.ts
 * against hand-coded articles. "dev" are the 15 articles the rules were written on (an upper
 * bound, not an estimate); "held-out" are 9 articles written afterwards and never tuned on — the
 * honest figure. Matching rules in shared/statements/quotes-eval.ts.
 */
import { performance } from 'node:perf_hooks';
import type { BenchEntry, BenchPart } from '../report.ts';
import { suggestQuotes } from '../../shared/statements/quotes.ts';
import { evaluateQuotes, type Score } from '../../shared/statements/quotes-eval.ts';
import { QUOTE_ARTICLES } from '../../shared/statements/fixtures/quote-articles.ts';
import { QUOTE_HELDOUT } from '../../shared/statements/fixtures/quote-articles-heldout.ts';

function scores(prefix: string, s: Score, goal = ''): BenchEntry[] {
  return [
    { name: `${prefix} precision (${s.correct}/${s.suggested})`, value: s.precision, unit: 'ratio', goal },
    { name: `${prefix} recall (${s.correct}/${s.gold})`, value: s.recall, unit: 'ratio', goal },
  ];
}

const part: BenchPart = {
  title: 'Quote and attribution suggestions (en/ru/uk, hand-coded articles)',
  async run() {
    const out: BenchEntry[] = [];
    for (const [name, set] of [
      ['held-out', QUOTE_HELDOUT],
      ['dev', QUOTE_ARTICLES],
    ] as const) {
      const e = evaluateQuotes(set, suggestQuotes);
      out.push(...scores(`${name}: claims`, e.claims), ...scores(`${name}: claimants`, e.claimants), ...scores(`${name}: sources`, e.sources));
      for (const [lang, s] of Object.entries(e.byLanguage)) out.push({ name: `${name}: claims F1, ${lang}`, value: s.f1, unit: 'ratio', goal: '' });
      if (name === 'held-out') for (const m of e.missed) process.stdout.write(`  missed: ${m}\n`);
    }
    // Speed: the 24 articles repeated to about one megabyte of text.
    const texts = [...QUOTE_ARTICLES, ...QUOTE_HELDOUT];
    const size = texts.reduce((n, a) => n + a.text.length, 0);
    const rounds = Math.ceil(1_000_000 / size);
    const t0 = performance.now();
    for (let r = 0; r < rounds; r++) for (const a of texts) suggestQuotes(a.text, a.language);
    out.push({ name: 'suggestions for 1 MB of article text', value: performance.now() - t0, unit: 'ms', goal: '' });
    return out;
  },
};

export default part;
