/**
 * Codebook templates a project can start from (or add to its codebook later): the default
 * Claim / Source / Actor codebook, Political Claims Analysis (Koopmans & Statham: claimant,
 * addressee, object, issue, position, form, scope) and Sources and attribution. Roles (claimant,
 * addressee, object, source) are links from the claim (the statement form), not attributes; the
 * claim's attributes Position and Quote type/Form are the ones the statement form sets. Pure.
 */
import { defaultCategories } from '../model/default-codebook.ts';
import type { AttributeDef, Category, Project, Tag } from '../model/types.ts';
import type { CodebookPlan } from './plan.ts';

export interface TemplateTag {
  category: string;
  name: string;
  /** Name of the parent tag in the same category. */
  parent?: string;
  description?: string;
  shortcut?: string;
}

export interface CodebookTemplate {
  id: string;
  name: string;
  description: string;
  categories: () => Category[];
  tags: TemplateTag[];
}

const POSITION: AttributeDef = { id: 'position', name: 'Position', type: 'choice', options: ['-1', '0', '+1'] };
const FORM: AttributeDef = { id: 'form', name: 'Form', type: 'choice', options: ['direct', 'indirect', 'mixed'] };
const QUOTE_TYPE: AttributeDef = { id: 'quote-type', name: 'Quote type', type: 'choice', options: ['direct', 'indirect', 'mixed'] };

function withAttributes(categories: Category[], extra: Record<string, AttributeDef[]>, replace: Record<string, AttributeDef[]> = {}): Category[] {
  return categories.map((c) => ({ ...c, attributes: replace[c.id] ?? [...c.attributes, ...(extra[c.id] ?? [])] }));
}

const BASIC_TAGS: TemplateTag[] = [
  { category: 'claim', name: 'Claim', shortcut: '1' },
  { category: 'source', name: 'Source', shortcut: '2' },
  { category: 'actor', name: 'Actor', shortcut: '3' },
];

export const CODEBOOK_TEMPLATES: readonly CodebookTemplate[] = [
  {
    id: 'basic',
    name: 'Claims, sources and actors',
    description: 'The default codebook: Claim (stance, verifiable), Source (type) and Actor (type).',
    categories: defaultCategories,
    tags: BASIC_TAGS,
  },
  {
    id: 'political-claims',
    name: 'Political claims analysis',
    description:
      'Koopmans & Statham: each claim with its claimant, addressee and object actors (links from the statement form), its issue (a sub-tag of Claim), position (−1 / 0 / +1), form and scope.',
    categories: () =>
      withAttributes(
        defaultCategories(),
        {},
        {
          claim: [
            POSITION,
            FORM,
            { id: 'scope', name: 'Scope', type: 'choice', options: ['local', 'regional', 'national', 'European', 'international'] },
          ],
          actor: [{ id: 'type', name: 'Type', type: 'choice', options: ['state', 'party', 'civil society', 'economic', 'media', 'expert', 'international', 'other'] }],
        },
      ),
    tags: [
      { category: 'claim', name: 'Claim', shortcut: '1', description: 'A public demand, proposal, criticism or statement of position. Code the issue as a sub-tag (Claim › Grain deal).' },
      { category: 'source', name: 'Source', shortcut: '2' },
      { category: 'actor', name: 'Actor', shortcut: '3', description: 'A mention of a claimant, addressee or object actor; link it to the actor registry.' },
    ],
  },
  {
    id: 'sources-attribution',
    name: 'Sources and attribution',
    description: 'Who the reporting relies on: source type, named or anonymous, direct or indirect quotation.',
    categories: () =>
      withAttributes(
        defaultCategories(),
        { claim: [QUOTE_TYPE] },
        {
          source: [
            { id: 'type', name: 'Source type', type: 'choice', options: ['official', 'expert', 'journalist', 'news agency', 'document', 'citizen', 'social media', 'other'] },
            { id: 'named', name: 'Named', type: 'choice', options: ['named', 'anonymous'] },
            { id: 'attribution', name: 'Attribution', type: 'choice', options: ['direct', 'indirect'] },
          ],
        },
      ),
    tags: BASIC_TAGS,
  },
];

export const DEFAULT_TEMPLATE_ID = 'basic';

export function findTemplate(id: string): CodebookTemplate | undefined {
  return CODEBOOK_TEMPLATES.find((t) => t.id === id);
}

/** The template's tags for a new project, shortcuts and parents as the template says. */
export function templateTags(template: CodebookTemplate, projectId: string, makeId: () => string, now: string, categories: readonly Category[] = template.categories()): Tag[] {
  const out: Tag[] = [];
  const byName = new Map<string, Tag>();
  template.tags.forEach((t, order) => {
    const category = categories.find((c) => c.id === t.category);
    if (!category) return;
    const parent = t.parent ? byName.get(`${t.category}\u0000${t.parent}`) : undefined;
    const tag: Tag = {
      id: makeId(),
      projectId,
      categoryId: t.category,
      name: t.name,
      parentId: parent?.id ?? null,
      color: category.color,
      description: t.description ?? '',
      ...(t.shortcut ? { shortcut: t.shortcut } : {}),
      order,
      createdAt: now,
    };
    byName.set(`${t.category}\u0000${t.name}`, tag);
    out.push(tag);
  });
  return out;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * What adding a template to an existing codebook changes: categories it lacks, attributes its
 * categories lack (matched by name; an existing attribute of that name is left as it is), and
 * top-level tags it lacks. Nothing is removed or renamed. `added` names each addition.
 */
export function planApplyTemplate(template: CodebookTemplate, project: Project, tags: readonly Tag[], makeId: () => string, now: string): { plan: CodebookPlan; result: { added: string[] } } {
  const added: string[] = [];
  const categories = project.categories.map((c) => ({ ...c, attributes: [...c.attributes] }));
  for (const wanted of template.categories()) {
    const have = categories.find((c) => c.id === wanted.id || same(c.name, wanted.name));
    if (!have) {
      categories.push(wanted);
      added.push(`category ${wanted.name}`);
      continue;
    }
    for (const attr of wanted.attributes) {
      if (have.attributes.some((a) => same(a.name, attr.name))) continue;
      const id = have.attributes.some((a) => a.id === attr.id) ? `${attr.id}-${makeId().slice(0, 8)}` : attr.id;
      have.attributes.push({ ...attr, id });
      added.push(`${have.name} › ${attr.name}`);
    }
  }
  const taken = new Set(tags.flatMap((t) => (t.shortcut ? [t.shortcut] : [])));
  const putTags: Tag[] = [];
  for (const t of templateTags(template, project.id, makeId, now, categories)) {
    const category = categories.find((c) => c.id === t.categoryId);
    if (tags.some((x) => x.categoryId === t.categoryId && x.parentId === null && same(x.name, t.name))) continue;
    const { shortcut, ...rest } = t;
    const order = tags.filter((x) => x.categoryId === t.categoryId && x.parentId === null).length + putTags.filter((x) => x.categoryId === t.categoryId).length;
    putTags.push({ ...rest, ...(shortcut && !taken.has(shortcut) ? { shortcut } : {}), order, color: category?.color ?? t.color });
    added.push(`tag ${category?.name ?? t.categoryId} › ${t.name}`);
  }
  const plan: CodebookPlan = {};
  if (added.some((a) => !a.startsWith('tag '))) plan.categories = categories;
  if (putTags.length > 0) plan.putTags = putTags;
  return { plan, result: { added } };
}
