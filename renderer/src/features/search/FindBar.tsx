import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { findHits, type Hit } from '@shared/search/hits.ts';
import { modalIsOpen } from '../../ui/keyboard.ts';
import { dispatchKey } from '@shared/keys/key-bindings.ts';
import { parse } from './search-service.ts';
import { PENDING_FIND_EVENT, takePendingFind } from './search-state.ts';

interface FindTarget {
  scrollTo(start: number, end?: number): void;
  focus(): void;
}

export interface FindInArticle {
  /** What the highlight painter paints (null while the bar is closed). */
  paint: { hits: Hit[]; current: number } | null;
  bar: React.ReactNode;
}

/**
 * Search inside the open article (Ctrl/⌘+F): the query language of the library search (words in
 * any inflection, "phrases", prefix*), hits painted by the annotations' painter, Enter / Shift+Enter
 * or the buttons step through them. An article opened from a search result opens it on that query.
 */
export function useFindInArticle(article: { id: string; text: string; meta: { language?: string } } | undefined, target: React.RefObject<FindTarget | null>): FindInArticle {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [current, setCurrent] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const articleId = article?.id;

  // Opened from a search hit: the same query, at that hit.
  useEffect(() => {
    if (!articleId) return;
    const apply = () => {
      const pending = takePendingFind(articleId);
      if (!pending) return;
      setText(pending.text);
      setCurrent(pending.hitIndex);
      setOpen(true);
    };
    // A one-shot message from the results or the concordance: for an article just opened, or this one.
    apply();
    window.addEventListener(PENDING_FIND_EVENT, apply);
    return () => window.removeEventListener(PENDING_FIND_EVENT, apply);
  }, [articleId]);

  const parsed = useMemo(() => parse(text), [text]);
  const hits = useMemo(() => (article && open && parsed.query ? findHits(article.text, article.meta.language, parsed.query) : []), [article, open, parsed]);
  const index = hits.length === 0 ? -1 : Math.min(current, hits.length - 1);

  useEffect(() => {
    const hit = index >= 0 ? hits[index] : undefined;
    if (hit) target.current?.scrollTo(hit.start, hit.end);
  }, [hits, index, target]);

  useEffect(() => {
    if (!articleId) return;
    const onKey = (e: KeyboardEvent) => {
      if (modalIsOpen()) return;
      const find = () => {
        setOpen(true);
        // The bar may be mounting: focus once it is there.
        requestAnimationFrame(() => {
          input.current?.focus();
          input.current?.select();
        });
        return true;
      };
      if (dispatchKey('search', { find }, e)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [articleId]);

  const step = useCallback((d: 1 | -1) => setCurrent((c) => (hits.length === 0 ? 0 : (Math.min(c, hits.length - 1) + d + hits.length) % hits.length)), [hits.length]);
  const close = () => {
    setOpen(false);
    target.current?.focus();
  };

  const bar = open ? (
    <div className="find-bar" role="search" aria-label="Find in article">
      <input
        ref={input}
        className="input input-compact"
        type="search"
        aria-label="Find in article"
        placeholder="Find in article"
        value={text}
        autoFocus
        aria-invalid={parsed.error ? true : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setCurrent(0);
        }}
        onKeyDown={(e) => {
          const handlers = {
            'step-hit': () => (step(e.shiftKey ? -1 : 1), true),
            'close-find': () => (close(), true),
          };
          if (dispatchKey('find-bar', handlers, e)) e.preventDefault();
        }}
      />
      <span className="find-count" role="status">
        {parsed.error ? parsed.error : !parsed.query ? '' : hits.length === 0 ? 'No hits' : `${index + 1} of ${hits.length}`}
      </span>
      <button type="button" className="button button-small" aria-label="Previous hit" disabled={hits.length === 0} onClick={() => step(-1)}>
        ↑
      </button>
      <button type="button" className="button button-small" aria-label="Next hit" disabled={hits.length === 0} onClick={() => step(1)}>
        ↓
      </button>
      <button type="button" className="button button-small button-icon" aria-label="Close find bar" onClick={close}>
        ×
      </button>
    </div>
  ) : null;

  const paint = useMemo(() => (open && hits.length > 0 ? { hits, current: index } : null), [open, hits, index]);
  return { paint, bar };
}
