import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Project } from '@shared/model/types.ts';
import { findHits } from '@shared/search/hits.ts';
import { kwicCsv, kwicLines, sortKwic, type KwicLine, type KwicSort } from '@shared/search/kwic.ts';
import type { QueryNode } from '@shared/search/query.ts';
import type { ArticleRecord } from '../../db/schema.ts';
import { articleTexts } from './search-service.ts';
import { bridge } from '../../platform/bridge.ts';
import { setPendingFind } from './search-state.ts';

/** Articles whose texts are read per task while the concordance is built. */
const CHUNK = 100;
const LINE_HEIGHT = 28;

const SORTS: { value: KwicSort; label: string }[] = [
  { value: 'text', label: 'Text order' },
  { value: 'left', label: 'Left context' },
  { value: 'right', label: 'Right context' },
  { value: 'outlet', label: 'Outlet' },
  { value: 'date', label: 'Date' },
];

/**
 * The concordance of the current search: one line per hit, the hit centred between its left and
 * right context, sortable, virtualised; a click opens the article at that hit. Lines are built in
 * chunks of articles, so the first ones show while the rest are read.
 */
export function KwicView({ project, ids, byId, query, queryText }: { project: Project; ids: string[]; byId: Map<string, ArticleRecord>; query: QueryNode; queryText: string }) {
  const [lines, setLines] = useState<KwicLine[]>([]);
  const [done, setDone] = useState(false);
  const [sort, setSort] = useState<KwicSort>('text');
  const texts = useRef(new Map<string, string>());

  useEffect(() => {
    let live = true;
    texts.current = new Map();
    void (async () => {
      let all: KwicLine[] = [];
      for (let i = 0; i < ids.length && live; i += CHUNK) {
        const chunk = ids.slice(i, i + CHUNK);
        const bodies = await articleTexts(chunk);
        if (!live) return;
        chunk.forEach((id, k) => {
          const text = bodies[k];
          const a = byId.get(id);
          if (text === undefined || !a) return;
          texts.current.set(id, text);
          all = all.concat(kwicLines({ id, title: a.title ?? '', outlet: a.meta?.outlet, date: a.meta?.publishedAt?.slice(0, 10), text }, findHits(text, a.meta?.language, query)));
        });
        setLines(all);
      }
      if (live) setDone(true);
    })();
    return () => {
      live = false;
    };
  }, [ids, byId, query]);

  const sorted = useMemo(() => (sort === 'text' ? lines : sortKwic(lines, sort)), [lines, sort]);
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read while rendering by design.
  const virtualizer = useVirtualizer({ count: sorted.length, getScrollElement: () => scroller.current, estimateSize: () => LINE_HEIGHT, overscan: 12 });

  const exportCsv = () =>
    void bridge.saveFile({ suggestedName: `${project.name.replace(/[^\p{L}\p{N} _-]+/gu, '_')}-concordance.csv`, parts: [kwicCsv(sorted, (id) => texts.current.get(id))], mimeType: 'text/csv' });

  return (
    <div className="kwic">
      <div className="kwic-controls">
        <label className="field-inline-row">
          <span className="field-label">Sort by</span>
          <select className="input input-compact" value={sort} onChange={(e) => setSort(e.target.value as KwicSort)}>
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <span className="muted" role="status">
          {lines.length === 1 ? '1 line' : `${lines.length} lines`}
          {done ? '' : '…'}
        </span>
        <button type="button" className="button button-small" onClick={exportCsv} disabled={!done || lines.length === 0}>
          Export CSV
        </button>
      </div>
      <div ref={scroller} className="kwic-scroller">
        <ol aria-label="Concordance" className="kwic-lines" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((row) => {
            const l = sorted[row.index] as KwicLine;
            return (
              <li key={`${l.articleId}:${l.start}`} aria-setsize={sorted.length} aria-posinset={row.index + 1} style={{ transform: `translateY(${row.start}px)` }}>
                <a
                  className="kwic-line"
                  href={`#/project/${encodeURIComponent(project.id)}/article/${encodeURIComponent(l.articleId)}`}
                  onClick={() => setPendingFind({ articleId: l.articleId, text: queryText, hitIndex: l.index })}
                  title={[l.title, l.outlet, l.date].filter(Boolean).join(' · ')}
                >
                  <span className="kwic-left">
                    <span>{l.left}</span>
                  </span>
                  <mark className="kwic-hit">{l.hit}</mark>
                  <span className="kwic-right">{l.right}</span>
                </a>
              </li>
            );
          })}
        </ol>
      </div>
    </div>
  );
}
