import type { AttributeDef, AttributeValue, Category, Id } from './types.ts';

export interface CarriedAttributes {
  /** The values the annotation keeps under its new tag, keyed by the new category's attribute ids. */
  kept: Record<Id, AttributeValue>;
  /** What could not be kept, for telling the coder (name as the old category calls it). */
  dropped: { id: Id; name: string; value: AttributeValue }[];
}

function accepts(def: AttributeDef, value: AttributeValue): boolean {
  if (def.type === 'boolean') return typeof value === 'boolean';
  if (typeof value !== 'string') return false;
  return def.type === 'choice' ? (def.options ?? []).includes(value) : true;
}

/**
 * Which attribute values survive moving an annotation from one category to another (a tag
 * change). A value stays when the new category has the same attribute — same id, or failing
 * that the same name (case-insensitive) and type — and that attribute accepts the value (a
 * choice must still be one of its options). Everything else is reported, never dropped silently.
 */
export function carryAttributes(values: Record<Id, AttributeValue>, from: Category | undefined, to: Category | undefined): CarriedAttributes {
  const kept: Record<Id, AttributeValue> = {};
  const dropped: CarriedAttributes['dropped'] = [];
  const targets = to?.attributes ?? [];
  for (const [id, value] of Object.entries(values)) {
    const source = from?.attributes.find((d) => d.id === id);
    const name = source?.name ?? id;
    const target = targets.find((d) => d.id === id) ?? (source ? targets.find((d) => d.type === source.type && d.name.toLocaleLowerCase() === source.name.toLocaleLowerCase()) : undefined);
    if (target && accepts(target, value) && !(target.id in kept)) kept[target.id] = value;
    else dropped.push({ id, name, value });
  }
  return { kept, dropped };
}
