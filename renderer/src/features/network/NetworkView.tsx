import Sigma from 'sigma';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Project } from '@shared/model/types.ts';
import { buildNetwork, type Network, type Normalisation } from '@shared/network/build.ts';
import { filterStatements } from '@shared/network/filter.ts';
import { edgeStatements } from '@shared/network/edge-statements.ts';
import { drawnGraph, layoutSettings, ACTOR_COLOUR, ISSUE_COLOUR, LIVE_LAYOUT_NODES, type EdgeAttrs, type NodeAttrs } from '@shared/network/graph.ts';
import type { NetworkFormat } from '@shared/network/write.ts';
import { actorName, issueName, type Statement, type StatementSet } from '@shared/statements/statement.ts';
import { formatPosition } from '@shared/statements/table.ts';
import { FilterField } from '../../ui/FilterField.tsx';
import { eventListFile, networkFile, saveParts } from './network-export.ts';

type ViewType = 'two-mode' | 'congruence' | 'conflict';
const TYPE_LABEL: Record<ViewType, string> = { 'two-mode': 'Actor × issue (two-mode)', congruence: 'Congruence (actor × actor)', conflict: 'Conflict (actor × actor)' };
const NORMALISATIONS: Record<ViewType, Normalisation[]> = { 'two-mode': ['none', 'activity', 'prominence'], congruence: ['none', 'average', 'jaccard', 'cosine'], conflict: ['none', 'average', 'jaccard', 'cosine'] };
/** WebGL draws a quarter of a million ties, but no one reads them: the heaviest are drawn, all are exported. */
const MAX_DRAWN_EDGES = 20000;
/** How long a big graph's layout runs in its worker before it settles (and positions are kept). */
const LIVE_LAYOUT_MS = 3000;

interface Settings {
  type: ViewType;
  normalisation: Normalisation;
  from: string;
  to: string;
  minStatements: number;
}

