// `npm run audit:electron`: scans the desktop app with @doyensec/electronegativity and fails on
// any HIGH or MEDIUM finding that docs/electronegativity-accepted.json does not explain.
//
// One scan over a staged copy of what matters, so that the global checks (navigation limits,
// permission handler, CSP) see main, preload and renderer together:
//   electron/, shared/, renderer/src/, renderer/index.html   our sources (tests left out)
//   out/main/index.js, out/preload/index.js, out/renderer/index.html   what ships (after build)
// The renderer's third-party bundles (React, TipTap, pdf.js…) are not scanned: the tool's parser
// cannot read them (class private fields), and they are not ours to change.
import run from '@doyensec/electronegativity';
import { cp, mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { acceptedFileSchema, classifyFindings, formatReport, isScannedSource, type Finding } from '../electron/audit/electronegativity.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const ACCEPTED_FILE = 'docs/electronegativity-accepted.json';

interface RawIssue {
  id: string;
  file: string;
  severity: { name?: string; value: number } | string;
  confidence: { name?: string; value: number } | string;
  location: { line: number; column: number };
  sample?: string;
}
interface RunResult {
  issues: RawIssue[];
  errors: { file: string; message: string; tolerable: boolean }[];
}

async function copyTree(fromRel: string, stage: string): Promise<number> {
  let count = 0;
  const entries = await readdir(join(root, fromRel), { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const rel = relative(root, join(entry.parentPath, entry.name)).split('\\').join('/');
    if (!isScannedSource(rel)) continue;
    await mkdir(dirname(join(stage, rel)), { recursive: true });
    await cp(join(root, rel), join(stage, rel));
    count += 1;
  }
  return count;
}

async function copyFile(fromRel: string, toRel: string, stage: string): Promise<void> {
  await mkdir(dirname(join(stage, toRel)), { recursive: true });
  await cp(join(root, fromRel), join(stage, toRel));
}

function levelName(level: RawIssue['severity']): string {
  return typeof level === 'string' ? level : (level.name ?? String(level.value));
}

async function main(): Promise<number> {
  const stage = await mkdtemp(join(tmpdir(), 'presswork-audit-'));
  try {
    let count = 0;
    for (const tree of ['electron', 'shared', 'renderer/src']) count += await copyTree(tree, stage);
    await copyFile('renderer/index.html', 'renderer/index.html', stage);
    try {
      await copyFile('out/main/index.js', 'out/main/index.js', stage);
      // The scanner only reads .js/.ts/.html: the CommonJS preload is staged under a .js name.
      await copyFile('out/preload/index.cjs', 'out/preload/index.js', stage);
      await copyFile('out/renderer/index.html', 'out/renderer/index.html', stage);
    } catch {
      console.error('out/ is missing: run `npx electron-vite build` first (npm run audit:electron does).');
      return 1;
    }
    count += 3;
    const electronVersion = (JSON.parse(await readFile(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
    console.log(`electronegativity: scanning ${count} files (Electron ${electronVersion})`);

    const result = (await run({ input: stage, electronVersionOverride: electronVersion, isRelative: true })) as RunResult;
    const unreadable = result.errors.filter((error) => !error.tolerable);
    for (const error of unreadable) console.error(`could not scan ${relative(stage, error.file)}: ${error.message}`);

    const findings: Finding[] = result.issues.map((issue) => ({
      check: issue.id,
      severity: levelName(issue.severity),
      confidence: levelName(issue.confidence),
      file: issue.file.split('\\').join('/').replace(/^\/+/, ''),
      line: issue.location.line,
      column: issue.location.column,
      sample: issue.sample ?? '',
    }));
    const accepted = acceptedFileSchema.parse(JSON.parse(await readFile(join(root, ACCEPTED_FILE), 'utf8'))).accepted;
    const classification = classifyFindings(findings, accepted);
    console.log(formatReport(classification));
    if (unreadable.length > 0) console.error(`electronegativity: FAILED — ${unreadable.length} file(s) could not be scanned`);
    return classification.unexplained.length === 0 && unreadable.length === 0 ? 0 : 1;
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

process.exitCode = await main();
