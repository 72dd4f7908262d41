import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from './decode.ts';
import { encodeSingleByte } from './fixtures/legacy-encode.ts';

const bytesOf = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const utf8Of = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function decodedText(bytes: Uint8Array, hint?: { declaredCharset?: string }): { text: string; encoding: string } {
  const r = decodeBytes(bytes, hint);
  if ('error' in r) throw new Error(r.error);
  expect(r.text).not.toContain('\ufffd');
  return r;
}

// Generous timeouts: jschardet builds its models on first use, slow on a busy machine.
describe('decodeBytes: Unicode', { timeout: 30_000 }, () => {
  it('reads UTF-8 with emoji', () => {
    const r = decodedText(bytesOf('en-utf8.txt'));
    expect(r.encoding).toBe('utf-8');
    expect(r.text).toContain('winter 🚢');
    expect(r.text).toContain('“a necessary saving”');
  });

  it('drops a UTF-8 BOM', () => {
    const r = decodedText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Привет')]));
    expect(r).toEqual({ text: 'Привет', encoding: 'utf-8' });
  });

  it.each([
    ['en-utf16le-bom.txt', 'utf-16le'],
    ['en-utf16be-bom.txt', 'utf-16be'],
  ])('reads %s (BOM) as %s, emoji included', (file, encoding) => {
    const r = decodedText(bytesOf(file));
    expect(r.encoding).toBe(encoding);
    expect(r.text).toBe(utf8Of('en-utf8.txt'));
  });

  it.each([
    ['ru-utf16le-nobom.txt', 'utf-16le'],
    ['ru-utf16be-nobom.txt', 'utf-16be'],
  ])('reads %s (no BOM) as %s', (file, encoding) => {
    const r = decodedText(bytesOf(file));
    expect(r.encoding).toBe(encoding);
    expect(r.text).toBe(utf8Of('ru-utf8.txt'));
  });

  it('reads ASCII-only UTF-16LE without BOM', () => {
    const ascii = 'Plain English words in UTF-16.';
    const bytes = new Uint8Array([...ascii].flatMap((c) => [c.charCodeAt(0), 0]));
    expect(decodedText(bytes)).toEqual({ text: ascii, encoding: 'utf-16le' });
  });
});

describe('decodeBytes: legacy Cyrillic encodings (files written by an independent encoder)', { timeout: 30_000 }, () => {
  it.each([
    ['ru-windows-1251.txt', 'windows-1251', 'ru-utf8.txt'],
    ['ru-koi8-r.txt', 'koi8-r', 'ru-utf8.txt'],
    ['ru-ibm866.txt', 'ibm866', 'ru-utf8.txt'],
    ['ru-iso-8859-5.txt', 'iso-8859-5', 'ru-utf8.txt'],
    ['uk-windows-1251.txt', 'windows-1251', 'uk-utf8.txt'],
    ['be-windows-1251.txt', 'windows-1251', 'be-utf8.txt'],
  ])('%s → %s', (file, encoding, expected) => {
    const r = decodedText(bytesOf(file));
    expect(r.encoding).toBe(encoding);
    expect(r.text).toBe(utf8Of(expected));
  });

  // jschardet alone guesses wrong on some of these (e.g. KOI8-T for a four-letter KOI8-R word).
  const shortTexts = ['Рада', 'Мир', 'Да', 'Ёжик в тумане', 'СРОЧНО: ПОЖАР НА СКЛАДЕ', 'Привет, мир!', 'Новости дня'];
  for (const label of ['windows-1251', 'koi8-r', 'ibm866', 'iso-8859-5']) {
    it(`decodes short Russian texts in ${label}`, () => {
      for (const text of shortTexts) {
        const r = decodedText(encodeSingleByte(text, label));
        expect(r.text).toBe(text);
      }
    });
  }

  it('decodes short Ukrainian and Belarusian texts in windows-1251', () => {
    for (const text of ['Київ і Львів', 'Ґанок їдальні', 'Мінск і Гродна ўзімку']) {
      expect(decodedText(encodeSingleByte(text, 'windows-1251')).text).toBe(text);
    }
  });
});

describe('decodeBytes: Western legacy encodings', { timeout: 30_000 }, () => {
  it('reads windows-1252 (curly quotes and € in 0x80–0x9F)', () => {
    const r = decodedText(bytesOf('fr-windows-1252.txt'));
    expect(r.encoding).toBe('windows-1252');
    expect(r.text).toContain('2,4 millions d’euros — « une décision difficile »');
    expect(r.text).toContain('5 €');
  });

  it('reads ISO-8859-1', () => {
    const r = decodedText(bytesOf('de-iso-8859-1.txt'));
    expect(r.encoding).toBe('iso-8859-1');
    expect(r.text).toContain('über die Brücke');
    expect(r.text).toContain('Fährverkehr');
  });
});

