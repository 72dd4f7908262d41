import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { buildDataset } from '../dataset.ts';
import { parseQdc, refiCodebookXml, refiQdpxBytes } from './refi-qda.ts';
import { guidFor } from './guid.ts';
import { fixtureInput } from '../fixtures/fixture-project.ts';

const GUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;

function unpack() {
  const ds = buildDataset(fixtureInput());
  const files = unzipSync(refiQdpxBytes(ds));
  return { ds, files, qde: strFromU8(files['project.qde']!) };
}

function attrsOf(xml: string, element: string): Record<string, string>[] {
  return [...xml.matchAll(new RegExp(`<${element}\\s([^>]*?)/?>`, 'g'))].map((m) =>
    Object.fromEntries([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])),
  );
}

function unescapeXml(s: string): string {
  return s.replace(/&#10;/g, '\n').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

describe('REFI-QDA project (.qdpx)', () => {
  it('matches the golden project.qde and codebook.qdc', async () => {
    const { qde, ds } = unpack();
    await expect(qde).toMatchFileSnapshot('../fixtures/golden/refi/project.qde');
    await expect(refiCodebookXml(ds)).toMatchFileSnapshot('../fixtures/golden/refi/codebook.qdc');
  });

  it('holds project.qde and one UTF-8 source per article, named by GUID', () => {
    const { ds, files, qde } = unpack();
    const sources = attrsOf(qde, 'TextSource');
    expect(sources).toHaveLength(ds.articles.length);
    for (const [i, s] of sources.entries()) {
      expect(s.guid).toMatch(GUID);
      expect(s.plainTextPath).toBe(`internal://${s.guid}.txt`);
      expect(strFromU8(files[`sources/${s.guid}.txt`]!)).toBe(ds.articles[i]!.text);
    }
    expect(Object.keys(files).sort()).toEqual(['project.qde', ...sources.map((s) => `sources/${s.guid}.txt`)].sort());
  });

  it('writes selections in code points, end-exclusive, each coded with its tag', () => {
    const { ds, qde } = unpack();
    const tagGuids = new Map(ds.codebook.tags.map((t) => [guidFor(t.id), t]));
    const blocks = qde.split('<TextSource ').slice(1);
    let count = 0;
    blocks.forEach((block, i) => {
      const art = ds.articles[i]!;
      const selections = attrsOf(block, 'PlainTextSelection');
      expect(selections).toHaveLength(art.annotations.length);
      selections.forEach((sel, j) => {
        const a = art.annotations[j]!;
        const cps = [...art.text];
        expect(cps.slice(Number(sel.startPosition), Number(sel.endPosition)).join('')).toBe(a.quote);
        expect(a.quote.startsWith(unescapeXml(sel.name!).replace(/…$/, ''))).toBe(true);
        count++;
      });
      const codeRefs = attrsOf(block, 'CodeRef').map((c) => tagGuids.get(c.targetGUID!)?.name);
      expect(codeRefs).toEqual([...art.annotations.map((a) => a.tagName), ...art.labels.map((l) => ds.codebook.tags.find((t) => t.id === l)!.name)]);
    });
    expect(count).toBe(fixtureInput().annotations.length);
  });

  it('keeps users, code hierarchy and colours, notes, links and metadata variables', () => {
    const { qde } = unpack();
    expect(attrsOf(qde, 'User').map((u) => u.name)).toEqual(['alice', 'bob']);
    const codes = attrsOf(qde, 'Code');
    expect(codes.find((c) => c.name === 'Claim' && c.isCodable === 'false')).toMatchObject({ color: '#E8A33D' });
    // Spin is nested in the Claim tag, which is nested in the Claim category.
    expect(qde).toMatch(/name="Claim" isCodable="false"[\s\S]*?name="Claim" isCodable="true"[^/]*?>\s*<Description>[^<]*<\/Description>\s*<Code [^>]*name="Spin"/);
    expect(qde).toContain('<PlainTextContent>Check against the ministry transcript; "winter" = Dec–Feb.</PlainTextContent>');
    const noteRefs = attrsOf(qde, 'NoteRef').map((n) => n.targetGUID);
    expect(attrsOf(qde, 'Note').map((n) => n.guid)).toEqual(noteRefs);
    const links = attrsOf(qde, 'Link');
    expect(links.map((l) => l.name)).toEqual(['claimant', 'according-to']);
    expect(links[0]).toMatchObject({ direction: 'OneWay', originGUID: guidFor('ann-claim-hold'), targetGUID: guidFor('ann-minister') });
    expect(qde).toContain('<TextValue>Example Wire</TextValue>');
    for (const el of ['User', 'Code', 'TextSource', 'PlainTextSelection', 'Coding', 'Note', 'Link']) {
      for (const a of attrsOf(qde, el)) expect(a.guid).toMatch(GUID);
    }
  });

  it('is reproducible: the same dataset gives the same bytes', () => {
    const ds = buildDataset(fixtureInput());
    expect(refiQdpxBytes(ds)).toEqual(refiQdpxBytes(ds));
  });

  it('escapes markup and line breaks in names', () => {
    const input = fixtureInput();
    input.project.name = 'A & B <"test">';
    const qde = strFromU8(unzipSync(refiQdpxBytes(buildDataset(input)))['project.qde']!);
    expect(qde).toContain('name="A &amp; B &lt;&quot;test&quot;&gt;"');
    expect(qde).toContain('name="The minister said the deal will hold.&#10;&#10;The mayor of');
  });
});

describe('parseQdc', () => {
  it('reads our codebook back: categories, tags, hierarchy, colours', () => {
    const ds = buildDataset(fixtureInput());
    const parsed = parseQdc(refiCodebookXml(ds));
    expect(parsed.categories.map((c) => [c.id, c.name, c.level, c.color])).toEqual(ds.codebook.categories.map((c) => [c.id, c.name, c.level, c.color]));
    expect(parsed.tags.map((t) => [t.name, t.category, t.color])).toEqual(
      // Parents come before their children in document order.
      [['Claim', 'claim', '#e8a33d'], ['Spin', 'claim', '#c77d14'], ['Source', 'source', '#3d8be8'], ['Actor', 'actor', '#4caf6e'], ['War', 'topic', '#9c27b0'], ['Economy', 'topic', '#7b1fa2']],
    );
    const spin = parsed.tags.find((t) => t.name === 'Spin')!;
    expect(parsed.tags.find((t) => t.id === spin.parent)!.name).toBe('Claim');
  });

  it('reads a codebook from another tool (all codes codable, short colours, nested)', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="OtherTool">
  <Codes>
    <Code guid="22222222-2222-4222-8222-222222222222" name="Framing" isCodable="true" color="#F00">
      <Description>How the story is framed</Description>
      <Code guid="33333333-3333-4333-8333-333333333333" name="Conflict" isCodable="true"/>
    </Code>
  </Codes>
</CodeBook>`;
    const parsed = parseQdc(xml);
    expect(parsed.categories).toEqual([{ id: 'imported-codes', name: 'Imported codes', color: '#888888', level: 'span' }]);
    expect(parsed.tags).toEqual([
      { id: '22222222-2222-4222-8222-222222222222', name: 'Framing', category: 'imported-codes', parent: null, color: '#ff0000', description: 'How the story is framed' },
      { id: '33333333-3333-4333-8333-333333333333', name: 'Conflict', category: 'imported-codes', parent: '22222222-2222-4222-8222-222222222222', color: '#ff0000', description: '' },
    ]);
  });

  it('refuses XML that is not a codebook', () => {
    expect(() => parseQdc('<html><body/></html>')).toThrow(/not a REFI-QDA codebook/);
  });
});

describe('guidFor', () => {
  it('keeps UUIDs, derives stable distinct GUIDs for other keys', () => {
    expect(guidFor('0b7f2b1a-8c55-4a0e-b0c2-9d4b2f0e7d21')).toBe('0B7F2B1A-8C55-4A0E-B0C2-9D4B2F0E7D21');
    expect(guidFor('claim')).toBe(guidFor('claim'));
    expect(guidFor('claim')).toMatch(GUID);
    const many = new Set(Array.from({ length: 20000 }, (_, i) => guidFor(`ann-${i}`)));
    expect(many.size).toBe(20000);
  });
});
