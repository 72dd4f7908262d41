import { useLiveQuery } from 'dexie-react-hooks';
import { coderProgress, type Assignment, type CoderProgress } from '@shared/analysis/assignments.ts';
import type { SampleSet } from '@shared/analysis/sample.ts';
import type { Id } from '@shared/model/types.ts';
import { articlesCodedPerCoder, listAssignments } from '../../db/assignments.ts';
import { listSamples } from '../../db/samples.ts';

export interface AssignmentsData {
  assignments: Assignment[] | undefined;
  progress: CoderProgress[] | undefined;
  samples: SampleSet[];
}

/** The study's assignments, each coder's progress (articles their merged coding covers), and the samples to assign from; live. */
export function useAssignments(projectId: Id): AssignmentsData {
  const assignments = useLiveQuery(() => listAssignments(projectId), [projectId]);
  const coded = useLiveQuery(() => articlesCodedPerCoder(projectId), [projectId]);
  const samples = useLiveQuery(() => listSamples(projectId), [projectId], [] as SampleSet[]);
  const progress = assignments && coded ? coderProgress(assignments, coded) : undefined;
  return { assignments, progress, samples };
}
