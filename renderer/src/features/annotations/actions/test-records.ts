/** Records for the action tests: an annotation and a relation, stored nowhere yet. */
import type { Annotation, Relation } from '@shared/model/types.ts';
import { completeAnnotation } from '../../../db/annotations.ts';

export const TEXT = 'The mayor said the bridge will open in May.';

export function annotation(fields: Partial<Annotation> = {}): Annotation {
  return completeAnnotation({ projectId: 'p', articleId: 'a', tagId: 't1', start: 4, end: 9, quote: 'mayor', prefix: 'The ', suffix: ' said', attributes: {}, coder: 'me', ...fields });
}

export function relation(fromId: string, toId: string, fields: Partial<Relation> = {}): Relation {
  return { id: `r-${fromId}-${toId}`, projectId: 'p', articleId: 'a', type: 'claimant', fromId, toId, coder: 'me', createdAt: '2026-01-01T00:00:00.000Z', ...fields };
}