/** The discourse network of the filtered statements, drawn with sigma.js (WebGL), with its exports. */
export function NetworkView({ project, set, statements }: { project: Project; set: StatementSet; statements: Statement[] }) {
  const [settings, setSettings] = useState<Settings>({ type: 'two-mode', normalisation: 'none', from: '', to: '', minStatements: 1 });
  const [selected, setSelected] = useState<string | null>(null);
  /** A tie: node ids of its two ends (source, target as the network lists them). */
  const [selectedEdge, setSelectedEdge] = useState<{ source: string; target: string } | null>(null);
  const selectNode = useCallback((id: string | null) => {
    setSelected(id);
    setSelectedEdge(null);
  }, []);
  const selectEdge = useCallback((edge: { source: string; target: string } | null) => {
    setSelectedEdge(edge);
    setSelected(null);
  }, []);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState<{ name: string; parts: string[]; mime: string } | null>(null);
  const dates = useMemo(() => {
    const days = statements.map((s) => s.date?.slice(0, 10)).filter((d): d is string => !!d).sort();
    return { min: days[0] ?? '', max: days[days.length - 1] ?? '' };
  }, [statements]);
  const timeWindow = useMemo(() => ({ ...(settings.from ? { from: settings.from } : {}), ...(settings.to ? { to: settings.to } : {}) }), [settings.from, settings.to]);
  const subset = useMemo<StatementSet>(() => ({ ...set, statements }), [set, statements]);
  const net = useMemo<Network>(
    () => buildNetwork(subset, { type: settings.type, normalisation: settings.normalisation, minStatements: settings.minStatements, ...timeWindow }),
    [subset, settings.type, settings.normalisation, settings.minStatements, timeWindow],
  );
  const change = (part: Partial<Settings>) => {
    const next = { ...settings, ...part };
    if (!NORMALISATIONS[next.type].includes(next.normalisation)) next.normalisation = 'none';
    setSettings(next);
  };
  const description = `Presswork ${settings.type} network of ${net.statements} statements; normalisation ${settings.normalisation}; ${settings.from || 'start'} to ${settings.to || 'end'}; at least ${settings.minStatements} statement(s) per actor`;

  const save = async (file: { name: string; parts: string[]; mime: string }) => {
    setMessage(null);
    const out = await saveParts(file.name, file.parts, file.mime);
    setPending(out.kind === 'click-again' ? file : null);
    setMessage(out.kind === 'saved' ? `${file.name} saved.` : out.kind === 'click-again' ? 'The file is ready: click “Save file” to choose where to save it.' : out.kind === 'failed' ? `The file could not be saved: ${out.message}` : null);
  };
  const exportNetwork = (format: NetworkFormat) => void save(networkFile(project.name, net, format, description));
  const exportEvents = () => void save(eventListFile(project.name, set, filterStatements(statements, { ...timeWindow, includeUnknown: true })));

  const nodeStatements = useMemo(() => {
    if (!selected) return [];
    const [kind, ...rest] = selected.split(':');
    const id = rest.join(':');
    return filterStatements(statements, { ...timeWindow, includeUnknown: true }).filter((s) => (kind === 'actor' ? s.claimant === id : s.issues.includes(id)));
  }, [selected, statements, timeWindow]);
  const selectedNode = net.nodes.find((n) => n.id === selected);
  const nodeLabel = useMemo(() => new Map(net.nodes.map((n) => [n.id, n.label])), [net]);
  const tieStatements = useMemo(() => {
    if (!selectedEdge) return [];
    // The statements the network was built from (its filters), then those behind this tie.
    const built = filterStatements(statements, { ...timeWindow, minStatements: settings.minStatements });
    return edgeStatements(settings.type, built, selectedEdge.source, selectedEdge.target, set.scale);
  }, [selectedEdge, statements, timeWindow, settings.minStatements, settings.type, set.scale]);
  const tieName = selectedEdge ? `${nodeLabel.get(selectedEdge.source) ?? '?'} — ${nodeLabel.get(selectedEdge.target) ?? '?'}` : '';
  // The keyboard's way to a tie: the heaviest ties, as the drawing shows them first.
  const edgeChoices = useMemo(
    () =>
      [...net.edges]
        .filter((e) => e.weight !== 0)
        .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
        .slice(0, 200)
        .map((e) => ({ value: `${net.nodes[e.source]!.id}\u0000${net.nodes[e.target]!.id}`, label: `${net.nodes[e.source]!.label} — ${net.nodes[e.target]!.label} (${Number.isInteger(e.weight) ? e.weight : e.weight.toFixed(3)})` })),
    [net],
  );
  const nodeChoices = useMemo(() => [...net.nodes].sort((a, b) => b.statements - a.statements || a.label.localeCompare(b.label)), [net]);

  return (
    <>
      <form className="nw-controls" aria-label="Network settings" onSubmit={(e) => e.preventDefault()}>
        <FilterField label="Network">
          {(id) => (
            <select id={id} className="input input-compact" value={settings.type} onChange={(e) => change({ type: e.target.value as ViewType })}>
              {(Object.keys(TYPE_LABEL) as ViewType[]).map((t) => (
                <option key={t} value={t}>
                  {TYPE_LABEL[t]}
                </option>
              ))}
            </select>
          )}
        </FilterField>
        <FilterField label="Normalisation">
          {(id) => (
            <select id={id} className="input input-compact" value={settings.normalisation} onChange={(e) => change({ normalisation: e.target.value as Normalisation })}>
              {NORMALISATIONS[settings.type].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          )}
        </FilterField>
        <FilterField label="From">{(id) => <input id={id} type="date" className="input input-compact" min={dates.min} max={dates.max} value={settings.from} onChange={(e) => change({ from: e.target.value })} />}</FilterField>
        <FilterField label="To">{(id) => <input id={id} type="date" className="input input-compact" min={dates.min} max={dates.max} value={settings.to} onChange={(e) => change({ to: e.target.value })} />}</FilterField>
        <FilterField label="Min. statements per actor">
          {(id) => <input id={id} type="number" min={1} className="input input-compact" style={{ width: 70 }} value={settings.minStatements} onChange={(e) => change({ minStatements: Math.max(1, Number(e.target.value) || 1) })} />}
        </FilterField>
        <div className="nw-export" role="group" aria-label="Export">
          <button type="button" className="button button-small" onClick={() => exportNetwork('graphml')}>
            Export GraphML
          </button>
          <button type="button" className="button button-small" onClick={() => exportNetwork('gexf')}>
            Export GEXF
          </button>
          <button type="button" className="button button-small" onClick={() => exportNetwork('csv')}>
            Export CSV matrix
          </button>
          <button type="button" className="button button-small" onClick={exportEvents}>
            Export event list
          </button>
          {pending && (
            <button type="button" className="button button-small button-primary" onClick={() => void save(pending)}>
              Save file
            </button>
          )}
        </div>
        {message && (
          <span className="muted" role="status">
            {message}
          </span>
        )}
      </form>
      <div className="nw-body">
        {net.nodes.length === 0 ? (
          <div className="empty-state">
            <h3>No network for this selection</h3>
            <p>A network needs claims with a known claimant and an issue{settings.from || settings.to ? ' in the chosen time timeWindow' : ''}. {net.notes.join('; ')}</p>
          </div>
        ) : (
          <NetworkCanvas net={net} selected={selected} onSelect={selectNode} onSelectEdge={selectEdge} />
        )}
        <aside className="nw-side" aria-label="Network details">
          <p role="status" aria-label="Network size">
            {net.nodes.length.toLocaleString('en')} nodes, {net.edges.length.toLocaleString('en')} edges from {net.statements.toLocaleString('en')} statements
          </p>
          <p className="nw-legend">
            <span style={{ color: ACTOR_COLOUR }}>●</span> actor {settings.type === 'two-mode' && <><span style={{ color: ISSUE_COLOUR }}>●</span> issue; blue ties for, red against</>}. Drag to pan, scroll to zoom, click a node or a tie for its statements.
          </p>
          <FilterField label="Show the statements of">
            {(id) => (
              <select id={id} className="input input-compact" value={selected ?? ''} onChange={(e) => selectNode(e.target.value || null)}>
                <option value="">— choose a node —</option>
                {nodeChoices.map((n) => (
                  <option key={n.id} value={n.id}>
                    {n.label} ({n.kind}, {n.statements})
                  </option>
                ))}
              </select>
            )}
          </FilterField>
          {selectedNode && (
            <section aria-label={`Statements of ${selectedNode.label}`}>
              <h3 className="pane-title">
                {selectedNode.label}: {nodeStatements.length} {nodeStatements.length === 1 ? 'statement' : 'statements'}
              </h3>
              <StatementList project={project} set={set} statements={nodeStatements} />
              {nodeStatements.length > 200 && <p className="muted">The first 200 are listed; the statements table shows all (filter by this actor or issue).</p>}
            </section>
          )}
          <FilterField label="Show the statements of the tie">
            {(id) => (
              <select id={id} className="input input-compact" value={selectedEdge ? `${selectedEdge.source}\u0000${selectedEdge.target}` : ''} onChange={(e) => selectEdge(e.target.value ? splitTie(e.target.value) : null)}>
                <option value="">— choose a tie (heaviest first) —</option>
                {edgeChoices.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </select>
            )}
          </FilterField>
          {selectedEdge && (
            <section aria-label={`Statements of the tie ${tieName}`}>
              <h3 className="pane-title">
                {tieName}: {tieStatements.length} {tieStatements.length === 1 ? 'statement' : 'statements'}
              </h3>
              <StatementList project={project} set={set} statements={tieStatements} />
              {tieStatements.length > 200 && <p className="muted">The first 200 are listed; the statements table shows all.</p>}
            </section>
          )}
          {net.notes.length > 0 && <p className="muted">{net.notes.join('; ')}</p>}
        </aside>
      </div>
    </>
  );
}

function splitTie(value: string): { source: string; target: string } {
  const [source = '', target = ''] = value.split('\u0000');
  return { source, target };
}

/** Statements as links into the reader (the first 200). */
function StatementList({ project, set, statements }: { project: Project; set: StatementSet; statements: Statement[] }) {
  return (
    <ul>
      {statements.slice(0, 200).map((s) => (
        <li key={s.id}>
          <a href={`#/project/${encodeURIComponent(project.id)}/article/${encodeURIComponent(s.articleId)}/annotation/${encodeURIComponent(s.id)}`}>{s.quote}</a>{' '}
          <span className="muted">
            — {actorName(set, s.claimant)}
            {s.issues.length > 0 ? `, ${s.issues.map((i) => issueName(set, i)).join('; ')}` : ''}
            {s.position !== null ? ` (${formatPosition(s.position)})` : ''}
            {s.date ? `, ${s.date.slice(0, 10)}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The WebGL drawing; rebuilt graphs keep the positions their nodes had. */
function NetworkCanvas({ net, selected, onSelect, onSelectEdge }: { net: Network; selected: string | null; onSelect: (id: string) => void; onSelectEdge: (edge: { source: string; target: string }) => void }) {
  const container = useRef<HTMLDivElement>(null);
  const sigma = useRef<Sigma<NodeAttrs, EdgeAttrs> | null>(null);
  const positions = useRef(new Map<string, { x: number; y: number }>());
  const [hidden, setHidden] = useState(0);
  useEffect(() => {
    if (!container.current) return;
    const { graph, hiddenEdges } = drawnGraph(net, { maxEdges: MAX_DRAWN_EDGES, previous: positions.current });
    setHidden(hiddenEdges);
    graph.forEachNode((id, a) => positions.current.set(id, { x: a.x, y: a.y }));
    const renderer = new Sigma<NodeAttrs, EdgeAttrs>(graph, container.current, { renderEdgeLabels: false, enableEdgeEvents: true, labelRenderedSizeThreshold: graph.order > 300 ? 8 : 0, labelDensity: graph.order > 300 ? 1 : 4, defaultEdgeType: 'line', zIndex: true, stagePadding: 60 });
    renderer.on('clickNode', ({ node }) => onSelect(node));
    renderer.on('clickEdge', ({ edge }) => {
      // The graph keeps the network's direction of each tie (source, target).
      onSelectEdge({ source: graph.source(edge), target: graph.target(edge) });
    });
    sigma.current = renderer;
    // A big graph is drawn at once and laid out in a worker meanwhile: the window never freezes.
    let layout: FA2Layout | null = null;
    let settle: ReturnType<typeof setTimeout> | undefined;
    const keep = () => graph.forEachNode((id, a) => positions.current.set(id, { x: a.x, y: a.y }));
    if (graph.order > LIVE_LAYOUT_NODES) {
      layout = new FA2Layout(graph, { settings: layoutSettings(graph) });
      layout.start();
      settle = setTimeout(() => {
        layout?.stop();
        keep();
      }, LIVE_LAYOUT_MS);
    }
    // Sigma follows the window's size only; the pane also changes size when the side list or the
    // topbar reflows, and a stale size would put clicks beside what is drawn.
    const resized = new ResizeObserver(() => {
      renderer.resize();
      renderer.refresh();
    });
    resized.observe(container.current);
    // Exposed for the benchmark and tests, which measure frames on the real view.
    (globalThis as { __presswork_sigma?: unknown }).__presswork_sigma = renderer;
    return () => {
      resized.disconnect();
      clearTimeout(settle);
      if (layout) {
        layout.kill();
        keep();
      }
      renderer.kill();
      sigma.current = null;
    };
  }, [net, onSelect, onSelectEdge]);
  useEffect(() => {
    const r = sigma.current;
    if (!r) return;
    r.setSetting('nodeReducer', (node, data) => (selected && node === selected ? { ...data, highlighted: true, zIndex: 1 } : data));
  }, [selected, net]);
  const zoom = (f: number) => void sigma.current?.getCamera().animatedZoom({ factor: f, duration: 150 });
  return (
    <div className="nw-canvas-wrap" style={{ position: 'relative', minHeight: 0, display: 'flex', flexDirection: 'column' }}>
      <div className="nw-zoom" role="group" aria-label="Zoom" style={{ position: 'absolute', zIndex: 2, right: 8, top: 8, display: 'flex', gap: 4 }}>
        <button type="button" className="button button-small" onClick={() => zoom(1.5)} aria-label="Zoom in">
          +
        </button>
        <button type="button" className="button button-small" onClick={() => zoom(1 / 1.5)} aria-label="Zoom out">
          −
        </button>
        <button type="button" className="button button-small" onClick={() => void sigma.current?.getCamera().animatedReset({ duration: 150 })}>
          Reset view
        </button>
      </div>
      <div ref={container} className="nw-canvas" role="img" aria-label={`Network drawing: ${net.nodes.length} nodes and ${net.edges.length} edges. The list “Show the statements of” reaches every node from the keyboard.`} style={{ flex: 1 }} />
      {hidden > 0 && <p className="muted" style={{ margin: '4px 8px' }}>The {MAX_DRAWN_EDGES.toLocaleString('en')} heaviest ties are drawn ({hidden.toLocaleString('en')} lighter ones left out of the drawing; the exports hold all).</p>}
    </div>
  );
}
