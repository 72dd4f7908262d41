import { useState } from 'react';
import type { DatasetMergePlan } from '@shared/dataset/merge.ts';
import { parseQdc } from '@shared/dataset/formats/refi-qda.ts';
import type { Project } from '@shared/model/types.ts';
import { mergeIsEmpty, planCodebookImport } from './merge-plans.ts';
import { CancelAndAct, CloseAction, Dialog } from '../../ui/Dialog.tsx';
import { importCodebook } from './actions/import-codebook.ts';
import { errorMessage } from '@shared/errors.ts';
import { pickOneFile } from './pick-file.ts';
import { plural } from '@shared/text/plural.ts';

type State =
  | { step: 'choose'; error: string | null }
  | { step: 'preview'; fileName: string; plan: DatasetMergePlan; present: number }
  | { step: 'done'; plan: DatasetMergePlan };

/** A REFI-QDA codebook (.qdc) from another QDA tool: its codes become tags of this project. */
export function ImportCodebookDialog({ project, onClose }: { project: Project; onClose: () => void }) {
  const [state, setState] = useState<State>({ step: 'choose', error: null });
  const [busy, setBusy] = useState(false);

  const choose = async () => {
    const picked = await pickOneFile();
    if (picked === null) return;
    if ('error' in picked) {
      setState({ step: 'choose', error: picked.error });
      return;
    }
    setBusy(true);
    try {
      const xml = new TextDecoder().decode(picked.file.bytes);
      let parsed;
      try {
        parsed = parseQdc(xml);
      } catch (e) {
        setState({ step: 'choose', error: `“${picked.file.name}” is not a REFI-QDA codebook (${errorMessage(e)}).` });
        return;
      }
      const plan = await planCodebookImport(project.id, parsed);
      setState({ step: 'preview', fileName: picked.file.name, plan, present: parsed.tags.length - plan.tagsToAdd.length });
    } catch (e) {
      setState({ step: 'choose', error: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const apply = async (plan: DatasetMergePlan) => {
    setBusy(true);
    try {
      await importCodebook(project.id, plan);
      setState({ step: 'done', plan });
    } catch (e) {
      setState({ step: 'choose', error: `The codebook was not imported: ${errorMessage(e)}` });
    } finally {
      setBusy(false);
    }
  };

  if (state.step === 'choose') {
    return (
      <Dialog
        title="Import codebook"
        onClose={onClose}
        actions={
          <CancelAndAct onCancel={onClose} onAct={() => void choose()} disabled={busy}>
            {busy ? 'Reading…' : 'Choose .qdc file…'}
          </CancelAndAct>
        }
      >
        <p>Add the codes of a REFI-QDA codebook (from MAXQDA, ATLAS.ti, NVivo, QualCoder or Presswork) as tags, with their colours and nesting. Codes this project already has are left as they are.</p>
        {state.error && (
          <p role="alert" className="error-text">
            {state.error}
          </p>
        )}
      </Dialog>
    );
  }

  const { plan } = state;
  const depthOf = (id: string | null, seen = 0): number => {
    const parent = plan.tagsToAdd.find((t) => t.id === id);
    return parent && seen < plan.tagsToAdd.length ? 1 + depthOf(parent.parentId, seen + 1) : 0;
  };
  const list = (
    <ul className="export-problems export-tag-list" aria-label="Tags to add">
      {plan.tagsToAdd.map((t) => (
        <li key={t.id} className="export-tag-row" style={{ paddingLeft: 11 + depthOf(t.parentId) * 20 }}>
          <span className="export-swatch" style={{ background: t.color }} aria-hidden="true" />
          {t.name}
        </li>
      ))}
    </ul>
  );

  if (state.step === 'done') {
    return (
      <Dialog
        title="Codebook imported"
        onClose={onClose}
        actions={<CloseAction onClose={onClose} />}
      >
        <p role="status">
          {plural(plan.tagsToAdd.length, 'tag')}
          {plan.categoriesToAdd.length > 0 && ` and ${plural(plan.categoriesToAdd.length, 'category', 'categories')}`} added to the codebook. Undo (Ctrl+Z) removes them again.
        </p>
      </Dialog>
    );
  }

  const empty = mergeIsEmpty(plan);
  return (
    <Dialog
      title="Import this codebook?"
      onClose={onClose}
      actions={
        <CancelAndAct onCancel={onClose} onAct={() => void apply(plan)} disabled={empty || busy}>
          Add {plural(plan.tagsToAdd.length, 'tag')}
        </CancelAndAct>
      }
    >
      <p>
        <span className="export-file">{state.fileName}</span>:{' '}
        {empty
          ? 'every code in it is already in this project.'
          : `${plural(plan.tagsToAdd.length, 'new tag')}${plan.categoriesToAdd.length > 0 ? ` in ${plural(plan.categoriesToAdd.length, 'new category', 'new categories')} (${plan.categoriesToAdd.map((c) => c.name).join(', ')})` : ''}${state.present > 0 ? `; ${plural(state.present, 'code')} already present` : ''}.`}
      </p>
      {!empty && list}
    </Dialog>
  );
}
