import { useState } from 'react';
import type { Project } from '@shared/model/types.ts';
import type { ArticleRecord } from '../../db/schema.ts';
import { lazyNamed } from '../../ui/lazy-named.tsx';

const AgreementDialog = lazyNamed(() => import('./AgreementDialog.tsx'), 'AgreementDialog');

/** The topbar button that opens the agreement screen. */
export function AgreementButton({ project, articles }: { project: Project; articles: ArticleRecord[] | undefined }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button-small" onClick={() => setOpen(true)} disabled={!articles}>
        Agreement
      </button>
      {open && articles && <AgreementDialog project={project} articles={articles} onClose={() => setOpen(false)} />}
    </>
  );
}
