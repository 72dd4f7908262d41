import { Fragment, useMemo, useRef, useState } from 'react';
import { EXPORT_FORMATS, type ExportFormat } from '@shared/dataset/formats/index.ts';
import type { Project } from '@shared/model/types.ts';
import type { ArticleRecord } from '../../db/schema.ts';
import { useExportChoices } from './use-export-choices.ts';
import { bridge } from '../../platform/bridge.ts';
import { plural } from '@shared/text/plural.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { subtreeIds, tagRows } from '@shared/codebook/tag-tree.ts';
import { buildExportParts, ExportCancelled, needsAnotherClick, saveBuiltExport, streamExport, type BuiltExport, type ExportOutcome, type ExportProgress } from './run-export.ts';
import type { ExportScope, SkippedAnnotation } from '../../db/export-reader.ts';
import { OrphanList, ProblemList } from './ReportParts.tsx';
import { errorMessage } from '@shared/errors.ts';
import { GOLD_CODER, type ExportLayer } from '@shared/analysis/adjudication/gold.ts';
import { useCoders } from '../settings/use-coders.ts';

const FORMAT_HINTS: Record<ExportFormat, string> = {
  json: 'Everything: codebook, articles, annotations, relations. Opens again as a project; loads in Python and R.',
  jsonl: 'The same articles, one per line, for NLP pipelines.',
  csv: 'For spreadsheets and pandas: a zip of two CSV files, the annotations (with their links by role) and the relations, one row per link. Offsets count characters (code points).',
  w3c: 'JSON-LD with quote and position selectors, for annotation servers.',
  qdpx: 'For MAXQDA, ATLAS.ti, NVivo and QualCoder.',
  qdc: 'Only the codebook: categories and tags with colours and nesting.',
  brat: 'A .txt and .ann file per article, plus annotation.conf.',
};

const FORMAT_ORDER: ExportFormat[] = ['json', 'jsonl', 'csv', 'w3c', 'qdpx', 'qdc', 'brat'];

type ScopeKind = ExportScope['kind'];

type Phase =
  | { name: 'form' }
  | { name: 'working'; progress: ExportProgress | null }
  | { name: 'ready'; built: BuiltExport }
  | { name: 'saved'; location: string; articles: number; annotations: number; format: ExportFormat; skipped: SkippedAnnotation[]; replaced: string[] }
  | { name: 'cancelled' }
  | { name: 'failed'; message: string };

