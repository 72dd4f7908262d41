import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { Project } from '@shared/model/types.ts';
import type { StatementSet } from '@shared/statements/statement.ts';
import { countRows, sortRows, type Count, type SortKey, type StatementRow, type StatementTableFilter } from '@shared/statements/table.ts';

const ROW_HEIGHT = 56;

const COLUMNS: { key: SortKey | 'quote'; label: string }[] = [
  { key: 'quote', label: 'Claim' },
  { key: 'article', label: 'Article' },
  { key: 'outlet', label: 'Outlet' },
  { key: 'date', label: 'Date' },
  { key: 'claimant', label: 'Claimant' },
  { key: 'addressee', label: 'Addressee' },
  { key: 'object', label: 'Object' },
  { key: 'issue', label: 'Issue' },
  { key: 'position', label: 'Position' },
  { key: 'source', label: 'Source' },
  { key: 'coder', label: 'Coder' },
];

/** One row per claim, sortable by any column, virtualised; a claim opens in the reader. */
export function StatementsTable({ project, set, rows, onFilter }: { project: Project; set: StatementSet; rows: StatementRow[]; onFilter: (change: Partial<StatementTableFilter>) => void }) {
  const [sort, setSort] = useState<{ key: SortKey; dir: 'asc' | 'desc' } | null>(null);
  const sorted = useMemo(() => (sort ? sortRows(rows, sort.key, sort.dir) : rows), [rows, sort]);
  const counts = useMemo(() => countRows(set, rows), [set, rows]);
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read while rendering by design.
  const virtualizer = useVirtualizer({ count: sorted.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const base = `#/project/${encodeURIComponent(project.id)}`;
  const toggle = (key: SortKey) => setSort(sort?.key === key ? (sort.dir === 'asc' ? { key, dir: 'desc' } : null) : { key, dir: 'asc' });
  return (
    <div className="an-body">
      {rows.length === 0 ? (
        <div className="empty-state">
          <h3>No statement matches these filters</h3>
          <p>Remove a filter to see more.</p>
        </div>
      ) : (
        <div ref={scroller} className="st-scroller" role="table" aria-label="Statements" aria-rowcount={sorted.length + 1}>
          <div role="rowgroup" className="st-head">
            <div role="row" className="st-row st-row-head" aria-rowindex={1}>
              {COLUMNS.map((c) => {
                if (c.key === 'quote') {
                  return (
                    <div key={c.key} role="columnheader" className="st-cell">
                      {c.label}
                    </div>
                  );
                }
                const key = c.key;
                const dir = sort?.key === key ? sort.dir : null;
                return (
                  <div key={key} role="columnheader" className="st-cell" aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}>
                    <button type="button" className="st-sort" onClick={() => toggle(key)} title={`Sort by ${c.label.toLowerCase()}`}>
                      {c.label}
                      <span aria-hidden="true">{dir === 'asc' ? ' ▲' : dir === 'desc' ? ' ▼' : ''}</span>
                    </button>
                  </div>
                );
              })}
            </div>
          </div>
          <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const r = sorted[item.index] as StatementRow;
              return (
                <div key={r.id} role="row" className="st-row" aria-rowindex={item.index + 2} style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}>
                  <div role="cell" className="st-cell st-quote">
                    <a href={`${base}/article/${encodeURIComponent(r.articleId)}/annotation/${encodeURIComponent(r.id)}`} title="Open the claim in the reader">
                      {r.quote}
                    </a>
                  </div>
                  <div role="cell" className="st-cell st-muted">{r.article}</div>
                  <div role="cell" className="st-cell">{r.outlet}</div>
                  <div role="cell" className="st-cell st-num">{r.date}</div>
                  <div role="cell" className="st-cell">{r.claimant}</div>
                  <div role="cell" className="st-cell">{r.addressee}</div>
                  <div role="cell" className="st-cell">{r.object}</div>
                  <div role="cell" className="st-cell">{r.issue}</div>
                  <div role="cell" className="st-cell st-num">{r.position}</div>
                  <div role="cell" className="st-cell">{r.source}</div>
                  <div role="cell" className="st-cell st-muted">{r.coder}</div>
                </div>
              );
            })}
          </div>
        </div>
      )}
      <aside className="an-counts" aria-label="Counts">
        <CountGroup title="Claimants" entries={counts.claimants} pick={(c) => onFilter({ actor: c.key })} />
        <CountGroup title="Issues" entries={counts.issues} pick={(c) => onFilter({ issue: c.key })} />
        <CountGroup title="Positions" entries={counts.positions} pick={(c) => onFilter({ position: c.key === 'none' ? 'none' : Number(c.key) })} />
      </aside>
    </div>
  );
}

function CountGroup({ title, entries, pick }: { title: string; entries: Count[]; pick: (c: Count) => void }) {
  return (
    <section className="an-count-group" aria-label={`Claims per ${title.toLowerCase().replace(/s$/, '')}`}>
      <h3 className="pane-title">{title}</h3>
      {entries.length === 0 ? (
        <p className="muted">None</p>
      ) : (
        <ul>
          {entries.map((e) => (
            <li key={e.key}>
              <button type="button" className="an-count" onClick={() => pick(e)} title={`Show only ${e.label}`}>
                <span>{e.label}</span>
                <span className="an-count-n">{e.n.toLocaleString('en')}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
