import './annotations.css';
import { memo, useEffect, useMemo, useState } from 'react';
import type { Annotation, Category, Relation, Tag } from '@shared/model/types.ts';
import { AnnotationDetail, snippet } from './AnnotationDetail.tsx';

interface AnnotationsPanelProps {
  annotations: Annotation[];
  relations: Relation[];
  text: string;
  tags: Tag[];
  categories: Category[];
  coder: string;
  selectedId: string | null;
  /** Ids of the annotations under the last clicked point (shown when more than one). */
  atPointIds: string[];
  onSelect: (id: string) => void;
  onDeleted: () => void;
  /** The reader's text selection, for the statement form. */
  textSelection?: { start: number; end: number } | null;
  onSelectionUsed?: () => void;
}

/** The article's annotations in text order, grouped by category, filterable, with counts. */
/**
 * Memoised: the reader pane hands it deferred values, so a keystroke repaints the text at once
 * and this panel (possibly thousands of rows) follows without holding up that frame.
 */
export const AnnotationsPanel = memo(function AnnotationsPanel({ annotations, relations, text, tags, categories, coder, selectedId, atPointIds, onSelect, onDeleted, textSelection = null, onSelectionUsed }: AnnotationsPanelProps) {
  const selected = annotations.find((a) => a.id === selectedId);
  const atPoint = atPointIds.map((id) => annotations.find((a) => a.id === id)).filter((a): a is Annotation => !!a);
  const detail = selected && (
    <AnnotationDetail key={selected.id} annotation={selected} annotations={annotations} relations={relations} text={text} tags={tags} categories={categories} coder={coder} onDeleted={onDeleted} onSelect={onSelect} textSelection={textSelection} onSelectionUsed={onSelectionUsed} />
  );
  const [categoryFilter, setCategoryFilter] = useState('');
  const [tagFilter, setTagFilter] = useState('');
  const tagById = useMemo(() => new Map(tags.map((t) => [t.id, t])), [tags]);
  const visible = annotations.filter((a) => {
    const tag = tagById.get(a.tagId);
    return (!categoryFilter || tag?.categoryId === categoryFilter) && (!tagFilter || a.tagId === tagFilter);
  });
  const rendered = useProgressiveCount(visible.length);
  const shownIds = new Set(visible.slice(0, rendered).map((a) => a.id));
  const groups = categories
    .filter((c) => c.level === 'span')
    .map((c) => {
      const all = visible.filter((a) => tagById.get(a.tagId)?.categoryId === c.id);
      return { category: c, total: all.length, items: all.filter((a) => shownIds.has(a.id)) };
    })
    .filter((g) => g.total > 0);

  const item = (a: Annotation) => <AnnotationItem key={a.id} annotation={a} tag={tagById.get(a.tagId)} selected={a.id === selectedId} onSelect={onSelect} />;

  return (
    <aside className="annotations-panel" aria-label="Annotations">
      <div className="pane-header">
        <h2 className="pane-title">Annotations</h2>
        <span className="muted" aria-label="Annotation count">
          {visible.length === annotations.length ? annotations.length : `${visible.length} of ${annotations.length}`}
        </span>
      </div>
      {annotations.length > 0 && (
        <div className="panel-filters">
          <select className="input" aria-label="Filter by category" value={categoryFilter} onChange={(e) => { setCategoryFilter(e.target.value); setTagFilter(''); }}>
            <option value="">All categories</option>
            {categories.filter((c) => c.level === 'span').map((c) => (
              <option key={c.id} value={c.id}>{c.name}</option>
            ))}
          </select>
          <select className="input" aria-label="Filter by tag" value={tagFilter} onChange={(e) => setTagFilter(e.target.value)}>
            <option value="">All tags</option>
            {tags.filter((t) => !categoryFilter || t.categoryId === categoryFilter).map((t) => (
              <option key={t.id} value={t.id}>{t.name}</option>
            ))}
          </select>
        </div>
      )}
      <div className="panel-scroll">
        {detail}
        {atPoint.length > 1 && (
          <section className="at-point" aria-label="Annotations at this point">
            <h3 className="group-title">At this point ({atPoint.length})</h3>
            <ul className="annotation-list">{atPoint.map(item)}</ul>
          </section>
        )}
        {annotations.length === 0 ? (
          <div className="empty-state empty-state-small">
            <h3>No annotations yet</h3>
            <p>Select a passage in the text, then pick a tag — or press its shortcut key (1 Claim, 2 Source, 3 Actor).</p>
          </div>
        ) : (
          groups.map((g) => (
            <section key={g.category.id} aria-label={`${g.category.name} annotations`}>
              <h3 className="group-title">
                <span className="swatch" style={{ background: g.category.color }} aria-hidden="true" /> {g.category.name} <span className="muted">({g.total})</span>
              </h3>
              <ul className="annotation-list">{g.items.map(item)}</ul>
            </section>
          ))
        )}
      </div>
    </aside>
  );
});

interface AnnotationItemProps {
  annotation: Annotation;
  tag: Tag | undefined;
  selected: boolean;
  onSelect: (id: string) => void;
}

const AnnotationItem = memo(
  function AnnotationItem({ annotation: a, tag, selected, onSelect }: AnnotationItemProps) {
    return (
      <li>
        <button type="button" className={selected ? 'annotation-item selected' : 'annotation-item'} aria-pressed={selected} onClick={() => onSelect(a.id)}>
          <span className="swatch" style={{ background: tag?.color }} aria-hidden="true" />
          <span className="annotation-item-tag">{tag?.name ?? 'Unknown tag'}</span>
          <span className="annotation-item-quote">{snippet(a.quote, 90)}</span>
          {a.note && (
            <span className="annotation-item-note" aria-label="Has a note" title={a.note.text}>
              ✎
            </span>
          )}
        </button>
      </li>
    );
  },
  // Live queries return fresh objects each time: compare what is shown, not identity.
  (x, y) => x.annotation.id === y.annotation.id && x.annotation.updatedAt === y.annotation.updatedAt && x.tag === y.tag && x.selected === y.selected,
);

const FIRST_ROWS = 60;
const MORE_ROWS = 120;

/**
 * How many rows to render: a first screenful at once, then more in small steps between frames,
 * so a list of thousands never blocks the reader for longer than a frame.
 */
function useProgressiveCount(total: number): number {
  const [count, setCount] = useState(FIRST_ROWS);
  useEffect(() => {
    if (count >= total) return;
    const timer = window.setTimeout(() => setCount((c) => c + MORE_ROWS), 16);
    return () => window.clearTimeout(timer);
  }, [count, total]);
  return Math.min(count, total);
}
