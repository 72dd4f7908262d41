import { describe, expect, it } from 'vitest';
import type { Relation } from '../model/types.ts';
import { buildDataset, datasetToRecords, readDataset, type Dataset } from '../dataset/dataset.ts';
import { validateDataset } from '../dataset/validate.ts';
import { statementsFromDataset } from './from-dataset.ts';
import { UNKNOWN_ACTOR } from './statement.ts';
import { handDatasetInput } from './fixtures/hand-dataset.ts';

const T = '2026-03-01T10:00:00.000Z';
const P = 'proj-pca';

function spanless(id: string, articleId: string, type: string, fromId: string, toActorId: string, position?: number): Relation {
  return { id, projectId: P, articleId, type, fromId, toId: '', toActorId, ...(position !== undefined ? { position } : {}), coder: 'alice', createdAt: T };
}

/** The hand-coded fixture plus version-2 roles: spanless claimant/addressee/object/source and object positions. */
function v2Input() {
  const input = handDatasetInput();
  const relations = input.relations.map((r) => (r.fromId === 'c3' && r.type === 'about' ? { ...r, position: -1 } : r));
  relations.push(
    spanless('role-1', 'art-ru', 'claimant', 'c4', 'act-belta'),
    spanless('role-2', 'art-en', 'addressee', 'c2', 'act-eu'),
    spanless('role-3', 'art-en', 'about', 'c2', 'act-luk', 1),
    spanless('role-4', 'art-en', 'according-to', 'c2', 'act-belta'),
    // An anonymous claimant is kept as such, not as a missing one.
    spanless('role-5', 'art-uk', 'claimant', 'c5', UNKNOWN_ACTOR),
  );
  return { ...input, relations };
}

describe('dataset version 2: statement roles', () => {
  const dataset: Dataset = buildDataset(v2Input());

  it('writes version 2, spanless roles under the article, object positions on relations, and validates', () => {
    expect(dataset.version).toBe(2);
    const en = dataset.articles.find((a) => a.id === 'art-en');
    expect(en?.roles).toEqual([
      { id: 'role-2', type: 'addressee', from: 'c2', actor: 'act-eu', coder: 'alice', createdAt: T },
      { id: 'role-3', type: 'about', from: 'c2', actor: 'act-luk', position: 1, coder: 'alice', createdAt: T },
      { id: 'role-4', type: 'according-to', from: 'c2', actor: 'act-belta', coder: 'alice', createdAt: T },
    ]);
    expect(dataset.articles.find((a) => a.id === 'art-ru')?.relations.find((r) => r.from === 'c3' && r.type === 'about')?.position).toBe(-1);
    expect(validateDataset(JSON.parse(JSON.stringify(dataset)))).toEqual([]);
  });

  it('statements read the roles: claimant without span, addressee, object with its position, source', () => {
    const set = statementsFromDataset(dataset, dataset.articles);
    const st = (id: string) => set.statements.find((s) => s.id === id);
    expect(st('c4')?.claimant).toBe('act-belta');
    expect(st('c4')?.claimantMention).toBeNull();
    expect(st('c2')?.addressees).toEqual(['act-eu']);
    expect(st('c2')?.objects).toEqual([{ actor: 'act-luk', position: 1 }]);
    expect(st('c2')?.source).toEqual({ actor: 'act-belta', annotation: null, label: 'BelTA' });
    expect(st('c3')?.objects).toEqual([{ actor: 'act-luk', position: -1 }]);
    // c5 has claimant mentions: a mention wins over a spanless role.
    expect(st('c5')?.claimant).toBe('mention:уряд');
  });

  it('a role to an actor the export leaves out is dropped, never dangling', () => {
    const input = v2Input();
    const d = buildDataset({ ...input, actors: input.actors.filter((a) => a.id !== 'act-belta') });
    expect(d.articles.flatMap((a) => a.roles ?? []).map((r) => r.id)).toEqual(['role-2', 'role-3', 'role-5']);
  });

  it('restores roles as relations without a span, and exports them again the same', () => {
    const records = datasetToRecords(readDataset(JSON.parse(JSON.stringify(dataset))), { keepIds: true });
    const role = records.relations.find((r) => r.id === 'role-3');
    expect(role).toMatchObject({ toId: '', toActorId: 'act-luk', position: 1, type: 'about' });
    expect(records.relations.find((r) => r.id === 'role-5')).toMatchObject({ toId: '', toActorId: UNKNOWN_ACTOR });
    const again = buildDataset({ ...records, exportedAt: T, project: { ...records.project } });
    expect(again.articles.map((a) => a.roles)).toEqual(dataset.articles.map((a) => a.roles));
  });

  it('version-1 files still open: no roles, statements as before', () => {
    const v1 = JSON.parse(JSON.stringify(buildDataset(handDatasetInput()))) as Record<string, unknown>;
    v1.version = 1;
    expect(validateDataset(v1)).toEqual([]);
    const read = readDataset(v1);
    expect(read.version).toBe(2);
    expect(read.articles.every((a) => a.roles === undefined)).toBe(true);
    expect(statementsFromDataset(read, read.articles).statements.find((s) => s.id === 'c4')?.claimant).toBe(UNKNOWN_ACTOR);
  });

  it('refuses a role whose claim or actor does not exist', () => {
    const broken = JSON.parse(JSON.stringify(dataset)) as Dataset;
    const en = broken.articles.find((a) => a.id === 'art-en');
    en?.roles?.push({ id: 'role-x', type: 'claimant', from: 'nope', actor: 'act-nobody', coder: 'x', createdAt: T });
    const problems = validateDataset(broken);
    expect(problems.some((p) => p.includes('roles[3]: "from" refers to "nope"'))).toBe(true);
    expect(problems.some((p) => p.includes('roles[3]: unknown actor "act-nobody"'))).toBe(true);
  });
});
