import type { Id, Tag } from '../model/types.ts';

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

/** The ids of the given tags and every tag below them (one pass over the list, then a walk). */
export function subtreeIds(tags: Iterable<Tag>, roots: Id | readonly Id[]): Set<Id> {
  const children = new Map<Id, Id[]>();
  for (const t of tags) {
    if (t.parentId === null) continue;
    const list = children.get(t.parentId);
    if (list) list.push(t.id);
    else children.set(t.parentId, [t.id]);
  }
  const out = new Set<Id>();
  const stack: Id[] = typeof roots === 'string' ? [roots] : [...roots];
  while (stack.length > 0) {
    const id = stack.pop() as Id;
    if (out.has(id)) continue; // also stops a cycle in stored data
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

/** The tag and all its descendants (the tag first, then breadth first). */
export function subtree(all: Tag[], rootId: Id): Tag[] {
  const out: Tag[] = [];
  const queue = [rootId];
  const seen = new Set<Id>();
  while (queue.length) {
    const id = queue.shift() as Id;
    if (seen.has(id)) continue; // defensive: stored data should never hold a cycle
    seen.add(id);
    const t = all.find((x) => x.id === id);
    if (t) out.push(t);
    for (const c of all) if (c.parentId === id) queue.push(c.id);
  }
  return out;
}

/** The `order` a tag appended under `parentId` gets: one past the last sibling's. */
export function nextOrder(all: Tag[], categoryId: Id, parentId: Id | null, except?: Id): number {
  const siblings = all.filter((t) => t.categoryId === categoryId && t.parentId === parentId && t.id !== except);
  return siblings.reduce((max, t) => Math.max(max, t.order + 1), 0);
}

export function withoutShortcut(t: Tag): Tag {
  const { shortcut: _dropped, ...rest } = t;
  return rest;
}

/** If `key` is taken by another tag, that tag as it is once it loses the key (so the UI can say so). */
export function takeShortcut(all: Tag[], key: string | undefined, forTagId: Id): Tag | undefined {
  if (!key) return undefined;
  const holder = all.find((t) => t.shortcut === key && t.id !== forTagId);
  return holder ? withoutShortcut(holder) : undefined;
}

/** The direct sub-tags of `parentId`, in their order. */
export function childrenInOrder(all: Tag[], parentId: Id): Tag[] {
  return all.filter((t) => t.parentId === parentId).sort((a, b) => a.order - b.order);
}

/** An article's labels with `from` replaced by `to`, without duplicates, in their order. */
export function relabel(labels: Id[], from: Id, to: Id): Id[] {
  const next: Id[] = [];
  for (const l of labels) {
    const id = l === from ? to : l;
    if (!next.includes(id)) next.push(id);
  }
  return next;
}
