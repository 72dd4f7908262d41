import { describe, expect, it } from 'vitest';
import type { Category } from '../model/types.ts';
import { CodebookError } from './errors.ts';
import { assertFreeTagName, assertLevelChangeAllowed, assertShortcutAllowed, attributeId, cleanColor, cleanName, cleanOptions, cleanShortcut, parseOptions, RESERVED_SHORTCUTS, sameName } from './rules.ts';

const docCategory: Category = { id: 'topic', name: 'Topic', level: 'document', color: '#123456', builtIn: false, attributes: [] };

describe('names', () => {
  it('collapses white space and refuses empty or over-long names, naming what needs one', () => {
    expect(cleanName('  Health \n  policy ', 'A tag')).toBe('Health policy');
    expect(() => cleanName('   ', 'A tag')).toThrow(new CodebookError('A tag needs a name.'));
    expect(cleanName('x'.repeat(80), 'A tag')).toHaveLength(80);
    expect(() => cleanName('x'.repeat(81), 'A category')).toThrow('A category name is too long (80 characters at most).');
  });

  it('compares names ignoring case but not accents', () => {
    expect(sameName('Claim', 'claim')).toBe(true);
    expect(sameName('Médias', 'Medias')).toBe(false);
    expect(sameName('Заява', 'заява')).toBe(true);
  });

  it('refuses a sibling with the same name only under the same parent and category', () => {
    const tags = [{ id: 'a', projectId: 'p', categoryId: 'claim', name: 'Health', parentId: null, color: '#000000', description: '', order: 0, createdAt: '' }];
    expect(() => assertFreeTagName(tags, 'health', 'claim', null)).toThrow('There is already a tag called “health” here.');
    expect(() => assertFreeTagName(tags, 'health', 'claim', 'a')).not.toThrow();
    expect(() => assertFreeTagName(tags, 'health', 'source', null)).not.toThrow();
    expect(() => assertFreeTagName(tags, 'Health', 'claim', null, 'a')).not.toThrow();
  });
});

describe('colours', () => {
  it('stores #rrggbb in lower case and refuses anything else', () => {
    expect(cleanColor('#ABCdef')).toBe('#abcdef');
    for (const bad of ['orange', '#abc', 'abcdef', '#abcdef;}']) expect(() => cleanColor(bad)).toThrow(CodebookError);
  });
});

describe('shortcuts', () => {
  it('accepts one letter or digit in any script, lower-cased; empty clears', () => {
    expect(cleanShortcut(' A ')).toBe('a');
    expect(cleanShortcut('Ж')).toBe('ж');
    expect(cleanShortcut('7')).toBe('7');
    expect(cleanShortcut('')).toBeUndefined();
    expect(cleanShortcut(undefined)).toBeUndefined();
    for (const bad of ['ab', '!', ' - ']) expect(() => cleanShortcut(bad)).toThrow('A shortcut is a single letter or digit.');
  });

  it('keeps the reader’s navigation keys for the reader', () => {
    expect([...RESERVED_SHORTCUTS].sort()).toEqual(['j', 'k', 'n', 'p']);
    for (const key of ['n', 'P', 'j', 'K']) expect(() => cleanShortcut(key)).toThrow(/taken by the reader/);
  });

  it('refuses shortcuts on tags that label whole articles', () => {
    expect(() => assertShortcutAllowed(docCategory, 'a')).toThrow(/cannot have one/);
    expect(() => assertShortcutAllowed(docCategory, undefined)).not.toThrow();
    expect(() => assertShortcutAllowed({ ...docCategory, level: 'span' }, 'a')).not.toThrow();
  });
});

describe('attributes', () => {
  it('parses comma-separated options, trimmed and without case duplicates', () => {
    expect(parseOptions(' yes,  No , no,,maybe  so ')).toEqual(['yes', 'No', 'maybe so']);
  });

  it('gives options only to choices, and at least two', () => {
    expect(cleanOptions('text', ['a', 'b'])).toBeUndefined();
    expect(cleanOptions('choice', ['a', ' b', 'A'])).toEqual(['a', 'b']);
    expect(() => cleanOptions('choice', ['a', 'A'])).toThrow(/at least two options/);
  });

  it('derives a readable id, unique within the category', () => {
    expect(attributeId('Tonalité générale', [])).toBe('tonalite-generale');
    expect(attributeId('Тон', [])).toBe('тон');
    expect(attributeId('!!!', [])).toBe('attribute');
    const taken = [{ id: 'tone', name: 'Tone', type: 'text' as const }, { id: 'tone-2', name: 'Tone 2', type: 'text' as const }];
    expect(attributeId('TONE', taken)).toBe('tone-3');
  });
});

describe('level changes', () => {
  it('refuses to turn passages into labels or labels into passages while they are used', () => {
    expect(() => assertLevelChangeAllowed({ kind: 'category', name: 'Frame' }, 'document', { annotations: 2, articles: 0 })).toThrow('“Frame” cannot label whole articles: its tags are used by 2 annotations.');
    expect(() => assertLevelChangeAllowed({ kind: 'category', name: 'Frame' }, 'span', { annotations: 0, articles: 1 })).toThrow('“Frame” cannot mark passages: its tags label 1 article.');
    expect(() => assertLevelChangeAllowed({ kind: 'tag', name: 'Health' }, 'document', { annotations: 1, articles: 0 })).toThrow('“Health” is used by 1 annotation and cannot move to a category that labels whole articles.');
    expect(() => assertLevelChangeAllowed({ kind: 'tag', name: 'Health' }, 'span', { annotations: 0, articles: 3 })).toThrow('“Health” labels 3 articles and cannot move to a category that marks passages.');
    expect(() => assertLevelChangeAllowed({ kind: 'tag', name: 'Health' }, 'document', { annotations: 0, articles: 3 })).not.toThrow();
  });
});
