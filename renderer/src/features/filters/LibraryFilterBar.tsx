import './filters.css';
import { FilterField } from '../../ui/FilterField.tsx';
import { useId, useState } from 'react';
import type { ArticleStatus, Project } from '@shared/model/types.ts';
import { STATUS_LABEL } from '../library/Library.tsx';
import { describeSample } from '@shared/analysis/sample.ts';
import { tagRows } from '@shared/codebook/tag-tree.ts';
import { DrawSampleButton } from '../samples/DrawSampleDialog.tsx';
import type { LibraryFilterState } from './use-library-filter.ts';

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', ru: 'Russian', uk: 'Ukrainian', be: 'Belarusian' };

function languageName(code: string): string {
  return LANGUAGE_NAMES[code] ? `${LANGUAGE_NAMES[code]} (${code})` : code;
}

/**
 * The library's search field and status choice (as before), a "Filters" panel with the other
 * parts and facet counts, the active filter as removable chips, and "Draw sample…".
 */
export function LibraryFilterBar({ project, total, state }: { project: Project; total: number; state: LibraryFilterState }) {
  const { filter, set, facets } = state;
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const sample = filter.sampleId ? state.samples.find((x) => x.id === filter.sampleId) : undefined;
  return (
    <div className="library-filter-bar">
      <div className="library-filters">
        <input className="input input-search" type="search" aria-label="Filter articles" placeholder="Title or outlet" value={filter.text ?? ''} onChange={(e) => set({ text: e.target.value || undefined })} />
        <select className="input input-compact" aria-label="Filter by status" value={filter.status ?? ''} onChange={(e) => set({ status: (e.target.value || undefined) as ArticleStatus | undefined })}>
          <option value="">All ({total})</option>
          {(Object.keys(STATUS_LABEL) as ArticleStatus[]).map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]} ({facets.status.find(([v]) => v === s)?.[1] ?? 0})
            </option>
          ))}
        </select>
      </div>
      <div className="library-filter-actions">
        <button type="button" className="button button-small" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((v) => !v)}>
          Filters{state.chips.length > 0 ? ` (${state.chips.length})` : ''}
        </button>
        <DrawSampleButton project={project} state={state} />
      </div>
      {open && <FilterPanel id={panelId} project={project} state={state} />}
      {state.chips.length > 0 && (
        <ul className="filter-chips" aria-label="Active filters">
          {state.chips.map((chip) => (
            <li key={chip.keys.join()} className="filter-chip">
              <span>{chip.label}</span>
              <button type="button" className="filter-chip-remove" aria-label={`Remove filter ${chip.label}`} title="Remove this filter" onClick={() => state.remove(chip.keys)}>
                ×
              </button>
            </li>
          ))}
          {state.chips.length > 1 && (
            <li>
              <button type="button" className="filter-chips-clear" onClick={state.clear}>
                Clear all
              </button>
            </li>
          )}
        </ul>
      )}
      {sample && (
        <p className="muted sample-info" aria-label="Sample definition">
          “{sample.name}”: {describeSample(sample.definition)}; {sample.articleIds.length} drawn from {sample.population.size}: {sample.population.filter}.
        </p>
      )}
    </div>
  );
}

/** A choice of one value with its count; the chosen value stays listed even when its count is 0. */
function FacetSelect({ label, value, counts, onChange, name = (v) => v }: { label: string; value: string | undefined; counts: [string, number][]; onChange: (v: string | undefined) => void; name?: (v: string) => string }) {
  const listed = value !== undefined && !counts.some(([v]) => v === value) ? [...counts, [value, 0] as [string, number]] : counts;
  return (
    <FilterField label={label}>
      {(id) => (
        <select id={id} className="input input-compact" value={value === undefined ? '\u0000any' : value} onChange={(e) => onChange(e.target.value === '\u0000any' ? undefined : e.target.value)}>
          <option value={'\u0000any'}>Any</option>
          {listed.map(([v, n]) => (
            <option key={v} value={v}>
              {v === '' ? '(none)' : name(v)} ({n})
            </option>
          ))}
        </select>
      )}
    </FilterField>
  );
}

function FilterPanel({ id, project, state }: { id: string; project: Project; state: LibraryFilterState }) {
  const { filter, set, facets, tags, samples, coders } = state;
  const tagOptions = project.categories.flatMap((c) => tagRows(tags, c.id)).map((row) => ({ id: row.tag.id, label: [...row.path, row.tag.name].join(' › ') }));
  const choose = (key: 'hasTag' | 'notTag' | 'sampleId') => (v: string) => set({ [key]: v || undefined });
  return (
    <div id={id} className="filter-panel" role="group" aria-label="Filters">
      <FacetSelect label="Outlet" value={filter.outlet} counts={facets.outlet} onChange={(v) => set({ outlet: v })} />
      <FacetSelect label="Author" value={filter.author} counts={facets.author} onChange={(v) => set({ author: v })} />
      <FacetSelect label="Language" value={filter.language} counts={facets.language} onChange={(v) => set({ language: v })} name={languageName} />
      <div className="filter-panel-dates">
        <FilterField label="From">{(fid) => <input id={fid} className="input input-compact" type="date" value={filter.dateFrom ?? ''} onChange={(e) => set({ dateFrom: e.target.value || undefined })} />}</FilterField>
        <FilterField label="To">{(fid) => <input id={fid} className="input input-compact" type="date" value={filter.dateTo ?? ''} onChange={(e) => set({ dateTo: e.target.value || undefined })} />}</FilterField>
      </div>
      <FilterField label="Has tag">
        {(fid) => (
          <select id={fid} className="input input-compact" value={filter.hasTag ?? ''} onChange={(e) => choose('hasTag')(e.target.value)}>
            <option value="">Any</option>
            {tagOptions.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
        )}
      </FilterField>
      <FilterField label="Has not tag">
        {(fid) => (
          <select id={fid} className="input input-compact" value={filter.notTag ?? ''} onChange={(e) => choose('notTag')(e.target.value)}>
            <option value="">—</option>
            {tagOptions.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
        )}
      </FilterField>
      <FilterField label="Coded by">
        {(fid) => (
          <select id={fid} className="input input-compact" value={filter.coder === undefined ? '\u0000any' : filter.coder} onChange={(e) => set({ coder: e.target.value === '\u0000any' ? undefined : e.target.value })}>
            <option value={'\u0000any'}>Anyone or no one</option>
            {coders.map((c) => (
              <option key={c} value={c}>
                {c || '(no name)'}
              </option>
            ))}
          </select>
        )}
      </FilterField>
      <FilterField label="In sample">
        {(fid) => (
          <select id={fid} className="input input-compact" value={filter.sampleId ?? ''} onChange={(e) => choose('sampleId')(e.target.value)}>
            <option value="">Any</option>
            {samples.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.articleIds.length})
              </option>
            ))}
          </select>
        )}
      </FilterField>
    </div>
  );
}
