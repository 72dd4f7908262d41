import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { readStore, selectWithMouse } from './helpers.ts';

// Faults of the reader and annotation workflow (issue #14 items 1–5, issue #13 item 2).
const CLAIM = 'accused the union of changing its demands at the last minute';

async function openSampleArticle(page: Page) {
  await page.getByRole('button', { name: 'Open sample project' }).click();
  await page.getByRole('link', { name: /Dock workers extend strike/ }).click();
  await expect(page.getByRole('region', { name: 'Reader' }).getByRole('heading', { name: /Dock workers/ })).toBeVisible();
}

/** Tags the claim with the Claim shortcut; it ends up selected, its detail open. */
async function tagClaim(page: Page) {
  await selectWithMouse(page, CLAIM);
  await page.keyboard.press('1');
  const panel = page.getByRole('complementary', { name: 'Annotations' });
  await expect(panel.getByRole('region', { name: 'Selected annotation' })).toContainText(CLAIM);
  await expect.poll(async () => (await claims(page)).length).toBe(1);
}

/** The annotations on the test's claim (the sample project has annotations of its own). */
async function claims(page: Page) {
  return (await readStore(page)).annotations.filter((a) => a.quote === CLAIM);
}

/** Every annotation on exactly the claim's words, whatever its tag, as tag names. */
async function onClaimWords(page: Page) {
  const { annotations, tags } = await readStore(page);
  return annotations.filter((a) => a.quote === CLAIM).map((a) => tags.find((t) => t.id === a.tagId)?.name);
}

function readerMessage(page: Page) {
  return page.getByRole('region', { name: 'Reader' }).getByRole('status', { name: 'Reader messages' });
}

test('keys go to an open dialog, not to the reader behind it; Escape closes each dialog', async ({ page }) => {
  await openSampleArticle(page);
  await tagClaim(page);

  // Delete inside the codebook must not delete the selected annotation behind it.
  await page.getByRole('button', { name: 'Codebook' }).click();
  const codebook = page.getByRole('dialog', { name: 'Codebook' });
  await expect(codebook).toBeVisible();
  await page.keyboard.press('Delete');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('2');
  await page.keyboard.press('Escape');
  await expect(codebook).toBeHidden();
  expect(await claims(page)).toHaveLength(1);
  // No key reached the reader: the annotation is still selected (Delete would have unselected it).
  await expect(page.getByRole('complementary', { name: 'Annotations' }).getByRole('region', { name: 'Selected annotation' })).toContainText(CLAIM);

  // The shortcuts and export dialogs close on Escape too (the reader used to swallow it).
  await page.keyboard.press('?');
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(shortcuts).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(shortcuts).toBeHidden();
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('button', { name: /^Export…/ }).click();
  const exporter = page.getByRole('dialog', { name: 'Export' });
  await expect(exporter).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(exporter).toBeHidden();

  // Once the dialogs are closed, the reader's keys work again: the annotation is still selected.
  await page.getByRole('complementary', { name: 'Annotations' }).getByRole('region', { name: 'Claim annotations' }).getByRole('button').first().click();
  await page.keyboard.press('Delete');
  await expect.poll(async () => (await claims(page)).length).toBe(0);
});

test('changing the tag keeps what fits, names what it drops, and undo brings it back', async ({ page }) => {
  await openSampleArticle(page);
  await tagClaim(page);
  const detail = page.getByRole('region', { name: 'Selected annotation' });
  await detail.getByRole('combobox', { name: 'Stance' }).selectOption('opposes');
  await expect.poll(async () => (await claims(page))[0]?.attributes).toEqual({ stance: 'opposes' });
  await detail.getByRole('combobox', { name: 'Verifiable' }).selectOption('yes');
  await expect.poll(async () => (await claims(page))[0]?.attributes).toEqual({ stance: 'opposes', verifiable: 'yes' });

  await detail.getByRole('combobox', { name: 'Tag' }).selectOption({ label: 'Source · Source' });
  await expect(readerMessage(page)).toContainText('Not kept');
  await expect(readerMessage(page)).toContainText('Stance “opposes”');
  await expect(readerMessage(page)).toContainText('Verifiable “yes”');
  await expect.poll(async () => (await claims(page))[0]?.attributes).toEqual({});

  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await claims(page))[0]?.attributes).toEqual({ stance: 'opposes', verifiable: 'yes' });
  const store = await readStore(page);
  const restored = store.annotations.find((a) => a.quote === CLAIM);
  expect(store.tags.find((t) => t.id === restored?.tagId)?.name).toBe('Claim');
});

