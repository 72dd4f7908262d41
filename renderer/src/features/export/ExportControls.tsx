import { useEffect, useState } from 'react';
import { useDismissableMenu } from '../../ui/use-dismissable-menu.ts';
import type { Project } from '@shared/model/types.ts';
import { bridge } from '../../platform/bridge.ts';
import { lazyNamed } from '../../ui/lazy-named.tsx';
import './export.css';

// The formats' writers come with these dialogs, on first use.
const ExportDialog = lazyNamed(() => import('./ExportDialog.tsx'), 'ExportDialog');
const MergeDatasetDialog = lazyNamed(() => import('./MergeDatasetDialog.tsx'), 'MergeDatasetDialog');
const ImportCodebookDialog = lazyNamed(() => import('./ImportCodebookDialog.tsx'), 'ImportCodebookDialog');

type Open = 'export' | 'merge' | 'qdc' | null;

/**
 * The topbar "Export" menu: export the project in any format, and bring work back in (another
 * coder's dataset, a REFI-QDA codebook). The desktop menu's Export command opens the export dialog.
 */
export function ExportControls({ project }: { project: Project }) {
  const { open: menuOpen, setOpen: setMenuOpen, ref: menuRef } = useDismissableMenu();
  const [open, setOpen] = useState<Open>(null);

  useEffect(() => bridge.onMenuCommand((command) => command === 'export' && setOpen('export')), []);


  const choose = (what: Exclude<Open, null>) => {
    setMenuOpen(false);
    setOpen(what);
  };

  return (
    <>
      <div className="export-menu" ref={menuRef}>
        <button type="button" className="button button-small export-menu-button" aria-haspopup="true" aria-expanded={menuOpen} aria-controls={menuOpen ? 'export-menu-list' : undefined} onClick={() => setMenuOpen((o) => !o)}>
          Export
          <span className="export-caret" aria-hidden="true" />
        </button>
        {menuOpen && (
          <div className="export-menu-list" id="export-menu-list" aria-label="Export and merge">
            <button type="button" className="export-menu-item" onClick={() => choose('export')} autoFocus>
              <span>Export…</span>
              <span className="export-menu-hint">Dataset, CSV, Web Annotation, REFI-QDA, brat</span>
            </button>
            <div className="export-menu-sep" role="separator" />
            <button type="button" className="export-menu-item" onClick={() => choose('merge')}>
              <span>Merge coded dataset…</span>
              <span className="export-menu-hint">Another coder’s Presswork dataset</span>
            </button>
            <button type="button" className="export-menu-item" onClick={() => choose('qdc')}>
              <span>Import codebook (.qdc)…</span>
              <span className="export-menu-hint">From MAXQDA, ATLAS.ti, NVivo, QualCoder</span>
            </button>
          </div>
        )}
      </div>
      {open === 'export' && <ExportDialog project={project} onClose={() => setOpen(null)} />}
      {open === 'merge' && <MergeDatasetDialog project={project} onClose={() => setOpen(null)} />}
      {open === 'qdc' && <ImportCodebookDialog project={project} onClose={() => setOpen(null)} />}
    </>
  );
}
