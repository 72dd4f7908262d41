import { useState } from 'react';
import type { Project } from '@shared/model/types.ts';
import { lazyNamed } from '../../ui/lazy-named.tsx';

const CodebookEditor = lazyNamed(() => import('./CodebookEditor.tsx'), 'CodebookEditor');

/** The topbar entry to the codebook editor. */
export function CodebookButton({ project }: { project: Project }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button-small" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Codebook
      </button>
      {open && <CodebookEditor project={project} onClose={() => setOpen(false)} />}
    </>
  );
}
