import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, SCHEMA_VERSIONS, type PressworkDb } from './schema.ts';

/**
 * The migration pattern: for every schema version, fixture records exactly as that version
 * stored them. Each version's data is written with the schema of that version, the database is
 * reopened at the latest version (running every upgrade in between), and nothing may be lost:
 * every record is still there (reshaped only as `expectAfterUpgrade` says) and every index of
 * the old version still exists. Adding version N means adding FIXTURES[N] (and, if version N
 * reshapes records, an `expectAfterUpgrade` for the older fixtures).
 */
type Fixture = Record<string, Record<string, unknown>[]>;

const FIXTURES: Record<number, Fixture> = {
  1: {
    projects: [{ id: 'p1', name: 'Election coverage', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z', categories: [{ id: 'claim', name: 'Claim', level: 'span', color: '#e8a33d', builtIn: true, attributes: [] }] }],
    articles: [{ id: 'a1', projectId: 'p1', title: 'Мост', meta: { outlet: 'Вестник', language: 'ru' }, source: { file: 'a.txt' }, contentHash: 'h1', status: 'done', labels: ['t2'], importedAt: '2026-01-01T00:00:00.000Z', order: 0 }],
    articleTexts: [{ articleId: 'a1', text: 'Глава района 🇺🇦 заявил.\n\nВторой абзац.' }],
    tags: [
      { id: 't1', projectId: 'p1', categoryId: 'claim', name: 'Claim', parentId: null, color: '#e8a33d', description: '', shortcut: '1', order: 0, createdAt: '2026-01-01T00:00:00.000Z' },
      { id: 't2', projectId: 'p1', categoryId: 'topic', name: 'Roads', parentId: null, color: '#888888', description: 'Infrastructure', order: 1, createdAt: '2026-01-01T00:00:00.000Z' },
    ],
    annotations: [{ id: 'n1', projectId: 'p1', articleId: 'a1', tagId: 't1', start: 0, end: 12, quote: 'Глава района', prefix: '', suffix: ' 🇺🇦 заявил.', attributes: { stance: 'neutral' }, note: { text: 'check', doc: { type: 'doc' } }, coder: 'ana', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' }],
    relations: [{ id: 'r1', projectId: 'p1', articleId: 'a1', type: 'claimant', fromId: 'n1', toId: 'n1', coder: 'ana', createdAt: '2026-01-01T00:00:00.000Z' }],
    actors: [{ id: 'x1', projectId: 'p1', name: 'Viktor Stepanov', aliases: ['В. Степанов'], createdAt: '2026-01-01T00:00:00.000Z' }],
    settings: [{ key: 'coder', value: 'ana' }],
  },
  2: {
    annotations: [{ id: 'n2', projectId: 'p2', articleId: 'a2', tagId: 't3', start: 0, end: 4, quote: 'Мост', prefix: '', suffix: '', attributes: {}, coder: 'ben', createdAt: '2026-02-01T00:00:00.000Z', updatedAt: '2026-02-01T00:00:00.000Z' }],
    samples: [{ id: 's1', projectId: 'p2', name: 'Pilot', definition: { method: 'stratified', size: 2, seed: 42, strata: ['outlet'], allocation: 'equal' }, population: { filter: 'Outlet: Вестник', size: 10 }, articleIds: ['a2', 'a3'], strata: [{ key: 'Вестник', population: 10, drawn: 2 }], createdAt: '2026-02-01T00:00:00.000Z' }],
  },
  3: {
    searchSegments: [{ id: 's1', projectId: 'p1', version: 1, articleIds: ['a1'], data: '{}' }],
  },
  4: {
    assignments: [{ id: 'p1|ana|a1', projectId: 'p1', coder: 'ana', articleId: 'a1', source: 'Pilot', sampleId: 's1', createdAt: '2026-03-01T00:00:00.000Z' }],
  },
  5: {
    goldRejections: [{ id: 'g1', projectId: 'p1', articleId: 'a1', start: 0, end: 5, categoryId: 'claim', createdAt: '2026-03-01T00:00:00.000Z' }],
  },
  6: {
    mentionRejections: [{ id: 'act1\u0000a1\u00000\u00009', projectId: 'p1', actorId: 'act1', articleId: 'a1', start: 0, end: 9, quote: 'Лукашенко', createdAt: '2026-03-01T00:00:00.000Z' }],
  },
};

/** How a record of an older version must look after all upgrades (identity until a version reshapes). */
function expectAfterUpgrade(_fromVersion: number, _table: string, record: Record<string, unknown>): Record<string, unknown> {
  return record;
}

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

function indexesOf(db: PressworkDb): Record<string, string[]> {
  return Object.fromEntries(db.tables.map((t) => [t.name, [t.schema.primKey.name, ...t.schema.indexes.map((i) => i.name)].sort()]));
}

describe('schema migrations', () => {
  it('has a fixture for every version', () => {
    for (const v of SCHEMA_VERSIONS) expect(FIXTURES[v.version], `FIXTURES[${v.version}]`).toBeDefined();
  });

  for (const { version } of SCHEMA_VERSIONS) {
    it(`keeps every record and index of version ${version} when opened at the latest version`, async () => {
      const name = `migration-test-v${version}`;
      const old = createDb(name, version);
      opened.push(old);
      const fixture = FIXTURES[version] as Fixture;
      await old.transaction('rw', old.tables, async () => {
        for (const [table, rows] of Object.entries(fixture)) await old.table(table).bulkAdd(rows);
      });
      const oldIndexes = indexesOf(old);
      old.close();

      const latest = createDb(name);
      opened.push(latest);
      await latest.open();
      expect(latest.verno).toBe(SCHEMA_VERSIONS.at(-1)?.version);
      const newIndexes = indexesOf(latest);
      for (const [table, indexes] of Object.entries(oldIndexes)) {
        expect(newIndexes[table], `table ${table} was removed`).toBeDefined();
        for (const index of indexes) expect(newIndexes[table], `index ${table}.${index} was removed`).toContain(index);
      }
      for (const [table, rows] of Object.entries(fixture)) {
        const stored = await latest.table(table).toArray();
        expect(stored).toHaveLength(rows.length);
        for (const row of rows) expect(stored).toContainEqual(expectAfterUpgrade(version, table, row));
      }
    });
  }

  it('answers the queries the app makes through its indexes', async () => {
    const db = createDb('migration-test-queries');
    opened.push(db);
    const fixture = FIXTURES[1] as Fixture;
    await db.transaction('rw', db.tables, async () => {
      for (const [table, rows] of Object.entries(fixture)) await db.table(table).bulkAdd(rows);
    });
    expect(await db.articles.where('[projectId+contentHash]').equals(['p1', 'h1']).count()).toBe(1);
    expect(await db.annotations.where('[articleId+start]').between(['a1', -Infinity], ['a1', Infinity]).count()).toBe(1);
    expect(await db.annotations.where('tagId').equals('t1').count()).toBe(1);
    expect(await db.tags.where('[projectId+categoryId]').equals(['p1', 'topic']).count()).toBe(1);
  });
});
