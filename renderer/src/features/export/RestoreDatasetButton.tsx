import { useState } from 'react';
import { readDatasetFileSliced } from '@shared/dataset/app-read.ts';
import type { Dataset } from '@shared/dataset/dataset.ts';
import { restoreDataset, type RestoreResult } from './actions/restore-dataset.ts';
import { navigate } from '../../app/route.ts';
import { CancelAndAct, CloseAction, Dialog } from '../../ui/Dialog.tsx';
import { errorMessage } from '@shared/errors.ts';
import { pickOneFile } from './pick-file.ts';
import { plural } from '@shared/text/plural.ts';
import { Counts, OrphanList, ProblemList } from './ReportParts.tsx';
import { startCoding } from './start-coding.ts';
import './export.css';

type State =
  | { step: 'idle' }
  | { step: 'refused'; message: string; problems: string[] }
  | { step: 'confirm'; fileName: string; dataset: Dataset; warnings: string[] }
  | { step: 'restoring'; written: number; total: number }
  | { step: 'restored'; result: RestoreResult };

/** “Open dataset…” on the projects view: a Presswork dataset file restored as a new project. */
export function RestoreDatasetButton() {
  const [state, setState] = useState<State>({ step: 'idle' });
  const [reading, setReading] = useState(false);
  const close = () => setState({ step: 'idle' });

  const open = async () => {
    setReading(true);
    try {
      const picked = await pickOneFile();
      if (picked === null) return;
      if ('error' in picked) {
        setState({ step: 'refused', message: picked.error, problems: [] });
        return;
      }
      // Read in slices: a 200 MB dataset takes seconds to check, and the window must stay responsive.
      const read = await readDatasetFileSliced(picked.file.name, picked.file.bytes);
      if (!read.ok) setState({ step: 'refused', message: read.message, problems: read.problems });
      else setState({ step: 'confirm', fileName: picked.file.name, dataset: read.dataset, warnings: read.warnings });
    } catch (e) {
      setState({ step: 'refused', message: `The file could not be opened: ${errorMessage(e)}`, problems: [] });
    } finally {
      setReading(false);
    }
  };

  const restore = async (dataset: Dataset) => {
    setState({ step: 'restoring', written: 0, total: 1 });
    try {
      const result = await restoreDataset(dataset, (written, total) => setState({ step: 'restoring', written, total }));
      // A coder package starts that coder's blind coding: their name on every annotation, their layer only.
      if (dataset.package) await startCoding(dataset.package.coder);
      if (result.orphans.length === 0 && result.dropped.length === 0) {
        close();
        navigate({ view: 'project', projectId: result.projectId });
      } else setState({ step: 'restored', result });
    } catch (e) {
      setState({ step: 'refused', message: `Nothing was restored: ${errorMessage(e)}`, problems: [] });
    }
  };

  return (
    <>
      <button type="button" className="button" onClick={() => void open()} disabled={reading}>
        {reading ? 'Reading…' : 'Open dataset…'}
      </button>
      {state.step === 'refused' && (
        <Dialog
          title="This file cannot be opened"
          wide={state.problems.length > 0}
          onClose={close}
          actions={<CloseAction onClose={close} />}
        >
          <p role="alert">{state.message}</p>
          <ProblemList problems={state.problems} label="Problems in the file" />
        </Dialog>
      )}
      {state.step === 'confirm' && <ConfirmRestore fileName={state.fileName} dataset={state.dataset} warnings={state.warnings} onCancel={close} onRestore={() => void restore(state.dataset)} />}
      {state.step === 'restoring' && (
        <Dialog title="Restoring project" onClose={() => {}} actions={null}>
          <p className="export-lede">Writing articles and annotations…</p>
          <progress className="export-progress" aria-label="Restore progress" max={Math.max(1, state.total)} value={state.written} />
        </Dialog>
      )}
      {state.step === 'restored' && (
        <Dialog
          title="Project restored"
          wide
          onClose={close}
          actions={
            <button
              type="button"
              className="button button-primary"
              autoFocus
              onClick={() => {
                const id = state.result.projectId;
                close();
                navigate({ view: 'project', projectId: id });
              }}
            >
              Open project
            </button>
          }
        >
          <p role="status">
            “{state.result.projectName}” was restored with {plural(state.result.articles, 'article')} and {plural(state.result.annotations, 'annotation')}.
          </p>
          <OrphanList orphans={state.result.orphans} intro="Their quote is not in their article’s text, so they were not stored. Code them again by hand if they matter." />
          {state.result.dropped.length > 0 && (
            <section aria-label="Links not kept">
              <h3 className="export-subtitle">{plural(state.result.dropped.length, 'link')} could not be kept</h3>
              <p className="export-note">What they point to is not in the restored project, so they were not stored.</p>
              <ProblemList problems={state.result.dropped} label="Relations and links left out" />
            </section>
          )}
        </Dialog>
      )}
    </>
  );
}

function ConfirmRestore({ fileName, dataset, warnings, onCancel, onRestore }: { fileName: string; dataset: Dataset; warnings: string[]; onCancel: () => void; onRestore: () => void }) {
  const annotations = dataset.articles.reduce((n, a) => n + a.annotations.length, 0);
  if (dataset.package) return <ConfirmPackage fileName={fileName} dataset={dataset} coder={dataset.package.coder} onCancel={onCancel} onOpen={onRestore} />;
  return (
    <Dialog
      title="Restore as a new project?"
      wide={warnings.length > 0}
      onClose={onCancel}
      actions={
        <CancelAndAct onCancel={onCancel} onAct={onRestore}>
          Restore project
        </CancelAndAct>
      }
    >
      <p>
        <span className="export-file">{fileName}</span> holds “{dataset.project.name}”, exported {new Date(dataset.exportedAt).toLocaleString()}. It becomes a new project; your other projects are not touched.
      </p>
      <Counts
        label="Dataset contents"
        items={[
          { label: 'Articles', value: dataset.articles.length, testId: 'restore-articles' },
          { label: 'Annotations', value: annotations, testId: 'restore-annotations' },
          { label: 'Tags', value: dataset.codebook.tags.length, testId: 'restore-tags' },
        ]}
      />
      {warnings.length > 0 && (
        <>
          <h3 className="export-subtitle">Warnings</h3>
          <p className="export-note">Annotations whose offsets do not fit their quote are placed by their quote; any whose quote is not found will be listed after the restore. Lone surrogates are kept as they are.</p>
          <ProblemList problems={warnings} label="Warnings" />
        </>
      )}
    </Dialog>
  );
}

/** A coder package (shared/export/coder-package.ts): opened as the coder's own project, coded blind. */
function ConfirmPackage({ fileName, dataset, coder, onCancel, onOpen }: { fileName: string; dataset: Dataset; coder: string; onCancel: () => void; onOpen: () => void }) {
  return (
    <Dialog
      title="Open coder package?"
      onClose={onCancel}
      actions={
        <CancelAndAct onCancel={onCancel} onAct={onOpen}>
          Start coding as {coder}
        </CancelAndAct>
      }
    >
      <p>
        <span className="export-file">{fileName}</span> is <strong>{coder}</strong>’s assignment in “{dataset.package?.leadProject.name}”: {plural(dataset.articles.length, 'article')} to code with its codebook of {plural(dataset.codebook.tags.length, 'tag')}.
      </p>
      <p>
        It becomes the project “{dataset.project.name}”. Your coder name is set to <strong>{coder}</strong> and the reader shows your layer only. When you are done, export the project as a Presswork dataset (JSON) and send the file back.
      </p>
    </Dialog>
  );
}
