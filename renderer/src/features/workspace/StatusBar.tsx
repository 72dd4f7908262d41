import { plural } from '@shared/text/plural.ts';
import { useAnnotationCount } from './use-annotation-count.ts';
import type { PersistenceState } from '../../app/persistence.ts';
import { CoderButton } from '../settings/CoderButton.tsx';

const PERSISTENCE_TEXT: Record<PersistenceState, string> = {
  persistent: 'Storage: persistent',
  'best-effort': 'Storage: best effort (the browser may evict data under pressure)',
  unsupported: 'Storage: persistence not supported',
};

export function StatusBar({ projectId, articleCount, persistence }: { projectId: string; articleCount: number; persistence: PersistenceState | null }) {
  const annotationCount = useAnnotationCount(projectId);
  return (
    // The footer stays a landmark; the live region inside it announces changed counts and coder.
    <footer className="statusbar">
      <div className="statusbar-items" role="status" aria-label="Status">
        <span>{plural(articleCount, 'article')}</span>
        <span>{plural(annotationCount, 'annotation')}</span>
        <CoderButton className="statusbar-button" />
        <span className="statusbar-right">{persistence ? PERSISTENCE_TEXT[persistence] : ''}</span>
      </div>
    </footer>
  );
}
