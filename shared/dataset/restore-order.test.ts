import { describe, expect, it } from 'vitest';
import { buildDataset, datasetToRecords, linksToDataset, type Dataset } from './dataset.ts';
import { mergeDataset } from './merge.ts';
import { claimRoles } from '../statements/roles.ts';
import type { Relation } from '../model/types.ts';
import { fixtureInput } from './fixtures/fixture-project.ts';

const T = '2026-03-01T10:00:00.000Z';

/**
 * Two claimant links of one claim made in the same millisecond, the first (to the minister) with
 * an id that sorts after the second's: only the dataset's array order says which came first.
 */
function tiedLinks(): Dataset {
  const ds = buildDataset(fixtureInput());
  const grain = ds.articles.find((a) => a.id === 'art-grain')!;
  grain.relations = [
    { id: 'rel-z-first', type: 'claimant', from: 'ann-claim-hold', to: 'ann-minister', coder: 'alice', createdAt: T },
    { id: 'rel-a-second', type: 'claimant', from: 'ann-claim-hold', to: 'ann-mayor', coder: 'alice', createdAt: T },
  ];
  return ds;
}

/** The store hands relations back in primary-key order. */
function asStored(relations: readonly Relation[]): Relation[] {
  return [...relations].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

describe('links that tie on createdAt keep the dataset order', () => {
  it('through a restore with new ids (every time)', () => {
    const ds = tiedLinks();
    for (let run = 0; run < 40; run++) {
      const r = datasetToRecords(ds);
      const quoteOf = (id: string) => r.annotations.find((a) => a.id === id)!.quote;
      const claim = r.annotations.find((a) => a.quote.startsWith('The minister said the grain'))!;
      const stored = asStored(r.relations);
      expect(claimRoles(claim.id, stored).claimant.map((l) => quoteOf(l.toId))).toEqual(['The minister', 'mayor of Ки\u0301їв']);
      // …and the dataset exported again lists them in the same order.
      const links = linksToDataset(stored, new Set(r.annotations.map((a) => a.id)), () => true);
      expect(links.relations.map((l) => quoteOf(l.to))).toEqual(['The minister', 'mayor of Ки\u0301їв']);
    }
  });

  it('through a merge into an empty project (every time)', () => {
    const ds = tiedLinks();
    const base = datasetToRecords(ds);
    for (let run = 0; run < 40; run++) {
      const plan = mergeDataset({ project: base.project, articles: [], annotations: [], tags: base.tags, actors: base.actors }, ds);
      const added = plan.annotationsToAdd;
      const quoteOf = (id: string) => added.find((a) => a.id === id)!.quote;
      const claim = added.find((a) => a.quote.startsWith('The minister said the grain'))!;
      expect(claimRoles(claim.id, asStored(plan.relationsToAdd)).claimant.map((l) => quoteOf(l.toId))).toEqual(['The minister', 'mayor of Ки\u0301їв']);
    }
  });
});
