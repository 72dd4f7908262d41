import { describe, expect, it } from 'vitest';
import type { AttributeDef, Category, Relation } from '../model/types.ts';
import { addRoleChange, claimRoles, positionAttribute, positionOptionForKey, positionScaleOf, quoteTypeAttribute, quoteTypeOptionForKey, roleTargetOf } from './roles.ts';

const claim = { id: 'c1', projectId: 'p', articleId: 'a' };
const rel = (id: string, type: string, toId: string, extra: Partial<Relation> = {}, createdAt = `2026-01-01T00:00:0${id.slice(-1)}Z`): Relation => ({
  id, projectId: 'p', articleId: 'a', type, fromId: 'c1', toId, coder: 'x', createdAt, ...extra,
});

describe('claim roles', () => {
  const relations = [rel('r2', 'addressee', 'm2'), rel('r1', 'claimant', 'm1'), rel('r3', 'claimant', '', { toActorId: 'act' }), { ...rel('r4', 'about', 'm3'), fromId: 'other' }];

  it('groups the claim’s relations by role in creation order; a spanless one names its actor', () => {
    const roles = claimRoles('c1', relations);
    expect(roles.claimant.map((r) => r.id)).toEqual(['r1', 'r3']);
    expect(roles.addressee.map((r) => r.id)).toEqual(['r2']);
    expect(roles.about).toEqual([]);
    expect(roleTargetOf(roles.claimant[1] as Relation)).toEqual({ actorId: 'act' });
    expect(roleTargetOf(roles.claimant[0] as Relation)).toEqual({ mentionId: 'm1' });
  });

  it('a claimant replaces the claimant; addressees add up; the same target twice is no change', () => {
    const base = { claim, coder: 'x', id: 'new', now: 'T' };
    const one = [rel('r1', 'claimant', 'm1')];
    const c = addRoleChange({ ...base, type: 'claimant', target: { actorId: 'unknown' }, relations: one });
    expect(c?.put).toEqual([{ id: 'new', projectId: 'p', articleId: 'a', type: 'claimant', fromId: 'c1', toId: '', toActorId: 'unknown', coder: 'x', createdAt: 'T' }]);
    expect(c?.remove.map((r) => r.id)).toEqual(['r1']);
    const a = addRoleChange({ ...base, type: 'addressee', target: { mentionId: 'm9' }, relations: [rel('r2', 'addressee', 'm2')] });
    expect(a?.remove).toEqual([]);
    expect(a?.put[0]).toMatchObject({ toId: 'm9', type: 'addressee' });
    expect(addRoleChange({ ...base, type: 'claimant', target: { mentionId: 'm1' }, relations: one })).toBeNull();
  });
});

describe('position and quote type from the codebook', () => {
  const position: AttributeDef = { id: 'p', name: 'Position', type: 'choice', options: ['-1', '0', '+1'] };
  const five: AttributeDef = { id: 'p5', name: 'position', type: 'choice', options: ['1', '2', '3', '4', '5'] };
  const form: AttributeDef = { id: 'f', name: 'Form', type: 'choice', options: ['direct', 'indirect', 'mixed'] };
  const category: Category = { id: 'claim', name: 'Claim', level: 'span', color: '#000000', builtIn: true, attributes: [{ id: 'stance', name: 'Stance', type: 'choice', options: ['a'] }, position, form] };

  it('finds the attributes by name', () => {
    expect(positionAttribute(category)).toBe(position);
    expect(quoteTypeAttribute(category)).toBe(form);
    expect(positionAttribute({ ...category, attributes: [] })).toBeUndefined();
  });

  it('reads the scale from numeric options, else −1…+1', () => {
    expect(positionScaleOf(five)).toEqual({ min: 1, max: 5 });
    expect(positionScaleOf(position)).toEqual({ min: -1, max: 1 });
    expect(positionScaleOf({ ...form })).toEqual({ min: -1, max: 1 });
  });

  it('maps keys to options: - lowest, 0 middle, + highest, digits on a numeric scale', () => {
    expect(positionOptionForKey(position, '-')).toBe('-1');
    expect(positionOptionForKey(position, '0')).toBe('0');
    expect(positionOptionForKey(position, '+')).toBe('+1');
    expect(positionOptionForKey(position, '1')).toBe('+1');
    expect(positionOptionForKey(five, '4')).toBe('4');
    expect(positionOptionForKey(five, '-')).toBe('1');
    expect(positionOptionForKey(five, '0')).toBe('3');
    expect(positionOptionForKey(position, 'x')).toBeNull();
    expect(quoteTypeOptionForKey(form, 'd')).toBe('direct');
    expect(quoteTypeOptionForKey(form, 'I')).toBe('indirect');
    expect(quoteTypeOptionForKey(form, 'm')).toBe('mixed');
    expect(quoteTypeOptionForKey(form, 'q')).toBeNull();
  });
});
