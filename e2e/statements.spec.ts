import type { Locator, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures.ts';
import { expectNoSeriousAxeViolations } from './axe.ts';
import { readStore, selectWithMouse } from './helpers.ts';

const TITLE = 'Minister defends grain deal';
const PARAGRAPHS = [
  '“The grain deal will hold through the winter,” Agriculture Minister Olena Brik said on Tuesday, according to Reuters.',
  'The opposition leader Marek Dal said the agreement was a betrayal of farmers and called on the European Commission to suspend it, the news agency BNS reported.',
  '“We will not sign anything that hurts our farmers,” the trade union chair Ivo Sand told reporters.',
];
const CLAIM = 'the agreement was a betrayal of farmers and called on the European Commission to suspend it';

/** An import starts workers; on a busy two-core machine that takes seconds. */
const SLOW = { timeout: 45_000 };
test.describe.configure({ timeout: 180_000 });

// The web shell saves through showSaveFilePicker where it exists; Playwright cannot drive that
// native picker, so the test takes the download path (the same bytes).
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(globalThis, 'showSaveFilePicker', { value: undefined, configurable: true });
  });
  await page.reload();
});

async function createProjectWithArticle(page: Page) {
  await page.getByLabel('New project name').fill('Grain deal claims');
  await page.getByRole('combobox', { name: 'Codebook' }).selectOption({ label: 'Political claims analysis' });
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { name: 'Grain deal claims' })).toBeVisible();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /^Files…/ }).click();
  await (await chooser).setFiles([{ name: 'grain.txt', mimeType: 'text/plain', buffer: Buffer.from(`${TITLE}\n\n${PARAGRAPHS.join('\n\n')}\n`) }]);
  const report = page.getByRole('dialog', { name: 'Import finished' });
  await expect(report).toBeVisible(SLOW);
  await report.getByRole('button', { name: 'Close' }).first().click();
  await page.getByRole('link', { name: new RegExp(TITLE) }).click();
  await expect(page.getByRole('region', { name: 'Reader' }).getByRole('heading', { name: TITLE })).toBeVisible();
}

/** Presses Tab until `target` has the focus (the form's order is its DOM order). */
async function tabTo(page: Page, target: Locator, max = 20) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

function panelOf(page: Page) {
  return page.getByRole('complementary', { name: 'Annotations' });
}

test('quote suggestions: reject one, step to another and accept it as claim + claimant, as one undo step', async ({ page }) => {
  await createProjectWithArticle(page);
  const reader = page.getByRole('region', { name: 'Reader' });
  await reader.getByRole('button', { name: 'Quote suggestions' }).click();
  const bar = page.getByRole('region', { name: 'Quote suggestions' });
  const status = bar.getByRole('status');
  await expect(status).toContainText('Suggestion 1 of 3');
  await expect(status).toContainText('The grain deal will hold through the winter');
  await expect(status).toContainText('claimant “Agriculture Minister Olena Brik”');
  // Nothing is coded by showing them.
  expect((await readStore(page)).annotations).toHaveLength(0);
  await page.screenshot({ path: 'resources/screenshots/quote-suggestions.png' });
  await expectNoSeriousAxeViolations(page);

  // x rejects the first; ] steps past the second; a accepts the third.
  await reader.getByRole('textbox', { name: 'Article text' }).click();
  await page.keyboard.press('Escape');
  await page.keyboard.press('x');
  await expect(status).toContainText('Suggestion 1 of 2');
  await expect(status).toContainText('Marek Dal');
  await page.keyboard.press(']');
  await expect(status).toContainText('Suggestion 2 of 2');
  await expect(status).toContainText('We will not sign anything');
  await page.keyboard.press('a');
  await expect(status).toContainText('Suggestion 1 of 1');
  await expect
    .poll(async () => (await readStore(page)).annotations.map((a) => a.quote).sort())
    .toEqual(['We will not sign anything that hurts our farmers', 'the trade union chair Ivo Sand']);
  const claims = panelOf(page).getByRole('region', { name: 'Claim annotations' });
  await expect(claims).toContainText('We will not sign anything');

  // One undo step takes back the claim and its claimant together.
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await readStore(page)).annotations).toHaveLength(0);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => (await readStore(page)).annotations).toHaveLength(2);
});