/** Format, scope, progress and the result of one export. */
export function ExportDialog({ project, onClose }: { project: Project; onClose: () => void }) {
  const { articles, tags, samples } = useExportChoices(project.id);
  const [sampleId, setSampleId] = useState<string>('');
  const sample = samples?.find((x) => x.id === sampleId) ?? samples?.[0];
  const [format, setFormat] = useState<ExportFormat>('json');
  const [bom, setBom] = useState(false);
  const [scope, setScope] = useState<ScopeKind>('project');
  const [chosenArticles, setChosenArticles] = useState<ReadonlySet<string>>(new Set());
  const [chosenTags, setChosenTags] = useState<ReadonlySet<string>>(new Set());
  const [formError, setFormError] = useState<string | null>(null);
  const { coders = [] } = useCoders(project.id);
  const hasGold = coders.includes(GOLD_CODER);
  // "default": the gold layer when the project has one (the adjudicated result), else every layer.
  const [layerValue, setLayerValue] = useState('default');
  const layer: ExportLayer = layerValue === 'default' || layerValue === 'all' ? { mode: layerValue } : { mode: 'coder', coder: layerValue.slice('coder:'.length) };
  const [phase, setPhase] = useState<Phase>({ name: 'form' });
  const abort = useRef<AbortController | null>(null);
  const isDesktop = window.presswork !== undefined;

  const doneCount = useMemo(() => articles?.filter((a) => a.status === 'done').length ?? 0, [articles]);
  const codebookOnly = format === 'qdc';

  const request = (): ExportScope | string => {
    if (codebookOnly) return { kind: 'project' };
    switch (scope) {
      case 'project':
        return articles && articles.length === 0 ? 'This project has no articles yet.' : { kind: 'project' };
      case 'done':
        return doneCount === 0 ? 'No article is marked done yet.' : { kind: 'done' };
      case 'articles':
        return chosenArticles.size === 0 ? 'Choose at least one article.' : { kind: 'articles', articleIds: [...chosenArticles] };
      case 'sample':
        return sample ? { kind: 'sample', sampleId: sample.id } : 'This project has no sample yet: draw one in the library.';
      case 'tags':
        return chosenTags.size === 0 ? 'Choose at least one category or tag.' : { kind: 'tags', tagIds: [...chosenTags] };
    }
  };

  const start = async () => {
    const s = request();
    if (typeof s === 'string') {
      setFormError(s);
      return;
    }
    setFormError(null);
    const controller = new AbortController();
    abort.current = controller;
    setPhase({ name: 'working', progress: null });
    try {
      // A sample's own file is named after it: "Study-Pilot-2026-12-02.json".
      const projectName = s.kind === 'sample' && sample ? `${project.name}-${sample.name}` : project.name;
      const request = { projectId: project.id, projectName, format, scope: s, bom: format === 'csv' && bom, layer };
      const onProgress = (progress: ExportProgress) => setPhase({ name: 'working', progress });
      let outcome: ExportOutcome;
      try {
        outcome = await streamExport(bridge, request, onProgress, controller.signal);
      } catch (e) {
        if (!needsAnotherClick(e)) throw e;
        // The browser wants a fresh click for its save dialog: build the file now, save it on that click.
        setPhase({ name: 'ready', built: { ...(await buildExportParts(request, onProgress, controller.signal)), request } });
        return;
      }
      showOutcome(outcome, format);
    } catch (e) {
      if (e instanceof ExportCancelled) setPhase({ name: 'cancelled' });
      else setPhase({ name: 'failed', message: errorMessage(e) });
    } finally {
      abort.current = null;
    }
  };

  const save = async (built: BuiltExport) => {
    let outcome: ExportOutcome;
    try {
      outcome = await saveBuiltExport(bridge, built);
    } catch (e) {
      if (!needsAnotherClick(e)) throw e;
      setPhase({ name: 'ready', built });
      return;
    }
    showOutcome(outcome, built.request.format);
  };

  const showOutcome = (outcome: ExportOutcome, format: ExportFormat) => {
    if (outcome.save.status === 'cancelled') setPhase({ name: 'cancelled' });
    else setPhase({ name: 'saved', location: outcome.save.location, articles: outcome.articles, annotations: outcome.annotations, format, skipped: outcome.skipped, replaced: outcome.replaced });
  };

  const toggle = (set: ReadonlySet<string>, ids: Iterable<string>, on: boolean): Set<string> => {
    const next = new Set(set);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    return next;
  };

  if (phase.name !== 'form') {
    const working = phase.name === 'working';
    return (
      <Dialog
        wide={phase.name === 'saved' && (phase.skipped.length > 0 || phase.replaced.length > 0)}
        title={working ? 'Exporting' : phase.name === 'ready' ? 'Export ready' : phase.name === 'saved' ? 'Export saved' : phase.name === 'cancelled' ? 'Export cancelled' : 'Export failed'}
        onClose={() => {
          if (working) abort.current?.abort();
          else onClose();
        }}
        actions={
          working ? (
            <button type="button" className="button" onClick={() => abort.current?.abort()}>
              Cancel
            </button>
          ) : phase.name === 'ready' ? (
            <>
              <button type="button" className="button" onClick={onClose}>
                Discard
              </button>
              <button
                type="button"
                className="button button-primary"
                autoFocus
                onClick={() => void save(phase.built).catch((e: unknown) => setPhase({ name: 'failed', message: errorMessage(e) }))}
              >
                Save file…
              </button>
            </>
          ) : (
            <>
              {phase.name === 'saved' && isDesktop && (
                <button type="button" className="button" onClick={() => void bridge.showInFolder(phase.location)}>
                  Show in folder
                </button>
              )}
              {phase.name !== 'saved' && (
                <button type="button" className="button" onClick={() => setPhase({ name: 'form' })}>
                  Back
                </button>
              )}
              <button type="button" className="button button-primary" onClick={onClose} autoFocus>
                Close
              </button>
            </>
          )
        }
      >
        {working && (
          <>
            <p className="export-lede">
              {phase.progress === null
                ? 'Preparing…'
                : phase.progress.articlesDone < phase.progress.articlesTotal
                  ? `Reading articles: ${phase.progress.articlesDone.toLocaleString()} of ${phase.progress.articlesTotal.toLocaleString()}`
                  : 'Writing the file…'}
            </p>
            <progress
              className="export-progress"
              aria-label="Export progress"
              max={Math.max(1, phase.progress?.articlesTotal ?? 1)}
              value={phase.progress && phase.progress.articlesTotal > 0 ? phase.progress.articlesDone : undefined}
            />
          </>
        )}
        {phase.name === 'saved' && (
          <div className="export-result" role="status">
            <span className="export-result-icon" aria-hidden="true" />
            <div>
              <p className="export-result-title">
                {phase.format === 'qdc' ? 'The codebook was saved.' : `${plural(phase.articles, 'article')} and ${plural(phase.annotations, 'annotation')} were saved.`}
              </p>
              <p className="export-location" data-testid="export-location">
                {phase.location}
              </p>
            </div>
          </div>
        )}
        {phase.name === 'saved' && (
          <OrphanList orphans={phase.skipped} verb="were left out" label="Annotations left out" intro="These stored annotations are damaged (their tag was deleted, or their quote is no longer in the text), so they are not in the file." />
        )}
        {phase.name === 'saved' && phase.replaced.length > 0 && (
          <>
            <p className="export-note" role="alert">
              This format is UTF-8, which cannot hold a lone surrogate (half of a character, left by a broken source): each was written as U+FFFD (�). The JSON formats keep them as they are.
            </p>
            <ProblemList problems={phase.replaced} label="Characters replaced" />
          </>
        )}
        {phase.name === 'ready' && (
          <p role="status" className="export-lede">
            The file is built ({plural(phase.built.articles, 'article')}, {plural(phase.built.annotations, 'annotation')}). The browser opens its save dialog only right after a click: choose Save file… to write it.
          </p>
        )}
        {phase.name === 'cancelled' && (
          <p role="status" className="export-lede">
            Nothing was written.
          </p>
        )}
        {phase.name === 'failed' && (
          <p role="alert" className="error-text">
            The export could not be written: {phase.message}
          </p>
        )}
      </Dialog>
    );
  }

  return (
    <Dialog
      title="Export"
      wide
      onClose={onClose}
      actions={
        <>
          {formError && (
            <p role="alert" className="error-text export-form-error">
              {formError}
            </p>
          )}
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button button-primary" onClick={() => void start()} disabled={!articles || !tags}>
            Export {EXPORT_FORMATS[format].extension}
          </button>
        </>
      }
    >
      <div className="export-grid">
        <fieldset className="export-fieldset">
          <legend className="export-legend">Format</legend>
          <div className="export-options">
            {FORMAT_ORDER.map((f) => (
              <Fragment key={f}>
                <label className={f === format ? 'export-option export-option-checked' : 'export-option'}>
                  <input type="radio" name="export-format" value={f} checked={f === format} onChange={() => setFormat(f)} />
                  <span className="export-option-text">
                    <span className="export-option-name">
                      {EXPORT_FORMATS[f].label} <span className="export-ext">{EXPORT_FORMATS[f].extension}</span>
                    </span>
                    <span className="export-option-hint">{FORMAT_HINTS[f]}</span>
                  </span>
                </label>
                {f === 'csv' && format === 'csv' && (
                  <label className="export-check export-check-nested">
                    <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} />
                    UTF-8 BOM for Excel
                  </label>
                )}
              </Fragment>
            ))}
          </div>
        </fieldset>

        <fieldset className="export-fieldset" disabled={codebookOnly}>
          <legend className="export-legend">Articles</legend>
          {codebookOnly ? (
            <p className="export-note">A codebook holds no articles: the whole codebook is exported.</p>
          ) : (
            <div className="export-options">
              <ScopeOption kind="project" current={scope} onChange={setScope} label="Whole project" count={articles?.length} />
              <ScopeOption kind="done" current={scope} onChange={setScope} label="Articles marked done" count={doneCount} />
              <ScopeOption kind="articles" current={scope} onChange={setScope} label="Selected articles" count={scope === 'articles' ? chosenArticles.size : undefined} />
              {scope === 'articles' && articles && <ArticleChecklist articles={articles} chosen={chosenArticles} onChange={setChosenArticles} />}
              {samples && samples.length > 0 && <ScopeOption kind="sample" current={scope} onChange={setScope} label="A sample (its articles, its definition and seed)" count={sample?.articleIds.length} />}
              {scope === 'sample' && samples && sample && (
                <label className="export-check-row">
                  <span className="export-check-label">Sample</span>
                  <select className="input input-compact" value={sample.id} onChange={(e) => setSampleId(e.target.value)}>
                    {samples.map((x) => (
                      <option key={x.id} value={x.id}>
                        {x.name} — seed {x.definition.seed}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <ScopeOption kind="tags" current={scope} onChange={setScope} label="Filtered by category or tag" count={undefined} />
              {scope === 'tags' && tags && (
                <div className="export-checklist" role="group" aria-label="Categories and tags to export">
                  <p className="export-note">Only annotations with these tags, in the articles that have any.</p>
                  {project.categories.map((c) => {
                    const rows = tagRows(tags, c.id);
                    if (rows.length === 0) return null;
                    const ids = rows.map((r) => r.tag.id);
                    const all = ids.every((id) => chosenTags.has(id));
                    const some = ids.some((id) => chosenTags.has(id));
                    return (
                      <div key={c.id} className="export-category">
                        <label className="export-check-row export-category-row">
                          <input
                            type="checkbox"
                            aria-label={`${c.name}: the whole category`}
                            checked={all}
                            ref={(el) => {
                              if (el) el.indeterminate = some && !all;
                            }}
                            onChange={(e) => setChosenTags(toggle(chosenTags, ids, e.target.checked))}
                          />
                          <span className="export-swatch" style={{ background: c.color }} aria-hidden="true" />
                          <span className="export-check-label">{c.name}</span>
                          <span className="export-level">{c.level === 'document' ? 'labels' : ''}</span>
                        </label>
                        {rows.map((r) => (
                          <label key={r.tag.id} className="export-check-row" style={{ paddingLeft: 26 + r.depth * 18 }}>
                            <input
                              type="checkbox"
                              aria-label={[...r.path, r.tag.name].join(' › ')}
                              checked={chosenTags.has(r.tag.id)}
                              onChange={(e) => setChosenTags(toggle(chosenTags, subtreeIds(tags, r.tag.id), e.target.checked))}
                            />
                            <span className="export-swatch" style={{ background: r.tag.color }} aria-hidden="true" />
                            <span className="export-check-label">{r.tag.name}</span>
                          </label>
                        ))}
                      </div>
                    );
                  })}
                </div>
              )}
            </div>
          )}
        </fieldset>
        {(hasGold || coders.length > 1) && (
          <fieldset className="export-fieldset" disabled={codebookOnly}>
            <legend className="export-legend">Layers</legend>
            <label className="export-check">
              Coders' layers{' '}
              <select className="input input-compact" value={layerValue} onChange={(e) => setLayerValue(e.target.value)}>
                <option value="default">{hasGold ? 'Gold layer (adjudicated)' : 'All layers'}</option>
                {hasGold && <option value="all">All layers (every coder and gold)</option>}
                {coders
                  .filter((c) => c !== GOLD_CODER)
                  .map((c) => (
                    <option key={c} value={`coder:${c}`}>
                      Only {c || '(no coder name)'}
                    </option>
                  ))}
              </select>
            </label>
          </fieldset>
        )}
      </div>
    </Dialog>
  );
}

function ScopeOption({ kind, current, onChange, label, count }: { kind: ScopeKind; current: ScopeKind; onChange: (k: ScopeKind) => void; label: string; count: number | undefined }) {
  return (
    <label className={kind === current ? 'export-option export-option-checked export-option-compact' : 'export-option export-option-compact'}>
      <input type="radio" name="export-scope" value={kind} checked={kind === current} onChange={() => onChange(kind)} />
      <span className="export-option-name">{label}</span>
      {count !== undefined && <span className="export-count">{count.toLocaleString()}</span>}
    </label>
  );
}

/** Beyond this many matches the list asks for a narrower filter instead of drawing them all. */
const LIST_LIMIT = 300;

function ArticleChecklist({ articles, chosen, onChange }: { articles: ArticleRecord[]; chosen: ReadonlySet<string>; onChange: (next: ReadonlySet<string>) => void }) {
  const [query, setQuery] = useState('');
  const needle = query.trim().toLocaleLowerCase();
  const shown = needle ? articles.filter((a) => a.title.toLocaleLowerCase().includes(needle) || (a.meta.outlet ?? '').toLocaleLowerCase().includes(needle)) : articles;
  const set = (ids: Iterable<string>, on: boolean) => {
    const next = new Set(chosen);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    onChange(next);
  };
  return (
    <div className="export-checklist" role="group" aria-label="Articles to export">
      <div className="export-checklist-tools">
        {articles.length > 8 && <input className="input export-filter" type="search" placeholder="Filter by title or outlet" aria-label="Filter articles" value={query} onChange={(e) => setQuery(e.target.value)} />}
        <button type="button" className="export-link" onClick={() => set(shown.map((a) => a.id), true)}>
          {needle ? 'Select shown' : 'Select all'}
        </button>
        <button type="button" className="export-link" onClick={() => (needle ? set(shown.map((a) => a.id), false) : onChange(new Set()))}>
          None
        </button>
      </div>
      {shown.slice(0, LIST_LIMIT).map((a) => (
        <label key={a.id} className="export-check-row">
          <input type="checkbox" checked={chosen.has(a.id)} onChange={(e) => set([a.id], e.target.checked)} />
          <span className={`status-dot status-${a.status}`} aria-hidden="true" />
          <span className="export-check-label">{a.title || 'Untitled'}</span>
        </label>
      ))}
      {shown.length > LIST_LIMIT && <p className="export-note export-more">{(shown.length - LIST_LIMIT).toLocaleString()} more; type to narrow the list.</p>}
      {shown.length === 0 && <p className="export-note export-more">No article matches.</p>}
    </div>
  );
}
