import { useMemo } from 'react';
import { FilterField } from '../../ui/FilterField.tsx';
import { actorName, issueName, type StatementSet } from '@shared/statements/statement.ts';
import { formatPosition, type StatementRow, type StatementTableFilter } from '@shared/statements/table.ts';

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/** The statement filters; the choices are what the statements hold (an actor in any role, an issue…). */
export function StatementFilterBar({ set, rows, filter, onChange }: { set: StatementSet; rows: readonly StatementRow[]; filter: StatementTableFilter; onChange: (next: StatementTableFilter) => void }) {
  const choices = useMemo(() => {
    const actors = new Set<string>();
    const issues = new Set<string>();
    const positions = new Set<number>();
    const outlets = new Set<string>();
    const coders = new Set<string>();
    for (const r of rows) {
      for (const a of r.actorIds) actors.add(a);
      for (const i of r.issueIds) issues.add(i);
      if (r.positionValue !== null) positions.add(r.positionValue);
      if (r.outlet) outlets.add(r.outlet);
      coders.add(r.coder);
    }
    return {
      actors: [...actors].map((id) => ({ id, name: actorName(set, id) })).sort(byName),
      issues: [...issues].map((id) => ({ id, name: issueName(set, id) })).sort(byName),
      positions: [...positions].sort((a, b) => a - b),
      outlets: [...outlets].sort(),
      coders: [...coders].sort(),
    };
  }, [set, rows]);
  const change = (part: Partial<StatementTableFilter>) => {
    const next: StatementTableFilter = { ...filter, ...part };
    for (const k of Object.keys(next) as (keyof StatementTableFilter)[]) if (next[k] === undefined) delete next[k];
    onChange(next);
  };
  return (
    <form className="an-filters" aria-label="Filter statements" onSubmit={(e) => e.preventDefault()}>
      <FilterField label="Words">{(id) => <input id={id} type="search" className="input input-compact" value={filter.text ?? ''} onChange={(e) => change({ text: e.target.value || undefined })} />}</FilterField>
      <FilterField label="Actor (any role)">
        {(id) => (
          <select id={id} className="input input-compact" value={filter.actor ?? ''} onChange={(e) => change({ actor: e.target.value || undefined })}>
            <option value="">Any</option>
            {choices.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        )}
      </FilterField>
      <FilterField label="Issue">
        {(id) => (
          <select id={id} className="input input-compact" value={filter.issue ?? ''} onChange={(e) => change({ issue: e.target.value || undefined })}>
            <option value="">Any</option>
            {choices.issues.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </select>
        )}
      </FilterField>
      <FilterField label="Position">
        {(id) => (
          <select id={id} className="input input-compact" value={filter.position === undefined ? '' : String(filter.position)} onChange={(e) => change({ position: e.target.value === '' ? undefined : e.target.value === 'none' ? 'none' : Number(e.target.value) })}>
            <option value="">Any</option>
            {choices.positions.map((p) => (
              <option key={p} value={String(p)}>
                {formatPosition(p)}
              </option>
            ))}
            <option value="none">No position</option>
          </select>
        )}
      </FilterField>
      <FilterField label="Outlet">
        {(id) => (
          <select id={id} className="input input-compact" value={filter.outlet ?? ''} onChange={(e) => change({ outlet: e.target.value || undefined })}>
            <option value="">Any</option>
            {choices.outlets.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        )}
      </FilterField>
      <FilterField label="Coder">
        {(id) => (
          <select id={id} className="input input-compact" value={filter.coder ?? ''} onChange={(e) => change({ coder: e.target.value === '' ? undefined : e.target.value })}>
            <option value="">Any</option>
            {choices.coders.map((c) => (
              <option key={c} value={c}>
                {c || '(no name)'}
              </option>
            ))}
          </select>
        )}
      </FilterField>
      <button type="button" className="button button-small" onClick={() => onChange({})} disabled={Object.keys(filter).length === 0}>
        Clear filters
      </button>
    </form>
  );
}
