import { useEffect, useState } from 'react';
import type { Project } from '@shared/model/types.ts';
import { useProjectsWithCounts } from './use-projects.ts';
import { createProject } from './actions/create-project.ts';
import { renameProject } from './actions/rename-project.ts';
import { resumeInterruptedDeletions, startDeletion, useDeletions } from './deletions.ts';
import { navigate } from '../../app/route.ts';
import { ConfirmDialog } from '../../ui/Dialog.tsx';
import { TextPrompt } from '../../ui/TextPrompt.tsx';
import { openSampleProject } from '../sample/open-sample.ts';
import { useCoder } from '../settings/coder.ts';
import { CoderButton } from '../settings/CoderButton.tsx';
import { RestoreDatasetButton } from '../export/RestoreDatasetButton.tsx';
import { DEFAULT_TEMPLATE_ID } from '@shared/codebook/templates.ts';
import { CodebookTemplateSelect } from '../codebook/CodebookTemplateSelect.tsx';

export const NEW_PROJECT_INPUT_ID = 'new-project-name';

export function ProjectsView() {
  const listed = useProjectsWithCounts();
  const projects = listed?.map((l) => l.project);
  const counts = listed && new Map(listed.map((l) => [l.project.id, l.articles]));
  const [name, setName] = useState('');
  const [templateId, setTemplateId] = useState(DEFAULT_TEMPLATE_ID);
  const [error, setError] = useState<string | null>(null);
  const [sampleDropped, setSampleDropped] = useState<string[]>([]);
  const [renaming, setRenaming] = useState<Project | null>(null);
  const [deleting, setDeleting] = useState<Project | null>(null);
  const [busy, setBusy] = useState(false);
  const coder = useCoder();
  const deletions = useDeletions();
  useEffect(resumeInterruptedDeletions, []);

  const create = async () => {
    if (!name.trim()) {
      setError('Please enter a name for the project.');
      return;
    }
    setError(null);
    const project = await createProject(name, templateId);
    setName('');
    navigate({ view: 'project', projectId: project.id });
  };

  const openSample = async () => {
    setBusy(true);
    try {
      const opened = await openSampleProject(coder);
      // Examples that could not be placed are said before anything else: the project opens from the list.
      if (opened.dropped.length > 0) setSampleDropped(opened.dropped);
      else navigate({ view: 'project', projectId: opened.projectId });
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="projects-view" aria-labelledby="projects-heading">
      <div className="projects-inner">
        <header className="projects-header">
          <div className="projects-title-row">
            <h1 id="projects-heading">Projects</h1>
            <CoderButton />
          </div>
          <p className="muted">Each project holds a corpus of articles, its codebook and your annotations. Everything stays on this computer.</p>
        </header>
        <section className="projects-actions" aria-label="Start">
          <form
            className="new-project"
            onSubmit={(e) => {
              e.preventDefault();
              void create();
            }}
          >
            <label className="field field-inline">
              <span className="field-label">New project name</span>
              <input id={NEW_PROJECT_INPUT_ID} className="input" value={name} placeholder="e.g. Election coverage 2026" onChange={(e) => setName(e.target.value)} />
            </label>
            <CodebookTemplateSelect value={templateId} onChange={setTemplateId} />
            <button type="submit" className="button button-primary">
              Create project
            </button>
          </form>
          <button type="button" className="button" onClick={() => void openSample()} disabled={busy}>
            {busy ? 'Preparing sample…' : 'Open sample project'}
          </button>
          <RestoreDatasetButton />
        </section>
        {sampleDropped.length > 0 && (
          <div role="alert" className="error-text">
            <p>The sample project was created, but some example annotations could not be placed:</p>
            <ul>
              {sampleDropped.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          </div>
        )}
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
        {deletions.length > 0 && (
          <ul className="deletion-list" aria-label="Deletions in progress">
            {deletions.map((d) => (
              <li key={d.id} className="deletion-item">
                {d.error ? (
                  <p role="alert" className="error-text">
                    Deleting “{d.name}” stopped: {d.error} It will be tried again at the next start.
                  </p>
                ) : (
                  <>
                    <span role="status">
                      Deleting “{d.name}”… {d.total > 0 ? `${d.done.toLocaleString()} of ${d.total.toLocaleString()} records` : ''}
                    </span>
                    <progress aria-label={`Deleting ${d.name}`} max={Math.max(d.total, 1)} value={d.done} />
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
        {projects === undefined ? null : projects.length === 0 ? (
          <div className="empty-state">
            <h2>No projects yet</h2>
            <p>Create a project for your corpus, or open the sample project to try reading, tagging and exporting with four short invented articles.</p>
          </div>
        ) : (
          <ul className="project-list" aria-label="Projects">
            {projects.map((p) => (
              <li key={p.id} className="project-card">
                <div className="project-card-main">
                  <a className="project-name" href={`#/project/${encodeURIComponent(p.id)}`}>
                    {p.name}
                  </a>
                  <span className="muted">
                    {counts?.get(p.id) ?? 0} articles · updated {new Date(p.updatedAt).toLocaleString()}
                  </span>
                </div>
                <div className="project-card-actions">
                  <button type="button" className="button button-small" aria-label={`Rename ${p.name}`} onClick={() => setRenaming(p)}>
                    Rename
                  </button>
                  <button type="button" className="button button-small button-quiet-danger" aria-label={`Delete ${p.name}`} onClick={() => setDeleting(p)}>
                    Delete
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>
      {renaming && (
        <TextPrompt
          title="Rename project"
          label="Project name"
          initial={renaming.name}
          submitLabel="Rename"
          onCancel={() => setRenaming(null)}
          onSubmit={async (value) => {
            await renameProject(renaming.id, value);
            setRenaming(null);
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title="Delete project?"
          message={
            <p>
              “{deleting.name}” and all its articles, annotations and codebook will be deleted from this computer. Export a dataset first if you want to keep a copy.
            </p>
          }
          confirmLabel="Delete project"
          danger
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            startDeletion(deleting.id, deleting.name);
            setDeleting(null);
          }}
        />
      )}
    </main>
  );
}
