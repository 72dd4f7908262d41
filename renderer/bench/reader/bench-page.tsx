// The reader benchmark (issue #4): the app's own ReaderPane on the app's own database, timed from
// the moment the article is asked for (or an annotation command is issued) to the next painted
// frame that shows it.
import { createRoot, type Root } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { contentHash } from '@shared/import/content-hash.ts';
import { quoteContext } from '@shared/text/anchor.ts';
import { createProject } from '../../src/db/projects.ts';
import { storeDrafts } from '../../src/db/articles.ts';
import { completeAnnotation, putAnnotations } from '../../src/db/annotations.ts';
import { db } from '../../src/db/db.ts';
import { ReaderPane } from '../../src/features/reader/ReaderPane.tsx';
import '../../src/app/styles.css';

const WORDS = 'council claims report minister said according agency statement river plant residents union port strike vessel official data'.split(' ');

function rng(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s % n;
  };
}

function articleText(bytes: number, r: (n: number) => number): string {
  const paragraphs: string[] = [];
  let size = 0;
  while (size < bytes) {
    const words = Array.from({ length: 60 + r(40) }, () => WORDS[r(WORDS.length)] as string);
    const p = `${words.join(' ')}.`;
    paragraphs.push(p[0]?.toUpperCase() + p.slice(1));
    size += p.length + 2;
  }
  return paragraphs.join('\n\n');
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
/** After the current frame has been painted: a task queued from requestAnimationFrame runs after paint. */
const afterPaint = () =>
  new Promise<void>((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    }),
  );
/** Resolves once the DOM state is first true and the frame showing it has been painted. */
async function painted(ready: () => boolean, what = 'the expected state'): Promise<void> {
  const t0 = performance.now();
  while (!ready()) {
    if (performance.now() - t0 > 10_000) throw new Error(`timed out waiting for ${what}`);
    await frame();
  }
  await afterPaint();
}

let root: Root | null = null;

async function openTimed(projectId: string, articleId: string, expectHighlights: boolean): Promise<number> {
  const project = await db.projects.get(projectId);
  if (!project) throw new Error('no project');
  root?.unmount();
  const container = document.getElementById('root') as HTMLElement;
  container.innerHTML = '';
  root = createRoot(container);
  const t0 = performance.now();
  flushSync(() => root?.render(<ReaderPane project={project} articleId={articleId} hasArticles />));
  await painted(() => !!document.querySelector('.reader-text p') && (!expectHighlights || CSS.highlights.size > 0), 'the article');
  return performance.now() - t0;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

export interface ReaderBenchResult {
  textChars: number;
  annotations: number;
  openBareMs: number;
  openAnnotatedMs: number;
  addMs: number;
}

async function run(annotationCount: number, rounds: number): Promise<ReaderBenchResult> {
  await db.delete();
  await db.open();
  const r = rng(11);
  const text = articleText(20_000, r);
  const project = await createProject('bench');
  const tags = await db.tags.where('projectId').equals(project.id).toArray();
  const drafts = [0, 1].map((i) => ({ draft: { source: { file: `bench-${i}.txt` }, title: `Bench ${i}`, text: i === 0 ? text : `${text}\n\nCopy.`, meta: {} }, contentHash: contentHash(i === 0 ? text : `${text}\n\nCopy.`) }));
  const { added } = await storeDrafts(project.id, drafts);
  const [bare, annotated] = added as [(typeof added)[0], (typeof added)[0]];
  const annotatedText = `${text}\n\nCopy.`;
  const annotations = Array.from({ length: annotationCount }, () => {
    const start = r(annotatedText.length - 200);
    const end = start + 5 + r(150);
    const tag = tags[r(tags.length)] as (typeof tags)[0];
    return completeAnnotation({ projectId: project.id, articleId: annotated.id, tagId: tag.id, start, end, ...quoteContext(annotatedText, start, end), attributes: {}, coder: 'bench' });
  });
  await putAnnotations(annotations);

  const bareTimes: number[] = [];
  const annotatedTimes: number[] = [];
  for (let i = 0; i < rounds; i++) {
    bareTimes.push(await openTimed(project.id, bare.id, false));
    annotatedTimes.push(await openTimed(project.id, annotated.id, true));
  }
  // Adding goes through the app's own path: a text selection, then the tag's shortcut key.
  const addTimes: number[] = [];
  const dom = document.querySelector('.reader-text') as HTMLElement & { editor?: { commands: { setTextSelection(r: { from: number; to: number }): boolean } } };
  const editor = dom.editor;
  if (!editor) throw new Error('TipTap editor not reachable from its DOM node');
  for (let i = 0; i < rounds; i++) {
    dom.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await painted(() => !CSS.highlights.has('pw-selected'), 'the selection to clear');
    const start = 1 + r(annotatedText.length - 100);
    editor.commands.setTextSelection({ from: start + 1, to: start + 13 });
    // The app has taken the selection once it offers the codebook for it.
    await painted(() => !!document.querySelector('.tag-popover'), 'the tag popover');
    const t0 = performance.now();
    dom.dispatchEvent(new KeyboardEvent('keydown', { key: '1', bubbles: true }));
    await painted(() => CSS.highlights.has('pw-selected'), 'the new annotation to be drawn');
    addTimes.push(performance.now() - t0);
  }
  const stored = await db.annotations.where('articleId').equals(annotated.id).count();
  if (stored !== annotationCount + rounds) throw new Error(`expected ${annotationCount + rounds} stored annotations, found ${stored}`);
  return { textChars: annotatedText.length, annotations: annotationCount, openBareMs: median(bareTimes), openAnnotatedMs: median(annotatedTimes), addMs: median(addTimes) };
}

declare global {
  interface Window {
    runReaderBench: (annotations: number, rounds: number) => Promise<ReaderBenchResult>;
  }
}
window.runReaderBench = run;
(document.getElementById('state') as HTMLElement).textContent = 'ready';
