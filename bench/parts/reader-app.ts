// The reader in the app itself (issue #9 "Measurements"): a restored project of many articles,
// one of them given 1,000 annotations. Measures, in the web shell:
//  - opening that article: to its highlights painted, and to the annotations panel listing them;
//  - adding an annotation (text selected, tag key pressed) and moving between annotations (`n`):
//    the Event Timing API (PerformanceObserver 'event', durationThreshold 16) gives each key's
//    interaction duration, the INP method; and frames counted from the key press to the frame
//    whose rendering shows the result (1 = the first frame after the press).
// The project: a small bench dataset restored through the dialog (BENCH_READER_APP_MB, default 8),
// its annotations copied straight into the store up to BENCH_READER_APP_ANNOTATIONS (default
// 1,000,000) on every article but the measured one, which gets exactly 1,000.
import type { Page } from '@playwright/test';
import { growAnnotations, inWebShell, stage, restoreThroughUi, withBenchDataset, withStore } from '../lib/web-shell.ts';
import type { BenchEntry, BenchPart } from '../report.ts';

const MEGABYTES = Number(process.env.BENCH_READER_APP_MB ?? 8);
const PROJECT_ANNOTATIONS = Number(process.env.BENCH_READER_APP_ANNOTATIONS ?? 1_000_000);
const PORT = Number(process.env.BENCH_READER_APP_PORT ?? 5333);
const ANNOTATIONS = 1000;
const MOVES = 20;
const ADDS = 10;

/** In the page before it loads: event timing entries, and a frame counter for "frames until". */
function instrument(): void {
  const w = window as unknown as { __events: { name: string; duration: number; interactionId: number; startTime: number }[] };
  w.__events = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & { interactionId?: number })[]) {
      w.__events.push({ name: e.name, duration: e.duration, interactionId: e.interactionId ?? 0, startTime: e.startTime });
    }
    // durationThreshold is not in every lib.dom typing of observe()'s options.
  }).observe({ type: 'event', buffered: true, durationThreshold: 16 } as PerformanceObserverInit);
}

/** What the screen shows that a key can change: highlight ranges, and DOM mutations since last asked. */
function watchScreen(): void {
  const w = window as unknown as { __mutations: number; __screen: () => string };
  w.__mutations = 0;
  new MutationObserver((m) => (w.__mutations += m.length)).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  w.__screen = () => {
    let ranges = 0;
    const names: string[] = [];
    CSS.highlights.forEach((h, name) => {
      ranges += h.size;
      names.push(`${name}:${h.size}`);
    });
    return `${ranges}|${names.sort().join(',')}|${w.__mutations}`;
  };
}

