import { useState } from 'react';
import type { Project } from '@shared/model/types.ts';
import type { ArticleRecord } from '../../db/schema.ts';
import { AssignmentsDialog } from './AssignmentsDialog.tsx';

/** The topbar button that opens the study's assignments. */
export function AssignmentsButton({ project, articles }: { project: Project; articles: ArticleRecord[] | undefined }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button-small" onClick={() => setOpen(true)} disabled={!articles}>
        Assignments
      </button>
      {open && articles && <AssignmentsDialog project={project} articles={articles} onClose={() => setOpen(false)} />}
    </>
  );
}
