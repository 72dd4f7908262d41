import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SaveRequest } from '@shared/bridge/contract.ts';
import { buildDataset } from '@shared/dataset/dataset.ts';
import { fixtureInput } from '@shared/dataset/fixtures/fixture-project.ts';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { db } from '../../db/db.ts';
import { restoreDataset } from '../../db/dataset-import.ts';
import { ExportCancelled, buildExportParts, saveBuiltExport, streamExport, suggestedFileName, type ExportRequest, type SaveStreams } from './run-export.ts';

beforeEach(async () => {
  await db.delete();
  await db.open();
});

async function fixtureProject(): Promise<ExportRequest> {
  const restored = await restoreDataset(buildDataset(fixtureInput()));
  return { projectId: restored.projectId, projectName: restored.projectName, format: 'json', scope: { kind: 'project' }, bom: false };
}

function concat(parts: (string | Uint8Array)[]): Uint8Array {
  const bytes = parts.map((p) => (typeof p === 'string' ? strToU8(p) : p));
  const all = new Uint8Array(bytes.reduce((n, b) => n + b.length, 0));
  bytes.reduce((at, b) => (all.set(b, at), at + b.length), 0);
  return all;
}

const text = (parts: (string | Uint8Array)[]) => parts.map((p) => (typeof p === 'string' ? p : new TextDecoder().decode(p))).join('');

describe('suggestedFileName', () => {
  it('keeps letters of any script and drops what file systems refuse', () => {
    const day = new Date('2026-03-04T10:00:00Z');
    expect(suggestedFileName('Выборы: "2026" / регион?', 'json', day)).toBe('Выборы 2026 регион-2026-03-04.json');
    // The CSV export's two files travel together in one zip.
    expect(suggestedFileName('Grain deal', 'csv', day)).toBe('Grain deal-2026-03-04-csv.zip');
    expect(suggestedFileName('Grain deal 🇺🇦', 'qdc', day)).toBe('Grain deal 🇺🇦-codebook-2026-03-04.qdc');
    expect(suggestedFileName(' ... ', 'brat', day)).toBe('presswork-brat-2026-03-04.zip');
  });
});

describe('buildExportParts', () => {
  it('writes CSV of annotations and of relations, with the BOM when asked, reporting progress up to every article', async () => {
    const request = { ...(await fixtureProject()), format: 'csv' as const, bom: true };
    const progress: number[] = [];
    const built = await buildExportParts(request, (p) => progress.push(p.articlesDone));
    const files = unzipSync(concat(built.parts));
    const names = Object.keys(files);
    expect(names).toHaveLength(2);
    expect(names[0]).toMatch(/^Grain.*-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(names[1]).toBe(names[0]!.replace(/\.csv$/, '-relations.csv'));
    const [csv, relations] = names.map((n) => files[n]!);
    expect([...csv!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(strFromU8(csv!.subarray(3)).startsWith('article_id,')).toBe(true);
    expect(strFromU8(csv!.subarray(3)).split('\r\n').filter(Boolean)).toHaveLength(1 + fixtureInput().annotations.length);
    expect([...relations!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const relationLines = strFromU8(relations!.subarray(3)).split('\r\n').filter(Boolean);
    expect(relationLines[0]?.startsWith('relation_id,type,type_label,')).toBe(true);
    expect(relationLines).toHaveLength(1 + fixtureInput().relations.length);
    expect(progress.at(-1)).toBe(fixtureInput().articles.length);
    expect(built.annotations).toBe(fixtureInput().annotations.length);
  });

  it('gives the zip formats as one part of bytes', async () => {
    const built = await buildExportParts({ ...(await fixtureProject()), format: 'qdpx' }, () => {});
    expect(built.parts).toHaveLength(1);
    expect(built.parts[0]).toBeInstanceOf(Uint8Array);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(buildExportParts(await fixtureProject(), () => {}, controller.signal)).rejects.toBeInstanceOf(ExportCancelled);
  });
});

describe('streamExport', () => {
  function fakeStreams(open: 'open' | 'cancelled' = 'open') {
    const calls: string[] = [];
    const parts: (string | Uint8Array)[] = [];
    const streams: SaveStreams = {
      saveStreamOpen: async (r) => (calls.push(`open ${r.suggestedName.replace(/-\d{4}-\d{2}-\d{2}/, '')} ${r.mimeType ?? ''}`), open === 'open' ? { status: 'open', stream: 's1' } : { status: 'cancelled' }),
      saveStreamWrite: async (stream, p) => {
        calls.push(`write ${stream}`);
        parts.push(...p);
      },
      saveStreamClose: async (stream, commit) => (calls.push(`close ${stream} ${commit}`), commit ? { status: 'saved', location: '/x.json' } : { status: 'cancelled' }),
    };
    return { streams, calls, parts };
  }

  it('asks where to save first, then hands the file over part by part and commits it', async () => {
    const request = await fixtureProject();
    const { streams, calls, parts } = fakeStreams();
    const outcome = await streamExport(streams, request, () => {});
    expect(outcome).toMatchObject({ save: { status: 'saved', location: '/x.json' }, articles: fixtureInput().articles.length, annotations: fixtureInput().annotations.length });
    expect(calls[0]).toBe('open Grain deal coverage 🇺🇦.json application/json');
    expect(calls.at(-1)).toBe('close s1 true');
    expect(calls.slice(1, -1).every((c) => c === 'write s1')).toBe(true);
    // The same file as built in memory (but for the time of export).
    const withoutTime = (t: string) => ({ ...(JSON.parse(t) as object), exportedAt: '' });
    expect(withoutTime(text(parts))).toEqual(withoutTime(text((await buildExportParts(request, () => {})).parts)));
  });

  it('streams the CSV zip with both files', async () => {
    const request = { ...(await fixtureProject()), format: 'csv' as const };
    const { streams, parts } = fakeStreams();
    await streamExport(streams, request, () => {});
    const files = unzipSync(concat(parts));
    expect(Object.keys(files)).toHaveLength(2);
    expect(strFromU8(Object.values(files)[0]!).split('\r\n').filter(Boolean)).toHaveLength(1 + fixtureInput().annotations.length);
  });

  it('discards the file when the export is cancelled, and reads nothing when the dialog is', async () => {
    const request = await fixtureProject();
    const controller = new AbortController();
    const { streams, calls } = fakeStreams();
    await expect(streamExport(streams, request, (p) => p.articlesDone > 0 && controller.abort(), controller.signal)).rejects.toBeInstanceOf(ExportCancelled);
    expect(calls.at(-1)).toBe('close s1 false');
    const cancelled = fakeStreams('cancelled');
    expect((await streamExport(cancelled.streams, request, () => {})).save.status).toBe('cancelled');
    expect(cancelled.calls).toHaveLength(1);
  });
});

describe('saveBuiltExport (a file built in memory, saved on a later click)', () => {
  it('hands the parts, name and type to the bridge and passes on a cancelled save', async () => {
    const request = await fixtureProject();
    const seen: SaveRequest[] = [];
    const built = { ...(await buildExportParts(request, () => {})), request };
    const outcome = await saveBuiltExport({ saveFile: async (r) => (seen.push(r), { status: 'cancelled' }) }, built);
    expect(outcome.save.status).toBe('cancelled');
    expect(seen[0]?.mimeType).toBe('application/json');
    expect(seen[0]?.suggestedName).toMatch(/\.json$/);
    expect(JSON.parse(text(seen[0]?.parts ?? [])).articles).toHaveLength(fixtureInput().articles.length);
  });
});
