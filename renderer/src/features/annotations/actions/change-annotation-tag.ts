import { carryAttributes, type CarriedAttributes } from '@shared/model/carry-attributes.ts';
import type { Annotation, Category, Tag } from '@shared/model/types.ts';
import { defineAction, runAction } from '../../../actions/action.ts';
import { patchAnnotation, putBack, type AnnotationChange } from './update-annotation.ts';

export interface ChangeTagArgs {
  id: string;
  tag: Tag;
  tags: Tag[];
  categories: Category[];
}

interface TagChanged {
  change: AnnotationChange;
  /** Attribute values the new tag's category has no place for; undo restores them. */
  dropped: CarriedAttributes['dropped'];
}

/** Gives an annotation another tag, keeping the attribute values the new tag's category has (the detail's Tag field). */
export const changeAnnotationTagAction = defineAction<ChangeTagArgs, TagChanged>({
  name: 'change-annotation-tag',
  label: () => 'Change tag',
  perform: async ({ id, tag, tags, categories }) => {
    const categoryOf = (tagId: string) => categories.find((c) => c.id === tags.find((t) => t.id === tagId)?.categoryId);
    let dropped: CarriedAttributes['dropped'] = [];
    const change = await patchAnnotation(id, (stored) => {
      const carried = carryAttributes(stored.attributes, categoryOf(stored.tagId), categoryOf(tag.id));
      dropped = carried.dropped;
      return { tagId: tag.id, attributes: carried.kept };
    });
    return { change, dropped };
  },
  undo: ({ change }) => putBack(change, 'before'),
  redo: ({ change }) => putBack(change, 'after'),
});

/** Resolves to the values that could not be kept. */
export async function changeAnnotationTag(a: Annotation, tag: Tag, tags: Tag[], categories: Category[]): Promise<CarriedAttributes['dropped']> {
  return (await runAction(changeAnnotationTagAction, { id: a.id, tag, tags, categories })).dropped;
}
