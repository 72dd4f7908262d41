import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from './db.ts';
import { completeAnnotation, getAnnotation, modifyAnnotation, putAnnotations } from './annotations.ts';

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

const base = completeAnnotation({ projectId: 'p', articleId: 'a', tagId: 't', start: 0, end: 4, quote: 'Text', prefix: '', suffix: ' here', attributes: {}, coder: 'me' });

describe('modifyAnnotation', () => {
  it('applies overlapping edits of one annotation one after the other, losing none', async () => {
    await putAnnotations([base]);
    const set = (key: string, value: string) => modifyAnnotation(base.id, (a) => ({ ...a, attributes: { ...a.attributes, [key]: value } }));
    // Started together, without waiting: each must read the record the other wrote.
    const results = await Promise.all([set('stance', 'opposes'), set('verifiable', 'yes'), set('note', 'x')]);
    expect((await getAnnotation(base.id))?.attributes).toEqual({ stance: 'opposes', verifiable: 'yes', note: 'x' });
    expect(results.map((r) => Object.keys(r?.before.attributes ?? {}).length)).toEqual([0, 1, 2]);
  });

  it('returns undefined for an annotation that is gone', async () => {
    expect(await modifyAnnotation('nope', (a) => a)).toBeUndefined();
  });
});