describe('decodeBytes: mostly UTF-8 with invalid bytes (issue #13 item 9)', { timeout: 30_000 }, () => {
  const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));
  const english =
    'The regional water board confirmed on Tuesday that the eastern reservoir had fallen to its lowest level in eleven years. ' +
    'Officials said the decline followed three dry winters and a steady rise in demand from the new industrial park.';

  it('"ÿhe regional": an ASCII article with a byte that is never UTF-8 stays UTF-8, with U+FFFD and a count', () => {
    const r = decodeBytes(bytes(english, ' ', [0xff], 'he regional council met again on Friday.'));
    expect(r).toEqual({ text: `${english} \ufffdhe regional council met again on Friday.`, encoding: 'utf-8', invalidSequences: 1 });
  });

  it('a short file with one broken byte is "a few" too', () => {
    expect(decodeBytes(bytes('Board met. ', [0xff], 'he regional council agreed.'))).toEqual({ text: 'Board met. \ufffdhe regional council agreed.', encoding: 'utf-8', invalidSequences: 1 });
  });

  it('"thatÃ(he": a cut-off UTF-8 sequence is one U+FFFD, never windows-1252 mojibake', () => {
    const r = decodeBytes(bytes(english, ' They said that', [0xc3], '(he plan) would wait, and ', [0xff], 'he board agreed.'));
    expect(r).toEqual({ text: `${english} They said that\ufffd(he plan) would wait, and \ufffdhe board agreed.`, encoding: 'utf-8', invalidSequences: 2 });
  });

  it('Cyrillic UTF-8 with a few stray bytes: UTF-8, the stray bytes replaced and counted', () => {
    const ru = utf8Of('ru-utf8.txt');
    const r = decodeBytes(bytes(ru, ' Price: 5', [0x80], ' ', [0x93], 'ok', [0x94]));
    expect(r).toEqual({ text: `${ru} Price: 5\ufffd \ufffdok\ufffd`, encoding: 'utf-8', invalidSequences: 3 });
  });

  it('still reads a whole windows-1251 file as windows-1251', () => {
    expect(decodedText(bytesOf('uk-windows-1251.txt')).encoding).toBe('windows-1251');
  });

  it('still reads an English windows-1252 file with a few curly quotes as windows-1252', () => {
    const r = decodedText(bytes(english, ' The board said it ', [0x93], 'would wait', [0x94], ' and didn', [0x92], 't decide.'));
    expect(r).toEqual({ text: `${english} The board said it “would wait” and didn’t decide.`, encoding: 'windows-1252' });
  });
});

describe('decodeBytes: declared charset', { timeout: 30_000 }, () => {
  const expectedSentence = 'Депутаты городского совета Заречья';

  it('honours a correct declaration', () => {
    const r = decodedText(bytesOf('ru-windows-1251.html'), { declaredCharset: 'windows-1251' });
    expect(r.encoding).toBe('windows-1251');
    expect(r.text).toContain(expectedSentence);
  });

  it('re-detects a page that declares UTF-8 but is not valid UTF-8', () => {
    const r = decodedText(bytesOf('ru-declared-utf8-actually-1251.html'), { declaredCharset: 'utf-8' });
    expect(r.encoding).toBe('windows-1251');
    expect(r.text).toContain(expectedSentence);
  });

  it('overrides a wrong legacy declaration that gives mojibake', () => {
    const r = decodedText(bytesOf('ru-declared-koi8-actually-1251.html'), { declaredCharset: 'koi8-r' });
    expect(r.encoding).toBe('windows-1251');
    expect(r.text).toContain(expectedSentence);
  });

  it('honours a declared code page outside the usual candidates when it reads well', () => {
    const polish = 'Rada miasta przyjęła budżet: żółw, źdźbło, gęś i łódź.';
    const r = decodedText(encodeSingleByte(polish, 'iso-8859-2'), { declaredCharset: 'ISO-8859-2' });
    expect(r).toEqual({ text: polish, encoding: 'iso-8859-2' });
  });

  it('prefers valid UTF-8 over a stale legacy declaration', () => {
    const bytes = new TextEncoder().encode('<meta charset="windows-1251"><p>Депутаты городского совета</p>');
    expect(decodedText(bytes, { declaredCharset: 'windows-1251' }).encoding).toBe('utf-8');
  });
});

describe('decodeBytes: binary input', { timeout: 30_000 }, () => {
  it.each([
    ['NUL bytes', new Uint8Array([0x41, 0x42, 0x00, 0x01, 0x02, 0x43, 0x00, 0x00, 0xff]), /NUL/],
    ['a PNG image', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]), /PNG image/],
    ['a JPEG image', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]), /JPEG image/],
    ['a ZIP archive', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), /ZIP archive/],
  ])('rejects %s', (_name, bytes, message) => {
    const r = decodeBytes(bytes);
    expect('error' in r && r.error).toMatch(message);
  });
});
