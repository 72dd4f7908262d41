import { useCallback, useEffect, useState } from 'react';
import { listCoders, onCodersChanged } from '../../db/coders.ts';

/**
 * The coder names on a project's annotations, read when the project opens, after a merge or its
 * undo, and whenever `refresh` is called (not live: it reads every annotation).
 */
export function useCoders(projectId: string): { coders: string[] | undefined; refresh: () => void } {
  const [state, setState] = useState<{ projectId: string; coders: string[] } | undefined>(undefined);
  const refresh = useCallback(() => {
    void listCoders(projectId).then((coders) => setState({ projectId, coders }));
  }, [projectId]);
  useEffect(refresh, [refresh]);
  useEffect(() => onCodersChanged(refresh), [refresh]);
  return { coders: state?.projectId === projectId ? state.coders : undefined, refresh };
}
