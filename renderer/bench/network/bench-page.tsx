// The statements/network benchmark (issue #11): the app's own StatementsTable and NetworkView on
// 50,000 generated statements, timed from the moment they are asked for to the next painted
// frame; then the network view panned and zoomed for a few seconds while frames are counted.
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { statementsFromDataset } from '@shared/statements/from-dataset.ts';
import { statementRows } from '@shared/statements/table.ts';
import type { Project } from '@shared/model/types.ts';
import { generate } from '../../../bench/lib/discourse-corpus.ts';
import { StatementsTable } from '../../src/features/statements/StatementsTable.tsx';
import { NetworkView } from '../../src/features/network/NetworkView.tsx';
import '../../src/app/styles.css';
import '../../src/features/statements/statements.css';

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
/** After the current frame has been painted: a task queued from requestAnimationFrame runs after paint. */
const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

const project = { id: 'bench', name: 'bench', createdAt: '', updatedAt: '', categories: [] } as unknown as Project;
const { header, articles } = generate();
const set = statementsFromDataset(header, articles);
const titles = new Map(articles.map((a) => [a.id, a.id]));
const container = document.getElementById('root') as HTMLElement;

interface Camera {
  getState(): { x: number; y: number; ratio: number; angle: number };
  setState(s: Partial<{ x: number; y: number; ratio: number }>): void;
}
interface Renderer {
  getCamera(): Camera;
  getGraph(): { order: number; size: number };
}

async function runTable(): Promise<{ statements: number; firstPaintMs: number }> {
  const root = createRoot(container);
  const t0 = performance.now();
  flushSync(() => root.render(<StatementsTable project={project} set={set} rows={statementRows(set, titles)} onFilter={() => {}} />));
  await afterPaint();
  const firstPaintMs = performance.now() - t0;
  if (!container.querySelector('[role="row"][aria-rowindex="2"]')) throw new Error('no statement row painted');
  root.unmount();
  return { statements: set.statements.length, firstPaintMs };
}

async function runNetwork(seconds: number): Promise<{ nodes: number; actors: number; edges: number; firstDrawMs: number; frames: number; fps: number }> {
  const root = createRoot(container);
  const t0 = performance.now();
  flushSync(() => root.render(<NetworkView project={project} set={set} statements={set.statements} />));
  await afterPaint();
  const firstDrawMs = performance.now() - t0;
  const sigma = (globalThis as { __presswork_sigma?: Renderer }).__presswork_sigma;
  if (!sigma) throw new Error('the network view drew nothing');
  // The layout runs in a worker for a few seconds after the first drawing; measure frames once it settled.
  await new Promise((resolve) => setTimeout(resolve, 3500));
  const camera = sigma.getCamera();
  const start = camera.getState();
  let frames = 0;
  const began = performance.now();
  // Pan in a circle while zooming in and out: every frame moves the camera, so sigma redraws each one.
  while (performance.now() - began < seconds * 1000) {
    const t = (performance.now() - began) / 1000;
    camera.setState({ x: start.x + 0.2 * Math.cos(t * 2), y: start.y + 0.2 * Math.sin(t * 2), ratio: 0.6 + 0.4 * Math.abs(Math.sin(t)) });
    await frame();
    frames++;
  }
  const elapsed = (performance.now() - began) / 1000;
  const g = sigma.getGraph();
  const actors = container.querySelector('[role="status"][aria-label="Network size"]')?.textContent ?? '';
  root.unmount();
  return { nodes: g.order, actors: Number(/(\d[\d,]*) nodes/.exec(actors)?.[1]?.replace(/,/g, '') ?? 0) - 60, edges: g.size, firstDrawMs, frames, fps: frames / elapsed };
}

Object.assign(globalThis, { runTable, runNetwork });
(document.getElementById('state') as HTMLElement).textContent = 'ready';
