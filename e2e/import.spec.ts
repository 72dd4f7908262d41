import type { Page } from '@playwright/test';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeDocx } from '../shared/import/fixtures/make-docx.ts';
import { makePdf } from '../shared/import/fixtures/make-pdf.ts';
import { expect, test } from './fixtures.ts';

// Invented articles: every file is generated here, so the test needs nothing outside the repo.
const WATER = [
  'The regional water board confirmed on Tuesday that the eastern reservoir had fallen to its lowest level in eleven years.',
  'Officials said the decline followed three dry winters and a steady rise in demand from the new industrial park north of the city.',
  'Farmers in the valley told reporters that irrigation quotas had already been cut twice since March, and that a third cut would end the season early.',
  'The board will publish a revised allocation plan next month after consulting municipalities, growers and the environmental inspectorate.',
];
const BRIDGE = [
  'Repairs on the old railway bridge will take until the end of the autumn, the transport department said in a statement on Monday.',
  'Engineers found corrosion in two of the five steel spans during a routine inspection, forcing freight trains onto a slower detour through the hills.',
  'Local businesses near the crossing say their deliveries now arrive a day late, and several have asked the council for temporary support.',
  'The department has promised weekly updates on the work and a public meeting in the town hall before the end of the month.',
];
const MARKET = [
  'Stallholders at the covered market voted to keep their Sunday opening hours after a heated three-hour meeting on Thursday evening.',
  'The city had proposed closing the hall on Sundays to save on heating and cleaning, a plan the traders called short-sighted.',
  'A compromise drafted by the market committee would shorten winter Sunday hours while leaving the summer timetable unchanged.',
];
const SCHOOL = [
  'Three rural schools will share a single bus route from September, the district education office announced after months of consultation.',
  'Parents welcomed the decision to keep all three schools open, though some worry about the length of the new morning journey.',
  'The office said it would review the route after the first term and publish the journey times it measures along the way.',
];
const FESTIVAL = [
  'The summer film festival will move from the castle courtyard to the riverside park, organisers said, to make room for a larger audience.',
  'Tickets go on sale next week, and the programme includes twelve documentaries made by students of the regional film school.',
  'Residents near the park asked for the evening screenings to end before eleven, and the organisers agreed to the request.',
];
// Russian text of our own, to be encoded in windows-1251 below.
const RU_TITLE = 'Городской совет утвердил план ремонта набережной';
const RU = [
  'Городской совет во вторник утвердил план ремонта набережной, который обсуждался с весны.',
  'Работы начнутся в июне и продлятся до конца осени; на это время часть пешеходной зоны будет закрыта.',
  'Жители ближайших улиц попросили сохранить проход к реке, и подрядчик обещал оставить временную дорожку.',
];

const paragraphs = (ps: string[]) => ps.join('\n\n');

/** An import starts workers and parses every file: on a busy two-core machine that takes seconds. */
const IMPORT_TIMEOUT = { timeout: 45_000 };
test.describe.configure({ timeout: 120_000 });

/** windows-1251 for the letters we use: А–я are 0xC0–0xFF, Ё/ё are 0xA8/0xB8, ASCII as is. */
function toWindows1251(text: string): Buffer {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) out.push(c);
    else if (c >= 0x410 && c <= 0x44f) out.push(c - 0x410 + 0xc0);
    else if (c === 0x401) out.push(0xa8);
    else if (c === 0x451) out.push(0xb8);
    else throw new Error(`no windows-1251 byte for ${ch}`);
  }
  return Buffer.from(out);
}

function htmlPage(title: string, body: string[]): string {
  // A scraped blog page: the headline repeated, the body run together once, then furniture.
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta property="og:title" content="${title}"><meta property="og:site_name" content="Valley Courier">
</head><body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article><h1>${title}</h1><p>${title}</p><p>${title} ${body.join(' ')}</p>
${body.map((p) => `<p>${p}</p>`).join('\n')}
<p>Post a Comment</p><p>Previous Post Next Post</p></article></main>
<footer><p>© 2026 Valley Courier. All rights reserved.</p></footer></body></html>`;
}

const csvCell = (s: string) => `"${s.replace(/"/g, '""')}"`;

