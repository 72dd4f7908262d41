import * as Plot from '@observablehq/plot';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Statement, StatementSet } from '@shared/statements/statement.ts';
import { anonymousShareByOutlet, claimsOverTime, claimsPerActor, sourcesPerArticle, type Period } from '@shared/statements/charts.ts';

/** Positions in scale order with a colour each: opposed warm, in favour cool, none grey (colour-blind safe pair). */
function positionScale(set: StatementSet): { domain: string[]; range: string[] } {
  const domain: string[] = [];
  const range: string[] = [];
  for (let v = Math.ceil(set.scale.min); v <= set.scale.max; v++) {
    domain.push(v > 0 ? `+${v}` : String(v));
    range.push(v < 0 ? '#c0392b' : v > 0 ? '#2166ac' : '#8c8c8c');
  }
  domain.push('no position');
  range.push('#d9d4c7');
  return { domain, range };
}

/** Draws an Observable Plot figure into a div, replaced whenever its inputs change. */
function PlotFigure({ make }: { make: () => SVGSVGElement | HTMLElement }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = make();
    // Plot names its mark groups ("bar", "rule") with aria-label on a <g> without a role, which
    // ARIA forbids; the figure is named and described on the <svg>, and its data is in the table.
    for (const g of el.querySelectorAll('g[aria-label]:not([role])')) g.removeAttribute('aria-label');
    ref.current?.replaceChildren(el);
    return () => el.remove();
  }, [make]);
  return <div ref={ref} className="ch-plot" />;
}

