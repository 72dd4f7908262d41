// A synthetic Presswork dataset file of about `megabytes` MB (at 200 MB: ~40,000 articles and
// ~300,000 annotations), written piece by piece so that the benchmark never holds it as one string.
import { open } from 'node:fs/promises';

const WORDS = 'the council said on monday that the new budget would cut spending on roads and schools while opposition leaders claimed according to sources close to the ministry that officials had hidden the real figures from voters'.split(' ');
const CYR = 'правительство заявило что новый бюджет сократит расходы на дороги и школы по словам источников в министерстве'.split(' ');

/** A deterministic pseudo-random sequence (benchmarks must be repeatable). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface BenchDatasetInfo {
  bytes: number;
  articles: number;
  annotations: number;
}

export async function writeBenchDataset(path: string, megabytes: number): Promise<BenchDatasetInfo> {
  const target = megabytes * 1024 * 1024;
  const rand = rng(42);
  const now = '2026-11-30T12:00:00.000Z';
  const tags = [
    { id: 't-claim', name: 'Claim', category: 'claim', parent: null, color: '#e8a33d', description: '', shortcut: '1', order: 0, createdAt: now },
    { id: 't-source', name: 'Source', category: 'source', parent: null, color: '#4caf6e', description: '', shortcut: '2', order: 1, createdAt: now },
    { id: 't-actor', name: 'Actor', category: 'actor', parent: null, color: '#4a7fd4', description: '', shortcut: '3', order: 2, createdAt: now },
  ];
  const header = {
    format: 'presswork-dataset',
    version: 1,
    exportedAt: now,
    generator: 'presswork bench',
    offsets: { unit: 'code-point', end: 'exclusive' },
    project: { id: 'bench', name: 'Restore bench', createdAt: now, updatedAt: now },
    codebook: {
      categories: [
        { id: 'claim', name: 'Claim', level: 'span', color: '#e8a33d', builtIn: true, attributes: [] },
        { id: 'source', name: 'Source', level: 'span', color: '#4caf6e', builtIn: true, attributes: [] },
        { id: 'actor', name: 'Actor', level: 'span', color: '#4a7fd4', builtIn: true, attributes: [] },
      ],
      tags,
    },
    actors: [],
  };
  const file = await open(path, 'w');
  let bytes = 0;
  const write = async (s: string) => {
    const b = Buffer.from(s, 'utf8');
    await file.write(b);
    bytes += b.length;
  };
  let articles = 0;
  let annotations = 0;
  try {
    await write(JSON.stringify(header).replace(/\}$/, ',"articles":[\n'));
    let pending: string[] = [];
    while (bytes < target) {
      const paragraphs: string[] = [];
      const cyr = rand() < 0.3;
      const vocab = cyr ? CYR : WORDS;
      for (let p = 0; p < 5; p++) {
        const words: string[] = [];
        for (let w = 0; w < 45; w++) words.push(vocab[Math.floor(rand() * vocab.length)]!);
        paragraphs.push(words.join(' ') + '.');
      }
      const text = `Article ${articles}: ${paragraphs.join('\n\n')}`;
      const cps = [...text];
      const anns = [];
      for (let k = 0; k < 7 + (articles % 2); k++) {
        const start = Math.floor(rand() * (cps.length - 60));
        const end = start + 10 + Math.floor(rand() * 50);
        const tag = tags[k % 3]!;
        anns.push({
          id: `a${articles}-${k}`,
          tag: tag.id,
          tagName: tag.name,
          category: tag.category,
          start,
          end,
          quote: cps.slice(start, end).join(''),
          prefix: cps.slice(Math.max(0, start - 32), start).join(''),
          suffix: cps.slice(end, end + 32).join(''),
          note: null,
          attributes: {},
          actor: null,
          coder: 'bench',
          createdAt: now,
          updatedAt: now,
        });
      }
      annotations += anns.length;
      const article = {
        id: `art${articles}`,
        title: `Bench article ${articles}`,
        text,
        meta: { outlet: 'Bench Daily', publishedAt: '2026-11-01', language: cyr ? 'ru' : 'en' },
        status: 'todo',
        labels: [],
        source: { file: 'bench.json', index: articles },
        contentHash: '',
        importedAt: now,
        annotations: anns,
        relations: anns.length > 2 ? [{ id: `r${articles}`, type: 'claimant', from: anns[0]!.id, to: anns[2]!.id, coder: 'bench', createdAt: now }] : [],
      };
      pending.push((articles > 0 ? ',\n' : '') + JSON.stringify(article));
      articles++;
      if (pending.length >= 200) {
        await write(pending.join(''));
        pending = [];
      }
    }
    await write(pending.join('') + '\n]}\n');
  } finally {
    await file.close();
  }
  return { bytes, articles, annotations };
}
