// `npm run bench`: runs every part in bench/parts (or those named on the command line),
// prints a table and writes bench-results/latest.json.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { BenchEntry, BenchPart } from './report.ts';

const partsDir = fileURLToPath(new URL('./parts/', import.meta.url));
const only = process.argv.slice(2);
const files = (await readdir(partsDir)).filter((f) => f.endsWith('.ts')).sort();
const all: BenchEntry[] = [];
for (const file of files) {
  const key = file.replace(/\.ts$/, '');
  if (only.length > 0 && !only.includes(key)) continue;
  const part = (await import(`./parts/${file}`)).default as BenchPart;
  process.stdout.write(`\n== ${part.title} ==\n`);
  const entries = await part.run();
  for (const e of entries) {
    process.stdout.write(`${e.name.padEnd(58)} ${String(round(e.value)).padStart(12)} ${e.unit.padEnd(10)} ${e.goal ? `goal ${e.goal}` : ''}\n`);
  }
  all.push(...entries);
}
await mkdir('bench-results', { recursive: true });
await writeFile('bench-results/latest.json', JSON.stringify(all, null, 2) + '\n');
process.stdout.write(`\nwrote bench-results/latest.json (${all.length} figures)\n`);

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
