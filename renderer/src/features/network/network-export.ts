import { networkChunks, eventListChunks, type NetworkFormat } from '@shared/network/write.ts';
import type { Network } from '@shared/network/build.ts';
import type { Statement, StatementSet } from '@shared/statements/statement.ts';
import { bridge } from '../../platform/bridge.ts';
import { needsAnotherClick } from '../export/run-export.ts';

const MIME: Record<NetworkFormat | 'events', string> = { graphml: 'application/xml', gexf: 'application/xml', csv: 'text/csv', dl: 'text/plain', events: 'text/csv' };
const EXTENSION: Record<NetworkFormat, string> = { graphml: 'graphml', gexf: 'gexf', csv: 'csv', dl: 'dl' };

export type SaveOutcome = { kind: 'saved' | 'cancelled' } | { kind: 'click-again'; parts: string[] } | { kind: 'failed'; message: string };

function safeName(s: string): string {
  return s.replace(/[\\/:*?"<>|]+/g, '_').trim() || 'network';
}

/** Saves through the normal save path (the desktop dialog, or the browser's picker/download). */
export async function saveParts(suggestedName: string, parts: string[], mimeType: string): Promise<SaveOutcome> {
  try {
    const result = await bridge.saveFile({ suggestedName, parts, mimeType });
    return { kind: result.status === 'saved' ? 'saved' : 'cancelled' };
  } catch (e) {
    // The browser's picker needs a fresh click once the file took a while to build.
    if (needsAnotherClick(e)) return { kind: 'click-again', parts };
    return { kind: 'failed', message: e instanceof Error ? e.message : String(e) };
  }
}

export function networkFile(projectName: string, net: Network, format: NetworkFormat, description: string): { name: string; parts: string[]; mime: string } {
  return { name: `${safeName(projectName)} ${net.type}.${EXTENSION[format]}`, parts: [...networkChunks(net, format, { description })], mime: MIME[format] };
}

export function eventListFile(projectName: string, set: StatementSet, statements: readonly Statement[]): { name: string; parts: string[]; mime: string } {
  return { name: `${safeName(projectName)} statements.csv`, parts: [...eventListChunks(set, statements)], mime: MIME.events };
}