function DataTable({ caption, head, rows }: { caption: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <details className="ch-data">
      <summary>Show the data as a table</summary>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (
                <td key={j}>{typeof c === 'number' ? c.toLocaleString('en') : c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** Claims per actor by position, sources per article, anonymous sources per outlet, claims over time. */
export function ChartsView({ set, statements }: { set: StatementSet; statements: Statement[] }) {
  const [period, setPeriod] = useState<Period>('month');
  const colour = useMemo(() => positionScale(set), [set]);
  const perActor = useMemo(() => claimsPerActor(set, statements), [set, statements]);
  const perArticle = useMemo(() => sourcesPerArticle(statements), [statements]);
  const anonymous = useMemo(() => anonymousShareByOutlet(statements), [statements]);
  const overTime = useMemo(() => claimsOverTime(statements, period), [statements, period]);

  const actorOrder = useMemo(() => [...new Set(perActor.map((r) => r.actor))], [perActor]);
  const actorTotals = useMemo(() => {
    const m = new Map<string, number>();
    for (const r of perActor) m.set(r.actor, (m.get(r.actor) ?? 0) + r.claims);
    return m;
  }, [perActor]);
  const actorChart = useMemo(
    () => () =>
      Plot.plot({
        ariaLabel: 'Claims per actor, stacked by position',
        ariaDescription: `Horizontal bars for the ${actorOrder.length} most active claimants; each bar is split by the position of the claims.`,
        marginLeft: 170,
        width: 760,
        height: Math.max(120, actorOrder.length * 24 + 50),
        // Counts are whole numbers: no more ticks than the largest count (no 0.1 claims).
        x: { label: 'Claims', grid: true, ticks: Math.min(10, Math.max(1, ...actorTotals.values())), tickFormat: 'd' },
        y: { label: null, domain: actorOrder },
        color: { legend: true, domain: colour.domain, range: colour.range },
        marks: [Plot.barX(perActor, { x: 'claims', y: 'actor', fill: 'position', title: (d: { actor: string; position: string; claims: number }) => `${d.actor}: ${d.claims} (${d.position})` }), Plot.ruleX([0])],
      }),
    [perActor, actorOrder, actorTotals, colour],
  );
  const sourcesChart = useMemo(
    () => () =>
      Plot.plot({
        ariaLabel: 'Articles by number of distinct sources',
        width: 360,
        height: 220,
        x: { label: 'Distinct sources in the article', domain: perArticle.map((r) => r.sources) },
        y: { label: 'Articles', grid: true, ticks: Math.min(8, Math.max(1, ...perArticle.map((r) => r.articles))), tickFormat: 'd' },
        marks: [Plot.barY(perArticle, { x: 'sources', y: 'articles', fill: '#5b7a99' }), Plot.ruleY([0])],
      }),
    [perArticle],
  );
  const anonymousChart = useMemo(
    () => () =>
      Plot.plot({
        ariaLabel: 'Share of anonymous sources per outlet',
        width: 380,
        marginLeft: 130,
        height: Math.max(100, anonymous.length * 24 + 50),
        x: { label: 'Anonymous share of claims (%)', domain: [0, 100], grid: true },
        y: { label: null, domain: anonymous.map((r) => r.outlet) },
        marks: [Plot.barX(anonymous, { x: (d: { share: number }) => d.share * 100, y: 'outlet', fill: '#8e6c8a' }), Plot.ruleX([0])],
      }),
    [anonymous],
  );
  const timeChart = useMemo(
    () => () =>
      Plot.plot({
        ariaLabel: `Claims per ${period}, stacked by position`,
        width: 760,
        height: 260,
        marginBottom: 50,
        x: { label: period === 'month' ? 'Month' : 'Week (Monday)', tickRotate: -35, type: 'band' },
        y: { label: 'Claims', grid: true },
        color: { legend: true, domain: colour.domain, range: colour.range },
        marks: [Plot.barY(overTime.rows, { x: 'period', y: 'claims', fill: 'position', title: (d: { period: string; position: string; claims: number }) => `${d.period}: ${d.claims} (${d.position})` }), Plot.ruleY([0])],
      }),
    [overTime, period, colour],
  );

  if (statements.length === 0) {
    return (
      <div className="empty-state">
        <h3>No statement matches these filters</h3>
        <p>Remove a filter to see the charts.</p>
      </div>
    );
  }
  return (
    <div className="ch-body">
      <figure className="ch-figure" aria-labelledby="ch-actors">
        <h3 id="ch-actors">Claims per actor</h3>
        <figcaption>The {actorOrder.length} most active claimants; each bar split by position (unknown claimants left out).</figcaption>
        <PlotFigure make={actorChart} />
        <DataTable caption="Claims per actor and position" head={['Actor', 'Position', 'Claims']} rows={perActor.map((r) => [r.actor, r.position, r.claims])} />
      </figure>
      <div className="ch-pair" style={{ display: 'flex', flexWrap: 'wrap', gap: 28 }}>
        <figure className="ch-figure" aria-labelledby="ch-sources">
          <h3 id="ch-sources">Sources per article</h3>
          <figcaption>Distinct sources (the attributed source, else the named claimant) per article with claims.</figcaption>
          <PlotFigure make={sourcesChart} />
          <DataTable caption="Articles by number of sources" head={['Sources', 'Articles']} rows={perArticle.map((r) => [r.sources, r.articles])} />
        </figure>
        <figure className="ch-figure" aria-labelledby="ch-anonymous">
          <h3 id="ch-anonymous">Anonymous sources per outlet</h3>
          <figcaption>Claims from an unnamed source (“sources said”, “источник”) or with an unknown claimant.</figcaption>
          <PlotFigure make={anonymousChart} />
          <DataTable caption="Anonymous share per outlet" head={['Outlet', 'Claims', 'Anonymous', 'Share']} rows={anonymous.map((r) => [r.outlet, r.claims, r.anonymous, `${Math.round(r.share * 100)} %`])} />
        </figure>
      </div>
      <figure className="ch-figure" aria-labelledby="ch-time">
        <div className="ch-controls">
          <h3 id="ch-time">Claims over time</h3>
          <label>
            Per{' '}
            <select className="input input-compact" value={period} onChange={(e) => setPeriod(e.target.value as Period)}>
              <option value="week">week</option>
              <option value="month">month</option>
            </select>
          </label>
        </div>
        <figcaption>{overTime.undated > 0 ? `${overTime.undated.toLocaleString('en')} claims without a date are not shown.` : 'Every claim has a date.'}</figcaption>
        <PlotFigure make={timeChart} />
        <DataTable caption="Claims per period and position" head={['Period', 'Position', 'Claims']} rows={overTime.rows.map((r) => [r.period, r.position, r.claims])} />
      </figure>
    </div>
  );
}
