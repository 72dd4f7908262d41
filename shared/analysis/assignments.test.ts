import { describe, expect, it } from 'vitest';
import { assignmentId, coderNames, coderProgress, planAssignments } from './assignments.ts';

const base = { projectId: 'p', source: 'by hand', now: '2026-01-01T00:00:00.000Z' };

describe('assignments', () => {
  it('give every article to every coder once, an article to several coders', () => {
    const first = planAssignments(new Set(), { ...base, coders: ['ann', 'bob'], articleIds: ['a1', 'a2'] });
    expect(first.map((a) => `${a.coder}:${a.articleId}`)).toEqual(['ann:a1', 'ann:a2', 'bob:a1', 'bob:a2']);
    // Assigning again adds only what is new.
    const again = planAssignments(new Set(first.map((a) => a.id)), { ...base, coders: ['ann'], articleIds: ['a2', 'a3', 'a3'], sampleId: 's1' });
    expect(again).toEqual([{ id: assignmentId('p', 'ann', 'a3'), projectId: 'p', coder: 'ann', articleId: 'a3', source: 'by hand', sampleId: 's1', createdAt: base.now }]);
  });

  it('read coder names from a list typed by a person', () => {
    expect(coderNames(' ann ,  bob\nann;  carl  b ;; ')).toEqual(['ann', 'bob', 'carl b']);
  });

  it('count per coder the assigned articles and those their coding has come back for', () => {
    const assigned = planAssignments(new Set(), { ...base, coders: ['bob', 'ann'], articleIds: ['a1', 'a2', 'a3'] });
    const coded = new Map([
      ['ann', new Set(['a1', 'a3', 'a9'])],
      ['zed', new Set(['a1'])],
    ]);
    expect(coderProgress(assigned, coded)).toEqual([
      { coder: 'ann', assigned: 3, coded: 2, unassignedCoded: 1 },
      { coder: 'bob', assigned: 3, coded: 0, unassignedCoded: 0 },
    ]);
  });
});
