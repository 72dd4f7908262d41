import { useEffect, useId, useRef, useState } from 'react';
import { isTypingTarget, modalIsOpen } from '../../ui/keyboard.ts';
import { dispatchKey } from '@shared/keys/key-bindings.ts';
import { parse } from './search-service.ts';
import { getSearch, setSearch, useSearchState } from './search-state.ts';

const DEBOUNCE_MS = 250;
const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * The library's full-text search. Searches as the user types (after a short pause); a query that
 * cannot be read says why under the box. Ctrl/⌘+K, or / outside a text field, focuses it;
 * Escape clears it.
 */
export function SearchBox({ projectId }: { projectId: string }) {
  const search = useSearchState();
  const [text, setText] = useState(search.projectId === projectId ? search.text : '');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const errorId = useId();

  // A search belongs to its project.
  useEffect(() => {
    if (search.projectId !== projectId) setSearch({ projectId, text: '' });
  }, [projectId, search.projectId]);

  useEffect(() => {
    const timer = window.setTimeout(() => {
      const parsed = parse(text);
      setError(parsed.error);
      setSearch(parsed.error ? { ...getSearch(), invalid: true } : { projectId, text: parsed.query ? text.trim() : '' });
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, projectId]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (modalIsOpen()) return;
      const focus = () => {
        // `/` is a character in a field or the reader's text; Ctrl/⌘ + K works everywhere.
        if (e.key === '/' && (isTypingTarget(e.target) || (e.target instanceof Element && e.target.closest('.reader-text')))) return false;
        input.current?.focus();
        input.current?.select();
        return true;
      };
      if (dispatchKey('search', { search: focus }, e)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const submit = () => {
    const parsed = parse(text);
    setError(parsed.error);
    setSearch(parsed.error ? { ...getSearch(), invalid: true } : { projectId, text: parsed.query ? text.trim() : '' });
  };

  return (
    <form
      className="search-box"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <input
        ref={input}
        className="input input-search"
        type="search"
        aria-label="Search articles"
        placeholder={`Search words, "phrases", outlet:… (${IS_MAC ? '⌘' : 'Ctrl+'}K)`}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          const clear = () => {
            if (text === '') return false;
            setText('');
            setError(null);
            setSearch({ projectId, text: '' });
            return true;
          };
          if (dispatchKey('search-box', { 'clear-search': clear }, e)) e.preventDefault();
        }}
      />
      {error && (
        <p id={errorId} className="search-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
