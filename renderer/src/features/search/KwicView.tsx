import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { Project } from '@shared/model/types.ts';
import type { SelectedHit } from '@shared/search/code-hits.ts';
import { tagsAtHit } from '@shared/search/code-hits.ts';
import { findHits } from '@shared/search/hits.ts';
import { kwicCsv, kwicLines, sortKwic, type KwicLine, type KwicSort } from '@shared/search/kwic.ts';
import { clickLine, EMPTY_SELECTION, keyLine, type LineSelection } from '@shared/search/line-selection.ts';
import type { QueryNode } from '@shared/search/query.ts';
import type { ArticleRecord } from '../../db/schema.ts';
import { navigate } from '../../app/route.ts';
import { articleTexts } from './search-service.ts';
import { bridge } from '../../platform/bridge.ts';
import { setPendingFind } from './search-state.ts';
import { KwicCodingBar } from './KwicCodingBar.tsx';
import { useHitAnnotations, useKwicCodebook } from './use-kwic-coding.ts';

/** Articles whose texts are read per task while the concordance is built; the first chunk is small so the first lines paint at once. */
const FIRST_CHUNK = 20;
const CHUNK = 100;
const LINE_HEIGHT = 28;

const SORTS: { value: KwicSort; label: string }[] = [
  { value: 'text', label: 'Text order' },
  { value: 'left', label: 'Left context' },
  { value: 'right', label: 'Right context' },
  { value: 'outlet', label: 'Outlet' },
  { value: 'date', label: 'Date' },
];

const lineKey = (l: KwicLine) => `${l.articleId}:${l.start}`;
const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/**
 * The concordance of the current search: one line per hit, the hit centred between its left and
 * right context, sortable, virtualised. Lines are selected like files (click, Ctrl/⌘- and
 * Shift-click, arrows, Space, Ctrl+A) and coded together; Enter or a double click opens the
 * article at that hit. Lines are built in chunks of articles, so the first ones show while the
 * rest are read.
 */
