import { useEffect, useMemo, useRef, useState } from 'react';
import { methodsMarkdown, studyCsv, type Disagreement, type StudyTableRow } from '@shared/analysis/agreement/index.ts';
import type { UnitKind } from '@shared/analysis/agreement/units.ts';
import { makeOffsetConverter } from '@shared/text/code-points.ts';
import type { Project } from '@shared/model/types.ts';
import type { ArticleRecord } from '../../db/schema.ts';
import { useCoders } from '../settings/use-coders.ts';
import { navigate } from '../../app/route.ts';
import { bridge } from '../../platform/bridge.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { useLibraryFilter } from '../filters/use-library-filter.ts';
import { setLayer } from '../settings/layer.ts';
import { GOLD_CODER } from '@shared/analysis/adjudication/gold.ts';
import { countsForFigure, decisionOf, type Decision } from '@shared/analysis/adjudication/decisions.ts';
import { GoldPanel } from '../adjudication/GoldPanel.tsx';
import { useGold } from '../adjudication/use-gold.ts';
import { runAgreement, type AgreementOutcome, type AgreementRun, type RowDisagreements } from './run-agreement.ts';
import { CompareLayers } from './CompareLayers.tsx';
import './agreement.css';

type State =
  | { step: 'setup'; error: string | null }
  | { step: 'running'; done: number; total: number; label: string }
  | { step: 'done'; outcome: AgreementOutcome };

/** The opened row's disagreements, read from the worker on opening. */
type Detail = { key: string; data: RowDisagreements } | { key: string; error: string } | null;

const fmt = (x: number) => (Object.is(x, -0) ? 0 : x).toFixed(3);

function nText(r: StudyTableRow): string {
  const n = r.result.n;
  return r.measure === 'uα' ? `${n.units} spans, ${n.coders} coders` : `${n.pairableUnits} of ${n.units} ${r.unit}, ${n.pairableValues} values, ${n.coders} coders`;
}

function fileBase(projectName: string): string {
  // As the export's file names: no characters a file system refuses.
  return (projectName.normalize('NFC').replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'presswork') + '-agreement';
}

/**
 * The agreement screen (issue #10): choose articles and coders, compute every figure in a Web
 * Worker, read the table, save it as CSV or as a methods paragraph, and open the disagreements
 * behind a figure.
 */
