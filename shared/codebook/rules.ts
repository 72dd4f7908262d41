/**
 * The codebook's validation rules: names, colours, shortcuts (and the keys the reader keeps),
 * attribute options and ids. Each `clean…` returns the value to store or throws a
 * `CodebookError` whose message is shown to the user as is.
 */
import { isHexColor } from '../model/color.ts';
import type { AttributeDef, AttributeType, Category, CategoryLevel, Id, Project, Tag } from '../model/types.ts';
import { plural } from '../text/plural.ts';
import { CodebookError } from './errors.ts';

/** One letter or digit, in any script (researchers code Cyrillic corpora on Cyrillic keyboards). */
const SHORTCUT = /^[\p{L}\p{N}]$/u;
/** Keys the reader already uses to move between annotations (n/p) and articles (j/k). */
export const RESERVED_SHORTCUTS: ReadonlySet<string> = new Set(['n', 'p', 'j', 'k']);
export const MAX_NAME_LENGTH = 80;

/** Collapses white space; refuses an empty or over-long name. `what` starts the message (“A tag”). */
export function cleanName(name: string, what: string): string {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (!clean) throw new CodebookError(`${what} needs a name.`);
  if (clean.length > MAX_NAME_LENGTH) throw new CodebookError(`${what} name is too long (${MAX_NAME_LENGTH} characters at most).`);
  return clean;
}

export function cleanColor(color: string): string {
  if (!isHexColor(color)) throw new CodebookError(`“${color}” is not a colour of the form #rrggbb.`);
  return color.toLowerCase();
}

/** `''`/undefined clears the shortcut; otherwise one letter or digit, lower-cased. */
export function cleanShortcut(key: string | undefined): string | undefined {
  if (key === undefined) return undefined;
  const k = key.trim().toLocaleLowerCase();
  if (k === '') return undefined;
  if (!SHORTCUT.test(k)) throw new CodebookError('A shortcut is a single letter or digit.');
  if (RESERVED_SHORTCUTS.has(k)) throw new CodebookError(`“${k}” is taken by the reader: n/p move between annotations and j/k between articles.`);
  return k;
}

/** Names are compared ignoring case but not accents (“Médias” ≠ “Medias”, “claim” = “Claim”). */
export function sameName(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}

/** Splits “a, b, c” into distinct, trimmed options (what the attribute form accepts). */
export function parseOptions(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(',')) {
    const o = part.replace(/\s+/g, ' ').trim();
    if (o && !out.some((x) => sameName(x, o))) out.push(o);
  }
  return out;
}

/** The options to store: none unless `choice`, which needs at least two distinct ones. */
export function cleanOptions(type: AttributeType, options: string[] | undefined): string[] | undefined {
  if (type !== 'choice') return undefined;
  const clean = parseOptions((options ?? []).join(','));
  if (clean.length < 2) throw new CodebookError('A choice needs at least two options, separated by commas.');
  return clean;
}

/** A readable key (it becomes a column name in exports), unique within the category. */
export function attributeId(name: string, taken: AttributeDef[]): string {
  const base =
    name
      .normalize('NFKD')
      .toLocaleLowerCase()
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'attribute';
  let id = base;
  for (let i = 2; taken.some((a) => a.id === id); i++) id = `${base}-${i}`;
  return id;
}

export function findCategory(project: Project, categoryId: Id): Category {
  const category = project.categories.find((c) => c.id === categoryId);
  if (!category) throw new CodebookError('This category no longer exists.');
  return category;
}

export function assertFreeCategoryName(categories: Category[], name: string, except?: Id): void {
  if (categories.some((c) => c.id !== except && sameName(c.name, name))) throw new CodebookError(`There is already a category called “${name}”.`);
}

export function assertFreeAttributeName(category: Category, name: string, except?: Id): void {
  if (category.attributes.some((a) => a.id !== except && sameName(a.name, name))) throw new CodebookError(`“${category.name}” already has an attribute called “${name}”.`);
}

/** Checks a tag name is free among its siblings (same category, same parent). */
export function assertFreeTagName(all: Tag[], name: string, categoryId: Id, parentId: Id | null, except?: Id): void {
  if (all.some((t) => t.id !== except && t.categoryId === categoryId && t.parentId === parentId && sameName(t.name, name))) {
    throw new CodebookError(`There is already a tag called “${name}” here.`);
  }
}

export function assertShortcutAllowed(category: Category, key: string | undefined): void {
  if (key && category.level === 'document') throw new CodebookError('Shortcuts tag a selected passage; tags that label whole articles cannot have one.');
}

/** How much stored coding hangs on a set of tags: what stops them switching level. */
export interface LevelUse {
  /** Annotations (passages) tagged with them. */
  annotations: number;
  /** Articles labelled with them. */
  articles: number;
}

/**
 * Span annotations cannot become article labels nor the reverse, so tags in use keep their level.
 * `subject` names what moves in the message: a category switching level, or a tag moving between
 * categories of different levels.
 */
export function assertLevelChangeAllowed(subject: { kind: 'category' | 'tag'; name: string }, to: CategoryLevel, use: LevelUse): void {
  if (subject.kind === 'category') {
    if (to === 'document' && use.annotations > 0) throw new CodebookError(`“${subject.name}” cannot label whole articles: its tags are used by ${plural(use.annotations, 'annotation')}.`);
    if (to === 'span' && use.articles > 0) throw new CodebookError(`“${subject.name}” cannot mark passages: its tags label ${plural(use.articles, 'article')}.`);
    return;
  }
  if (to === 'document' && use.annotations > 0) throw new CodebookError(`“${subject.name}” is used by ${plural(use.annotations, 'annotation')} and cannot move to a category that labels whole articles.`);
  if (to === 'span' && use.articles > 0) throw new CodebookError(`“${subject.name}” labels ${plural(use.articles, 'article')} and cannot move to a category that marks passages.`);
}