const MIXED_SET = [
  { name: 'water-board.txt', mimeType: 'text/plain', buffer: Buffer.from(`Reservoir at lowest level in eleven years\n\n${paragraphs(WATER)}\n`) },
  { name: 'bridge-repairs.html', mimeType: 'text/html', buffer: Buffer.from(htmlPage('Railway bridge repairs to last until autumn', BRIDGE)) },
  {
    name: 'wire.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      [
        'title,text,outlet,date',
        [csvCell('Market keeps Sunday hours'), csvCell(paragraphs(MARKET)), 'City Herald', '2026-04-02'].join(','),
        // The same article as water-board.txt, arriving again through the wire export: a duplicate.
        [csvCell('Reservoir at lowest level in eleven years'), csvCell(paragraphs(WATER)), 'Wire', '2026-04-03'].join(','),
        [csvCell('Three schools to share one bus route'), csvCell(paragraphs(SCHOOL)), 'City Herald', '2026-04-04'].join(','),
      ].join('\n') + '\n',
    ),
  },
  {
    name: 'feed.jsonl',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from(
      [
        JSON.stringify({ title: 'Film festival moves to the riverside park', text: paragraphs(FESTIVAL), outlet: 'Weekend' }),
        '{"title": "Broken line", "text": "never closed',
        JSON.stringify({ headline: 'Bus route review promised after first term', body: `${SCHOOL[2]}\n\nThe review will be published online, the office added, together with the comments it receives from parents.` }),
      ].join('\n') + '\n',
    ),
  },
  { name: 'naberezhnaya-1251.txt', mimeType: 'text/plain', buffer: toWindows1251(`${RU_TITLE}\n\n${paragraphs(RU)}\n`) },
  { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
  { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4]) },
  { name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from('name,phone\nAnna,555-0101\nBoris,555-0102\n') },
];

const NEW_TITLES = [
  'Reservoir at lowest level in eleven years',
  'Railway bridge repairs to last until autumn',
  'Market keeps Sunday hours',
  'Three schools to share one bus route',
  'Film festival moves to the riverside park',
  'Bus route review promised after first term',
  RU_TITLE,
];

async function createProject(page: Page, name: string) {
  await page.getByLabel('New project name').fill(name);
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
}

/**
 * Records every state the import dialog passes through, so that a fast import still proves it
 * showed its progress. Browser-side code is a string: the e2e tsconfig has no DOM types.
 */
const WATCH_IMPORT_DIALOG = `(() => {
  const seen = [];
  window.__importStates = seen;
  const record = () => {
    const dialog = document.querySelector('dialog[open]');
    const progress = dialog && dialog.querySelector('progress');
    if (!progress) return;
    const state = dialog.getAttribute('aria-label') + '|' + (progress.getAttribute('value') ?? '') + '/' + progress.getAttribute('max');
    if (seen.at(-1) !== state) seen.push(state);
  };
  new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
})()`;

/** A DataTransfer holding the given files, as a drag from the file manager would carry. */
function dataTransferScript(files: { name: string; type: string; text: string }[]): string {
  return `(() => {
    const dt = new DataTransfer();
    for (const f of ${JSON.stringify(files)}) dt.items.add(new File([f.text], f.name, { type: f.type }));
    return dt;
  })()`;
}

