import { useId, useMemo, useState } from 'react';
import { coderNames, type CoderProgress } from '@shared/analysis/assignments.ts';
import { describeFilter } from '@shared/analysis/library-filter.ts';
import type { Project } from '@shared/model/types.ts';
import { errorMessage } from '@shared/errors.ts';
import { plural } from '@shared/text/plural.ts';
import type { ArticleRecord } from '../../db/schema.ts';
import { bridge } from '../../platform/bridge.ts';
import { CloseAction, Dialog } from '../../ui/Dialog.tsx';
import { useLibraryFilter } from '../filters/use-library-filter.ts';
import { useAssignments } from './use-assignments.ts';
import { assignArticles } from './actions/assign-articles.ts';
import { unassignCoder } from './actions/unassign-coder.ts';
import { exportCoderPackage } from './export-package.ts';
import './assignments.css';

type Source = 'filter' | 'sample' | 'hand';

/**
 * The lead's view of a reliability study (issue #10): assign articles — those the library shows,
 * a stored sample, or chosen by hand — to named coders, see per coder how many are assigned and
 * for how many their coding has come back (merged), export each coder's package, unassign.
 */
export function AssignmentsDialog({ project, articles, onClose }: { project: Project; articles: ArticleRecord[]; onClose: () => void }) {
  const { assignments, progress, samples } = useAssignments(project.id);
  const library = useLibraryFilter(project, articles);
  const shown = useMemo(() => library.shown ?? [], [library.shown]);
  const [coders, setCoders] = useState('');
  const [source, setSource] = useState<Source>('filter');
  const [sampleId, setSampleId] = useState<string>('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const ids = { coders: useId(), sample: useId(), hint: useId() };
  const sample = samples.find((s) => s.id === (sampleId || samples[0]?.id));
  const filterText = describeFilter(library.filter, library.names);

  const picked = useMemo((): { articleIds: string[]; source: string; sampleId?: string } => {
    if (source === 'filter') return { articleIds: shown.map((a) => a.id), source: `the library's filter: ${filterText}` };
    if (source === 'sample') return sample ? { articleIds: sample.articleIds, source: `sample “${sample.name}” (seed ${sample.definition.seed})`, sampleId: sample.id } : { articleIds: [], source: '' };
    return { articleIds: articles.filter((a) => chosen.has(a.id)).map((a) => a.id), source: 'chosen by hand' };
  }, [source, shown, filterText, sample, articles, chosen]);

  const assign = async () => {
    const names = coderNames(coders);
    if (names.length === 0) return setStatus({ text: 'Name at least one coder.', error: true });
    if (picked.articleIds.length === 0) return setStatus({ text: source === 'sample' && !sample ? 'This project has no sample yet: draw one in the library first.' : 'Choose at least one article.', error: true });
    setBusy('assign');
    try {
      const added = await assignArticles(project.id, { coders: names, articleIds: picked.articleIds, source: picked.source, ...(picked.sampleId ? { sampleId: picked.sampleId } : {}) });
      setStatus({ text: added === 0 ? `Nothing new: ${names.join(', ')} already had these articles.` : `${plural(picked.articleIds.length, 'article')} assigned to ${names.join(', ')} (${plural(added, 'new assignment')}). Undo (Ctrl+Z) takes it back.` });
      setCoders('');
    } catch (e) {
      setStatus({ text: `Nothing was assigned: ${errorMessage(e)}`, error: true });
    } finally {
      setBusy(null);
    }
  };

  const exportPackage = async (coder: string) => {
    const mine = (assignments ?? []).filter((a) => a.coder === coder);
    const sampleIds = new Set(mine.map((a) => a.sampleId));
    const fromSample = sampleIds.size === 1 ? samples.find((s) => s.id === [...sampleIds][0]) : undefined;
    setBusy(`export:${coder}`);
    try {
      const outcome = await exportCoderPackage(bridge, { projectId: project.id, projectName: project.name, coder, articleIds: mine.map((a) => a.articleId), ...(fromSample ? { sample: fromSample } : {}) });
      setStatus({ text: outcome.save.status === 'saved' ? `${coder}’s package saved (${plural(outcome.articles, 'article')}, no annotations): ${outcome.save.location}` : 'Export cancelled.' });
    } catch (e) {
      setStatus({ text: `The package was not saved: ${errorMessage(e)}`, error: true });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Dialog title="Assignments" wide onClose={onClose} actions={<CloseAction onClose={onClose} />}>
      <div className="as-body">
        <form
          className="as-form"
          aria-label="Assign articles"
          onSubmit={(e) => {
            e.preventDefault();
            void assign();
          }}
        >
          <h3 className="as-subtitle">Assign articles</h3>
          <div className="field">
            <label className="field-label" htmlFor={ids.coders}>
              Coders
            </label>
            <input id={ids.coders} className="input" value={coders} onChange={(e) => setCoders(e.target.value)} placeholder="ann, bob" aria-describedby={ids.hint} autoFocus />
            <p id={ids.hint} className="muted as-hint">
              One or more names, separated by commas. Each coder gets every chosen article; an article can go to several coders.
            </p>
          </div>
          <fieldset className="as-sources">
            <legend className="field-label">Articles</legend>
            <label>
              <input type="radio" name="as-source" checked={source === 'filter'} onChange={() => setSource('filter')} /> Shown in the library ({plural(shown.length, 'article')}: {filterText})
            </label>
            <label>
              <input type="radio" name="as-source" checked={source === 'sample'} onChange={() => setSource('sample')} disabled={samples.length === 0} /> A sample{samples.length === 0 && ' (none drawn yet)'}
            </label>
            {source === 'sample' && sample && (
              <div className="as-indent">
                <label className="as-visually-hidden" htmlFor={ids.sample}>
                  Sample
                </label>
                <select id={ids.sample} className="input input-compact" value={sample.id} onChange={(e) => setSampleId(e.target.value)}>
                  {samples.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name} — {plural(s.articleIds.length, 'article')}, seed {s.definition.seed}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <label>
              <input type="radio" name="as-source" checked={source === 'hand'} onChange={() => setSource('hand')} /> Chosen by hand ({chosen.size} chosen)
            </label>
            {source === 'hand' && (
              <ul className="as-checklist" aria-label="Articles to assign">
                {articles.map((a) => (
                  <li key={a.id}>
                    <label>
                      <input
                        type="checkbox"
                        checked={chosen.has(a.id)}
                        onChange={(e) =>
                          setChosen((old) => {
                            const next = new Set(old);
                            if (e.target.checked) next.add(a.id);
                            else next.delete(a.id);
                            return next;
                          })
                        }
                      />{' '}
                      {a.title || '(untitled)'}
                    </label>
                  </li>
                ))}
              </ul>
            )}
          </fieldset>
          <div>
            <button type="submit" className="button button-primary" disabled={busy !== null}>
              Assign
            </button>
          </div>
        </form>
        <section aria-label="Coders" className="as-coders">
          <h3 className="as-subtitle">Coders</h3>
          {progress === undefined ? (
            <p className="muted">Reading…</p>
          ) : progress.length === 0 ? (
            <div className="as-empty">
              <p>No article is assigned yet. Name the coders above, choose the articles and press Assign; then export each coder’s package and send it to them.</p>
            </div>
          ) : (
            <CoderTable progress={progress} busy={busy} onExport={(c) => void exportPackage(c)} onUnassign={(c) => void unassignCoder(project.id, c)} />
          )}
        </section>
        <p role="status" className={status?.error ? 'error-text' : 'as-status'}>
          {status?.text}
        </p>
      </div>
    </Dialog>
  );
}

function CoderTable({ progress, busy, onExport, onUnassign }: { progress: CoderProgress[]; busy: string | null; onExport: (coder: string) => void; onUnassign: (coder: string) => void }) {
  return (
    <table className="as-table">
      <thead>
        <tr>
          <th scope="col">Coder</th>
          <th scope="col" className="as-num">
            Assigned
          </th>
          <th scope="col">Work back</th>
          <th scope="col">
            <span className="as-visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {progress.map((p) => (
          <tr key={p.coder}>
            <th scope="row" className="as-name">
              {p.coder}
            </th>
            <td className="as-num">{p.assigned}</td>
            <td>
              {p.coded === 0 ? (
                <span className="muted">Not yet</span>
              ) : (
                <span className={p.coded === p.assigned ? 'as-back as-back-done' : 'as-back'}>
                  {p.coded} of {p.assigned} articles coded
                </span>
              )}
            </td>
            <td>
              <div className="as-actions">
                <button type="button" className="button button-small" onClick={() => onExport(p.coder)} disabled={busy !== null} aria-label={`Export package for ${p.coder}`}>
                  {busy === `export:${p.coder}` ? 'Exporting…' : 'Export package…'}
                </button>
                <button type="button" className="button button-small" onClick={() => onUnassign(p.coder)} disabled={busy !== null} aria-label={`Unassign ${p.coder}`}>
                  Unassign
                </button>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
