/**
 * The annotation actions, one per file in ./actions/ (see docs/architecture.md). This module only
 * gathers them for callers that want several at once.
 */
export { addAnnotation, createAnnotation, prepareAnnotation } from './actions/add-annotation.ts';
export { updateAnnotation, type AnnotationPatch } from './actions/update-annotation.ts';
export { setAnnotationAttribute } from './actions/set-annotation-attribute.ts';
export { changeAnnotationTag } from './actions/change-annotation-tag.ts';
export { removeAnnotations } from './actions/remove-annotations.ts';
export { moveAnnotationBoundary, moveBoundary } from './actions/move-annotation-boundary.ts';
export { addLink } from './actions/add-link.ts';
export { removeLink } from './actions/remove-link.ts';
export { linkActor } from './actions/link-actor.ts';
