import { describe, expect, it } from 'vitest';
import type { Actor, Annotation, Relation, Tag } from '@shared/model/types.ts';
import { roleOptions, roleTargetLabel } from './role-options.ts';

const tag = (id: string, categoryId: string): Tag => ({ id, projectId: 'p', categoryId, name: id, parentId: null, color: '#000000', description: '', order: 0, createdAt: 'T' });
const tagById = new Map([tag('Claim', 'claim'), tag('Actor', 'actor'), tag('Source', 'source')].map((t) => [t.id, t]));
const ann = (id: string, tagId: string, quote: string, start: number, actorId?: string): Annotation =>
  ({ id, tagId, quote, start, end: start + quote.length, ...(actorId ? { actorId } : {}) }) as Annotation;
const annotations = [ann('c', 'Claim', 'the deal will hold', 0), ann('m1', 'Actor', 'the minister', 30, 'a1'), ann('s1', 'Source', 'Reuters', 60), ann('m2', 'Actor', 'Brussels', 80)];
const actors: Actor[] = [{ id: 'a1', projectId: 'p', name: 'Olena Brik', aliases: [], createdAt: 'T' }, { id: 'a2', projectId: 'p', name: 'Editorial board', aliases: ['the editors'], createdAt: 'T' }];
const base = { annotations, tagById, actors, claimId: 'c', selection: null };

describe('role options', () => {
  it('claimant: the article’s actor and source mentions, the registry, and Unknown / anonymous', () => {
    const ids = roleOptions({ ...base, type: 'claimant', query: '' }).map((o) => o.id);
    expect(ids).toEqual(['mention:m1', 'mention:s1', 'mention:m2', 'actor:a2', 'actor:a1', 'unknown']);
  });

  it('type-ahead matches a mention by its words or its linked actor, and registry actors by name or alias', () => {
    expect(roleOptions({ ...base, type: 'claimant', query: 'olena' }).map((o) => o.id)).toEqual(['mention:m1', 'actor:a1']);
    expect(roleOptions({ ...base, type: 'addressee', query: 'edit' }).map((o) => o.id)).toEqual(['actor:a2']);
    // Sources are not addressees; nobody is addressed "unknown".
    expect(roleOptions({ ...base, type: 'addressee', query: '' }).map((o) => o.id)).toEqual(['mention:m1', 'mention:m2', 'actor:a2', 'actor:a1']);
  });

  it('offers a new mention from the selection first, unless the typing does not fit it or it is coded already', () => {
    const selection = { start: 40, end: 52, quote: 'the Commission' };
    expect(roleOptions({ ...base, selection, type: 'addressee', query: '' })[0]?.id).toBe('selection');
    expect(roleOptions({ ...base, selection, type: 'addressee', query: 'comm' })[0]?.id).toBe('selection');
    expect(roleOptions({ ...base, selection, type: 'addressee', query: 'bru' }).map((o) => o.id)).toEqual(['mention:m2']);
    expect(roleOptions({ ...base, selection: { start: 80, end: 88, quote: 'Brussels' }, type: 'addressee', query: '' }).map((o) => o.id)).not.toContain('selection');
  });

  it('names a target: a mention by its words and actor, a registry actor as having no span, unknown', () => {
    const byId = new Map(annotations.map((a) => [a.id, a]));
    const r = (extra: Partial<Relation>) => ({ id: 'r', projectId: 'p', articleId: 'x', type: 'claimant', fromId: 'c', toId: '', coder: 'x', createdAt: 'T', ...extra }) as Relation;
    expect(roleTargetLabel(r({ toId: 'm1' }), byId, actors)).toBe('“the minister” → Olena Brik');
    expect(roleTargetLabel(r({ toActorId: 'a2' }), byId, actors)).toBe('Editorial board (no span)');
    expect(roleTargetLabel(r({ toActorId: 'unknown' }), byId, actors)).toBe('Unknown / anonymous');
  });
});
