import { describe, expect, it } from 'vitest';
import { errorMessage } from './errors.ts';

describe('errorMessage', () => {
  it('gives an error’s message, and any other thrown value as text', () => {
    expect(errorMessage(new RangeError('too deep'))).toBe('too deep');
    expect(errorMessage('plain string')).toBe('plain string');
    expect(errorMessage(42)).toBe('42');
    expect(errorMessage(null)).toBe('null');
    expect(errorMessage({ toString: () => 'custom' })).toBe('custom');
  });
});
