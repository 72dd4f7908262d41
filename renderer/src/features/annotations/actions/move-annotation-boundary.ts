import { stepWord, trimRange } from '@shared/text/word-boundaries.ts';
import type { Annotation } from '@shared/model/types.ts';
import { defineAction, runAction } from '../../../actions/action.ts';
import { patchAnnotation, putBack, type AnnotationChange } from './update-annotation.ts';

/** Moves one boundary of an annotation by one word, keeping at least one character, trimmed. */
export function moveBoundary(text: string, a: Annotation, edge: 'start' | 'end', direction: -1 | 1): { start: number; end: number } | null {
  const moved = edge === 'start' ? { start: stepWord(text, a.start, direction), end: a.end } : { start: a.start, end: stepWord(text, a.end, direction) };
  const r = trimRange(text, moved.start, moved.end);
  if (r.end <= r.start || (r.start === a.start && r.end === a.end)) return null;
  return r;
}

export interface MoveBoundaryArgs {
  id: string;
  text: string;
  edge: 'start' | 'end';
  direction: -1 | 1;
}

/** Moves a boundary by a word (Alt+arrows in the reader, the detail's arrow buttons). */
export const moveAnnotationBoundaryAction = defineAction<MoveBoundaryArgs, AnnotationChange>({
  name: 'move-annotation-boundary',
  label: () => 'Move boundary',
  // From the stored record: a held key or quick clicks repeat faster than the list re-renders.
  perform: ({ id, text, edge, direction }) => patchAnnotation(id, (stored) => moveBoundary(text, stored, edge, direction) ?? {}, text),
  undo: (change) => putBack(change, 'before'),
  redo: (change) => putBack(change, 'after'),
});

/** Moves the boundary when it can move (a one-word annotation cannot lose its last word). */
export function moveAnnotationBoundary(text: string, a: Annotation, edge: 'start' | 'end', direction: -1 | 1): void {
  if (moveBoundary(text, a, edge, direction)) void runAction(moveAnnotationBoundaryAction, { id: a.id, text, edge, direction });
}
