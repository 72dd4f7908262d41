// A synthetic corpus for the import benchmark: invented, generated text — no real articles.
// Deterministic (seeded), so that two runs import the same bytes.

const WORDS = (
  'council water board river bridge market school festival budget report minister mayor ' +
  'district village harbour railway station hospital court election ballot survey farmers ' +
  'teachers workers union strike contract license permit inspection agency ministry office ' +
  'residents neighbours visitors tourists students officials engineers reporters editors ' +
  'announced confirmed denied argued warned promised approved rejected delayed extended ' +
  'reduced increased published reviewed discussed questioned welcomed criticised explained ' +
  'new old local regional national public private annual weekly early late major minor ' +
  'plan project schedule decision proposal meeting statement hearing vote season winter ' +
  'summer spring autumn morning evening week month year figures costs prices quotas routes'
).split(' ');

/** Mulberry32: a tiny seeded generator, enough for varied but repeatable text. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(next: () => number, n: number): string {
  const words: string[] = [];
  const len = 10 + Math.floor(next() * 14);
  for (let i = 0; i < len; i++) words.push(WORDS[Math.floor(next() * WORDS.length)] as string);
  words.push(String(n % 997));
  const s = words.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + '.';
}

interface Article {
  title: string;
  paragraphs: string[];
}

function article(i: number, targetChars: number): Article {
  const next = random(i + 1);
  const title = `Report ${i}: ${sentence(next, i).slice(0, 60).replace(/\.$/, '')}`;
  const paragraphs: string[] = [];
  let size = 0;
  while (size < targetChars) {
    const sentences: string[] = [];
    const count = 3 + Math.floor(next() * 3);
    for (let k = 0; k < count; k++) sentences.push(sentence(next, i * 31 + paragraphs.length * 7 + k));
    const p = sentences.join(' ');
    paragraphs.push(p);
    size += p.length + 2;
  }
  return { title, paragraphs };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function asHtml({ title, paragraphs }: Article, i: number): string {
  // The shape scraped pages have: navigation, headline, body, furniture.
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta property="og:title" content="${escapeHtml(title)}"><meta property="og:site_name" content="Bench Courier">
<meta property="article:published_time" content="2026-0${1 + (i % 9)}-1${i % 10}T08:00:00Z"></head>
<body><header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>${escapeHtml(title)}</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<p>Post a Comment</p><p>Previous Post Next Post</p></article></main>
<footer><p>© 2026 Bench Courier. All rights reserved.</p></footer></body></html>`;
}

function asText({ title, paragraphs }: Article): string {
  return `${title}\n\n${paragraphs.join('\n\n')}\n`;
}

export interface CorpusFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * `count` files of about `articleChars` characters of article text each, HTML and plain text
 * alternating; every `1 / duplicateShare`-th file repeats an earlier article byte for byte under
 * another name, so the import must skip it as a duplicate.
 */
export function generateCorpus(count: number, articleChars = 5000, duplicateShare = 0.05): CorpusFile[] {
  const enc = new TextEncoder();
  const files: CorpusFile[] = [];
  const every = Math.round(1 / duplicateShare);
  let unique = 0;
  for (let i = 0; i < count; i++) {
    if (i > 0 && i % every === every - 1) {
      const original = files[Math.floor(random(i)() * files.length)] as CorpusFile;
      files.push({ name: `copies/${i}-${original.name.split('/').pop()}`, bytes: original.bytes.slice() });
      continue;
    }
    const a = article(unique++, articleChars);
    files.push(i % 2 === 0 ? { name: `pages/${i}.html`, bytes: enc.encode(asHtml(a, i)) } : { name: `texts/${i}.txt`, bytes: enc.encode(asText(a)) });
  }
  return files;
}
