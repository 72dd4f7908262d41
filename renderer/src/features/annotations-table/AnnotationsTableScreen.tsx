import './annotations-table.css';
import { FilterField } from '../../ui/FilterField.tsx';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import type { AnnotationFilter, AnnotationRow, TableContext, TableCounts } from '@shared/analysis/annotation-table.ts';
import { RELATION_TYPES, type Id, type Project, type Tag } from '@shared/model/types.ts';
import { RELATION_UI_LABELS } from '@shared/model/link-targets.ts';
import { tableCsvParts, useRows, useTableContext } from './use-annotations-table.ts';
import { bridge } from '../../platform/bridge.ts';
import { needsAnotherClick } from '../export/run-export.ts';
import { tagRows } from '@shared/codebook/tag-tree.ts';
import { useAnnotationScan } from './use-annotation-scan.ts';

const ROW_HEIGHT = 64;
/** Counts shown per group before "and n more". */
const TOP_COUNTS = 12;

/** Each project's last table filter in this session: opening a row and coming back keeps it. */
const remembered = new Map<Id, AnnotationFilter>();

/** The table of every annotation of the project, with filters, counts and a CSV export. */
export function AnnotationsTableScreen({ project }: { project: Project }) {
  const { tags, actors, ctx } = useTableContext(project);
  const [filter, setFilterState] = useState<AnnotationFilter>(() => remembered.get(project.id) ?? {});
  const setFilter = (next: AnnotationFilter) => {
    remembered.set(project.id, next);
    setFilterState(next);
  };
  const [refresh, setRefresh] = useState(0);
  const scan = useAnnotationScan(project.id, ctx, filter, refresh);
  // Outlets and coders seen by any scan of this visit: the choices stay while a filter narrows the counts.
  const [known, setKnown] = useState<{ outlets: string[]; coders: string[] }>({ outlets: [], coders: [] });
  const [seenVersion, setSeenVersion] = useState(-1);
  if (scan.done && scan.version !== seenVersion) {
    setSeenVersion(scan.version);
    const outlets = [...new Set([...known.outlets, ...[...scan.counts.outlets.keys()].filter(Boolean)])].sort();
    const coders = [...new Set([...known.coders, ...scan.counts.coders.keys()])].sort();
    if (outlets.length !== known.outlets.length || coders.length !== known.coders.length) setKnown({ outlets, coders });
  }

  const set = (change: Partial<AnnotationFilter>) => {
    const next: AnnotationFilter = { ...filter, ...change };
    for (const key of Object.keys(next) as (keyof AnnotationFilter)[]) if (next[key] === undefined || next[key] === '') delete next[key];
    setFilter(next);
  };
  const active = Object.keys(filter).length > 0;

  if (!ctx || !tags || !actors) return <main className="annotations-table-screen" aria-label="Annotations table" />;
  return (
    <main className="annotations-table-screen" aria-label="Annotations table">
      <div className="at-toolbar">
        <h2 className="at-title">Annotations</h2>
        <span className="muted" role="status">
          {scan.done ? `${scan.ids.length.toLocaleString('en')} ${scan.ids.length === 1 ? 'annotation' : 'annotations'}${active ? ' match' : ''}` : `Reading… ${scan.ids.length.toLocaleString('en')} so far (${scan.articlesRead.toLocaleString('en')} articles read)`}
        </span>
        <div className="at-toolbar-actions">
          <button type="button" className="button button-small" onClick={() => setRefresh((n) => n + 1)}>
            Refresh
          </button>
          <CsvExportButton project={project} ctx={ctx} filter={filter} disabled={scan.ids.length === 0} />
        </div>
      </div>
      <FilterBar project={project} tags={tags} actors={actors} filter={filter} set={set} clear={() => setFilter({})} known={known} />
      {scan.error && (
        <p className="error-text at-error" role="alert">
          The annotations could not be read: {scan.error}
        </p>
      )}
      <div className="at-body">
        {scan.done && scan.ids.length === 0 ? (
          <div className="empty-state">
            <h3>{active ? 'No annotation matches these filters' : 'No annotations yet'}</h3>
            <p>{active ? 'Remove a filter to see more.' : 'Select text in an article and give it a tag; every annotation of the project is listed here.'}</p>
          </div>
        ) : (
          <RowList project={project} ctx={ctx} ids={scan.ids} version={scan.version} />
        )}
        <CountsPanel ctx={ctx} project={project} counts={scan.counts} set={set} />
      </div>
    </main>
  );
}

interface FilterBarProps {
  project: Project;
  tags: Tag[];
  actors: { id: Id; name: string }[];
  filter: AnnotationFilter;
  set: (change: Partial<AnnotationFilter>) => void;
  clear: () => void;
  known: { outlets: string[]; coders: string[] };
}

