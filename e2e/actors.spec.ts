import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { expectNoSeriousAxeViolations } from './axe.ts';
import { readStore } from './helpers.ts';

const SHOTS = '/tmp/claims-shots';
// Many steps with two axe checks: on a loaded two-core machine the default minute is not enough.
test.describe.configure({ timeout: 180_000 });
const DOCK = 'Dock workers extend strike as talks stall';

test('actor registry: add, find mentions (accept, reject, link), rename, merge and undo, delete with a question', async ({ page }) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.getByRole('button', { name: 'Open sample project' }).click();
  await expect(page.getByRole('heading', { name: 'Sample: Riverside water dispute' })).toBeVisible();
  await page.getByRole('button', { name: 'Actors' }).click();
  const registry = page.getByRole('dialog', { name: 'Actors' });
  await expect(registry.getByText('No actors yet.')).toBeVisible();

  // Add an organisation with aliases.
  await registry.getByRole('button', { name: '+ Add actor' }).click();
  const form = page.getByRole('dialog', { name: 'New actor' });
  await form.getByLabel('Name').fill('Eastmere Port Holdings');
  await form.getByLabel('Kind').selectOption('organisation');
  await form.getByLabel('Aliases').fill('port operator, operator');
  await form.getByRole('button', { name: 'Add actor' }).click();
  await expect(form).toBeHidden();
  await expect(registry.getByRole('status')).toHaveText('Added “Eastmere Port Holdings”.');
  const port = registry.getByRole('row', { name: 'Eastmere Port Holdings' });
  await expect(port.getByRole('cell')).toHaveText(['Eastmere Port Holdings', 'organisation', 'port operator, operator', '0', '0', /Find mentions/]);

  // Find mentions: three places in the dock article; accept two, reject one.
  await registry.getByRole('button', { name: 'Find mentions of Eastmere Port Holdings' }).click();
  const proposals = registry.getByRole('list', { name: 'Proposed mentions of Eastmere Port Holdings' });
  await expect(proposals.getByRole('listitem')).toHaveText([/port operator broke down/, /the operator had/, /Eastmere Port Holdings said/]);
  await expect(registry.getByRole('status')).toHaveText('Found 3 unlinked mentions of “Eastmere Port Holdings”.');
  await page.screenshot({ path: `${SHOTS}/registry-find-mentions.png` });
  await expectNoSeriousAxeViolations(page, { include: 'dialog[open]' });
  await proposals.getByRole('button', { name: `Accept port operator in ${DOCK}` }).click();
  await expect(proposals.getByRole('listitem')).toHaveCount(2);
  await proposals.getByRole('button', { name: `Reject operator in ${DOCK}` }).click();
  await expect(proposals.getByRole('listitem')).toHaveCount(1);
  await proposals.getByRole('button', { name: `Accept Eastmere Port Holdings in ${DOCK}` }).click();
  await expect(registry.getByText('Nothing left to review.')).toBeVisible();
  await expect(port.getByRole('cell').nth(3)).toHaveText('2');
  let store = await readStore(page);
  const portId = store.actors.find((a) => a.name === 'Eastmere Port Holdings')!.id;
  expect(store.annotations.filter((a) => a.actorId === portId).map((a) => a.quote).sort()).toEqual(['Eastmere Port Holdings', 'port operator']);
  const annotationsBefore = store.annotations.length;

  // A person whose mention is coded already (unlinked): Find mentions links it, adding nothing.
  await registry.getByRole('button', { name: '+ Add actor' }).click();
  await form.getByLabel('Name').fill('Tomas Varga');
  await form.getByLabel('Kind').selectOption('person');
  await form.getByRole('button', { name: 'Add actor' }).click();
  await expect(form).toBeHidden();
  await registry.getByRole('button', { name: 'Find mentions of Tomas Varga' }).click();
  const varga = registry.getByRole('list', { name: 'Proposed mentions of Tomas Varga' });
  await expect(varga.getByRole('listitem')).toHaveCount(1);
  await registry.getByRole('button', { name: 'Accept all (1)' }).click();
  const vargaRow = registry.getByRole('row', { name: 'Tomas Varga' });
  await expect(vargaRow.getByRole('cell').nth(3)).toHaveText('1');
  store = await readStore(page);
  expect(store.annotations).toHaveLength(annotationsBefore);
  expect(store.annotations.find((a) => a.quote === 'Deputy Mayor Tomas Varga')?.actorId).toBe(store.actors.find((a) => a.name === 'Tomas Varga')!.id);

  // Rename.
  await registry.getByRole('button', { name: 'Edit Tomas Varga' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit actor “Tomas Varga”' });
  await edit.getByLabel('Name').fill('Tamás Varga');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(registry.getByRole('status')).toHaveText('Renamed “Tomas Varga” to “Tamás Varga”.');

  // Merge into another actor: the mention follows, the name becomes an alias; undo restores.
  await registry.getByRole('button', { name: '+ Add actor' }).click();
  await form.getByLabel('Name').fill('Deputy Mayor of Riverside');
  await form.getByRole('button', { name: 'Add actor' }).click();
  await expect(form).toBeHidden();
  await registry.getByRole('button', { name: 'Merge Tamás Varga into another actor' }).click();
  const merge = page.getByRole('dialog', { name: 'Merge “Tamás Varga” into another actor' });
  await merge.getByLabel('Merge into').selectOption({ label: 'Deputy Mayor of Riverside' });
  await merge.getByRole('button', { name: 'Merge' }).click();
  await expect(registry.getByRole('status')).toHaveText('Merged “Tamás Varga” into “Deputy Mayor of Riverside” (1 mention moved).');
  const deputy = registry.getByRole('row', { name: 'Deputy Mayor of Riverside' });
  await expect(deputy.getByRole('cell')).toHaveText(['Deputy Mayor of Riverside', '', 'Tamás Varga', '1', '0', /Find mentions/]);
  await expect(registry.getByRole('row', { name: 'Tamás Varga' })).toHaveCount(0);
  await registry.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(registry.getByRole('row', { name: 'Tamás Varga' }).getByRole('cell').nth(3)).toHaveText('1');
  await expect(deputy.getByRole('cell').nth(3)).toHaveText('0');

  // Delete with a question: the mentions stay, unlinked.
  await registry.getByRole('button', { name: 'Delete Eastmere Port Holdings' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete actor “Eastmere Port Holdings”?' });
  await expect(confirm).toContainText('2 mentions will no longer refer to it');
  await confirm.getByRole('button', { name: 'Delete actor' }).click();
  await expect(port).toHaveCount(0);
  store = await readStore(page);
  expect(store.annotations.filter((a) => a.actorId === portId)).toHaveLength(0);
  expect(store.annotations.filter((a) => a.quote === 'port operator')).toHaveLength(1);
  await page.screenshot({ path: `${SHOTS}/registry.png` });
  await expectNoSeriousAxeViolations(page, { include: 'dialog[open]' });
});