test('a tag key on a tagged span never adds an exact copy; another tag is announced as a second annotation', async ({ page }) => {
  await openSampleArticle(page);
  await tagClaim(page);

  await page.keyboard.press('1');
  await expect(readerMessage(page)).toContainText('Already tagged as Claim');
  // Selecting the same words again and pressing the same key adds nothing either.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await selectWithMouse(page, CLAIM);
  await page.keyboard.press('1');
  await expect(readerMessage(page)).toContainText('Already tagged as Claim');
  expect(await claims(page)).toHaveLength(1);

  await page.keyboard.press('2');
  await expect(readerMessage(page)).toContainText('Also tagged as Source');
  await expect.poll(async () => (await onClaimWords(page)).length).toBe(2);
  await page.keyboard.press('2');
  await expect(readerMessage(page)).toContainText('Already tagged as Source');
  expect(await onClaimWords(page)).toHaveLength(2);
});

test('two attribute changes in quick succession are both stored', async ({ page }) => {
  await openSampleArticle(page);
  await tagClaim(page);
  const detail = page.getByRole('region', { name: 'Selected annotation' });
  const stance = detail.getByRole('combobox', { name: 'Stance' });
  const verifiable = detail.getByRole('combobox', { name: 'Verifiable' });
  const stances = ['opposes', 'supports', 'neutral'];
  for (let i = 0; i < 6; i++) {
    const want = { stance: stances[i % 3] ?? 'neutral', verifiable: i % 2 === 0 ? 'yes' : 'no' };
    // No pause between the two: the second change starts while the first is being written.
    await stance.selectOption(want.stance);
    await verifiable.selectOption(want.verifiable);
    await expect.poll(async () => (await claims(page))[0]?.attributes, { message: `trial ${i}` }).toEqual(want);
  }
});

const LONG_LAST = 'the harbour master signed the final closing notice';

test('clicking an annotation in the panel scrolls its words into view inside a very long paragraph', async ({ page }) => {
  await page.getByLabel('New project name').fill('Long read');
  await page.getByRole('button', { name: 'Create project' }).click();
  // One paragraph of about 59,000 characters, as scraped pages sometimes are.
  const filler = Array.from({ length: 600 }, (_, i) => `Sentence ${i + 1} of the long report repeats the council's account of the harbour dispute in detail.`).join(' ');
  const body = `The opening line names the port authority. ${filler} In the end ${LONG_LAST}.`;
  expect(body.length).toBeGreaterThan(50_000);
  expect(body).not.toContain('\n');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /^Files…/ }).click();
  await (await chooser).setFiles({ name: 'long-report.txt', mimeType: 'text/plain', buffer: Buffer.from(`Harbour report\n\n${body}\n`) });
  await page.getByRole('dialog', { name: 'Import finished' }).getByRole('button', { name: 'Close' }).click();
  const reader = page.getByRole('region', { name: 'Reader' });
  await expect(reader.getByRole('textbox', { name: 'Article text' })).toContainText('The opening line');

  // Tag the last words (Claim) and the first words (Source) from the keyboard.
  await reader.getByRole('textbox', { name: 'Article text' }).click({ position: { x: 40, y: 10 } });
  await page.keyboard.press('Control+End');
  await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Shift+ArrowLeft');
  await page.keyboard.press('1');
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('2');
  await expect.poll(async () => (await readStore(page)).annotations.length).toBe(2);
  const last = (await readStore(page)).annotations.find((a) => a.quote.includes('closing'));
  expect(last?.quote).toBe('final closing notice');

  const inView = () =>
    page.evaluate(() => {
      const root = document.querySelector('.reader-text');
      const pane = document.querySelector('section.reader');
      if (!root || !pane) throw new Error('no reader');
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = (n as Text).data.indexOf('final closing notice');
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + 'final closing notice'.length);
        const r = range.getBoundingClientRect();
        const box = pane.getBoundingClientRect();
        return r.top >= box.top && r.bottom <= box.bottom;
      }
      throw new Error('words not found');
    });
  await expect.poll(inView).toBe(false);
  await page.getByRole('complementary', { name: 'Annotations' }).getByRole('region', { name: 'Claim annotations' }).getByRole('button').first().click();
  await expect.poll(inView).toBe(true);
});

