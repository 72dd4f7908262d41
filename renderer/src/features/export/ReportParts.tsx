import type { ReactNode } from 'react';
import { plural } from '@shared/text/plural.ts';

/** A row of labelled counts; `warn` marks counts the user should look at. */
export function Counts({ label, items }: { label: string; items: { label: string; value: number; warn?: boolean; testId?: string }[] }) {
  return (
    <dl className="export-summary" aria-label={label}>
      {items.map((item) => (
        <div key={item.label} className={item.warn && item.value > 0 ? 'export-summary-warn' : undefined}>
          <dt>{item.label}</dt>
          <dd data-testid={item.testId}>{item.value.toLocaleString()}</dd>
        </div>
      ))}
    </dl>
  );
}

export interface OrphanRow {
  articleTitle: string;
  annotationId: string;
  quote: string;
  reason: string;
}

/** Annotations that could not be placed: always listed, never dropped silently. */
export function OrphanList({ orphans, intro, verb = 'could not be placed', label = 'Annotations not placed' }: { orphans: OrphanRow[]; intro: ReactNode; verb?: string; label?: string }) {
  if (orphans.length === 0) return null;
  return (
    <section aria-label={label}>
      <h3 className="export-subtitle">
        {plural(orphans.length, 'annotation')} {orphans.length === 1 ? verb.replace(/^were /, 'was ') : verb}
      </h3>
      <p className="export-note">{intro}</p>
      <ul className="export-problems">
        {orphans.map((o) => (
          <li key={`${o.articleTitle}\u0000${o.annotationId}`}>
            <span className="export-problem-quote">“{o.quote}”</span>
            <br />
            <span className="export-problem-reason">
              {o.articleTitle} — {o.reason}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ProblemList({ problems, label }: { problems: string[]; label: string }) {
  if (problems.length === 0) return null;
  const shown = problems.slice(0, 50);
  return (
    <ul className="export-problems" aria-label={label}>
      {shown.map((p, i) => (
        <li key={i}>{p}</li>
      ))}
      {problems.length > shown.length && <li className="export-problem-reason">… and {(problems.length - shown.length).toLocaleString()} more</li>}
    </ul>
  );
}

/** A merge's report per coder (each coder's work is their own layer): what the file holds and what came in. */
export function CoderReport({ lines }: { lines: { coder: string; inFile: number; added: number; articles: number; relations: number }[] }) {
  if (lines.length === 0) return null;
  return (
    <table className="export-coders" aria-label="Per coder">
      <thead>
        <tr>
          <th scope="col">Coder (layer)</th>
          <th scope="col">In the file</th>
          <th scope="col">Added</th>
          <th scope="col">Articles</th>
          <th scope="col">Links added</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr key={l.coder}>
            <th scope="row">{l.coder || '(no coder name)'}</th>
            <td>{l.inFile.toLocaleString('en')}</td>
            <td>{l.added.toLocaleString('en')}</td>
            <td>{l.articles.toLocaleString('en')}</td>
            <td>{l.relations.toLocaleString('en')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