export function KwicView({ project, ids, byId, query, queryText }: { project: Project; ids: string[]; byId: Map<string, ArticleRecord>; query: QueryNode; queryText: string }) {
  const [lines, setLines] = useState<KwicLine[]>([]);
  const [done, setDone] = useState(false);
  const [sort, setSort] = useState<KwicSort>('text');
  const [selection, setSelection] = useState<LineSelection>(EMPTY_SELECTION);
  const texts = useRef(new Map<string, string>());
  const { tags, actors } = useKwicCodebook(project.id);

  useEffect(() => {
    let live = true;
    texts.current = new Map();
    setSelection(EMPTY_SELECTION);
    void (async () => {
      const all: KwicLine[] = [];
      for (let i = 0; i < ids.length && live; ) {
        const size = i === 0 ? FIRST_CHUNK : CHUNK;
        const chunk = ids.slice(i, i + size);
        i += size;
        const bodies = await articleTexts(chunk);
        if (!live) return;
        chunk.forEach((id, k) => {
          const text = bodies[k];
          const a = byId.get(id);
          if (text === undefined || !a) return;
          texts.current.set(id, text);
          for (const line of kwicLines({ id, title: a.title ?? '', outlet: a.meta?.outlet, date: a.meta?.publishedAt?.slice(0, 10), text }, findHits(text, a.meta?.language, query))) all.push(line);
        });
        setLines(all.slice());
      }
      if (live) setDone(true);
    })();
    return () => {
      live = false;
    };
  }, [ids, byId, query]);

  const sorted = useMemo(() => (sort === 'text' ? lines : sortKwic(lines, sort)), [lines, sort]);
  const keys = useMemo(() => sorted.map(lineKey), [sorted]);
  const scroller = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLOListElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read while rendering by design.
  const virtualizer = useVirtualizer({ count: sorted.length, getScrollElement: () => scroller.current, estimateSize: () => LINE_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const inView = items.map((row) => sorted[row.index]?.articleId ?? '');
  const annotations = useHitAnnotations(inView);
  const tagById = useMemo(() => new Map((tags ?? []).map((t) => [t.id, t])), [tags]);

  const selectedHits = (): SelectedHit[] => sorted.filter((l) => selection.selected.has(lineKey(l))).map((l) => ({ articleId: l.articleId, start: l.start, end: l.end, hit: l.hit, title: l.title }));
  const open = (l: KwicLine) => {
    setPendingFind({ articleId: l.articleId, text: queryText, hitIndex: l.index });
    navigate({ view: 'project', projectId: project.id, articleId: l.articleId });
  };
  const change = (next: LineSelection) => {
    setSelection(next);
    virtualizer.scrollToIndex(next.active, { align: 'auto' });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLOListElement>) => {
    if (e.key === 'Enter') {
      const l = sorted[selection.active];
      if (l) open(l);
      e.preventDefault();
      return;
    }
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? LINE_HEIGHT * 10) / LINE_HEIGHT) - 1);
    const next = keyLine(selection, keys, e.key, { shift: e.shiftKey, toggle: isMac ? e.metaKey : e.ctrlKey }, page);
    if (!next) return;
    e.preventDefault();
    change(next);
  };
  const onClick = (e: MouseEvent, index: number) => {
    list.current?.focus();
    change(clickLine(selection, keys, index, { shift: e.shiftKey, toggle: isMac ? e.metaKey : e.ctrlKey }));
  };

  const exportCsv = () =>
    void bridge.saveFile({ suggestedName: `${project.name.replace(/[^\p{L}\p{N} _-]+/gu, '_')}-concordance.csv`, parts: [kwicCsv(sorted, (id) => texts.current.get(id))], mimeType: 'text/csv' });

  const activeLine = sorted[selection.active];
  return (
    <div className="kwic">
      <div className="kwic-controls">
        <label className="field-inline-row">
          <span className="field-label">Sort by</span>
          <select
            className="input input-compact"
            value={sort}
            onChange={(e) => {
              setSort(e.target.value as KwicSort);
              setSelection((s) => ({ ...s, active: 0, anchor: 0 }));
            }}
          >
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
      {tags && actors && <KwicCodingBar project={project} tags={tags} actors={actors} selection={selectedHits} count={selection.selected.size} />}
      <div ref={scroller} className="kwic-scroller">
        <ol
          ref={list}
          role="listbox"
          aria-multiselectable="true"
          aria-label="Concordance"
          aria-description="Arrows move, Space selects, Shift extends, Ctrl+A selects all, Enter opens the article"
          aria-activedescendant={activeLine ? `kwic-${selection.active}` : undefined}
          tabIndex={0}
          className="kwic-lines"
          style={{ height: virtualizer.getTotalSize() }}
          onKeyDown={onKeyDown}
        >
          {items.map((row) => {
            const l = sorted[row.index] as KwicLine;
            const selected = selection.selected.has(keys[row.index] as string);
            const coded = tagsAtHit(annotations?.get(l.articleId) ?? [], l.start, l.end).map((id) => tagById.get(id)).filter((t) => t !== undefined);
            const cls = ['kwic-line', selected ? 'selected' : '', row.index === selection.active ? 'active' : ''].filter(Boolean).join(' ');
            return (
              <li
                key={lineKey(l)}
                id={`kwic-${row.index}`}
                role="option"
                aria-selected={selected}
                aria-setsize={sorted.length}
                aria-posinset={row.index + 1}
                className={cls}
                style={{ transform: `translateY(${row.start}px)` }}
                onClick={(e) => onClick(e, row.index)}
                onDoubleClick={() => open(l)}
                title={[l.title, l.outlet, l.date].filter(Boolean).join(' · ')}
              >
                <span className="kwic-left">
                  <span>{l.left}</span>
                </span>
                <mark className="kwic-hit">{l.hit}</mark>
                <span className="kwic-right">{l.right}</span>
                {coded.length > 0 && (
                  <span className="kwic-tags" aria-label={`Coded: ${coded.map((t) => t.name).join(', ')}`}>
                    {coded.map((t) => (
                      <span key={t.id} className="kwic-tag" style={{ borderColor: t.color }}>
                        {t.name}
                      </span>
                    ))}
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      </div>
    </div>
  );
}
