import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Category, Tag } from '@shared/model/types.ts';

interface TagPopoverProps {
  tags: Tag[];
  categories: Category[];
  /** Where to open: below the selection, or above it when it would run past `limit`. */
  position: { left: number; below: number; above: number; limit: number };
  /** Move focus into the filter at once (mouse selections); keyboard users press Enter first. */
  autoFocus: boolean;
  initialQuery?: string;
  onPick: (tag: Tag) => void;
  onClose: () => void;
}

/** The codebook offered for the current selection, with filter-as-you-type. */
export function TagPopover({ tags, categories, position, autoFocus, initialQuery = '', onPick, onClose }: TagPopoverProps) {
  const [query, setQuery] = useState(initialQuery);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(position.below);
  useLayoutEffect(() => {
    const height = box.current?.offsetHeight ?? 0;
    setTop(position.below + height > position.limit && position.above - height > 0 ? position.above - height : position.below);
  }, [position]);
  const spanCategories = useMemo(() => new Map(categories.filter((c) => c.level === 'span').map((c) => [c.id, c])), [categories]);
  const options = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    return tags
      .filter((t) => spanCategories.has(t.categoryId))
      .filter((t) => !q || t.name.toLocaleLowerCase().includes(q) || (spanCategories.get(t.categoryId)?.name ?? '').toLocaleLowerCase().includes(q));
  }, [tags, spanCategories, query]);

  useEffect(() => {
    if (autoFocus) input.current?.focus({ preventScroll: true });
  }, [autoFocus]);

  const pick = (tag: Tag | undefined) => {
    if (tag) onPick(tag);
  };

  return (
    <div ref={box} className="tag-popover" role="dialog" aria-label="Tag selection" style={{ left: position.left, top }} onMouseDown={(e) => e.stopPropagation()}>
      <input
        ref={input}
        className="input tag-popover-filter"
        aria-label="Filter tags"
        placeholder="Tag as…"
        value={query}
        role="combobox"
        aria-expanded="true"
        aria-controls="tag-popover-list"
        aria-activedescendant={options[active] ? `tag-option-${options[active].id}` : undefined}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((i) => Math.min(i + 1, options.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((i) => Math.max(i - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            pick(options[active]);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          }
        }}
      />
      <ul id="tag-popover-list" role="listbox" aria-label="Tags" className="tag-popover-list">
        {options.length === 0 && <li className="tag-popover-empty">No tag matches “{query}”</li>}
        {options.map((t, i) => (
          <li
            key={t.id}
            id={`tag-option-${t.id}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'tag-option active' : 'tag-option'}
            title={t.description || undefined}
            onMouseEnter={() => setActive(i)}
            onClick={() => pick(t)}
          >
            <span className="swatch" style={{ background: t.color }} aria-hidden="true" />
            <span className="tag-option-name">{t.name}</span>
            <span className="tag-option-category">{spanCategories.get(t.categoryId)?.name}</span>
            {t.shortcut && <kbd>{t.shortcut}</kbd>}
          </li>
        ))}
      </ul>
    </div>
  );
}
