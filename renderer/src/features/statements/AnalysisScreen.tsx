import './statements.css';
import { lazy, Suspense, useMemo, useState } from 'react';
import type { Project } from '@shared/model/types.ts';
import { filterRows, statementRows, type StatementTableFilter } from '@shared/statements/table.ts';
import type { AnalysisTab } from '../../app/route.ts';
import type { ArticleRecord } from '../../db/schema.ts';
import { useStatements } from './use-statements.ts';
import { StatementFilterBar } from './StatementFilterBar.tsx';
import { StatementsTable } from './StatementsTable.tsx';

const ChartsView = lazy(() => import('./ChartsView.tsx').then((m) => ({ default: m.ChartsView })));
const NetworkView = lazy(() => import('../network/NetworkView.tsx').then((m) => ({ default: m.NetworkView })));

const TAB_LABEL: Record<AnalysisTab, string> = { statements: 'Table', charts: 'Charts', network: 'Network' };

/** Each project's last statement filter in this session: it carries over between the three views. */
const remembered = new Map<string, StatementTableFilter>();

/**
 * Who claims what: the statements table, charts and the network view over one filter (the
 * library's filter chips plus actor, issue, position, outlet, coder and words).
 */
export function AnalysisScreen({ project, articles, tab }: { project: Project; articles: ArticleRecord[] | undefined; tab: AnalysisTab }) {
  const { data, articleIds, chips, removeChip } = useStatements(project, articles);
  const [filter, setFilterState] = useState<StatementTableFilter>(() => remembered.get(project.id) ?? {});
  const setFilter = (next: StatementTableFilter) => {
    remembered.set(project.id, next);
    setFilterState(next);
  };
  const allRows = useMemo(() => (data ? statementRows(data.set, data.titles) : []), [data]);
  const rows = useMemo(() => filterRows(allRows, { ...filter, ...(articleIds ? { articleIds } : {}) }), [allRows, filter, articleIds]);
  const statements = useMemo(() => {
    if (!data) return [];
    const keep = new Set(rows.map((r) => r.id));
    return data.set.statements.filter((s) => keep.has(s.id));
  }, [data, rows]);
  const base = `#/project/${encodeURIComponent(project.id)}`;
  return (
    <main className="analysis-screen" aria-label="Statements analysis">
      <div className="an-toolbar">
        <h2 className="an-title">Statements</h2>
        <nav aria-label="Analysis views" className="an-tabs">
          {(Object.keys(TAB_LABEL) as AnalysisTab[]).map((t) => (
            <a key={t} href={`${base}/${t}`} className={`an-tab${t === tab ? ' an-tab-current' : ''}`} aria-current={t === tab ? 'page' : undefined}>
              {TAB_LABEL[t]}
            </a>
          ))}
        </nav>
        <span className="muted" role="status">
          {data ? `${rows.length.toLocaleString('en')} of ${allRows.length.toLocaleString('en')} ${allRows.length === 1 ? 'statement' : 'statements'}` : 'Reading statements…'}
        </span>
      </div>
      {chips.length > 0 && (
        <ul className="filter-chips an-chips" aria-label="Library filters applied">
          {chips.map((chip) => (
            <li key={chip.keys.join()} className="filter-chip">
              <span>{chip.label}</span>
              <button type="button" className="filter-chip-remove" aria-label={`Remove filter ${chip.label}`} title="Remove this library filter" onClick={() => removeChip(chip.keys)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {data && <StatementFilterBar set={data.set} rows={allRows} filter={filter} onChange={setFilter} />}
      {!data ? (
        <p className="muted an-loading">Reading statements…</p>
      ) : allRows.length === 0 ? (
        <div className="empty-state">
          <h3>No statements yet</h3>
          <p>Code a claim in an article and link its claimant (and, if you like, a source and what it is about): every claim is a statement here.</p>
        </div>
      ) : tab === 'statements' ? (
        <StatementsTable project={project} set={data.set} rows={rows} onFilter={(change) => setFilter({ ...filter, ...change })} />
      ) : (
        <Suspense fallback={<p className="muted an-loading">Loading…</p>}>
          {tab === 'charts' ? <ChartsView set={data.set} statements={statements} /> : <NetworkView project={project} set={data.set} statements={statements} />}
        </Suspense>
      )}
    </main>
  );
}
