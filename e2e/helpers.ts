import { expect, type Page } from '@playwright/test';

/** Screen points at the first and last character of the first occurrence of `phrase` in the reader. */
export async function phraseBox(page: Page, phrase: string): Promise<PhraseBox> {
  // The reader loads on demand: wait for its text to hold the phrase before measuring it.
  await page.waitForFunction((p) => document.querySelector('.reader-text')?.textContent?.includes(p) === true, phrase);
  // Wait until the layout is still: content arriving late (panels, labels) can move the text.
  let last = await measurePhrase(page, phrase);
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(100);
    const now = await measurePhrase(page, phrase);
    if (JSON.stringify(now) === JSON.stringify(last)) return now;
    last = now;
  }
  return last;
}

/** Points on the first and last character, and the box around the whole phrase (page pixels). */
interface PhraseBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  box: { x: number; y: number; width: number; height: number };
}

async function measurePhrase(page: Page, phrase: string): Promise<PhraseBox> {
  return page.evaluate((p) => {
    const root = document.querySelector('.reader-text');
    if (!root) throw new Error('no reader text');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    // The phrase may be split across decoration spans: search the concatenated text.
    const nodes: Text[] = [];
    let all = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push(n as Text);
      all += (n as Text).data;
    }
    const at = all.indexOf(p);
    if (at < 0) throw new Error(`phrase not in reader: ${p}`);
    const locate = (offset: number, preferEnd: boolean) => {
      let pos = 0;
      for (const node of nodes) {
        const len = node.data.length;
        if (offset < pos + len || (preferEnd && offset === pos + len)) return { node, offset: offset - pos };
        pos += len;
      }
      throw new Error('offset out of range');
    };
    const s = locate(at, false);
    const e = locate(at + p.length, true);
    const first = document.createRange();
    first.setStart(s.node, s.offset);
    first.setEnd(s.node, s.offset + 1);
    const last = document.createRange();
    last.setStart(e.node, e.offset - 1);
    last.setEnd(e.node, e.offset);
    const a = first.getClientRects()[0];
    const b = last.getClientRects()[0];
    if (!a || !b) throw new Error('phrase not visible');
    const whole = document.createRange();
    whole.setStart(s.node, s.offset);
    whole.setEnd(e.node, e.offset);
    const r = whole.getBoundingClientRect();
    return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2, box: { x: r.left, y: r.top, width: r.width, height: r.height } };
  }, phrase);
}

/** Drags the mouse across the first occurrence of `phrase` in the reader, as a person selects text. */
export async function selectWithMouse(page: Page, phrase: string): Promise<void> {
  const box = await phraseBox(page, phrase);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
  await page.mouse.move(box.x2, box.y2, { steps: 4 });
  await page.mouse.up();
}

export interface StoredAnnotation {
  id: string;
  projectId: string;
  articleId: string;
  tagId: string;
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  note?: { text: string };
  attributes: Record<string, unknown>;
  actorId?: string;
  coder: string;
}

/** Reads what the app stored, straight from IndexedDB (no app code involved). */
export async function readStore(page: Page): Promise<{ projects: { id: string; name: string }[]; annotations: StoredAnnotation[]; texts: Record<string, string>; tags: { id: string; name: string }[]; actors: { id: string; name: string }[] }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('presswork');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = <T,>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as T[]);
        req.onerror = () => reject(req.error);
      });
    const [projects, annotations, texts, tags, actors] = await Promise.all([all<{ id: string; name: string }>('projects'), all<StoredAnnotation>('annotations'), all<{ articleId: string; text: string }>('articleTexts'), all<{ id: string; name: string }>('tags'), all<{ id: string; name: string }>('actors')]);
    db.close();
    return { projects, annotations, texts: Object.fromEntries(texts.map((t) => [t.articleId, t.text])), tags, actors };
  });
}

/** Clicks on the first occurrence of `phrase` in the reader: on its first character, or its middle. */
export async function clickOnText(page: Page, phrase: string, where: 'start' | 'middle' = 'middle'): Promise<void> {
  const box = await phraseBox(page, phrase);
  if (where === 'start') await page.mouse.click(box.x1 + 2, box.y1);
  else await page.mouse.click((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2);
}

/**
 * Colours drawn as solid horizontal bands in a screenshot (#rrggbb): runs of at least `minRun`
 * identical pixels in a row. An annotation's underline is such a band in its tag's exact colour;
 * anti-aliased glyphs never make one. This is what a coder sees, whatever paints it.
 */
export async function bandColours(page: Page, png: Buffer, minRun = 12): Promise<string[]> {
  return page.evaluate(
    async ({ base64, minRun }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d canvas');
      context.drawImage(bitmap, 0, 0);
      const { data, width, height } = context.getImageData(0, 0, bitmap.width, bitmap.height);
      const found = new Set<string>();
      const hex = (i: number) => `#${[data[i], data[i + 1], data[i + 2]].map((v) => (v ?? 0).toString(16).padStart(2, '0')).join('')}`;
      for (let y = 0; y < height; y++) {
        let run = 0;
        let colour = '';
        for (let x = 0; x < width; x++) {
          const here = hex((y * width + x) * 4);
          run = here === colour ? run + 1 : 1;
          colour = here;
          if (run === minRun) found.add(here);
        }
      }
      return [...found].sort();
    },
    { base64: png.toString('base64'), minRun },
  );
}

/** The colours of the bands (underlines, tints) under the first occurrence of `phrase` in the reader. */
export async function coloursUnder(page: Page, phrase: string): Promise<string[]> {
  const { box } = await phraseBox(page, phrase);
  // The underline bands sit below the text's box: take a few pixels more.
  return bandColours(page, await page.screenshot({ clip: { x: box.x, y: box.y, width: box.width, height: box.height + 8 } }));
}

/** Creates a project and imports `articles` as one JSONL file through Import → Files…; resolves once the import dialog is closed. */
export async function createProjectWithArticles(page: Page, name: string, articles: readonly object[], timeout = 90_000): Promise<void> {
  await page.getByLabel('New project name').fill(name);
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /^Files…/ }).click();
  const jsonl = articles.map((a) => JSON.stringify(a)).join('\n') + '\n';
  await (await chooser).setFiles([{ name: 'articles.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(jsonl) }]);
  const dialog = page.getByRole('dialog', { name: 'Import finished' });
  await expect(dialog).toBeVisible({ timeout });
  await expect(dialog.getByTestId('import-added')).toHaveText(String(articles.length));
  await dialog.getByRole('button', { name: 'Close' }).click();
}