test('imports a mixed set of files through the file chooser, skipping the duplicate and reporting every problem', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await createProject(page, 'Regional press');
  await page.evaluate(WATCH_IMPORT_DIALOG);

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /^Files…/ }).click();
  await (await chooser).setFiles(MIXED_SET);

  const dialog = page.getByRole('dialog', { name: 'Import finished' });
  await expect(dialog).toBeVisible(IMPORT_TIMEOUT);
  await expect(dialog.getByTestId('import-files-read')).toHaveText('8 of 8');
  await expect(dialog.getByTestId('import-added')).toHaveText('7');
  await expect(dialog.getByTestId('import-duplicates')).toHaveText('1');
  await expect(dialog.getByTestId('import-problems')).toHaveText('4');
  await expect(dialog.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('value', '8');

  // The dialog showed the import running, with a progress bar, before it showed the report.
  const states = (await page.evaluate('window.__importStates')) as string[];
  expect(states[0]).toMatch(/^Importing\|\d+\/8$/);
  expect(states.at(-1)).toBe('Import finished|8/8');

  // Every problem is listed under its file name.
  const report = dialog.getByRole('region', { name: 'Problems by file' });
  const entry = (file: string) => report.getByRole('listitem').filter({ has: page.getByText(file, { exact: true }) });
  await expect(entry('feed.jsonl')).toContainText('line 2: not valid JSON');
  await expect(entry('empty.txt')).toContainText('empty file');
  await expect(entry('photo.png')).toContainText('binary file');
  await expect(entry('contacts.csv')).toContainText('no text column');
  for (const good of ['water-board.txt', 'bridge-repairs.html', 'wire.csv', 'naberezhnaya-1251.txt']) {
    await expect(report.getByText(good, { exact: true })).toHaveCount(0);
  }

  await page.screenshot({ path: test.info().outputPath('import-report.png') });

  await dialog.getByRole('button', { name: 'Copy report' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Report copied');
  const copied = (await page.evaluate('navigator.clipboard.readText()')) as string;
  expect(copied).toContain('Articles added: 7');
  expect(copied).toContain('feed.jsonl\n  - line 2: not valid JSON');
  expect(copied).toContain('contacts.csv\n  - no text column');

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // The new articles are in the library, each once, in file order; the windows-1251 text reads right.
  const items = page.getByRole('list', { name: 'Articles' }).getByRole('listitem');
  await expect(items).toHaveCount(7);
  for (const title of NEW_TITLES) await expect(page.getByRole('link', { name: new RegExp(title) })).toHaveCount(1);
  await page.getByRole('link', { name: new RegExp(RU_TITLE) }).click();
  await expect(page.getByRole('region', { name: 'Reader' })).toContainText('пешеходной зоны будет закрыта');

  // The cleaned HTML article keeps its four paragraphs once each and none of the page furniture.
  await page.getByRole('link', { name: /Railway bridge repairs/ }).click();
  const reader = page.getByRole('region', { name: 'Reader' });
  await expect(reader).toContainText(BRIDGE[3] as string);
  await expect(reader).not.toContainText('Post a Comment');
  await expect(reader.getByText(BRIDGE[0] as string, { exact: true })).toHaveCount(1);

  // Importing the same files again adds nothing: everything readable is a duplicate.
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const again = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /^Files…/ }).click();
  await (await again).setFiles(MIXED_SET);
  const second = page.getByRole('dialog', { name: 'Import finished' });
  await expect(second).toBeVisible(IMPORT_TIMEOUT);
  await expect(second.getByTestId('import-added')).toHaveText('0');
  await expect(second.getByTestId('import-duplicates')).toHaveText('8');
  await second.getByRole('button', { name: 'Close' }).click();
  await expect(items).toHaveCount(7);
});

test('imports files dropped onto the window, showing the drop overlay first', async ({ page }) => {
  await createProject(page, 'Dropped corpus');
  await expect(page.getByRole('heading', { name: 'No articles yet' })).toBeVisible();

  const dataTransfer = await page.evaluateHandle(
    dataTransferScript([
      { name: 'water-board.txt', type: 'text/plain', text: `Reservoir at lowest level in eleven years\n\n${paragraphs(WATER)}` },
      { name: 'market.md', type: 'text/markdown', text: `# Market keeps Sunday hours\n\n${paragraphs(MARKET)}` },
      { name: 'nothing.txt', type: 'text/plain', text: '' },
    ]),
  );
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  await expect(page.getByText('Drop files to import into Dropped corpus')).toBeVisible();
  await page.dispatchEvent('body', 'drop', { dataTransfer });
  await expect(page.getByText('Drop files to import into')).toBeHidden();

  const dialog = page.getByRole('dialog', { name: 'Import finished' });
  await expect(dialog).toBeVisible(IMPORT_TIMEOUT);
  await expect(dialog.getByTestId('import-added')).toHaveText('2');
  await expect(dialog.getByTestId('import-problems')).toHaveText('1');
  await expect(dialog.getByRole('region', { name: 'Problems by file' })).toContainText('nothing.txt');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('link', { name: /Market keeps Sunday hours/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /Reservoir at lowest level/ })).toBeVisible();
});

