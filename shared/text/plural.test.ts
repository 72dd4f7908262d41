import { describe, expect, it } from 'vitest';
import { plural } from './plural.ts';

describe('plural', () => {
  it('counts with the singular for one and the plural otherwise', () => {
    expect(plural(1, 'annotation')).toBe('1 annotation');
    expect(plural(0, 'annotation')).toBe('0 annotations');
    expect(plural(2, 'category', 'categories')).toBe('2 categories');
    expect(plural(1, 'category', 'categories')).toBe('1 category');
  });

  it('groups the digits of large counts the English way, whatever the machine’s locale', () => {
    expect(plural(1204, 'file')).toBe('1,204 files');
    expect(plural(1_000_000, 'annotation')).toBe('1,000,000 annotations');
  });
});
