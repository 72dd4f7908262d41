/**
 * The agreement table as a researcher takes it away: CSV (one row per figure) and a short
 * methods paragraph in Markdown to paste into a paper (measure, level, n, value, CI per
 * variable). Pure; the app saves the text, the CLI could print it.
 */
import { csvField } from '../../dataset/formats/csv.ts';
import type { StudyTable, StudyTableRow } from './study.ts';

const fmt = (x: number) => (Object.is(x, -0) ? 0 : x).toFixed(3);

export const STUDY_CSV_HEADER = ['variable', 'measure', 'level', 'units', 'n_units', 'n_pairable_units', 'n_values', 'n_coders', 'value', 'ci_lower', 'ci_upper', 'message', 'note', 'disagreements'] as const;

/** One line per figure; a figure that cannot be computed has an empty value and its reason. */
export function studyCsv(result: StudyTable): string {
  const lines = [STUDY_CSV_HEADER.join(',')];
  for (const r of result.rows) {
    const { n } = r.result;
    const ci = r.ci?.computable ? r.ci : null;
    lines.push(
      [
        r.variable,
        r.measure,
        r.level,
        r.unit,
        String(n.units),
        String(n.pairableUnits),
        String(n.pairableValues),
        String(n.coders),
        r.result.computable ? String(r.result.value) : '',
        ci ? String(ci.lower) : '',
        ci ? String(ci.upper) : '',
        r.result.computable ? '' : r.result.reason,
        r.note,
        String(r.disagreementCount),
      ]
        .map(csvField)
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

function figure(r: StudyTableRow): string {
  if (!r.result.computable) return `${r.measure} could not be computed (${r.result.reason})`;
  const ci = r.ci?.computable ? `, 95% CI [${fmt(r.ci.lower)}, ${fmt(r.ci.upper)}]` : '';
  const n = r.measure === 'uα' ? `${r.result.n.units} units` : `n = ${r.result.n.pairableValues} values in ${r.result.n.pairableUnits} ${r.unit}`;
  return `${r.measure === 'α' ? `Krippendorff's α (${r.level})` : r.measure} = ${fmt(r.result.value)}${ci} (${n})`;
}

/** A methods paragraph plus a Markdown table of the main figures. */
export function methodsMarkdown(result: StudyTable, context: { projectName: string; generator?: string }): string {
  const coders = result.coders.length;
  const unitWord = result.unit === 'token' ? 'word tokens' : 'sentences';
  const overall = result.rows.filter((r) => r.scope === 'overall');
  const perVariable = result.rows.filter((r) => r.scope !== 'overall' && (r.measure === 'uα' || r.measure === 'α'));
  const out: string[] = [];
  out.push('## Intercoder reliability');
  out.push('');
  out.push(
    `${coders} coders (${result.coders.join(', ')}) coded ${result.articles} article${result.articles === 1 ? '' : 's'} of the project “${context.projectName}” independently. ` +
      `Agreement on where spans were marked was measured with Krippendorff's unitizing alpha (uα; Krippendorff 2004), computed on Unicode code points over all articles pooled as one continuum. ` +
      `Agreement on the codes was measured with Krippendorff's alpha (Krippendorff 2011) on ${unitWord} as units, each unit taking the tag covering it or "none"; articles a coder did not code were treated as missing data. ` +
      `Tags and attributes of spans were compared over spans matched between coders (exact matches first, then largest overlap); unmatched spans are reported. ` +
      `${coders === 2 ? "Cohen's" : "Fleiss'"} kappa and percent agreement are given for comparison. ` +
      `95% confidence intervals come from ${result.replicates.toLocaleString('en')} bootstrap resamples of articles (seed ${result.seed}). ` +
      `Computed with ${context.generator ?? 'Presswork'}.`,
  );
  out.push('');
  if (overall.length > 0) out.push(`Overall: ${overall.map(figure).join('; ')}.`, '');
  out.push('| Variable | Measure | Level | Units | n | Value | 95% CI |');
  out.push('|---|---|---|---|---|---|---|');
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  for (const r of [...overall, ...perVariable]) {
    const v = r.result.computable ? fmt(r.result.value) : `— (${r.result.reason})`;
    const ci = r.ci?.computable ? `[${fmt(r.ci.lower)}, ${fmt(r.ci.upper)}]` : '';
    out.push(`| ${cell(r.variable)} | ${cell(r.measure)} | ${r.level} | ${r.unit} | ${r.result.n.pairableUnits} | ${cell(v)} | ${ci} |`);
  }
  const notes = [...new Set(result.rows.map((r) => r.note).filter(Boolean))];
  if (notes.length > 0) {
    out.push('');
    for (const n of notes) out.push(`- ${cell(n)}`);
  }
  return out.join('\n') + '\n';
}
