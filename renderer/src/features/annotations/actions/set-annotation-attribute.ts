import type { Annotation, AttributeDef, AttributeValue } from '@shared/model/types.ts';
import { defineAction, runAction } from '../../../actions/action.ts';
import { patchAnnotation, putBack, type AnnotationChange } from './update-annotation.ts';

export interface SetAttributeArgs {
  id: string;
  def: AttributeDef;
  /** undefined or '' clears the value. */
  value: AttributeValue | undefined;
}

/** Sets or clears one attribute value, leaving the others as stored (the detail's attribute fields). */
export const setAnnotationAttributeAction = defineAction<SetAttributeArgs, AnnotationChange>({
  name: 'set-annotation-attribute',
  label: (a) => `Set ${a.def.name}`,
  perform: ({ id, def, value }) =>
    patchAnnotation(id, (stored) => {
      const attributes = { ...stored.attributes };
      if (value === undefined || value === '') delete attributes[def.id];
      else attributes[def.id] = value;
      return { attributes };
    }),
  undo: (change) => putBack(change, 'before'),
  redo: (change) => putBack(change, 'after'),
});

export function setAnnotationAttribute(a: Annotation, def: AttributeDef, value: AttributeValue | undefined): Promise<AnnotationChange> {
  return runAction(setAnnotationAttributeAction, { id: a.id, def, value });
}