test('annotations made quickly are all stored: a reload right after the last key asks first while writes are pending', async ({ page }) => {
  await openSampleArticle(page);
  const before = (await readStore(page)).annotations.length;
  // Where the n-th word of four letters or more is on screen now (measured afresh each time, in
  // case anything moved), or null when it is outside the reader's visible area.
  const wordAt = (n: number) =>
    page.evaluate((index) => {
      const root = document.querySelector('.reader-text');
      const pane = document.querySelector('section.reader');
      if (!root || !pane) throw new Error('no reader');
      const box = pane.getBoundingClientRect();
      let seen = 0;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const m of (node as Text).data.matchAll(/\p{L}{4,}/gu)) {
          if (seen++ !== index) continue;
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const r = range.getClientRects()[0];
          // Clear of the sticky toolbar at the top and of the edge at the bottom.
          if (!r || r.top < box.top + 80 || r.bottom > box.bottom - 20) return null;
          return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        }
      }
      return null;
    }, n);
  let made = 0;
  for (let n = 0; n < 80 && made < 50; n++) {
    const p = await wordAt(n);
    if (!p) continue;
    await page.mouse.dblclick(p.x, p.y);
    await page.keyboard.press('1');
    made++;
  }
  expect(made).toBeGreaterThan(30);
  // And a burst at the end: three tags on one more word as fast as keys go, then reload at once,
  // while the store is busy (as on a slow disk): another connection holds a read-write
  // transaction on the annotations for a few thousand requests, so the app's writes must wait.
  const last = await wordAt(90);
  if (!last) throw new Error('no word left on screen');
  await page.mouse.dblclick(last.x, last.y);
  await page.evaluate(
    () =>
      new Promise<void>((started) => {
        const open = indexedDB.open('presswork');
        open.onsuccess = () => {
          const store = open.result.transaction('annotations', 'readwrite').objectStore('annotations');
          let left = 5000;
          const again = () => {
            if (left-- > 0) store.get('busy').onsuccess = again;
          };
          again();
          started();
        };
      }),
  );
  for (const key of ['1', '2', '3']) await page.keyboard.press(key);
  made += 3;
  // Reload at once: with writes still pending, the page asks before it goes ("Leave page?").
  const asked = page.waitForEvent('dialog');
  const left = page.waitForEvent('load').then(() => {
    throw new Error('the page reloaded without asking while writes were pending');
  });
  await page.evaluate(() => void setTimeout(() => location.reload(), 0));
  const dialog = await Promise.race([asked, left]);
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  // The coder stays. What they see: the panel lists every annotation the reader shows (drawn at
  // the key press, listed a frame later), stored or not yet — read after the reload was refused,
  // so that no pause lets the pending writes finish before it.
  await page.evaluate(() => new Promise((shown) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(shown, 0))))));
  const painted = Number(await page.getByRole('complementary', { name: 'Annotations' }).getByLabel('Annotation count').textContent());
  // Only a guard that the run exercised many annotations: at test speed the reader drops some
  // double-click + key inputs (≈10%, more on a loaded machine); the claim checked below is painted = stored.
  expect(painted).toBeGreaterThan(made / 2);
  // Every annotation they saw is stored, and a reload now keeps them all.
  await expect.poll(async () => (await readStore(page)).annotations.length).toBe(before + painted);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Reader' }).getByRole('heading', { name: /Dock workers/ })).toBeVisible();
  expect((await readStore(page)).annotations).toHaveLength(before + painted);
});

test('a tag key right after the browser moved the selection tags what is selected now, not the step before', async ({ page }) => {
  await openSampleArticle(page);
  const before = (await readStore(page)).annotations.length;
  // The browser moves the selection (as Ctrl+Shift+Arrow does) and the key arrives in the same
  // task, before the asynchronous `selectionchange` has told the editor: the worst case of a fast
  // typist on a busy machine, made deterministic.
  await page.evaluate((phrase) => {
    const root = document.querySelector('.reader-text');
    if (!(root instanceof HTMLElement)) throw new Error('no reader text');
    root.focus();
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(phrase);
      if (at < 0) continue;
      document.getSelection()?.setBaseAndExtent(n, at, n, at + phrase.length);
      root.dispatchEvent(new KeyboardEvent('keydown', { key: '1', code: 'Digit1', bubbles: true, cancelable: true }));
      return;
    }
    throw new Error('phrase not found');
  }, CLAIM);
  await expect.poll(async () => (await readStore(page)).annotations.length).toBe(before + 1);
  expect(await onClaimWords(page)).toEqual(['Claim']);
});
