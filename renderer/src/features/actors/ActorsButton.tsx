import { useState } from 'react';
import type { Project } from '@shared/model/types.ts';
import { lazyNamed } from '../../ui/lazy-named.tsx';

const ActorRegistry = lazyNamed(() => import('./ActorRegistry.tsx'), 'ActorRegistry');

/** The topbar entry to the actor registry. */
export function ActorsButton({ project }: { project: Project }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button-small" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Actors
      </button>
      {open && <ActorRegistry project={project} onClose={() => setOpen(false)} />}
    </>
  );
}
