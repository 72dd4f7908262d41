import { importFile } from '@shared/import/pipeline.ts';
import { contentHash } from '@shared/import/content-hash.ts';
import { indexFields } from '@shared/search/analyse.ts';
import type { FileOutcome } from './protocol.ts';
import { errorMessage } from '@shared/errors.ts';

/** What the import worker does with one file: the pipeline, then the hash duplicate detection compares. */
export async function processFile(name: string, bytes: Uint8Array, index = true): Promise<FileOutcome> {
  try {
    const { drafts, problems, report } = await importFile({ name, bytes });
    return {
      drafts: drafts.map((draft) => ({ draft, contentHash: contentHash(draft.text), ...(index ? { terms: indexFields(draft.title, draft.text, draft.meta.language) } : {}) })),
      problems,
      report,
    };
  } catch (e) {
    // The pipeline reports bad input as problems; a throw is a bug, but it must cost one file only.
    const reason = errorMessage(e);
    return { drafts: [], problems: [{ source: { file: name }, message: `could not be imported (internal error: ${reason})` }] };
  }
}