test('imports a whole folder, naming files by their path in the folder', async ({ page }) => {
  const dir = await mkdtemp(join(tmpdir(), 'presswork-import-folder-'));
  try {
    await mkdir(join(dir, 'corpus', 'april'), { recursive: true });
    await writeFile(join(dir, 'corpus', 'school-bus.txt'), `Three schools to share one bus route\n\n${paragraphs(SCHOOL)}\n`);
    await writeFile(join(dir, 'corpus', 'april', 'festival.txt'), `Film festival moves to the riverside park\n\n${paragraphs(FESTIVAL)}\n`);
    await writeFile(join(dir, 'corpus', 'april', 'broken.json'), '{"title": "Half an object"');

    await createProject(page, 'Folder corpus');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: /^Folder…/ }).click();
    await (await chooser).setFiles(join(dir, 'corpus'));

    const dialog = page.getByRole('dialog', { name: 'Import finished' });
    await expect(dialog).toBeVisible(IMPORT_TIMEOUT);
    await expect(dialog.getByTestId('import-files-read')).toHaveText('3 of 3');
    await expect(dialog.getByTestId('import-added')).toHaveText('2');
    await expect(dialog.getByRole('region', { name: 'Problems by file' })).toContainText('corpus/april/broken.json');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('link', { name: /Film festival moves/ })).toBeVisible();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the empty library offers an import of its own', async ({ page }) => {
  await createProject(page, 'Fresh start');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files…' }).click();
  await (await chooser).setFiles([{ name: 'market.txt', mimeType: 'text/plain', buffer: Buffer.from(`Market keeps Sunday hours\n\n${paragraphs(MARKET)}\n`) }]);
  const dialog = page.getByRole('dialog', { name: 'Import finished' });
  await expect(dialog).toBeVisible(IMPORT_TIMEOUT);
  await expect(dialog.getByTestId('import-added')).toHaveText('1');
  await expect(dialog.getByText('Every file was read without problems.', { exact: false })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('heading', { name: 'No articles yet' })).toBeHidden();
  await expect(page.getByRole('link', { name: /Market keeps Sunday hours/ })).toBeVisible();
});

test('cancelling keeps what was stored and the library agrees with the report', async ({ page }) => {
  await createProject(page, 'Big corpus');
  const files = Array.from({ length: 1000 }, (_, i) => ({
    name: `page-${i}.html`,
    mimeType: 'text/html',
    buffer: Buffer.from(htmlPage(`Council notice number ${i}`, [...BRIDGE.map((p) => `${p} (Notice ${i}.)`), ...WATER.map((p) => `${p} (Notice ${i}.)`)])),
  }));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /^Files…/ }).click();
  await (await chooser).setFiles(files);

  const running = page.getByRole('dialog', { name: 'Importing' });
  await expect(running.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('max', '1000', IMPORT_TIMEOUT);
  await running.getByRole('button', { name: 'Cancel' }).click();

  const dialog = page.getByRole('dialog', { name: 'Import cancelled' });
  await expect(dialog).toBeVisible(IMPORT_TIMEOUT);
  const added = Number((await dialog.getByTestId('import-added').textContent())?.replace(/\D/g, ''));
  expect(added).toBeLessThan(1000);
  await expect(dialog).toContainText('the remaining files were not imported');
  await dialog.getByRole('button', { name: 'Close' }).click();
  // Whole batches only: the library holds exactly what the report says was added.
  await expect(page.getByRole('status', { name: 'Status' })).toContainText(`${added} article`);
});

test('imports Word and PDF files in the import worker, and reports a scanned PDF', async ({ page }) => {
  await createProject(page, 'Documents');
  const files = [
    { name: 'festival.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from(makeDocx(['Film festival moves to the riverside park', ...FESTIVAL], { title: 'Film festival moves to the riverside park' })) },
    { name: 'market.pdf', mimeType: 'application/pdf', buffer: Buffer.from(makePdf([[['Market keeps Sunday hours'], ...MARKET.map((p) => [p])]], { title: 'Market keeps Sunday hours' })) },
    { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from(makePdf([[]])) },
  ];
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /^Files…/ }).click();
  await (await chooser).setFiles(files);

  const dialog = page.getByRole('dialog', { name: 'Import finished' });
  await expect(dialog).toBeVisible(IMPORT_TIMEOUT);
  await expect(dialog.getByTestId('import-added')).toHaveText('2');
  await expect(dialog.getByRole('region', { name: 'Problems by file' }).getByRole('listitem').filter({ hasText: 'scan.pdf' })).toContainText(/scanned PDF/i);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('link', { name: /Market keeps Sunday hours/ }).click();
  await expect(page.getByRole('region', { name: 'Reader' })).toContainText('heated three-hour meeting');
  await page.getByRole('link', { name: /Film festival moves/ }).click();
  await expect(page.getByRole('region', { name: 'Reader' })).toContainText('twelve documentaries');
});

