import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { zipParts } from './zip-parts.ts';

function join(chunks: Uint8Array[]): Uint8Array {
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return all;
}

describe('zipParts', () => {
  it('stores each file from its parts, in order, text as UTF-8', () => {
    const files = unzipSync(join(zipParts([{ name: 'a.csv', parts: ['\uFEFFid,quote\r\n', '1,Київ 😀\r\n'] }, { name: 'b.csv', parts: [new Uint8Array([104, 105])] }, { name: 'empty.csv', parts: [] }], '2026-01-01T00:00:00Z')));
    expect(Object.keys(files)).toEqual(['a.csv', 'b.csv', 'empty.csv']);
    expect([...files['a.csv']!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(strFromU8(files['a.csv']!.subarray(3))).toBe('id,quote\r\n1,Київ 😀\r\n');
    expect(strFromU8(files['b.csv']!)).toBe('hi');
    expect(files['empty.csv']!.length).toBe(0);
  });
});
