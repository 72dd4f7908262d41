import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from './route.ts';

describe('routes of the analysis views', () => {
  it('reads and writes #/project/<id>/statements|charts|network', () => {
    for (const tab of ['statements', 'charts', 'network'] as const) {
      const route = parseRoute(`#/project/p%201/${tab}`);
      expect(route).toEqual({ view: 'analysis', projectId: 'p 1', tab });
      expect(routeHash(route)).toBe(`#/project/p%201/${tab}`);
    }
  });

  it('leaves the other routes as they were', () => {
    expect(parseRoute('#/project/p/annotations')).toEqual({ view: 'annotations', projectId: 'p' });
    expect(parseRoute('#/project/p/other')).toEqual({ view: 'project', projectId: 'p' });
  });
});