/** Presses `key` and counts animation frames until one sees the screen changed (rAF runs before that frame's paint). */
async function pressAndCountFrames(page: Page, key: string): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { __screen: () => string; __frames: Promise<number>; __armed: () => void };
    let before = '';
    w.__frames = new Promise<number>((resolve) => {
      w.__armed = () => {
        before = w.__screen();
        let frames = 0;
        const tick = () => {
          frames++;
          if (w.__screen() !== before || frames > 120) resolve(frames);
          else requestAnimationFrame(tick);
        };
        addEventListener('keydown', () => requestAnimationFrame(tick), { once: true, capture: true });
      };
    });
    w.__armed();
  });
  await page.keyboard.press(key);
  return (await page.evaluate('window.__frames')) as number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const part: BenchPart = {
  title: `Reader in the app: an article with ${ANNOTATIONS} annotations in a project with ${PROJECT_ANNOTATIONS.toLocaleString('en')} (web shell)`,
  async run(): Promise<BenchEntry[]> {
    return withBenchDataset(MEGABYTES, (file) =>
      inWebShell(PORT, async (page, url) => {
        await page.addInitScript(instrument);
        await page.goto(url);
        await restoreThroughUi(page, file);

        // The longest article of the first 300 is measured: it gets 1,000 annotations (spans of
        // 1–6 words, overlapping), the others copies of theirs up to the project's total.
        const longest = await withStore(
          page,
          async ({ db, req }) => {
            const texts = (await req(db.transaction('articleTexts').objectStore('articleTexts').getAll(null, 300))) as { articleId: string; text: string }[];
            return texts.reduce((x, y) => (y.text.length > x.text.length ? y : x)).articleId;
          },
          null,
        );
        await growAnnotations(page, PROJECT_ANNOTATIONS - ANNOTATIONS, longest);
        const target = await withStore(
          page,
          async ({ db, req }, { articleId, count }) => {
            const tx = db.transaction(['articles', 'articleTexts', 'annotations'], 'readwrite');
            const article = (await req(tx.objectStore('articles').get(articleId))) as { id: string; projectId: string };
            const { text } = (await req(tx.objectStore('articleTexts').get(articleId))) as { text: string };
            const store = tx.objectStore('annotations');
            const existing = (await req(store.index('articleId').getAll(articleId))) as Record<string, unknown>[];
            const template = existing[0];
            if (!template) throw new Error('the bench article has no annotation to copy');
            const words = [...text.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length] as const);
            for (let i = existing.length; i < count; i++) {
              const first = words[(i * 7) % words.length]!;
              const last = words[Math.min(words.length - 1, ((i * 7) % words.length) + (i % 6))]!;
              const [start, end] = [first[0], Math.max(first[1], last[1])];
              store.put({ ...template, id: `bench-${i}`, start, end, quote: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) });
            }
            const total = await req(store.count());
            await new Promise((resolve) => (tx.oncomplete = resolve));
            return { projectId: article.projectId, articleId: article.id, chars: text.length, total };
          },
          { articleId: longest, count: ANNOTATIONS },
        );
        // The app reads the grown store afresh.
        await page.reload();
        await page.getByRole('heading', { level: 1, name: 'Restore bench' }).waitFor({ timeout: 120_000 });

        stage('measuring the reader');
        await page.evaluate(watchScreen);
        // Open the article: to its highlights painted, and to the panel listing every annotation.
        const open = (await page.evaluate(
          ([hash, count]) =>
            new Promise<{ painted: number; panel: number }>((resolve) => {
              const t0 = performance.now();
              let painted = 0;
              const tick = () => {
                let ranges = 0;
                CSS.highlights.forEach((h) => (ranges += h.size));
                if (!painted && ranges >= count) painted = performance.now() - t0;
                const listed = document.querySelectorAll('aside.annotations-panel li').length;
                if (painted && listed >= count) resolve({ painted, panel: performance.now() - t0 });
                else if (performance.now() - t0 > 120_000) resolve({ painted: painted || NaN, panel: NaN });
                else requestAnimationFrame(tick);
              };
              location.hash = hash as string;
              requestAnimationFrame(tick);
            }),
          [`#/project/${encodeURIComponent(target.projectId)}/article/${encodeURIComponent(target.articleId)}`, ANNOTATIONS] as const,
        )) as { painted: number; panel: number };

        const eventsFrom = async () => ((await page.evaluate('window.__events.length')) as number);
        const interactionsSince = async (from: number) => {
          const events = ((await page.evaluate('window.__events')) as { name: string; duration: number; interactionId: number }[]).slice(from);
          const byInteraction = new Map<number, number>();
          for (const e of events) if (e.interactionId > 0) byInteraction.set(e.interactionId, Math.max(byInteraction.get(e.interactionId) ?? 0, e.duration));
          return [...byInteraction.values()];
        };

        // Move between annotations: select the first, then `n` repeatedly.
        await page.locator('aside.annotations-panel li').first().click();
        const movesFrom = await eventsFrom();
        const moveFrames: number[] = [];
        for (let i = 0; i < MOVES; i++) moveFrames.push(await pressAndCountFrames(page, 'n'));
        await page.waitForTimeout(500);
        const moveDurations = await interactionsSince(movesFrom);
        await page.keyboard.press('Escape');

        // Add annotations: select a word in the text, press the first tag's key.
        const addFrames: number[] = [];
        const addsFrom = await eventsFrom();
        for (let i = 0; i < ADDS; i++) {
          await page.evaluate((n) => {
            // A paragraph's first text node long enough to select in (some paragraphs are empty).
            const nodes = [...document.querySelectorAll('.ProseMirror p')].flatMap((p) => {
              const node = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode();
              return node instanceof Text && node.length >= 24 ? [node] : [];
            });
            const node = nodes[n % nodes.length]!;
            const range = document.createRange();
            range.setStart(node, 0);
            range.setEnd(node, Math.min(node.length, 12 + n));
            getSelection()?.removeAllRanges();
            getSelection()?.addRange(range);
          }, i);
          await page.waitForTimeout(100);
          addFrames.push(await pressAndCountFrames(page, '1'));
        }
        await page.waitForTimeout(500);
        const addDurations = await interactionsSince(addsFrom);
        const inp = (xs: number[]) => (xs.length === 0 ? 0 : Math.max(...xs));
        return [
          { name: 'reader app: annotations in the project', value: target.total, unit: 'annotations', goal: '1,000,000' },
          { name: 'reader app: article size', value: target.chars / 1000, unit: 'K chars', goal: '' },
          { name: `reader app: open with ${ANNOTATIONS} annotations, to highlights painted`, value: open.painted, unit: 'ms', goal: '' },
          { name: `reader app: open with ${ANNOTATIONS} annotations, to the panel listing them`, value: open.panel, unit: 'ms', goal: '' },
          { name: 'reader app: add annotation, frames from key to result (median)', value: median(addFrames), unit: 'frames', goal: '1' },
          { name: 'reader app: add annotation, frames (worst)', value: Math.max(...addFrames), unit: 'frames', goal: '1' },
          { name: 'reader app: add annotation, INP (worst interaction ≥ 16 ms)', value: inp(addDurations), unit: 'ms', goal: '<= 50' },
          { name: 'reader app: next annotation (n), frames (median)', value: median(moveFrames), unit: 'frames', goal: '1' },
          { name: 'reader app: next annotation (n), frames (worst)', value: Math.max(...moveFrames), unit: 'frames', goal: '1' },
          { name: 'reader app: next annotation (n), INP (worst interaction ≥ 16 ms)', value: inp(moveDurations), unit: 'ms', goal: '<= 50' },
        ];
      }),
    );
  },
};

export default part;
