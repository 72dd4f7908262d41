import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { buildDataset } from '../dataset.ts';
import { bratFiles, bratFragments, bratName, bratZipBytes } from './brat.ts';
import { fixtureInput } from '../fixtures/fixture-project.ts';

function files() {
  return bratFiles(buildDataset(fixtureInput()));
}

/** Parse `T` lines: id → { type, fragments, text }. */
function tLines(ann: string) {
  return ann
    .split('\n')
    .filter((l) => l.startsWith('T'))
    .map((l) => {
      const [id, body, text] = l.split('\t') as [string, string, string];
      const [type, ...rest] = body.split(' ');
      const frags = rest.join(' ').split(';').map((f) => f.split(' ').map(Number) as [number, number]);
      return { id, type, frags, text };
    });
}

describe('brat standoff', () => {
  it('matches the golden files', async () => {
    for (const [name, content] of Object.entries(files())) {
      await expect(content).toMatchFileSnapshot(`../fixtures/golden/brat/${name}`);
    }
  });

  it('writes one .txt/.ann pair per article plus annotation.conf, zipped', () => {
    const ds = buildDataset(fixtureInput());
    const zip = unzipSync(bratZipBytes(ds));
    const names = Object.keys(zip).sort();
    expect(names).toEqual(['annotation.conf', 'art-empty.ann', 'art-empty.txt', 'art-grain.ann', 'art-grain.txt', 'art-uk.ann', 'art-uk.txt', 'labels.tsv']);
    expect(strFromU8(zip['art-grain.txt']!)).toBe(ds.articles[0]!.text);
    expect(strFromU8(zip['art-empty.ann']!)).toBe('');
  });

  it('has offsets in code points whose fragments cover the quote, split at line breaks', () => {
    const ds = buildDataset(fixtureInput());
    const f = files();
    for (const art of ds.articles) {
      const cps = [...art.text];
      const ts = tLines(f[`${art.id}.ann`]!);
      expect(ts).toHaveLength(art.annotations.length);
      ts.forEach((t, i) => {
        const a = art.annotations[i]!;
        const pieces = t.frags.map(([s, e]) => cps.slice(s, e).join(''));
        expect(pieces.join(' ')).toBe(t.text);
        for (const p of pieces) expect(p).not.toMatch(/\n/);
        // Together the fragments are the quote without its line breaks.
        expect(pieces.join('')).toBe(a.quote.replace(/\s*\n\s*/g, ''));
      });
    }
    const across = tLines(f['art-grain.ann']!).find((t) => t.text.startsWith('The minister said the deal'))!;
    expect(across.frags).toHaveLength(2);
    expect(across.type).toBe('Claim');
  });

  it('writes attributes, notes, actor references and relations', () => {
    const ann = files()['art-grain.ann']!;
    const ts = tLines(ann);
    const hold = ts.find((t) => t.text.includes('grain deal'))!.id;
    const minister = ts.find((t) => t.text === 'The minister')!.id;
    const reuters = ts.find((t) => t.text === 'Reuters')!.id;
    expect(ann).toMatch(new RegExp(`^A\\d+\\tStance ${hold} supports$`, 'm'));
    expect(ann).toMatch(new RegExp(`^A\\d+\\tType ${reuters} news_agency$`, 'm'));
    expect(ann).toMatch(new RegExp(`^#\\d+\\tAnnotatorNotes ${hold}\\tCheck against the ministry transcript`, 'm'));
    expect(ann).toMatch(new RegExp(`^N\\d+\\tReference ${minister} Presswork:act-minister\\tMinister of Agriculture$`, 'm'));
    expect(ann).toMatch(new RegExp(`^R1\\tclaimant Arg1:${hold} Arg2:${minister}$`, 'm'));
    expect(ann).toMatch(new RegExp(`^R2\\taccording-to Arg1:${hold} Arg2:${reuters}$`, 'm'));
  });

  it('declares every type, relation and attribute in annotation.conf', () => {
    const conf = files()['annotation.conf']!;
    for (const section of ['[entities]', '[relations]', '[events]', '[attributes]']) expect(conf).toContain(section);
    expect(conf).toMatch(/^Claim\n\tSpin$/m);
    expect(conf).not.toMatch(/^War$/m); // document-level tags are labels, in labels.tsv
    expect(conf).toContain('claimant\tArg1:<ENTITY>, Arg2:<ENTITY>');
    expect(conf).toContain('Stance\tArg:Claim|Spin, Value:supports|opposes|neutral');
    expect(conf).toMatch(/^Type\tArg:Source\|Actor, Value:.*news_agency.*\|person\|/m);
    expect(files()['labels.tsv']).toBe('document\tlabels\nart-grain\tWar; Economy\n');
  });

  it('splits fragments and trims their edges like brat', () => {
    expect(bratFragments('ab\n\n cd', 0, 7)).toEqual([[0, 2], [5, 7]]);
    expect(bratFragments('😀 x\ny', 0, 5)).toEqual([[0, 3], [4, 5]]);
    expect(bratName('Hate speech / Мова')).toBe('Hate_speech_Мова');
  });
});