function FilterBar({ project, tags, actors, filter, set, clear, known }: FilterBarProps) {
  const attributeOptions = project.categories.flatMap((c) =>
    c.attributes.flatMap((attr) => {
      const values = attr.type === 'boolean' ? ['true', 'false'] : (attr.options ?? []);
      return values.map((v) => ({ key: `${c.id}\u0000${attr.id}\u0000${v}`, label: `${c.name} · ${attr.name}: ${v}`, categoryId: c.id, id: attr.id, value: v }));
    }),
  );
  const attributeValue = filter.attribute ? (attributeOptions.find((o) => o.id === filter.attribute?.id && o.value === filter.attribute.value && (!filter.categoryId || o.categoryId === filter.categoryId))?.key ?? '') : '';
  return (
    <form className="at-filters" aria-label="Filter annotations" onSubmit={(e) => e.preventDefault()}>
      <FilterField label="Category">
        {(id) => (
          <select id={id} className="input input-compact" value={filter.categoryId ?? ''} onChange={(e) => set({ categoryId: e.target.value || undefined })}>
            <option value="">Any</option>
            {project.categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </FilterField>
      <FilterField label="Tag (with sub-tags)">
        {(id) => (
          <select id={id} className="input input-compact" value={filter.tagIds?.[0] ?? ''} onChange={(e) => set({ tagIds: e.target.value ? [e.target.value] : undefined })}>
            <option value="">Any</option>
            {project.categories.map((c) => (
              <optgroup key={c.id} label={c.name}>
                {tagRows(tags, c.id).map((row) => (
                  <option key={row.tag.id} value={row.tag.id}>
                    {'\u2003'.repeat(row.depth)}
                    {row.tag.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </FilterField>
      <FilterField label="Attribute value">
        {(id) => (
          <select
            id={id}
            className="input input-compact"
            value={attributeValue}
            onChange={(e) => {
              const o = attributeOptions.find((x) => x.key === e.target.value);
              set(o ? { attribute: { id: o.id, value: o.value }, categoryId: o.categoryId } : { attribute: undefined });
            }}
          >
            <option value="">Any</option>
            {attributeOptions.map((o) => (
              <option key={o.key} value={o.key}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </FilterField>
      <FilterField label="Actor">
        {(id) => (
          <select id={id} className="input input-compact" value={filter.actorId ?? ''} onChange={(e) => set({ actorId: e.target.value || undefined })}>
            <option value="">Any</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        )}
      </FilterField>
      <FilterField label="Coder">
        {(id) => (
          <select id={id} className="input input-compact" value={filter.coder ?? ''} onChange={(e) => set({ coder: e.target.value === '' ? undefined : e.target.value })}>
            <option value="">Any</option>
            {known.coders.map((c) => (
              <option key={c} value={c}>
                {c || '(no name)'}
              </option>
            ))}
          </select>
        )}
      </FilterField>
      <FilterField label="Outlet">
        {(id) => (
          <select id={id} className="input input-compact" value={filter.outlet ?? ''} onChange={(e) => set({ outlet: e.target.value || undefined })}>
            <option value="">Any</option>
            {known.outlets.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        )}
      </FilterField>
      <FilterField label="From">
        {(id) => (
          <input id={id} className="input input-compact" type="date" value={filter.dateFrom ?? ''} onChange={(e) => set({ dateFrom: e.target.value || undefined })} />
        )}
      </FilterField>
      <FilterField label="To">
        {(id) => (
          <input id={id} className="input input-compact" type="date" value={filter.dateTo ?? ''} onChange={(e) => set({ dateTo: e.target.value || undefined })} />
        )}
      </FilterField>
      <FilterField label="Has no link">
        {(id) => (
          <select id={id} className="input input-compact" value={filter.missingRole ?? ''} onChange={(e) => set({ missingRole: e.target.value || undefined })}>
            <option value="">—</option>
            {RELATION_TYPES.map((t) => (
              <option key={t} value={t}>
                {RELATION_UI_LABELS[t] ?? t}
              </option>
            ))}
          </select>
        )}
      </FilterField>
      <button type="button" className="button button-small at-clear" onClick={clear} disabled={Object.keys(filter).length === 0}>
        Clear filters
      </button>
    </form>
  );
}

/** Rows on screen, read from the store as they scroll into view (never the whole table). */
function RowList({ project, ctx, ids, version }: { project: Project; ctx: TableContext; ids: Id[]; version: number }) {
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read while rendering by design.
  const virtualizer = useVirtualizer({ count: ids.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 6 });
  const items = virtualizer.getVirtualItems();
  const visible = items.map((i) => ids[i.index] as Id);
  const rows = useRows(visible, ctx, version);
  return (
    <div ref={scroller} className="at-scroller" role="table" aria-label="Annotations" aria-rowcount={ids.length + 1}>
      <div role="rowgroup" className="at-head">
        <div role="row" className="at-row at-row-head" aria-rowindex={1}>
          {['Quote in context', 'Tag', 'Attributes', 'Actors', 'Links', 'Coder', 'Article', 'Outlet · date'].map((h) => (
            <div key={h} role="columnheader" className="at-cell">
              {h}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const id = ids[item.index] as Id;
          const row = rows.get(id);
          return (
            <div key={id} role="row" className="at-row" aria-rowindex={item.index + 2} style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}>
              {row ? <RowCells project={project} row={row} /> : <div role="cell" className="at-cell muted">…</div>}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function RowCells({ project, row }: { project: Project; row: AnnotationRow }) {
  const href = `#/project/${encodeURIComponent(project.id)}/article/${encodeURIComponent(row.articleId)}/annotation/${encodeURIComponent(row.id)}`;
  return (
    <>
      <div role="cell" className="at-cell at-quote">
        <a href={href} className="at-quote-link" title="Open the article at this annotation">
          <span className="at-context">{row.before}</span>
          <mark>{row.quote}</mark>
          <span className="at-context">{row.after}</span>
        </a>
      </div>
      <div role="cell" className="at-cell">
        <span className="at-category">{row.category}</span> {row.tagPath}
      </div>
      <div role="cell" className="at-cell">
        {row.attributes.join('; ')}
      </div>
      <div role="cell" className="at-cell">
        {row.actors.join('; ')}
      </div>
      <div role="cell" className="at-cell at-links">
        {row.links.join('; ')}
      </div>
      <div role="cell" className="at-cell">
        {row.coder}
      </div>
      <div role="cell" className="at-cell at-article">
        {row.article}
      </div>
      <div role="cell" className="at-cell">
        {[row.outlet, row.date].filter(Boolean).join(' · ')}
      </div>
    </>
  );
}

function CountsPanel({ ctx, project, counts, set }: { ctx: TableContext; project: Project; counts: TableCounts; set: (change: Partial<AnnotationFilter>) => void }) {
  const top = <K,>(map: Map<K, number>) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP_COUNTS);
  const attributeName = (key: string) => {
    const [id, value] = key.split('=');
    const def = project.categories.flatMap((c) => c.attributes).find((a) => a.id === id);
    return { id: id ?? '', value: value ?? '', label: `${def?.name ?? id}: ${value}` };
  };
  return (
    <aside className="at-counts" aria-label="Counts">
      <CountGroup title="Tags" entries={top(counts.tags).map(([id, n]) => ({ key: id, label: ctx.tags.get(id)?.name ?? '(no tag)', n, pick: () => set({ tagIds: [id] }) }))} />
      <CountGroup
        title="Attribute values"
        entries={top(counts.attributes).map(([key, n]) => {
          const a = attributeName(key);
          return { key, label: a.label, n, pick: () => set({ attribute: { id: a.id, value: a.value } }) };
        })}
      />
      <CountGroup title="Actors" entries={top(counts.actors).map(([id, n]) => ({ key: id, label: ctx.actors.get(id)?.name ?? id, n, pick: () => set({ actorId: id }) }))} />
    </aside>
  );
}

function CountGroup({ title, entries }: { title: string; entries: { key: string; label: string; n: number; pick: () => void }[] }) {
  return (
    <section className="at-count-group" aria-label={`Counts per ${title.toLocaleLowerCase()}`}>
      <h3 className="pane-title">{title}</h3>
      {entries.length === 0 ? (
        <p className="muted">None</p>
      ) : (
        <ul>
          {entries.map((e) => (
            <li key={e.key}>
              <button type="button" className="at-count" onClick={e.pick} title={`Show only ${e.label}`}>
                <span>{e.label}</span>
                <span className="at-count-n">{e.n.toLocaleString('en')}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Writes the table as it is filtered now, read again page by page into CSV chunks. */
function CsvExportButton({ project, ctx, filter, disabled }: { project: Project; ctx: TableContext; filter: AnnotationFilter; disabled: boolean }) {
  const [state, setState] = useState<{ busy: boolean; message: string | null; parts: string[] | null }>({ busy: false, message: null, parts: null });
  const save = async (parts: string[]) => {
    try {
      const result = await bridge.saveFile({ suggestedName: `${project.name.replace(/[\\/:*?"<>|]+/g, '_') || 'annotations'} annotations.csv`, parts, mimeType: 'text/csv' });
      setState({ busy: false, message: result.status === 'saved' ? 'CSV saved.' : null, parts: null });
    } catch (e) {
      if (needsAnotherClick(e)) setState({ busy: false, message: 'The table is ready: click “Save CSV” to choose where to save it.', parts });
      else setState({ busy: false, message: `The CSV could not be saved: ${e instanceof Error ? e.message : String(e)}`, parts: null });
    }
  };
  const run = async () => {
    setState({ busy: true, message: null, parts: null });
    await save(await tableCsvParts(project.id, ctx, filter));
  };
  return (
    <>
      {state.parts ? (
        <button type="button" className="button button-small button-primary" onClick={() => void save(state.parts as string[])}>
          Save CSV
        </button>
      ) : (
        <button type="button" className="button button-small" onClick={() => void run()} disabled={disabled || state.busy}>
          {state.busy ? 'Exporting…' : 'Export CSV'}
        </button>
      )}
      {state.message && (
        <span className="muted" role="status">
          {state.message}
        </span>
      )}
    </>
  );
}
