import type { Category, Tag } from './types.ts';

/** The codebook every new project starts with (issue #4: attributes worth shipping). */
export function defaultCategories(): Category[] {
  return [
    {
      id: 'claim',
      name: 'Claim',
      level: 'span',
      color: '#e8a33d',
      builtIn: true,
      attributes: [
        { id: 'stance', name: 'Stance', type: 'choice', options: ['supports', 'opposes', 'neutral'] },
        { id: 'verifiable', name: 'Verifiable', type: 'choice', options: ['yes', 'no'] },
      ],
    },
    {
      id: 'source',
      name: 'Source',
      level: 'span',
      color: '#3d8be8',
      builtIn: true,
      attributes: [
        {
          id: 'type',
          name: 'Type',
          type: 'choice',
          options: ['news agency', 'official', 'document', 'anonymous', 'social media', 'other'],
        },
      ],
    },
    {
      id: 'actor',
      name: 'Actor',
      level: 'span',
      color: '#4caf6e',
      builtIn: true,
      attributes: [
        { id: 'type', name: 'Type', type: 'choice', options: ['person', 'organisation', 'state', 'group'] },
      ],
    },
  ];
}

/** One tag per built-in category, with the default shortcuts 1, 2, 3. */
export function defaultTags(projectId: string, makeId: () => string, now: string): Tag[] {
  return defaultCategories().map((c, i) => ({
    id: makeId(),
    projectId,
    categoryId: c.id,
    name: c.name,
    parentId: null,
    color: c.color,
    description: '',
    shortcut: String(i + 1),
    order: i,
    createdAt: now,
  }));
}
