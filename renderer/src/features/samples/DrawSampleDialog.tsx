import { useId, useState } from 'react';
import { describeFilter } from '@shared/analysis/library-filter.ts';
import { isValidSeed, MAX_SEED, randomSeed, type Allocation, type SampleDefinition, type StratumField } from '@shared/analysis/sample.ts';
import type { Project } from '@shared/model/types.ts';
import { drawAndStoreSample } from './draw-sample.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import type { LibraryFilterState } from '../filters/use-library-filter.ts';

/** "Draw sample…": opens the dialog for the articles the library shows now. */
export function DrawSampleButton({ project, state }: { project: Project; state: LibraryFilterState }) {
  const [open, setOpen] = useState(false);
  const population = state.shown ?? [];
  return (
    <>
      <button type="button" className="button button-small" onClick={() => setOpen(true)} disabled={population.length === 0}>
        Draw sample…
      </button>
      {open && <DrawSampleDialog project={project} state={state} onClose={() => setOpen(false)} />}
    </>
  );
}

function DrawSampleDialog({ project, state, onClose }: { project: Project; state: LibraryFilterState; onClose: () => void }) {
  const population = state.shown ?? [];
  const [name, setName] = useState(() => `Sample ${state.samples.length + 1}`);
  const [method, setMethod] = useState<SampleDefinition['method']>('simple');
  const [strata, setStrata] = useState<StratumField[]>(['outlet']);
  const [allocation, setAllocation] = useState<Allocation>('proportional');
  const [size, setSize] = useState(() => String(Math.min(20, population.length)));
  const [seed, setSeed] = useState(() => String(randomSeed()));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { name: useId(), size: useId(), seed: useId(), error: useId() };
  const filterText = describeFilter(state.filter, state.names);

  const toggleStratum = (f: StratumField, on: boolean) => setStrata((list) => (on ? [...list.filter((x) => x !== f), f].sort((a, b) => (a === 'outlet' ? -1 : b === 'outlet' ? 1 : 0)) : list.filter((x) => x !== f)));

  const submit = async () => {
    const n = Number(size);
    const s = Number(seed);
    const trimmed = name.trim();
    if (!trimmed) return setError('Give the sample a name.');
    if (state.samples.some((x) => x.name === trimmed)) return setError(`There is already a sample named “${trimmed}”.`);
    if (!size.trim() || !Number.isInteger(n) || n < 1) return setError('The size must be a whole number, 1 or more.');
    if (!seed.trim() || !isValidSeed(s)) return setError(`The seed must be a whole number from 0 to ${MAX_SEED}.`);
    if (method === 'stratified' && strata.length === 0) return setError('Choose what to stratify by: outlet, month, or both.');
    const definition: SampleDefinition = method === 'simple' ? { method, size: n, seed: s } : { method, size: n, seed: s, strata, allocation };
    setBusy(true);
    const set = await drawAndStoreSample(project.id, trimmed, definition, population, filterText);
    state.set({ sampleId: set.id });
    onClose();
  };

  return (
    <Dialog
      title="Draw sample"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="draw-sample-form" className="button button-primary" disabled={busy}>
            Draw
          </button>
        </>
      }
    >
      <form
        id="draw-sample-form"
        className="sample-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        aria-describedby={error ? ids.error : undefined}
      >
        <p className="muted">
          From {population.length.toLocaleString('en')} {population.length === 1 ? 'article' : 'articles'}: {filterText}.
        </p>
        <div className="field">
          <label className="field-label" htmlFor={ids.name}>
            Name
          </label>
          <input id={ids.name} className="input" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
        </div>
        <fieldset className="sample-fieldset">
          <legend className="field-label">Method</legend>
          <label>
            <input type="radio" name="method" checked={method === 'simple'} onChange={() => setMethod('simple')} /> Simple random
          </label>
          <label>
            <input type="radio" name="method" checked={method === 'stratified'} onChange={() => setMethod('stratified')} /> Stratified
          </label>
        </fieldset>
        {method === 'stratified' && (
          <>
            <fieldset className="sample-fieldset">
              <legend className="field-label">Strata</legend>
              <label>
                <input type="checkbox" checked={strata.includes('outlet')} onChange={(e) => toggleStratum('outlet', e.target.checked)} /> By outlet
              </label>
              <label>
                <input type="checkbox" checked={strata.includes('month')} onChange={(e) => toggleStratum('month', e.target.checked)} /> By month
              </label>
            </fieldset>
            <fieldset className="sample-fieldset">
              <legend className="field-label">Per stratum</legend>
              <label>
                <input type="radio" name="allocation" checked={allocation === 'proportional'} onChange={() => setAllocation('proportional')} /> Proportional to its size
              </label>
              <label>
                <input type="radio" name="allocation" checked={allocation === 'equal'} onChange={() => setAllocation('equal')} /> Equal
              </label>
            </fieldset>
          </>
        )}
        <div className="sample-row">
          <div className="field">
            <label className="field-label" htmlFor={ids.size}>
              Articles
            </label>
            <input id={ids.size} className="input" type="number" min={1} step={1} inputMode="numeric" value={size} onChange={(e) => setSize(e.target.value)} />
          </div>
          <div className="field">
            <label className="field-label" htmlFor={ids.seed}>
              Seed
            </label>
            <input id={ids.seed} className="input" type="number" min={0} max={MAX_SEED} step={1} inputMode="numeric" value={seed} onChange={(e) => setSeed(e.target.value)} />
          </div>
          <button type="button" className="button button-small sample-new-seed" onClick={() => setSeed(String(randomSeed()))}>
            New seed
          </button>
        </div>
        <p className="muted sample-hint">The same seed draws the same articles from the same population: it is recorded with the sample and in the dataset export.</p>
        {error && (
          <p id={ids.error} className="error-text" role="alert">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