test('actor-mention suggestions in the reader: accept two, reject one (remembered after a reload), undo the rejection', async ({ page }) => {
  await createProjectWithArticle(page);
  // Three people of the article in the registry; none of their mentions is coded.
  await page.getByRole('button', { name: 'Actors' }).click();
  const registry = page.getByRole('dialog', { name: 'Actors' });
  for (const name of ['Olena Brik', 'Marek Dal', 'Ivo Sand']) {
    await registry.getByRole('button', { name: '+ Add actor' }).click();
    const form = page.getByRole('dialog', { name: 'New actor' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Kind').selectOption('person');
    await form.getByRole('button', { name: 'Add actor' }).click();
    await expect(form).toBeHidden();
  }
  await registry.getByRole('button', { name: 'Close' }).last().click();
  await expect(registry).toBeHidden();

  const reader = page.getByRole('region', { name: 'Reader' });
  await reader.getByRole('button', { name: 'Actor mentions' }).click();
  const bar = page.getByRole('region', { name: 'Actor mention suggestions' });
  const status = bar.getByRole('status');
  await expect(status).toHaveText('Mention 1 of 3: “Olena Brik” — Olena Brik.');
  // Shown, not coded.
  expect((await readStore(page)).annotations).toHaveLength(0);
  // Painted as ghost highlights (the CSS Custom Highlight API): three places, the current one stronger.
  await expect.poll(() => page.evaluate(() => [CSS.highlights.get('pw-ghost')?.size ?? 0, CSS.highlights.get('pw-ghost-current')?.size ?? 0])).toEqual([3, 1]);
  await page.screenshot({ path: 'resources/screenshots/actor-mention-suggestions.png' });
  await expectNoSeriousAxeViolations(page);

  // a accepts Olena Brik; ] steps past Marek Dal to Ivo Sand, x rejects him; [ back to Marek Dal, a.
  await reader.getByRole('textbox', { name: 'Article text' }).click();
  await page.keyboard.press('Escape');
  await page.keyboard.press('a');
  await expect(status).toHaveText('Mention 1 of 2: “Marek Dal” — Marek Dal.');
  await page.keyboard.press(']');
  await expect(status).toHaveText('Mention 2 of 2: “Ivo Sand” — Ivo Sand.');
  await page.keyboard.press('x');
  await expect(status).toHaveText('Mention 1 of 1: “Marek Dal” — Marek Dal.');
  // The rejection is one undo step, and redone.
  await page.keyboard.press('Control+z');
  await expect(status).toContainText('of 2');
  await page.keyboard.press('Control+Shift+z');
  await expect(status).toHaveText('Mention 1 of 1: “Marek Dal” — Marek Dal.');
  await page.keyboard.press('a');
  await expect(status).toHaveText('No unlinked actor mentions in this article.');
  await expect
    .poll(async () => {
      const store = await readStore(page);
      const name = new Map(store.actors.map((x) => [x.id, x.name]));
      return store.annotations.map((a) => `${a.quote} → ${name.get(a.actorId ?? '') ?? '?'}`).sort();
    })
    .toEqual(['Marek Dal → Marek Dal', 'Olena Brik → Olena Brik']);

  // After a reload the rejected proposal stays gone.
  await page.reload();
  await expect(reader.getByRole('heading', { name: TITLE })).toBeVisible();
  await reader.getByRole('button', { name: 'Actor mentions' }).click();
  await expect(page.getByRole('region', { name: 'Actor mention suggestions' }).getByRole('status')).toHaveText('No unlinked actor mentions in this article.');
  // The registry does not propose it either.
  await page.getByRole('button', { name: 'Actors' }).click();
  await registry.getByRole('button', { name: 'Find mentions of Ivo Sand' }).click();
  await expect(registry.getByRole('status')).toHaveText('No unlinked mentions of “Ivo Sand” found.');
});

test('codes a claim’s statement from the keyboard and exports its roles in the dataset', async ({ page }) => {
  await createProjectWithArticle(page);
  const panel = panelOf(page);

  // The mentions the claim will point to: an actor (3) and a source (2).
  await selectWithMouse(page, 'The opposition leader Marek Dal');
  await page.keyboard.press('3');
  await expect(panel.getByRole('region', { name: 'Actor annotations' })).toContainText('Marek Dal');
  await selectWithMouse(page, 'the news agency BNS');
  await page.keyboard.press('2');
  await expect(panel.getByRole('region', { name: 'Source annotations' })).toContainText('BNS');

  // The claim (1): selecting it shows the statement form.
  await selectWithMouse(page, CLAIM);
  await page.keyboard.press('1');
  const form = panel.getByRole('region', { name: 'Statement' });
  await expect(form).toBeVisible();
  await expect(form).toContainText('Required: who makes the claim');

  // Claimant by type-ahead over the article's mentions.
  await page.keyboard.press('Alt+s');
  const claimant = form.getByRole('combobox', { name: 'Claimant' });
  await expect(claimant).toBeFocused();
  await page.keyboard.type('marek');
  await expect(form.getByRole('listbox', { name: 'Claimant' }).getByRole('option').first()).toContainText('The opposition leader Marek Dal');
  await page.keyboard.press('Enter');
  await expect(claimant).toHaveValue('“The opposition leader Marek Dal”');

  // Addressee from a new selection, without leaving the form.
  await selectWithMouse(page, 'the European Commission');
  await page.keyboard.press('Alt+s');
  await expect(claimant).toBeFocused();
  const addressee = form.getByRole('combobox', { name: 'Add to addressees' });
  await tabTo(page, addressee);
  await page.keyboard.press('ArrowDown');
  await expect(form.getByRole('listbox', { name: 'Add to addressees' }).getByRole('option').first()).toHaveText('New mention from the selection “the European Commission”');
  await page.keyboard.press('Enter');
  await expect(form.getByRole('list', { name: 'Addressees' })).toContainText('the European Commission');

  // Source by type-ahead.
  const source = form.getByRole('combobox', { name: 'Source', exact: true });
  await tabTo(page, source);
  await page.keyboard.type('BNS');
  await page.keyboard.press('Enter');
  await expect(source).toHaveValue('“the news agency BNS”');

  // Position by keys: + then undo (one entry), then −.
  const position = form.getByRole('group', { name: 'Position', exact: true });
  await tabTo(page, position.getByRole('radio').first());
  await page.keyboard.press('+');
  await expect(position.getByRole('radio', { name: '+1' })).toBeChecked();
  await page.keyboard.press('Control+z');
  await expect(position.getByRole('radio', { name: '+1' })).not.toBeChecked();
  await page.keyboard.press('-');
  await expect(position.getByRole('radio', { name: '−1' })).toBeChecked();
  // Quote type (the template's Form) by key.
  const formType = form.getByRole('group', { name: 'Form', exact: true });
  await tabTo(page, formType.getByRole('radio').first());
  await page.keyboard.press('i');
  await expect(formType.getByRole('radio', { name: 'indirect' })).toBeChecked();

  await expectNoSeriousAxeViolations(page);
  await form.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'resources/screenshots/statement-form.png' });

  // The stored statement: three role relations from the claim, position and form on it.
  const store = await readStore(page);
  const claim = store.annotations.find((a) => a.quote === CLAIM);
  expect(claim).toBeDefined();

  // Export the dataset and check the roles in it.
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('button', { name: /^Export…/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog.getByRole('radio', { name: /Presswork dataset \(JSON\)/ })).toBeChecked();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: /^Export \./ }).click();
  const file = await download;
  const dataset = JSON.parse(await readFile(await file.path(), 'utf8')) as {
    version: number;
    codebook: { categories: { id: string; attributes: { id: string; name: string }[] }[] };
    articles: { annotations: { id: string; quote: string; attributes: Record<string, string> }[]; relations: { type: string; from: string; to: string }[] }[];
  };
  expect(dataset.version).toBe(2);
  const article = dataset.articles[0];
  const exported = article?.annotations.find((a) => a.quote === CLAIM);
  const quoteOf = new Map(article?.annotations.map((a) => [a.id, a.quote]));
  const roles = article?.relations.filter((r) => r.from === exported?.id).map((r) => [r.type, quoteOf.get(r.to)]);
  expect(roles).toEqual([
    ['claimant', 'The opposition leader Marek Dal'],
    ['addressee', 'the European Commission'],
    ['according-to', 'the news agency BNS'],
  ]);
  const attrs = dataset.codebook.categories.find((c) => c.id === 'claim')?.attributes ?? [];
  const named = Object.fromEntries(Object.entries(exported?.attributes ?? {}).map(([id, v]) => [attrs.find((a) => a.id === id)?.name, v]));
  expect(named).toEqual({ Position: '-1', Form: 'indirect' });

  // The statements table shows the new statement with its roles.
  await page.keyboard.press('Escape');
  await page.getByRole('link', { name: 'Statements', exact: true }).click();
  const table = page.getByRole('main', { name: 'Statements analysis' }).getByRole('table', { name: 'Statements' });
  const row = table.getByRole('row').filter({ hasText: CLAIM });
  await expect(row).toHaveCount(1, { timeout: 60_000 });
  await expect(row).toContainText('Marek Dal');
  await expect(row).toContainText('European Commission');
  await expect(row).toContainText('BNS');
  await expect(row).toContainText('-1');
});
