import Dexie, { type IntervalTree, type ObservabilitySet } from 'dexie';
import { db } from './db.ts';
import { LIST_PAGE, listArticles } from './articles.ts';
import type { ArticleRecord } from './schema.ts';

/**
 * Primary keys named one by one in a mutated-parts tree, or `null` when a part is a range (a
 * cleared table, a deleted range): then only a full reading is safe.
 */
export function pointKeys(tree: IntervalTree | undefined): string[] | null {
  const keys: string[] = [];
  const stack: IntervalTree[] = tree ? [tree] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!('from' in node)) continue; // an empty tree
    if (node.from !== node.to || typeof node.from !== 'string') return null;
    keys.push(node.from);
    if (node.l) stack.push(node.l);
    if (node.r) stack.push(node.r);
  }
  return keys;
}

/**
 * A project's article list kept current by applying each change to the records it touched.
 * A live query re-read all 100,000 records after every write to the table — each import batch,
 * each status change (0.6 s frozen every time, see the 100k findings): the cost of a change must
 * follow the change, not the corpus.
 */
export function watchProjectArticles(projectId: string, onChange: (list: ArticleRecord[]) => void, onError: (e: unknown) => void = () => {}, pageSize = LIST_PAGE): () => void {
  let list: ArticleRecord[] = [];
  let loaded = false;
  let stopped = false;
  /** Keys to re-read, or 'all' after a change that named no keys. */
  let pending: Set<string> | 'all' = new Set();
  let running: Promise<void> | null = null;
  const part = `idb://${db.name}/${db.articles.name}/`;

  const reload = async () => {
    // The first reading shows each page as it arrives: the library paints its first rows after
    // one page, not after all 100,000 records.
    const first = !loaded;
    list = await listArticles(projectId, pageSize, first ? (soFar) => !stopped && onChange(soFar.slice()) : undefined);
    loaded = true;
  };

  const patch = async (keys: string[]) => {
    const fresh = await db.articles.bulkGet(keys);
    const changed = new Map<string, ArticleRecord | undefined>();
    keys.forEach((k, i) => changed.set(k, fresh[i]?.projectId === projectId ? fresh[i] : undefined));
    const kept: ArticleRecord[] = [];
    for (const a of list) {
      if (!changed.has(a.id)) kept.push(a);
      else {
        const now = changed.get(a.id);
        if (now) kept.push(now);
        changed.delete(a.id);
      }
    }
    // What is left is new to the list: imports append in order, anything else is sorted in.
    const added = [...changed.values()].filter((a): a is ArticleRecord => !!a).sort((x, y) => x.order - y.order);
    const lastOrder = kept.length > 0 ? kept[kept.length - 1]!.order : -Infinity;
    list = added.length > 0 && added[0]!.order < lastOrder ? [...kept, ...added].sort((x, y) => x.order - y.order) : kept.concat(added);
  };

  const drain = async () => {
    while (!stopped) {
      const work = pending;
      pending = new Set();
      if (work === 'all' || !loaded) await reload();
      else if (work.size > 0) await patch([...work]);
      else return;
      if (!stopped) onChange(list);
    }
  };

  const schedule = () => {
    running ??= drain()
      .catch(onError)
      .finally(() => {
        running = null;
        const more = pending === 'all' || pending.size > 0;
        if (more && !stopped) schedule();
      });
  };

  const onMutated = (parts: ObservabilitySet) => {
    const puts = parts[part];
    const dels = parts[`${part}:dels`];
    if (!puts && !dels) return;
    const keys = [pointKeys(puts), pointKeys(dels)];
    if (pending === 'all' || keys.some((k) => k === null)) pending = 'all';
    else for (const k of keys) for (const key of k ?? []) pending.add(key);
    schedule();
  };

  Dexie.on('storagemutated', onMutated);
  pending = 'all';
  schedule();
  return () => {
    stopped = true;
    Dexie.on('storagemutated').unsubscribe(onMutated);
  };
}
