import { describe, expect, it } from 'vitest';
import type { Actor } from './types.ts';
import { exactActor, suggestActors } from './actor-match.ts';

const actor = (name: string, aliases: string[] = []): Actor => ({ id: name, projectId: 'p', name, aliases, createdAt: '2026-01-01T00:00:00Z' });
const ACTORS = [actor('Alexander Lukashenko', ['Lukashenka', 'Лукашенко']), actor('Luka Modrić'), actor('Ministry of Defence', ['MoD']), actor('Łukasz Nowak')];

describe('suggestActors', () => {
  it('offers prefix matches first, a later word next, and never a new name instead', () => {
    const names = suggestActors(ACTORS, 'Luka').map((s) => s.actor.name);
    // "Luka Modrić" and the alias "Lukashenka" both start with "Luka"; later words come after.
    expect(names.slice(0, 2).sort()).toEqual(['Alexander Lukashenko', 'Luka Modrić']);
    expect(names).not.toContain('Ministry of Defence');
  });

  it('finds by alias and says which alias matched', () => {
    const [first] = suggestActors(ACTORS, 'лукаш');
    expect(first?.actor.name).toBe('Alexander Lukashenko');
    expect(first?.alias).toBe('Лукашенко');
    expect(suggestActors(ACTORS, 'mod')[0]?.actor.name).toBe('Ministry of Defence');
  });

  it('ignores case and diacritics', () => {
    expect(suggestActors(ACTORS, 'modric').map((s) => s.actor.name)).toEqual(['Luka Modrić']);
    expect(suggestActors(ACTORS, 'ЛУКАШЕНКО')[0]?.rank).toBe(0);
  });

  it('lists every actor by name for an empty query, and nothing for a miss', () => {
    expect(suggestActors(ACTORS, '  ').map((s) => s.actor.name)).toEqual(['Alexander Lukashenko', 'Luka Modrić', 'Łukasz Nowak', 'Ministry of Defence']);
    expect(suggestActors(ACTORS, 'Zelensky')).toEqual([]);
  });
});

describe('exactActor', () => {
  it('matches a whole name or alias only', () => {
    expect(exactActor(ACTORS, ' alexander  LUKASHENKO ')?.name).toBe('Alexander Lukashenko');
    expect(exactActor(ACTORS, 'lukashenka')?.name).toBe('Alexander Lukashenko');
    expect(exactActor(ACTORS, 'Luka')).toBeUndefined();
    expect(exactActor(ACTORS, '')).toBeUndefined();
  });
});
