/**
 * Assignments of a reliability study (issue #10): which coder codes which article. An article may
 * go to several coders; a coder gets each article once. Pure: the store keeps the records, these
 * functions decide what to add and how far each coder has come.
 */

export interface Assignment {
  /** `projectId|coder|articleId`: assigning the same article to the same coder twice is one record. */
  id: string;
  projectId: string;
  coder: string;
  articleId: string;
  /** How the articles were chosen, in words ("Sample 1", "the library's filter: outlet Daily"). */
  source: string;
  /** The sample the articles came from, if any. */
  sampleId?: string;
  createdAt: string;
}

export function assignmentId(projectId: string, coder: string, articleId: string): string {
  return `${projectId}|${coder}|${articleId}`;
}

/** Trimmed, inner white space collapsed; empty names are dropped and repeated names kept once. */
export function coderNames(input: string): string[] {
  return [...new Set(input.split(/[,;\n]/).map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean))];
}

/** The assignments to add: every article to every coder, except those each coder already has. */
export function planAssignments(
  existing: ReadonlySet<string>,
  request: { projectId: string; coders: readonly string[]; articleIds: readonly string[]; source: string; sampleId?: string; now: string },
): Assignment[] {
  const out: Assignment[] = [];
  const seen = new Set(existing);
  for (const coder of request.coders) {
    for (const articleId of request.articleIds) {
      const id = assignmentId(request.projectId, coder, articleId);
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ id, projectId: request.projectId, coder, articleId, source: request.source, ...(request.sampleId ? { sampleId: request.sampleId } : {}), createdAt: request.now });
    }
  }
  return out;
}

export interface CoderProgress {
  coder: string;
  assigned: number;
  /** Assigned articles holding at least one annotation by the coder (in the lead's project: their work has come back). */
  coded: number;
  /** Articles the coder annotated that were not assigned to them. */
  unassignedCoded: number;
}

/** Per coder (assigned ones, sorted by name): assigned articles and how many of them carry the coder's annotations. */
export function coderProgress(assignments: readonly Pick<Assignment, 'coder' | 'articleId'>[], codedBy: ReadonlyMap<string, ReadonlySet<string>>): CoderProgress[] {
  const byCoder = new Map<string, Set<string>>();
  for (const a of assignments) {
    let set = byCoder.get(a.coder);
    if (!set) byCoder.set(a.coder, (set = new Set()));
    set.add(a.articleId);
  }
  return [...byCoder.entries()]
    .map(([coder, articles]) => {
      const coded = codedBy.get(coder) ?? new Set<string>();
      let inAssigned = 0;
      for (const id of coded) if (articles.has(id)) inAssigned++;
      return { coder, assigned: articles.size, coded: inAssigned, unassignedCoded: coded.size - inAssigned };
    })
    .sort((a, b) => a.coder.localeCompare(b.coder));
}
