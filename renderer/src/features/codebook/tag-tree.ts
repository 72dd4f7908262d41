import type { Id, Tag } from '@shared/model/types.ts';

export interface TagRow {
  tag: Tag;
  /** 0 for a top-level tag. */
  depth: number;
  /** Names from the top-level ancestor down to the parent, for labels like “Claim › Health”. */
  path: string[];
  hasChildren: boolean;
}

function byOrder(a: Tag, b: Tag): number {
  return a.order - b.order || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
}

/**
 * A category's tags in display order, depth first. A tag whose parent is missing or sits in another
 * category is shown at the top level rather than hidden, so no tag can become unreachable.
 */
export function tagRows(tags: Tag[], categoryId: Id): TagRow[] {
  const inCategory = tags.filter((t) => t.categoryId === categoryId);
  const ids = new Set(inCategory.map((t) => t.id));
  const childrenOf = new Map<Id | null, Tag[]>();
  for (const t of inCategory) {
    const key = t.parentId && ids.has(t.parentId) && t.parentId !== t.id ? t.parentId : null;
    const list = childrenOf.get(key) ?? [];
    list.push(t);
    childrenOf.set(key, list);
  }
  const rows: TagRow[] = [];
  const seen = new Set<Id>();
  const walk = (parentId: Id | null, depth: number, path: string[]) => {
    for (const tag of (childrenOf.get(parentId) ?? []).sort(byOrder)) {
      if (seen.has(tag.id)) continue;
      seen.add(tag.id);
      const kids = childrenOf.get(tag.id) ?? [];
      rows.push({ tag, depth, path, hasChildren: kids.length > 0 });
      walk(tag.id, depth + 1, [...path, tag.name]);
    }
  };
  walk(null, 0, []);
  // A cycle in stored data would leave tags unvisited: list them at the top level.
  for (const tag of inCategory.filter((t) => !seen.has(t.id)).sort(byOrder)) rows.push({ tag, depth: 0, path: [], hasChildren: false });
  return rows;
}

/** The ids of a tag and every tag below it. */
export function subtreeIds(tags: Tag[], rootId: Id): Set<Id> {
  const out = new Set<Id>([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of tags) {
      if (t.parentId && out.has(t.parentId) && !out.has(t.id)) {
        out.add(t.id);
        grew = true;
      }
    }
  }
  return out;
}
