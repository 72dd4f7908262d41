import { useState } from 'react';
import { Dialog } from '../../ui/Dialog.tsx';
import { cancelImport, dismissImport, type ImportSession } from './import-session.ts';
import { formatReport, groupProblems } from './report.ts';

const TITLE = {
  running: 'Importing',
  cancelling: 'Cancelling import',
  done: 'Import finished',
  cancelled: 'Import cancelled',
  failed: 'Import stopped',
} as const;

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

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
    </Dialog>
  );
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
