import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fixtureInput } from '@shared/dataset/fixtures/fixture-project.ts';
import { db } from './db.ts';
import { listCoders } from './coders.ts';

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('listCoders', () => {
  it('lists each coder of the project once, in code-unit order, and no other project’s coders', async () => {
    const input = fixtureInput();
    const [first] = input.annotations;
    if (!first) throw new Error('the fixture has annotations');
    const coders = ['ann', 'Zoe', 'ann', '', 'bob'];
    await db.annotations.bulkAdd([
      ...coders.map((coder, i) => ({ ...first, id: `a${i}`, coder })),
      { ...first, id: 'elsewhere', projectId: 'another-project', coder: 'carl' },
    ]);
    expect(await listCoders(first.projectId)).toEqual(['', 'Zoe', 'ann', 'bob']);
    expect(await listCoders('no-such-project')).toEqual([]);
  });
});
