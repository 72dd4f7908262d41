/**
 * A coder package from the app: the lead project's codebook and the coder's assigned articles,
 * read in batches like any export, stripped of every annotation, and saved through the bridge.
 */
import type { Bridge, SaveResult } from '@shared/bridge/contract.ts';
import { exportChunksAsync } from '@shared/dataset/app-stream.ts';
import { packageArticle, packageFileName, packageHeader } from '@shared/dataset/coder-package.ts';
import { sampleToDataset, type DatasetArticle } from '@shared/dataset/dataset.ts';
import type { SampleSet } from '@shared/analysis/sample.ts';
import { nowIso } from '@shared/model/ids.ts';
import type { Id } from '@shared/model/types.ts';
import { planExport, readExportArticles } from '../../db/export-reader.ts';

export interface PackageOutcome {
  save: SaveResult;
  articles: number;
}

export async function exportCoderPackage(bridge: Pick<Bridge, 'saveFile'>, request: { projectId: Id; projectName: string; coder: string; articleIds: Id[]; sample?: SampleSet }): Promise<PackageOutcome> {
  const plan = await planExport(request.projectId, { kind: 'articles', articleIds: request.articleIds });
  const header = packageHeader(plan.header, {
    coder: request.coder,
    articleIds: plan.articleIds,
    createdAt: nowIso(),
    ...(request.sample ? { sample: sampleToDataset(request.sample) } : {}),
  });
  let count = 0;
  async function* stripped(): AsyncGenerator<DatasetArticle[]> {
    for await (const batch of readExportArticles(plan)) {
      count += batch.length;
      yield batch.map(packageArticle);
    }
  }
  const parts: string[] = [];
  for await (const chunk of exportChunksAsync('json', header, stripped())) if (typeof chunk === 'string') parts.push(chunk);
  const save = await bridge.saveFile({ suggestedName: packageFileName(request.projectName, request.coder), parts, mimeType: 'application/json' });
  return { save, articles: count };
}