test('imports a KOI8-R RSS feed as one article per item and reports per file what was read and removed', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await createProject(page, 'Regional feeds');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /^Files…/ }).click();
  const feed = await readFile(new URL('../shared/import/fixtures/ru-feed-koi8-r.xml', import.meta.url));
  await (await chooser).setFiles([
    // Saved as .txt, as the issue's feeds were: the content says it is a feed.
    { name: 'vesti-rss.txt', mimeType: 'text/plain', buffer: feed },
    { name: 'bridge-repairs.html', mimeType: 'text/html', buffer: Buffer.from(htmlPage('Railway bridge repairs to last until autumn', BRIDGE)) },
  ]);

  const dialog = page.getByRole('dialog', { name: 'Import finished' });
  await expect(dialog).toBeVisible(IMPORT_TIMEOUT);
  await expect(dialog.getByTestId('import-added')).toHaveText('3');
  await expect(dialog.getByTestId('import-problems')).toHaveText('1');
  const problems = dialog.getByRole('region', { name: 'Problems by file' });
  await expect(problems).toContainText('item 3 ("Фоторепортаж: ледоход на реке"): no text');

  // Per file: what was detected, and what cleaning removed.
  const details = dialog.getByRole('table', { name: 'What was detected in each file and what cleaning removed' });
  await expect(details).toBeVisible();
  const row = (file: string) => details.getByRole('row').filter({ has: page.getByRole('rowheader', { name: file }) });
  await expect(row('vesti-rss.txt').getByRole('cell')).toHaveText([/^RSS feed · KOI8-R\s*fields not imported: media:content \(2 items\)$/, /^2 of 3 items\s*1 problem$/, 'ru', 'nothing']);
  await expect(row('bridge-repairs.html').getByRole('cell')).toHaveText(['HTML page · UTF-8', '1', 'en', /repeated headline.*run-on copy.*furniture lines?/]);
  await page.screenshot({ path: test.info().outputPath('import-report-files.png') });

  await dialog.getByRole('button', { name: 'Copy report' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Report copied');
  const copied = (await page.evaluate('navigator.clipboard.readText()')) as string;
  expect(copied).toContain('vesti-rss.txt\n  - item 3 ("Фоторепортаж: ледоход на реке"): no text');
  expect(copied).toContain('  Read as: RSS feed · KOI8-R · 3 items → 2 articles · ru');
  expect(copied).toMatch(/bridge-repairs\.html\n {2}Read as: HTML page · UTF-8 · 1 article · en\n {2}Cleaning removed: repeated headline.*run-on copy.*furniture line/);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The feed's items are articles with their own titles, in Cyrillic, entities decoded.
  const items = page.getByRole('list', { name: 'Articles' }).getByRole('listitem');
  await expect(items).toHaveCount(3);
  await expect(page.getByRole('link', { name: /Мэрия утвердила план ремонта "Северного" моста/ })).toHaveCount(1);
  await expect(page.getByRole('link', { name: /Школы области перейдут на новое расписание/ })).toHaveCount(1);
  await expect(page.getByRole('link', { name: /<\?xml/ })).toHaveCount(0);
  await page.getByRole('link', { name: /Школы области/ }).click();
  await expect(page.getByRole('region', { name: 'Reader' })).toContainText('"Большинство высказалось за перенос"');
});

test('a UTF-8 file with a few invalid bytes is read as UTF-8 and the report counts them (no silent mojibake)', async ({ page }) => {
  await createProject(page, 'Damaged bytes');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files…' }).click();
  // "ÿhe" and "thatÃ(" as a windows-1252 reading would show them: 0xFF is never UTF-8, 0xC3 0x28 is a cut-off sequence.
  const bytes = Buffer.concat([Buffer.from(`Reservoir at a record low\n\n${paragraphs(WATER)}\n\n`), Buffer.from([0xff]), Buffer.from('he regional council said that'), Buffer.from([0xc3]), Buffer.from('(he plan would wait.\n')]);
  await (await chooser).setFiles([{ name: 'water-damaged.txt', mimeType: 'text/plain', buffer: bytes }]);
  const dialog = page.getByRole('dialog', { name: 'Import finished' });
  await expect(dialog).toBeVisible(IMPORT_TIMEOUT);
  await expect(dialog.getByTestId('import-added')).toHaveText('1');
  const details = dialog.getByRole('table', { name: 'What was detected in each file and what cleaning removed' });
  const row = details.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'water-damaged.txt' }) });
  await expect(row.getByRole('cell').first()).toHaveText(/^plain text · UTF-8\s*2 invalid byte sequences \(not UTF-8\), shown as \ufffd$/);
  await page.screenshot({ path: '/tmp/h13rest-shots/import-invalid-utf8.png' });
});
