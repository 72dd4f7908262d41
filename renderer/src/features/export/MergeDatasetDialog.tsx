import { useState } from 'react';
import { readDatasetFileSliced } from '@shared/dataset/app-read.ts';
import type { DatasetMergePlan } from '@shared/dataset/merge.ts';
import { mergeReportByCoder, type CoderMergeLine } from '@shared/dataset/coder-package.ts';
import type { Project } from '@shared/model/types.ts';
import { mergeIsEmpty, planMerge } from './merge-plans.ts';
import { CancelAndAct, CloseAction, Dialog } from '../../ui/Dialog.tsx';
import { mergeDataset } from './actions/merge-dataset.ts';
import { errorMessage } from '@shared/errors.ts';
import { pickOneFile } from './pick-file.ts';
import { plural } from '@shared/text/plural.ts';
import { CoderReport, Counts, OrphanList, ProblemList } from './ReportParts.tsx';

type State =
  | { step: 'choose'; error: string | null; problems: string[] }
  | { step: 'checking' }
  | { step: 'preview'; fileName: string; plan: DatasetMergePlan; warnings: string[]; coders: string[]; perCoder: CoderMergeLine[] }
  | { step: 'applying' }
  | { step: 'done'; fileName: string; plan: DatasetMergePlan; perCoder: CoderMergeLine[] };

/** Another coder's dataset merged into this project: choose, review what will change, confirm. */
export function MergeDatasetDialog({ project, onClose }: { project: Project; onClose: () => void }) {
  const [state, setState] = useState<State>({ step: 'choose', error: null, problems: [] });

  const choose = async () => {
    const picked = await pickOneFile();
    if (picked === null) return;
    if ('error' in picked) {
      setState({ step: 'choose', error: picked.error, problems: [] });
      return;
    }
    setState({ step: 'checking' });
    try {
      const read = await readDatasetFileSliced(picked.file.name, picked.file.bytes);
      if (!read.ok) {
        setState({ step: 'choose', error: read.message, problems: read.problems });
        return;
      }
      const plan = await planMerge(project.id, read.dataset);
      const coders = [...new Set(plan.annotationsToAdd.map((a) => a.coder).filter(Boolean))].sort();
      setState({ step: 'preview', fileName: picked.file.name, plan, warnings: read.warnings, coders, perCoder: mergeReportByCoder(read.dataset, plan) });
    } catch (e) {
      setState({ step: 'choose', error: errorMessage(e), problems: [] });
    }
  };

  const apply = async (fileName: string, plan: DatasetMergePlan, perCoder: CoderMergeLine[]) => {
    setState({ step: 'applying' });
    try {
      await mergeDataset(project.id, plan);
      setState({ step: 'done', fileName, plan, perCoder });
    } catch (e) {
      setState({ step: 'choose', error: `The merge was not applied: ${errorMessage(e)}`, problems: [] });
    }
  };

  if (state.step === 'choose' || state.step === 'checking') {
    return (
      <Dialog
        title="Merge coded dataset"
        onClose={onClose}
        actions={
          <CancelAndAct onCancel={onClose} onAct={() => void choose()} disabled={state.step === 'checking'}>
            {state.step === 'checking' ? 'Checking…' : 'Choose dataset…'}
          </CancelAndAct>
        }
      >
        <p>
          Bring in another coder’s work on this corpus: a Presswork dataset (.json) they exported. Articles are matched by their text, annotations placed again by their quote where the offsets no longer fit, and the tags they used
          are added where missing.
        </p>
        <p className="muted">Nothing changes until you have reviewed what the file would add.</p>
        {state.step === 'choose' && state.error && (
          <>
            <p role="alert" className="error-text">
              {state.error}
            </p>
            <ProblemList problems={state.problems} label="Problems in the file" />
          </>
        )}
      </Dialog>
    );
  }

  if (state.step === 'applying') {
    return (
      <Dialog title="Merging" onClose={() => {}} actions={null}>
        <p className="export-lede">Writing the merged annotations…</p>
        <progress className="export-progress" aria-label="Merge progress" />
      </Dialog>
    );
  }

  const { plan, fileName, perCoder } = state;
  const counts = (
    <Counts
      label="Merge summary"
      items={[
        { label: 'Articles matched', value: plan.matched.length, testId: 'merge-matched' },
        { label: 'New articles', value: plan.articlesToAdd.length, testId: 'merge-new-articles' },
        { label: 'Annotations added', value: plan.annotationsToAdd.length, testId: 'merge-annotations' },
        { label: 'Re-anchored by quote', value: plan.reanchored, testId: 'merge-reanchored' },
        { label: 'Already present', value: plan.duplicates, testId: 'merge-duplicates' },
        { label: 'Not placed', value: plan.orphans.length, warn: true, testId: 'merge-orphans' },
      ]}
    />
  );
  const codebook =
    plan.tagsToAdd.length + plan.categoriesToAdd.length > 0 ? (
      <p className="export-note">
        New in the codebook: {plan.categoriesToAdd.length > 0 && <>{plural(plan.categoriesToAdd.length, 'category', 'categories')} ({plan.categoriesToAdd.map((c) => c.name).join(', ')}), </>}
        {plural(plan.tagsToAdd.length, 'tag')}
        {plan.tagsToAdd.length > 0 && <> ({plan.tagsToAdd.map((t) => t.name).join(', ')})</>}.
      </p>
    ) : null;
  const orphanIntro = 'Their quote is not in this project’s text (or their article or tag is missing). They are listed here so you can code them by hand.';

  if (state.step === 'done') {
    return (
      <Dialog
        title="Dataset merged"
        wide={plan.orphans.length > 0}
        onClose={onClose}
        actions={<CloseAction onClose={onClose} />}
      >
        <p role="status">
          {plural(plan.annotationsToAdd.length, 'annotation')} from <span className="export-file">{fileName}</span> added to {project.name}. Undo (Ctrl+Z) takes the whole merge back.
        </p>
        {counts}
        <CoderReport lines={perCoder} />
        {codebook}
        <OrphanList orphans={plan.orphans} intro={orphanIntro} />
      </Dialog>
    );
  }

  const empty = mergeIsEmpty(plan);
  return (
    <Dialog
      title="Merge this dataset?"
      wide
      onClose={onClose}
      actions={
        <CancelAndAct onCancel={onClose} onAct={() => void apply(fileName, plan, perCoder)} disabled={empty}>
          Merge into {project.name}
        </CancelAndAct>
      }
    >
      <p>
        <span className="export-file">{fileName}</span>
        {state.coders.length > 0 && <> — annotations by {state.coders.join(', ')}, kept under their names</>}.
      </p>
      {counts}
      <CoderReport lines={perCoder} />
      {codebook}
      {empty && <p role="status">Nothing new: everything in this file is already in the project.</p>}
      {state.warnings.length > 0 && (
        <>
          <h3 className="export-subtitle">Offsets in the file that do not fit their quotes</h3>
          <p className="export-note">These annotations are placed by their quote instead (or listed below if it is not found).</p>
          <ProblemList problems={state.warnings} label="Offset warnings" />
        </>
      )}
      <OrphanList orphans={plan.orphans} intro={orphanIntro} />
    </Dialog>
  );
}
