import type { IndexedDoc } from '@shared/search/segment.ts';
import type { HashedDraft } from './protocol.ts';

/** The index documents of a stored batch: each added record keeps its draft's `source` object, which finds its terms. */
export function indexDocs(batch: HashedDraft[], added: { id: string; source: object }[]): IndexedDoc[] {
  const terms = new Map(batch.map((d) => [d.draft.source as object, d.terms]));
  const docs: IndexedDoc[] = [];
  for (const a of added) {
    const t = terms.get(a.source);
    if (t) docs.push({ id: a.id, ...t });
  }
  return docs;
}
