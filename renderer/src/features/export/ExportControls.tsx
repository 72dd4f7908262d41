import { useEffect, useRef, useState } from 'react';
import type { Project } from '@shared/model/types.ts';
import { bridge } from '../../platform/bridge.ts';
import { ExportDialog } from './ExportDialog.tsx';
import { MergeDatasetDialog } from './MergeDatasetDialog.tsx';
import { ImportCodebookDialog } from './ImportCodebookDialog.tsx';
import './export.css';

type Open = 'export' | 'merge' | 'qdc' | null;

/**
 * The topbar "Export" menu: export the project in any format, and bring work back in (another
 * coder's dataset, a REFI-QDA codebook). The desktop menu's Export command opens the export dialog.
 */
export function ExportControls({ project }: { project: Project }) {
  const [menuOpen, setMenuOpen] = useState(false);
  const [open, setOpen] = useState<Open>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => bridge.onMenuCommand((command) => command === 'export' && setOpen('export')), []);

  useEffect(() => {
    if (!menuOpen) return;
    const onPointer = (e: PointerEvent) => {
      if (!menuRef.current?.contains(e.target as Node)) setMenuOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setMenuOpen(false);
      menuRef.current?.querySelector<HTMLButtonElement>('.export-menu-button')?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [menuOpen]);

  const choose = (what: Exclude<Open, null>) => {
    setMenuOpen(false);
    setOpen(what);
  };

  return (
    <>
      <div className="export-menu" ref={menuRef}>
        <button type="button" className="button button-small export-menu-button" aria-haspopup="true" aria-expanded={menuOpen} aria-controls="export-menu-list" onClick={() => setMenuOpen((o) => !o)}>
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
