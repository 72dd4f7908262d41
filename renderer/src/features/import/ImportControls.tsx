import { useDismissableMenu } from '../../ui/use-dismissable-menu.ts';
import { useEffect, useState } from 'react';
import type { Bridge, OpenResult } from '@shared/bridge/contract.ts';
import { useProject } from '../projects/use-projects.ts';
import { bridge } from '../../platform/bridge.ts';
import { filesFromDrop } from '../../platform/dropped-files.ts';
import { ImportDialog } from './ImportDialog.tsx';
import { isImporting, startImport, useImportSession } from './import-session.ts';
import './import.css';

/** The desktop preload may read dropped files itself (with their real paths, folders included). */
type DropAwareBridge = Bridge & { openDropped?: (files: readonly File[]) => Promise<OpenResult> };

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

/**
 * Everything import in a project's workspace: the topbar "Import" menu, the desktop menu
 * commands, dropping files or folders anywhere on the window, and the progress/report dialog.
 */
export function ImportControls({ projectId }: { projectId: string }) {
  const project = useProject(projectId);
  const session = useImportSession();
  const { open: menuOpen, setOpen: setMenuOpen, ref: menuRef } = useDismissableMenu();
  const [dragging, setDragging] = useState(false);
  const projectName = project?.name ?? 'this project';

  useEffect(
    () =>
      bridge.onMenuCommand((command) => {
        if (command === 'import-files') void startImport(projectId, 'files');
        if (command === 'import-folder') void startImport(projectId, 'folder');
      }),
    [projectId],
  );


  // Drops anywhere on the window. dragenter/dragleave fire for every child crossed, so count them.
  useEffect(() => {
    let depth = 0;
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      // While an import runs a drop is refused, so do not invite one.
      if (!isImporting()) setDragging(true);
    };
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e) || !e.dataTransfer) return;
      // Always: a file dropped on a page that does not take it makes the browser open it instead.
      e.preventDefault();
      depth = 0;
      setDragging(false);
      if (isImporting()) return;
      const data = e.dataTransfer;
      const desktop = (bridge as DropAwareBridge).openDropped;
      // Both readers must start during the event: the browser empties the DataTransfer after it.
      const reading = desktop ? desktop(Array.from(data.files)) : filesFromDrop(data);
      void startImport(projectId, () => reading);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [projectId]);

  const choose = (source: 'files' | 'folder') => {
    setMenuOpen(false);
    void startImport(projectId, source);
  };

  return (
    <>
      <div className="import-menu" ref={menuRef}>
        <button type="button" className="button button-primary import-menu-button" aria-haspopup="true" aria-expanded={menuOpen} aria-controls={menuOpen ? 'import-menu-list' : undefined} onClick={() => setMenuOpen((o) => !o)}>
          Import
          <span className="import-caret" aria-hidden="true" />
        </button>
        {menuOpen && (
          <div className="import-menu-list" id="import-menu-list" role="group" aria-label="Import from">
            <button type="button" className="import-menu-item" onClick={() => choose('files')} autoFocus>
              <span>Files…</span>
              <span className="import-menu-hint">HTML, text, feeds, Word, PDF, CSV, JSON</span>
            </button>
            <button type="button" className="import-menu-item" onClick={() => choose('folder')}>
              <span>Folder…</span>
              <span className="import-menu-hint">Every file in a folder and below</span>
            </button>
          </div>
        )}
      </div>
      {dragging && (
        <div className="import-drop-overlay" role="presentation">
          <div className="import-drop-card">
            <span className="import-drop-icon" aria-hidden="true" />
            <p>
              Drop files to import into <strong>{projectName}</strong>
            </p>
            <p className="muted">Files and whole folders; each file is checked on its own.</p>
          </div>
        </div>
      )}
      {session && session.projectId === projectId && <ImportDialog session={session} projectName={projectName} />}
    </>
  );
}