export function AgreementDialog({ project, articles, onClose }: { project: Project; articles: ArticleRecord[]; onClose: () => void }) {
  const library = useLibraryFilter(project, articles);
  const filterSet = Object.keys(library.filter).length > 0;
  const filtered = library.shown ?? [];
  const [scope, setScope] = useState<'all' | 'filter'>('all');
  const { coders: listed } = useCoders(project.id);
  const coders = listed ?? null;
  // Every coder is chosen at first; the user leaves some out.
  // The gold layer is the adjudicated result, not a coder: left out unless chosen.
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set([GOLD_CODER]));
  const chosen = useMemo(() => new Set((coders ?? []).filter((c) => !excluded.has(c))), [coders, excluded]);
  const setChosen = (next: Set<string>) => setExcluded(new Set((coders ?? []).filter((c) => !next.has(c))));
  const [unit, setUnit] = useState<UnitKind>('token');
  const [coded, setCoded] = useState<'all' | 'annotated'>('all');
  const [seed, setSeed] = useState('1');
  const [state, setState] = useState<State>({ step: 'setup', error: null });
  const [open, setOpen] = useState<StudyTableRow | null>(null);
  const [detail, setDetail] = useState<Detail>(null);
  const [compare, setCompare] = useState<Disagreement | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const run = useRef<AgreementRun | null>(null);
  const asking = useRef<string | null>(null);

  useEffect(() => () => run.current?.cancel(), []);

  const sample = scope === 'filter' ? filtered : articles;
  const seedNumber = Number(seed);
  const seedOk = seed.trim() !== '' && Number.isSafeInteger(seedNumber) && seedNumber >= 0;
  const problem = sample.length === 0 ? 'No articles to compare: the chosen articles are empty.' : chosen.size < 2 ? 'Choose at least two coders.' : !seedOk ? 'The seed must be a whole number (0 or more).' : null;

  const compute = () => {
    if (problem) return;
    run.current?.cancel();
    asking.current = null;
    setOpen(null);
    setDetail(null);
    setCompare(null);
    setSaved(null);
    setState({ step: 'running', done: 0, total: 1, label: 'Starting' });
    const r = runAgreement(
      { project, articleIds: sample.map((a) => a.id), coders: (coders ?? []).filter((c) => chosen.has(c)), coded, unit, seed: seedNumber, replicates: 1000 },
      (done, total, label) => setState({ step: 'running', done, total, label }),
    );
    run.current = r;
    r.result.then(
      (outcome) => setState({ step: 'done', outcome }),
      (e: unknown) => setState({ step: 'setup', error: `The agreement could not be computed: ${e instanceof Error ? e.message : String(e)}` }),
    );
  };

  const save = async (kind: 'csv' | 'md') => {
    if (state.step !== 'done') return;
    const result = state.outcome.table;
    const text = kind === 'csv' ? studyCsv(result) : methodsMarkdown(result, { projectName: project.name });
    const res = await bridge.saveFile({ suggestedName: `${fileBase(project.name)}.${kind}`, parts: [text], mimeType: kind === 'csv' ? 'text/csv' : 'text/markdown' });
    if (res.status === 'saved') setSaved(`Saved ${res.location}`);
  };

  const openInReader = (d: Disagreement, gold = false) => {
    // The coders' layers together, so the difference is visible in the reader; or the gold
    // layer alone, where the reader's edits go into gold.
    void setLayer(gold ? { mode: 'coder', coder: GOLD_CODER } : { mode: 'all' });
    onClose();
    navigate({ view: 'project', projectId: project.id, articleId: d.articleId });
  };
  const { gold, rejections, tags } = useGold(project.id);
  const counts = useMemo(() => (open ? countsForFigure(open, tags) : () => true), [open, tags]);
  const decide = (d: Disagreement): Decision => {
    if (!open || !detail || !('data' in detail)) return 'open';
    const text = detail.data.articles.get(d.articleId)?.text ?? '';
    const place = utf16Place(text, d);
    return place ? decisionOf({ articleId: d.articleId, ...place, categoryId: open.category }, gold, rejections, counts) : 'open';
  };

  const openRow = (r: StudyTableRow | null) => {
    setCompare(null);
    setOpen(r);
    setDetail(null);
    asking.current = r?.key ?? null;
    if (!r || state.step !== 'done') return;
    // Only the row asked for last: an earlier answer arriving late does not replace it.
    const settle = (d: Detail) => {
      if (asking.current === r.key) setDetail(d);
    };
    state.outcome.disagreements(r.key).then(
      (data) => settle({ key: r.key, data }),
      (e: unknown) => settle({ key: r.key, error: `The disagreements could not be read: ${e instanceof Error ? e.message : String(e)}` }),
    );
  };
  const shown = detail && open && detail.key === open.key ? detail : null;

  const result = state.step === 'done' ? state.outcome.table : null;
  return (
    <Dialog
      title="Agreement"
      wide
      onClose={onClose}
      actions={
        <>
          {result && (
            <>
              <button type="button" className="button" onClick={() => void save('csv')}>
                Save table as CSV…
              </button>
              <button type="button" className="button" onClick={() => void save('md')}>
                Save methods paragraph…
              </button>
            </>
          )}
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </>
      }
    >
      <form
        className="agreement-setup"
        onSubmit={(e) => {
          e.preventDefault();
          compute();
        }}
      >
        <fieldset className="agreement-fieldset">
          <legend>Articles</legend>
          <label>
            <input type="radio" name="agreement-scope" checked={scope === 'all'} onChange={() => setScope('all')} /> All articles ({articles.length})
          </label>
          <label>
            <input type="radio" name="agreement-scope" checked={scope === 'filter'} onChange={() => setScope('filter')} disabled={!filterSet} /> Articles in the current library filter ({filterSet ? filtered.length : 'no filter set'})
          </label>
        </fieldset>
        <fieldset className="agreement-fieldset">
          <legend>Coders</legend>
          {coders === null ? (
            <span className="muted">Reading the annotations…</span>
          ) : coders.length === 0 ? (
            <span className="muted">No annotations yet.</span>
          ) : (
            coders.map((c) => (
              <label key={c}>
                <input
                  type="checkbox"
                  checked={chosen.has(c)}
                  onChange={(e) => {
                    const next = new Set(chosen);
                    if (e.target.checked) next.add(c);
                    else next.delete(c);
                    setChosen(next);
                  }}
                />{' '}
                {c || '(no coder name)'}
              </label>
            ))
          )}
        </fieldset>
        <div className="agreement-options">
          <label>
            Units for α and κ{' '}
            <select className="input input-compact" value={unit} onChange={(e) => setUnit(e.target.value as UnitKind)}>
              <option value="token">Words</option>
              <option value="sentence">Sentences</option>
            </select>
          </label>
          <label>
            Coded articles{' '}
            <select className="input input-compact" value={coded} onChange={(e) => setCoded(e.target.value as 'all' | 'annotated')}>
              <option value="all">Every chosen coder coded every chosen article</option>
              <option value="annotated">A coder coded only the articles they annotated</option>
            </select>
          </label>
          <label>
            Bootstrap seed <input className="input input-compact agreement-seed" inputMode="numeric" value={seed} onChange={(e) => setSeed(e.target.value)} />
          </label>
          <button type="submit" className="button button-primary" disabled={state.step === 'running' || problem !== null}>
            Compute agreement
          </button>
        </div>
        {problem && coders !== null && <p className="muted">{problem}</p>}
      </form>
      {state.step === 'setup' && state.error && (
        <p role="alert" className="error-text">
          {state.error}
        </p>
      )}
      {state.step === 'running' && (
        <div className="agreement-progress">
          <progress aria-label="Computing agreement" value={state.done} max={state.total} />
          <span role="status">
            Computing: {state.label} ({state.done} of {state.total})
          </span>
        </div>
      )}
      {result && (
        <>
          <p className="muted agreement-summary" role="status">
            {result.articles} articles, coders {result.coders.join(', ')}; positions in code points; 95% intervals from {result.replicates.toLocaleString('en')} bootstrap resamples of articles, seed {result.seed}.
          </p>
          <div className="agreement-table-wrap">
            <table className="agreement-table">
              <caption className="sr-only">Agreement by category, tag and attribute</caption>
              <thead>
                <tr>
                  <th scope="col">Variable</th>
                  <th scope="col">Measure</th>
                  <th scope="col">Level</th>
                  <th scope="col">n</th>
                  <th scope="col">Value</th>
                  <th scope="col">95% CI</th>
                  <th scope="col">Disagreements</th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((r) => (
                  <tr key={r.key} className={`agreement-row-${r.scope}`}>
                    <th scope="row">{r.variable}</th>
                    <td>{r.measure}</td>
                    <td>{r.level}</td>
                    <td className="agreement-n">
                      {nText(r)}
                      {r.note && <div className="agreement-note">{r.note}</div>}
                    </td>
                    <td className="agreement-value" data-measure={r.measure}>
                      {r.result.computable ? fmt(r.result.value) : <span className="agreement-reason">— {r.result.reason}</span>}
                    </td>
                    <td className="agreement-ci">{r.ci?.computable ? `${fmt(r.ci.lower)} – ${fmt(r.ci.upper)}` : ''}</td>
                    <td>
                      {r.disagreementCount > 0 ? (
                        <button type="button" className="button button-small" aria-pressed={open?.key === r.key} aria-label={`${r.disagreementCount} disagreements: ${r.variable}, ${r.measure}`} onClick={() => openRow(open?.key === r.key ? null : r)}>
                          {r.disagreementCount}
                        </button>
                      ) : (
                        <span className="muted">0</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {saved && <p role="status">{saved}</p>}
          {state.step === 'done' && <GoldPanel projectId={project.id} articleIds={state.outcome.articleIds} coders={result.coders.filter((c) => c !== GOLD_CODER)} />}
          {open && !compare && !shown && (
            <p className="muted" role="status">
              Reading the disagreements…
            </p>
          )}
          {shown && 'error' in shown && (
            <p role="alert" className="error-text">
              {shown.error}
            </p>
          )}
          {open && shown && 'data' in shown && !compare && <DisagreementList row={open} list={shown.data.list} coders={result.coders} articles={shown.data.articles} decide={decide} onOpen={setCompare} />}
          {compare && shown && 'data' in shown && (
            <CompareLayers
              projectId={project.id}
              disagreement={compare}
              title={shown.data.articles.get(compare.articleId)?.title ?? ''}
              text={shown.data.articles.get(compare.articleId)?.text ?? ''}
              coders={result.coders}
              categoryId={open?.category ?? null}
              counts={counts}
              onBack={() => setCompare(null)}
              onOpenReader={() => openInReader(compare)}
              onEditGold={() => openInReader(compare, true)}
            />
          )}
        </>
      )}
    </Dialog>
  );
}

/** A disagreement's extent in UTF-16 (as stored), or null when the text does not hold it. */
function utf16Place(text: string, d: Disagreement): { start: number; end: number } | null {
  try {
    const conv = makeOffsetConverter(text);
    return { start: conv.toUtf16(d.start), end: conv.toUtf16(d.end) };
  } catch {
    return null;
  }
}

const DECISION_TEXT: Record<Decision, string> = { open: 'open', accepted: 'decided: in gold', rejected: 'decided: rejected' };

function DisagreementList({ row, list, coders, articles, decide, onOpen }: { row: StudyTableRow; list: Disagreement[]; coders: string[]; articles: RowDisagreements['articles']; decide: (d: Disagreement) => Decision; onOpen: (d: Disagreement) => void }) {
  const decisions = list.map(decide);
  const decided = decisions.filter((x) => x !== 'open').length;
  const quote = (d: Disagreement) => {
    const text = articles.get(d.articleId)?.text ?? '';
    try {
      const conv = makeOffsetConverter(text);
      return text.slice(conv.toUtf16(d.start), conv.toUtf16(d.end));
    } catch {
      return '';
    }
  };
  return (
    <section className="agreement-disagreements" aria-label={`Disagreements: ${row.variable}, ${row.measure}`}>
      <h3 className="agreement-subtitle">
        Disagreements: {row.variable} ({row.measure}) — {row.disagreementCount}
        {list.length < row.disagreementCount ? `, first ${list.length} listed` : ''}
      </h3>
      <p className="agreement-decided" data-testid="decided-count">
        Decided {decided} of {list.length}, open {list.length - decided}
      </p>
      <ul className="agreement-disagreement-list">
        {list.map((d, i) => (
          <li key={`${d.articleId}-${d.start}-${i}`}>
            <button type="button" className="agreement-disagreement" onClick={() => onOpen(d)}>
              <span className="agreement-disagreement-title">{articles.get(d.articleId)?.title || '(untitled)'}</span>
              <q className="agreement-disagreement-quote">{quote(d)}</q>
              <span className="agreement-disagreement-values">{coders.map((c, k) => `${c || '(no coder name)'}: ${d.values[k] ?? 'not coded'}`).join(' · ')}</span>
              <span className={`agreement-decision agreement-decision-${decisions[i] ?? 'open'}`}>{DECISION_TEXT[decisions[i] ?? 'open']}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
