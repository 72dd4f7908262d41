import { useState } from 'react';
import { plural } from '@shared/text/plural.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { cancelImport, dismissImport, type ImportSession } from './import-session.ts';
import { describeRemoved } from '@shared/import/file-report.ts';
import { fileSummaries, formatReport, groupProblems } from './report.ts';

const TITLE = {
  running: 'Importing',
  cancelling: 'Cancelling import',
  done: 'Import finished',
  cancelled: 'Import cancelled',
  failed: 'Import stopped',
} as const;

/** Progress while an import runs, then the report of every problem per file. */
export function ImportDialog({ session, projectName }: { session: ImportSession; projectName: string }) {
  const { progress, reading } = session;
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const finished = progress.phase === 'done' || progress.phase === 'cancelled' || progress.phase === 'failed';
  const groups = groupProblems(progress.problems);
  const title = reading ? 'Reading files' : TITLE[progress.phase];

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(formatReport(projectName, progress));
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <Dialog
      title={title}
      // Wide from the start: four counts side by side, and no jump when the report appears.
      wide
      onClose={() => finished && dismissImport()}
      actions={
        finished ? (
          <>
            <span className="import-copied" role="status">
              {copied === 'copied' ? 'Report copied' : copied === 'failed' ? 'Could not copy: the clipboard is not available' : ''}
            </span>
            <button type="button" className="button" onClick={() => void copy()}>
              Copy report
            </button>
            <button type="button" className="button button-primary" onClick={dismissImport} autoFocus>
              Close
            </button>
          </>
        ) : (
          <button type="button" className="button" onClick={cancelImport} disabled={reading || progress.phase === 'cancelling'}>
            {progress.phase === 'cancelling' ? 'Cancelling…' : 'Cancel'}
          </button>
        )
      }
    >
      <p className="import-lede">
        {reading
          ? 'Reading the chosen files…'
          : finished
            ? summary(session, projectName)
            : `Into ${projectName}. Articles appear in the library as each batch is stored; Cancel keeps what is already stored.`}
      </p>
      <progress className="import-progress" aria-label="Import progress" max={Math.max(1, progress.filesTotal)} value={reading ? undefined : progress.filesRead} />
      <dl className="import-counts" aria-label="Import counts">
        <div>
          <dt>Files read</dt>
          <dd data-testid="import-files-read">
            {progress.filesRead.toLocaleString()} of {progress.filesTotal.toLocaleString()}
          </dd>
        </div>
        <div>
          <dt>Articles added</dt>
          <dd data-testid="import-added">{progress.added.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Duplicates skipped</dt>
          <dd data-testid="import-duplicates">{progress.duplicates.toLocaleString()}</dd>
        </div>
        <div className={progress.problems.length > 0 ? 'import-count-problems' : undefined}>
          <dt>Problems</dt>
          <dd data-testid="import-problems">{progress.problems.length.toLocaleString()}</dd>
        </div>
      </dl>
      {progress.error && (
        <p className="error-text" role="alert">
          {progress.error}
        </p>
      )}
      {finished && groups.length > 0 && (
        <section className="import-report" aria-label="Problems by file">
          <h3 className="import-report-title">{plural(groups.length, 'file', 'files')} with problems</h3>
          <ul className="import-report-list">
            {groups.map(({ file, messages }) => (
              <li key={file} className="import-report-file">
                <span className="import-report-name">{file}</span>
                <ul>
                  {messages.map((m, i) => (
                    <li key={i}>{m}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      )}
      {finished && progress.files.length > 0 && <FileDetails progress={progress} />}
    </Dialog>
  );
}

// Rows drawn at most: a folder of 50,000 files would make the dialog crawl; the copied report has all.
const MAX_ROWS = 500;

/** What was read in each file and what cleaning removed: the researcher's check on the corpus. */
function FileDetails({ progress }: { progress: ImportSession['progress'] }) {
  const rows = fileSummaries(progress).filter((f) => f.report !== undefined);
  const shown = rows.slice(0, MAX_ROWS);
  return (
    <details className="import-files" open={rows.length <= 20}>
      <summary>Details for each file ({rows.length.toLocaleString()})</summary>
      <div className="import-files-scroll" role="region" aria-label="Details for each file" tabIndex={0}>
        <table className="import-files-table" aria-label="What was detected in each file and what cleaning removed">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Read as</th>
              <th scope="col">Articles</th>
              <th scope="col">Language</th>
              <th scope="col">Cleaning removed</th>
            </tr>
          </thead>
          <tbody>
            {shown.map(({ file, report, messages }) =>
              report ? (
                <tr key={file}>
                  <th scope="row" className="import-report-name">
                    {file}
                  </th>
                  <td>
                    {report.format}
                    {report.encoding && <span className="import-files-muted"> · {report.encoding.toUpperCase()}</span>}
                    {report.notes.map((n) => (
                      <div key={n} className="import-files-muted">
                        {n}
                      </div>
                    ))}
                  </td>
                  <td>
                    {report.items === report.articles ? report.articles.toLocaleString() : `${report.articles.toLocaleString()} of ${plural(report.items, 'item', 'items')}`}
                    {messages.length > 0 && <div className="import-files-problem">{plural(messages.length, 'problem', 'problems')}</div>}
                  </td>
                  <td>{languages(report.languages)}</td>
                  <td>{describeRemoved(report.removed) || <span className="import-files-muted">nothing</span>}</td>
                </tr>
              ) : null,
            )}
          </tbody>
        </table>
        {rows.length > shown.length && <p className="import-files-muted">…and {(rows.length - shown.length).toLocaleString()} more files; Copy report lists them all.</p>}
      </div>
    </details>
  );
}

function languages(counts: Record<string, number>): string {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return '—';
  if (entries.length === 1) return entries[0]?.[0] ?? '—';
  return entries.map(([lang, n]) => `${lang} ${n}`).join(', ');
}

function summary({ progress }: ImportSession, projectName: string): string {
  const added = plural(progress.added, 'article', 'articles');
  switch (progress.phase) {
    case 'cancelled':
      return `Cancelled. ${added} stored in ${projectName} before stopping are kept; the remaining files were not imported.`;
    case 'failed':
      return `The import stopped. ${added} stored in ${projectName} before the error are kept; nothing was half-written.`;
    default:
      return progress.problems.length === 0 ? `${added} added to ${projectName}. Every file was read without problems.` : `${added} added to ${projectName}. Some files had problems; they are listed below.`;
  }
}
