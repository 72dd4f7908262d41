import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../db/db.ts';
import { listArticles, loadArticle, storeDrafts } from '../../db/articles.ts';
import { createProject } from '../../db/projects.ts';
import { processFile } from './process-file.ts';
import { runImport, type ImportDeps } from './run-import.ts';

// The app's import without the worker: the real pipeline and the real store (fake IndexedDB).
const enc = new TextEncoder();
const file = (name: string, text: string) => ({ name, bytes: enc.encode(text) });

const FERRY = ['The ferry to the island will run twice a day from May, the harbour office said on Friday.', 'Fares stay the same, but bicycles will need a ticket of their own from the first of June.'];
const LIBRARY = ['The town library will open on Sundays during the exam season, after a petition signed by six hundred students.', 'Volunteers from the reading club offered to staff the desk on the extra days without pay.'];
const PARK = ['A new playground in the river park will be built by the end of summer, the district council decided.', 'Residents chose the design in an online vote that drew more than two thousand responses.'];

function deps(projectId: string, batches: number[]): ImportDeps {
  return {
    process: (f) => processFile(f.name, f.bytes),
    store: async (batch) => {
      batches.push(batch.length);
      const { added, duplicates } = await storeDrafts(projectId, batch);
      return { added: added.length, duplicates: duplicates.length };
    },
  };
}

const corpus = () => [
  file('ferry.txt', `Ferry to run twice a day\n\n${FERRY.join('\n\n')}\n`),
  file('library.md', `# Library opens on Sundays\n\n${LIBRARY.join('\n\n')}\n`),
  file(
    'wire.jsonl',
    [
      JSON.stringify({ title: 'Playground for the river park', text: PARK.join('\n\n') }),
      '{"title": broken',
      // The ferry article again, retitled by the wire service: same text, so a duplicate.
      JSON.stringify({ title: 'FERRY TIMETABLE', text: FERRY.join('\n\n') }),
    ].join('\n'),
  ),
  file('empty.txt', ''),
];

describe('import into the store', () => {
  beforeEach(async () => {
    await db.delete();
    await db.open();
  });

  it('stores each article once, in file order, across batches, and reports the rest', async () => {
    const project = await createProject('Harbour town');
    const batches: number[] = [];
    const result = await runImport({ files: corpus(), deps: deps(project.id, batches), batchSize: 2 });

    expect(result).toMatchObject({ phase: 'done', filesRead: 4, added: 3, duplicates: 1 });
    expect(result.problems.map((p) => p.source.file)).toEqual(['wire.jsonl', 'empty.txt']);
    expect(result.problems[0]?.message).toMatch(/^line 2: /);
    expect(batches.every((n) => n <= 2)).toBe(true);
    expect(batches.length).toBeGreaterThan(1);

    const articles = await listArticles(project.id);
    expect(articles.map((a) => a.title)).toEqual(['Ferry to run twice a day', 'Library opens on Sundays', 'Playground for the river park']);
    expect(articles.map((a) => a.source)).toEqual([{ file: 'ferry.txt' }, { file: 'library.md' }, { file: 'wire.jsonl', index: 0 }]);
    const ferry = await loadArticle(articles[0]?.id ?? '');
    expect(ferry?.text).toBe(FERRY.join('\n\n'));
  });

  it('adds nothing when the same corpus is imported again', async () => {
    const project = await createProject('Harbour town');
    await runImport({ files: corpus(), deps: deps(project.id, []) });
    const again = await runImport({ files: corpus(), deps: deps(project.id, []) });
    expect(again).toMatchObject({ added: 0, duplicates: 4 });
    expect(await listArticles(project.id)).toHaveLength(3);
  });

  it('keeps projects apart: the same article may be in two projects', async () => {
    const a = await createProject('A');
    const b = await createProject('B');
    await runImport({ files: corpus(), deps: deps(a.id, []) });
    const intoB = await runImport({ files: corpus(), deps: deps(b.id, []) });
    expect(intoB.added).toBe(3);
  });
});
