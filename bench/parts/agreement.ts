/**
 * Agreement benchmark (issue #10): 1,000 articles × 3 coders × 50 annotations per coder and
 * article, generated from one shared "truth" that each coder follows with jittered boundaries,
 * missed spans, extra spans and changed tags — so the figures are computed on realistic, not
 * trivially identical, layers. Times the pure functions of shared/analysis/agreement in Node
 * (the app runs the same code in a Web Worker).
 */
import { performance } from 'node:perf_hooks';
import { writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { BenchEntry, BenchPart } from '../report.ts';
import { attributeAlpha, bootstrapAlpha, computeStudy, krippendorffAlpha, unitizingAlphaStudy, unitMatrix, type StudyAnnotation, type StudyInput } from '../../shared/analysis/agreement/index.ts';

const ARTICLES = 1000;
const CODERS = ['ann', 'bob', 'cy'];
const PER_CODER = 50;
/** The issue's size for the full screen: ~100 annotations per coder and article. */
const SCREEN_PER_CODER = 100;
const TAGS = ['claim', 'source', 'actor'];
const STANCES = ['pro', 'neutral', 'contra'];
const WORDS = 'the minister said grain deal will hold through winter according to officials critics Київ заявив що угода report sources denied claimed 😀'.split(' ');

interface Ann extends StudyAnnotation {
  stance: string;
}

function generate(perCoder = PER_CODER) {
  const rng = xoroshiro128plus(2026);
  const int = (a: number, b: number) => uniformInt(rng, a, b);
  const articles: { id: string; text: string; openedBy: string[]; length: number }[] = [];
  const annotations: Ann[] = [];
  for (let i = 0; i < ARTICLES; i++) {
    const words: string[] = [];
    for (let w = 0; w < 700; w++) words.push(WORDS[int(0, WORDS.length - 1)] as string);
    const text = words.join(' ') + '.';
    const length = [...text].length;
    articles.push({ id: `a${i}`, text, openedBy: CODERS, length });
    const truth = Array.from({ length: perCoder }, () => {
      const start = int(0, length - 200);
      return { start, end: start + int(5, 150), tagId: TAGS[int(0, 2)] as string, stance: STANCES[int(0, 2)] as string };
    });
    for (const coder of CODERS) {
      for (const t of truth) {
        const roll = int(0, 99);
        if (roll < 8) continue; // missed
        const start = Math.max(0, t.start + (roll < 40 ? int(-6, 6) : 0));
        const end = Math.min(length, Math.max(start + 1, t.end + (roll < 40 ? int(-6, 6) : 0)));
        annotations.push({ articleId: `a${i}`, coder, start, end, tagId: roll < 15 ? (TAGS[int(0, 2)] as string) : t.tagId, stance: roll < 25 ? (STANCES[int(0, 2)] as string) : t.stance });
      }
      for (let extra = 0; extra < 4; extra++) {
        const start = int(0, length - 100);
        annotations.push({ articleId: `a${i}`, coder, start, end: start + int(5, 90), tagId: TAGS[int(0, 2)] as string, stance: STANCES[int(0, 2)] as string });
      }
    }
  }
  return { articles, annotations };
}

/** The agreement screen's input: one span category per tag, each with a stance attribute. */
export function screenInput(perCoder: number): StudyInput {
  const { articles, annotations } = generate(perCoder);
  return {
    categories: TAGS.map((t) => ({ id: t, name: t, level: 'span' as const, attributes: [{ id: 'stance', name: 'Stance', type: 'choice' as const, options: STANCES }] })),
    tags: TAGS.map((t) => ({ id: t, name: t, category: t })),
    articles: articles.map((a) => ({ id: a.id, title: a.id, text: a.text, openedBy: a.openedBy })),
    annotations: annotations.map((a, i) => ({ id: String(i), articleId: a.articleId, coder: a.coder, tag: a.tagId, start: a.start, end: a.end, attributes: { stance: a.stance } })),
    coders: CODERS,
  };
}

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const r = fn();
  return [r, performance.now() - t0];
}

