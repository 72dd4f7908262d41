import { describe, expect, it } from 'vitest';
import { printable } from './messages.ts';

describe('printable', () => {
  it('shows control, C1 and bidirectional characters as escapes and leaves text alone', () => {
    expect(printable('Привет, мир — «ok» 👋')).toBe('Привет, мир — «ok» 👋');
    expect(printable('a\u001b[2Jb\r\n\tc\u0007\u007f\u009b')).toBe('a\\e[2Jb\\r\\n\\tc\\x07\\x7f\\x9b');
    expect(printable('x\u202ey\u2066z\u2028')).toBe('x\\u202ey\\u2066z\\u2028');
  });
});
