// Issue #11, analysis in the app: the statements table, charts and the network view over a
// restored dataset with claimant / according-to / about / addressee links, and the network and
// event-list exports checked as files.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import Papa from 'papaparse';
import { expect, test } from './fixtures.ts';
import { expectNoSeriousAxeViolations } from './axe.ts';
import { buildDataset } from '../shared/dataset/dataset.ts';
import { handDatasetInput } from '../shared/statements/fixtures/hand-dataset.ts';

// Playwright cannot drive the native save picker: take the download path (same bytes).
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(globalThis, 'showSaveFilePicker', { value: undefined, configurable: true });
  });
  await page.reload();
});

/** The hand-coded project of shared/statements/fixtures/hand-dataset.ts (5 claims), restored as a new project. */
async function restoreClaims(page: Page): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open dataset…' }).click();
  await (await chooser).setFiles({ name: 'claims.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(buildDataset(handDatasetInput()))) });
  await page.getByRole('dialog', { name: 'Restore as a new project?' }).getByRole('button', { name: 'Restore project' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Who claims what' })).toBeVisible({ timeout: 60_000 });
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const pending = page.waitForEvent('download');
  await click();
  const file = await pending;
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

const screen = (page: Page) => page.getByRole('main', { name: 'Statements analysis' });
const counter = (page: Page) => screen(page).getByRole('status').filter({ hasText: /statements?$/ });

test('statements table, charts and network of a restored project; GraphML and the event list exported from the app', async ({ page }) => {
  test.setTimeout(420_000);
  await restoreClaims(page);
  await page.getByRole('link', { name: 'Statements', exact: true }).click();

  // The table: one row per claim, with its roles.
  const table = screen(page).getByRole('table', { name: 'Statements' });
  await expect(counter(page)).toHaveText('5 of 5 statements', { timeout: 60_000 });
  await expect(table.getByRole('row')).toHaveCount(6);
  const c1 = table.getByRole('row').filter({ hasText: 'the sanctions must end' });
  await expect(c1.getByRole('cell')).toHaveText(['the sanctions must end', 'art-en', 'Wire', '2026-03-01', 'Alexander Lukashenko', 'European Union', '', 'Sanctions', '-1', 'BelTA', 'alice']);

  // A filter narrows it: the EU is addressee of c1 and addressee and object of c5.
  await screen(page).getByLabel('Actor (any role)').selectOption({ label: 'European Union' });
  await expect(counter(page)).toHaveText('2 of 5 statements');
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('link')).toHaveText(['the sanctions must end', 'нових санкцій']);
  // Sorting by date puts the undated claim last either way.
  await table.getByRole('button', { name: 'Date' }).click();
  await expect(table.getByRole('columnheader', { name: 'Date' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(table.getByRole('link')).toHaveText(['the sanctions must end', 'нових санкцій']);
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: 'resources/screenshots/statements-table.png' });
  await screen(page).getByRole('button', { name: 'Clear filters' }).click();
  await expect(counter(page)).toHaveText('5 of 5 statements');

  // A claim opens in the reader.
  await table.getByRole('link', { name: 'Лукашенко лжёт' }).click();
  // Restoring gives new ids: the reader shows the Russian article with the claim selected.
  await expect(page).toHaveURL(/\/article\/[^/]+\/annotation\/[^/]+$/);
  await expect(page.getByRole('region', { name: 'Selected annotation' })).toContainText('Лукашенко лжёт');
  await page.goBack();
  await expect(counter(page)).toHaveText('5 of 5 statements');

  // Charts: claims per actor by position, drawn and as a table.
  await screen(page).getByRole('link', { name: 'Charts' }).click();
  const actors = screen(page).getByRole('figure', { name: 'Claims per actor' });
  await expect(actors.locator('svg[aria-label="Claims per actor, stacked by position"]')).toBeVisible({ timeout: 60_000 });
  await expect(actors.locator('svg rect[fill]')).not.toHaveCount(0);
  await actors.getByText('Show the data as a table').click();
  await expect(actors.getByRole('row')).toHaveCount(5);
  await expect(actors.getByRole('row').filter({ hasText: 'Alexander Lukashenko' }).getByRole('cell')).toHaveText(['Alexander Lukashenko', '-1', '1']);
  await expect(screen(page).getByRole('figure', { name: 'Anonymous sources per outlet' })).toBeVisible();
  await expect(screen(page).getByRole('figure', { name: 'Claims over time' })).toContainText('1 claims without a date are not shown.');
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: 'resources/screenshots/chart.png' });

  // Network: actor × issue, 4 actors with a known claimant and 3 issues, 4 ties.
  await screen(page).getByRole('link', { name: 'Network' }).click();
  const size = screen(page).getByRole('status', { name: 'Network size' });
  // The view's code (sigma, graphology) loads on demand: allow for a loaded machine.
  await expect(size).toHaveText('7 nodes, 4 edges from 4 statements', { timeout: 60_000 });
  await expect(screen(page).locator('.nw-canvas canvas').first()).toBeVisible();
  // A click on a node (found where sigma drew it) lists its statements.
  const point = await page.evaluate(() => {
    type Renderer = {
      getGraph(): { findNode(f: (id: string, a: { label: string }) => boolean): string | undefined };
      getNodeDisplayData(n: string): { x: number; y: number } | undefined;
      framedGraphToViewport(p: { x: number; y: number }): { x: number; y: number };
    };
    const r = (globalThis as unknown as { __presswork_sigma: Renderer }).__presswork_sigma;
    const node = r.getGraph().findNode((_id, a) => a.label === 'Volodymyr Zelensky');
    const d = node ? r.getNodeDisplayData(node) : undefined;
    return d ? r.framedGraphToViewport(d) : null;
  });
  expect(point).not.toBeNull();
  const box = await screen(page).locator('.nw-canvas').boundingBox();
  await page.mouse.click((box?.x ?? 0) + (point?.x ?? 0), (box?.y ?? 0) + (point?.y ?? 0));
  const details = screen(page).getByRole('region', { name: 'Statements of Volodymyr Zelensky' });
  await expect(details.getByRole('link')).toHaveText(['Лукашенко лжёт']);
  // A click on a tie (the middle of Zelensky's edge, where sigma drew it) lists the statements behind it.
  // Where it is drawn is read again on each try: the side list that just opened may still move it.
  const tieDetails = (issue: string) => screen(page).getByRole('region', { name: `Statements of the tie Volodymyr Zelensky — ${issue}` });
  let tieIssue = '';
  await expect(async () => {
    const tie = await page.evaluate(() => {
      type Renderer = {
        getGraph(): { findNode(f: (id: string, a: { label: string }) => boolean): string | undefined; edges(n: string): string[]; extremities(e: string): [string, string]; getNodeAttribute(n: string, a: string): string };
        getNodeDisplayData(n: string): { x: number; y: number } | undefined;
        framedGraphToViewport(p: { x: number; y: number }): { x: number; y: number };
      };
      const r = (globalThis as unknown as { __presswork_sigma: Renderer }).__presswork_sigma;
      const g = r.getGraph();
      const node = g.findNode((_id, a) => a.label === 'Volodymyr Zelensky');
      const edge = node ? g.edges(node)[0] : undefined;
      if (!edge) return null;
      const [a, b] = g.extremities(edge).map((n) => r.framedGraphToViewport(r.getNodeDisplayData(n)!));
      const other = g.extremities(edge).find((n) => n !== node)!;
      return { x: (a!.x + b!.x) / 2, y: (a!.y + b!.y) / 2, issue: g.getNodeAttribute(other, 'label') };
    });
    expect(tie).not.toBeNull();
    tieIssue = tie!.issue;
    const frame = await screen(page).locator('.nw-canvas').boundingBox();
    await page.mouse.click((frame?.x ?? 0) + tie!.x, (frame?.y ?? 0) + tie!.y);
    await expect(tieDetails(tieIssue).getByRole('link')).toHaveText(['Лукашенко лжёт'], { timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  await expect(details).toBeHidden();
  // The keyboard way to a tie.
  await screen(page).getByLabel('Show the statements of the tie').selectOption({ label: `Volodymyr Zelensky — ${tieIssue} (-1)` });
  await expect(tieDetails(tieIssue).getByRole('link')).toHaveText(['Лукашенко лжёт']);
  // The keyboard way to the same list.
  await screen(page).getByLabel('Show the statements of', { exact: true }).selectOption({ label: 'Sanctions (issue, 2)' });
  await expect(screen(page).getByRole('region', { name: 'Statements of Sanctions' }).getByRole('link')).toHaveText(['the sanctions should stay 🇪🇺', 'нових санкцій']);
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: 'resources/screenshots/network.png' });

  // GraphML from the app: parsed, nodes and edges counted, every attribute declared.
  const graphml = await download(page, () => screen(page).getByRole('button', { name: 'Export GraphML' }).click());
  expect(graphml.name).toBe('Who claims what two-mode.graphml');
  const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['key', 'node', 'edge', 'data'].includes(name) }).parse(graphml.text) as {
    graphml: { key: { '@_id': string }[]; graph: { node: { data: { '@_key': string }[] }[]; edge: { data: { '@_key': string }[] }[] } };
  };
  expect(xml.graphml.graph.node).toHaveLength(7);
  expect(xml.graphml.graph.edge).toHaveLength(4);
  const keys = new Set(xml.graphml.key.map((k) => k['@_id']));
  for (const el of [...xml.graphml.graph.node, ...xml.graphml.graph.edge]) for (const d of el.data) expect(keys.has(d['@_key'])).toBe(true);

  // The event list: one claimant row per statement, in the table's order, with its roles.
  const events = await download(page, () => screen(page).getByRole('button', { name: 'Export event list' }).click());
  const rows = Papa.parse<Record<string, string>>(events.text.trim(), { header: true }).data;
  const claimants = rows.filter((r) => r.role === 'claimant');
  expect(claimants.map((r) => r.quote)).toEqual(['the sanctions must end', 'the sanctions should stay 🇪🇺', 'Лукашенко лжёт', 'переговоров не будет', 'нових санкцій']);
  expect(claimants.map((r) => r.claimant)).toEqual(['Alexander Lukashenko', 'Tsikhanouskaya', 'Volodymyr Zelensky', 'unknown', 'Уряд']);
  const idOf = (quote: string) => claimants.find((r) => r.quote === quote)?.statement_id;
  expect(rows.find((r) => r.statement_id === idOf('the sanctions must end') && r.role === 'addressee')).toMatchObject({ addressee: 'European Union', source: 'BelTA', issue: 'Sanctions', position: '-1', date: '2026-03-01', outlet: 'Wire' });
  expect(rows.find((r) => r.statement_id === idOf('Лукашенко лжёт') && r.role === 'object')).toMatchObject({ object: 'Alexander Lukashenko', quote: 'Лукашенко лжёт', coder: 'bob' });

  // A time window re-builds the network: from 2 March only Zelensky's claim (03-05) is left.
  await screen(page).getByLabel('From', { exact: true }).fill('2026-03-02');
  await expect(size).toHaveText('2 nodes, 1 edges from 1 statements');
  const windowed = await download(page, () => screen(page).getByRole('button', { name: 'Export event list' }).click());
  const inWindow = Papa.parse<Record<string, string>>(windowed.text.trim(), { header: true }).data.filter((r) => r.role === 'claimant');
  expect(inWindow.map((r) => r.quote)).toEqual(['Лукашенко лжёт', 'переговоров не будет']);
});
