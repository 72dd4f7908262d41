import type { Page } from '@playwright/test';

/** Screen points at the first and last character of the first occurrence of `phrase` in the reader. */
async function phraseBox(page: Page, phrase: string): Promise<{ x1: number; y1: number; x2: number; y2: number }> {
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

async function measurePhrase(page: Page, phrase: string): Promise<{ x1: number; y1: number; x2: number; y2: number }> {
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
    return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
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

/** Names of the highlights painted over the reader (CSS Custom Highlight API), with their range counts. */
export async function paintedHighlights(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => Object.fromEntries([...CSS.highlights.entries()].map(([name, h]) => [name, h.size])));
}