/** The whole agreement screen, as the app's worker computes it, with the time of each step. */
function screenEntry(): BenchEntry[] {
  // The whole agreement screen (what the app's worker runs): every category, tag and attribute,
  // token α with κ and percent agreement, 1,000-resample intervals for every α.
  const input = screenInput(SCREEN_PER_CODER);
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  const steps: string[] = [];
  const load = loadavg()[0] as number;
  const cpu0 = process.cpuUsage();
  const [screen, screenMs] = time(() =>
    computeStudy(input, {
      seed: 1,
      replicates: 1000,
      onProgress: (_d, _t, step) => {
        // Wall and CPU time per step: under load the wall time mostly measures the other jobs.
        const now = performance.now();
        const cpuNow = process.cpuUsage(lastCpu);
        steps.push(`${step} ${Math.round(now - last)} ms (CPU ${Math.round((cpuNow.user + cpuNow.system) / 1000)})`);
        last = now;
        lastCpu = process.cpuUsage();
      },
    }),
  );
  const cpu = process.cpuUsage(cpu0);
  // CPU time as well as wall time: on a shared machine the wall time grows with the others' load.
  const cpuMs = (cpu.user + cpu.system) / 1000;
  process.stdout.write(`  steps: ${steps.join(', ')}\n`);
  process.stdout.write(`  load average ${load.toFixed(1)} → ${(loadavg()[0] as number).toFixed(1)} (1 min, before → after) on ${availableParallelism()} cores; CPU time ${Math.round(cpuMs)} ms\n`);
  // AGREEMENT_DUMP=FILE: the figures as JSON, to check an optimisation changes none of them.
  if (process.env.AGREEMENT_DUMP) writeFileSync(process.env.AGREEMENT_DUMP, JSON.stringify(screen.rows.map((r) => ({ key: r.key, result: r.result, ci: r.ci, note: r.note, count: r.disagreementCount, dis: r.disagreements })).concat([{ perArticle: screen.perArticle } as never])));
  process.stdout.write(`  agreement screen: ${screen.rows.length} figures from ${input.annotations.length.toLocaleString('en')} annotations\n`);
  return [
    { name: `agreement screen: every figure, ${ARTICLES.toLocaleString('en')} articles × ${CODERS.length} coders × ~${SCREEN_PER_CODER} annotations`, value: screenMs, unit: 'ms', goal: '< 2000' },
    { name: 'agreement screen: CPU time of the same run', value: cpuMs, unit: 'ms', goal: '< 2000' },
  ];
}

const part: BenchPart = {
  title: `Agreement: ${ARTICLES.toLocaleString('en')} articles × ${CODERS.length} coders × ~${PER_CODER} annotations`,
  async run(): Promise<BenchEntry[]> {
    // AGREEMENT_SCREEN_ONLY=1: just the screen (when tuning it).
    if (process.env.AGREEMENT_SCREEN_ONLY) return screenEntry();
    const { articles, annotations } = generate();
    const spans = annotations.map((a) => ({ articleId: a.articleId, coder: a.coder, start: a.start, end: a.end, value: a.tagId }));
    const [ua, uaMs] = time(() => unitizingAlphaStudy(articles, CODERS, spans));
    const [matrix, tokenMs] = time(() => unitMatrix({ articles, coders: CODERS, annotations }, { unit: 'token' }));
    const [tokenAlpha, alphaMs] = time(() => krippendorffAlpha(matrix));
    const [ci, bootMs] = time(() => bootstrapAlpha(matrix, { seed: 1, clusters: matrix.clusters }));
    const [attr, attrMs] = time(() => attributeAlpha(annotations, CODERS, (a) => a.stance));
    const show = (r: { computable: boolean; value?: number }) => (r.computable ? (r.value as number) : NaN);
    process.stdout.write(
      `  uα pooled ${show(ua.pooled.overall).toFixed(3)}, token α ${show(tokenAlpha).toFixed(3)} ` +
        `[${ci.computable ? `${ci.lower.toFixed(3)}, ${ci.upper.toFixed(3)}` : ci.reason}], attribute α ${show(attr.alpha).toFixed(3)}; ` +
        `${matrix.units.length.toLocaleString('en')} token units, ${annotations.length.toLocaleString('en')} annotations\n`,
    );
    return [
      ...screenEntry(),
      { name: 'agreement: uα pooled + per article (all tags)', value: uaMs, unit: 'ms', goal: '' },
      { name: 'agreement: token units × coders matrix', value: tokenMs, unit: 'ms', goal: '' },
      { name: 'agreement: nominal α on tokens', value: alphaMs, unit: 'ms', goal: '' },
      { name: 'agreement: token α bootstrap CI, 1,000 article resamples', value: bootMs, unit: 'ms', goal: '' },
      { name: 'agreement: span matching + attribute α', value: attrMs, unit: 'ms', goal: '' },
      { name: 'agreement: total (uα, token α with CI, attribute α)', value: uaMs + tokenMs + alphaMs + bootMs + attrMs, unit: 'ms', goal: '< 2000' },
    ];
  },
};

export default part;
