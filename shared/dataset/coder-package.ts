/**
 * Coder packages for a reliability study (issue #10): the lead gives each coder a dataset file
 * holding the codebook and that coder's assigned articles — none of anyone's coding — with a
 * `package` block saying whom it is for. Opening it starts the coder's own project; the coder's
 * export later merges back into the lead's project as their layer (merge.ts, keyed by `coder`).
 */
import type { DatasetArticle, DatasetHeader, DatasetPackage, DatasetSample } from './dataset.ts';
import type { DatasetMergePlan } from './merge.ts';

export interface PackageRequest {
  coder: string;
  /** The lead project's ids of the articles assigned to the coder. */
  articleIds: string[];
  sample?: DatasetSample;
  createdAt: string;
}

/** The name a coder's project gets: the lead project's, with the coder's after it. */
export function coderProjectName(leadName: string, coder: string): string {
  return `${leadName} — ${coder}`;
}

/**
 * The package's header: the lead's codebook and actors, the `package` block, and no samples of
 * the lead project (they list articles the coder does not get; the assignment's own sample is
 * recorded in the block).
 */
export function packageHeader(lead: DatasetHeader, request: PackageRequest): DatasetHeader & { package: DatasetPackage } {
  const { samples: _leadSamples, package: _earlier, ...rest } = lead;
  return {
    ...rest,
    project: { ...lead.project, name: coderProjectName(lead.project.name, request.coder) },
    package: {
      coder: request.coder,
      leadProject: { id: lead.project.id, name: lead.project.name },
      createdAt: request.createdAt,
      assignment: { articleIds: [...request.articleIds], ...(request.sample ? { sample: request.sample } : {}) },
    },
  };
}

/** An assigned article as the coder receives it: the text and metadata, no annotations, links or labels, status "to do". */
export function packageArticle(article: DatasetArticle): DatasetArticle {
  return { ...article, status: 'todo', labels: [], annotations: [], relations: [] };
}

/** `Election study-ann.presswork.json`: names made safe for every file system. */
export function packageFileName(projectName: string, coder: string): string {
  const safe = (s: string) =>
    s
      .normalize('NFC')
      .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[. ]+$/, '')
      .slice(0, 60);
  return `${safe(projectName) || 'presswork'}-${safe(coder) || 'coder'}.presswork.json`;
}

/** Per coder, what a merge brings in: annotations in the file, annotations added, articles they are in. */
export interface CoderMergeLine {
  coder: string;
  inFile: number;
  added: number;
  /** Articles of the project that get at least one of the coder's annotations. */
  articles: number;
  relations: number;
}

/**
 * The merge report per coder. `inFile` counts the file's annotations by their `coder` (or all
 * as `coderOverride` when the merge renames them); what is in the file but not added was already
 * present or could not be placed (the plan lists those).
 */
export function mergeReportByCoder(incoming: { articles: Iterable<Pick<DatasetArticle, 'annotations'>> }, plan: Pick<DatasetMergePlan, 'annotationsToAdd' | 'relationsToAdd'>, coderOverride?: string): CoderMergeLine[] {
  const lines = new Map<string, { inFile: number; added: number; articles: Set<string>; relations: number }>();
  const line = (coder: string) => {
    let l = lines.get(coder);
    if (!l) lines.set(coder, (l = { inFile: 0, added: 0, articles: new Set(), relations: 0 }));
    return l;
  };
  for (const a of incoming.articles) for (const x of a.annotations) line(coderOverride ?? x.coder).inFile++;
  for (const x of plan.annotationsToAdd) {
    const l = line(x.coder);
    l.added++;
    l.articles.add(x.articleId);
  }
  for (const r of plan.relationsToAdd) line(r.coder).relations++;
  return [...lines.entries()]
    .map(([coder, l]) => ({ coder, inFile: l.inFile, added: l.added, articles: l.articles.size, relations: l.relations }))
    .sort((a, b) => a.coder.localeCompare(b.coder));
}
