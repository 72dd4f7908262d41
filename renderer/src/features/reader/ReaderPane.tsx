import './reader.css';
import { flushSync } from 'react-dom';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ArticleStatus, Project, Tag } from '@shared/model/types.ts';
import { snapToWords, trimRange } from '@shared/text/word-boundaries.ts';
import { spansAt } from '@shared/text/highlight-layout.ts';
import { setArticleStatus, useReaderData } from './use-reader-data.ts';
import { dispatchKey, type KeyLike } from '@shared/keys/key-bindings.ts';
import { navigate } from '../../app/route.ts';
import { addAnnotation, prepareAnnotation } from '../annotations/actions/add-annotation.ts';
import { removeAnnotations } from '../annotations/actions/remove-annotations.ts';
import { moveAnnotationBoundary } from '../annotations/actions/move-annotation-boundary.ts';
import { AnnotationsPanel } from '../annotations/AnnotationsPanel.tsx';
import { useCoder } from '../settings/coder.ts';
import { editingCoder, useLayer } from '../settings/layer.ts';
import { useSnapToWords } from '../settings/snap.ts';
import { STATUS_LABEL } from '../library/Library.tsx';
import { ReaderEditor, type ReaderEditorHandle, type TextRange } from './ReaderEditor.tsx';
import { ArticleHeader } from './ArticleHeader.tsx';
import { DocumentLabels } from '../codebook/DocumentLabels.tsx';
import { TagPopover } from './TagPopover.tsx';
import { isTypingTarget, modalIsOpen } from '../../ui/keyboard.ts';
import { dismissNotice, showNotice, useNotice } from '../../ui/notice.ts';
import { useAfterPaint } from '../../ui/use-after-paint.ts';
import type { HighlightInput } from './highlight-extension.ts';
import { useFindInArticle } from '../search/FindBar.tsx';
import { useQuoteSuggestions } from '../quote-suggestions/QuoteSuggestions.tsx';
import { useMentionSuggestions } from '../actors/MentionSuggestions.tsx';
import '../search/search.css';

interface ReaderPaneProps {
  project: Project;
  articleId: string | undefined;
  hasArticles: boolean;
  prevArticleId?: string | undefined;
  nextArticleId?: string | undefined;
  /** Selected and scrolled to once the article shows it (a row of the annotations table was opened). */
  focusAnnotationId?: string | undefined;
}

const FLASH_MS = 900;
const NOTICE_MS = 15_000;

export function ReaderPane({ project, articleId, hasArticles, prevArticleId, nextArticleId, focusAnnotationId }: ReaderPaneProps) {
  const coder = useCoder();
  const layer = useLayer();
  const { article, stored, annotations, relations, tags, showPending } = useReaderData(project.id, articleId, layer, coder);
  // New annotations and links go into the layer being edited (gold while gold is shown).
  const author = editingCoder(layer, coder);
  const [snap, setSnap] = useSnapToWords();

  const [selection, setSelection] = useState<TextRange | null>(null);
  const [popover, setPopover] = useState<{ left: number; below: number; above: number; limit: number; focus: boolean; query: string; range: TextRange } | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [atPointIds, setAtPointIds] = useState<string[]>([]);
  const [flashId, setFlashId] = useState<string | null>(null);
  const notice = useNotice();
  // A message belongs to the article it was about; it also fades after a while.
  useEffect(() => () => dismissNotice(), []);
  useEffect(() => {
    if (!notice) return;
    const timer = window.setTimeout(() => dismissNotice(notice.id), NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [notice]);
  const editorRef = useRef<ReaderEditorHandle>(null);
  const scrollRef = useRef<HTMLElement>(null);

  const find = useFindInArticle(article, editorRef);
  // One kind of suggestion at a time: both answer the same keys (a, x, [, ]).
  const [suggesting, setSuggesting] = useState<'quotes' | 'mentions' | null>(null);
  const suggestions = useQuoteSuggestions({ article, annotations, tags, categories: project.categories, coder: author, target: editorRef, on: suggesting === 'quotes', setOn: (on) => setSuggesting(on ? 'quotes' : null) });
  const mentionSuggestions = useMentionSuggestions({ article, annotations, tags, coder: author, target: editorRef, on: suggesting === 'mentions', setOn: (on) => setSuggesting(on ? 'mentions' : null) });
  const ghosts = suggestions.paint ?? mentionSuggestions.paint;
  const tagById = useMemo(() => new Map(tags.map((t) => [t.id, t])), [tags]);
  const selected = annotations.find((a) => a.id === selectedId) ?? null;

  const highlights = useMemo<HighlightInput>(
    () => ({
      spans: annotations.map((a) => {
        const tag = tagById.get(a.tagId);
        return { id: a.id, start: a.start, end: a.end, color: tag?.color ?? '#888888', label: tag?.name ?? '?' };
      }),
      selectedId,
      flashId,
      find: find.paint,
      ghosts,
    }),
    [annotations, tagById, selectedId, flashId, find.paint, ghosts],
  );

  // The panel renders from copies taken after each paint: the text is repainted first, the list follows.
  const panelAnnotations = useAfterPaint(annotations);
  const panelSelectedId = useAfterPaint(selectedId);
  const panelAtPointIds = useAfterPaint(atPointIds);
  const clearSelected = useCallback(() => setSelectedId(null), []);
  // The statement form made a mention of the selected words: the selection is used up.
  const clearTextSelection = useCallback(() => {
    editorRef.current?.clearSelection();
    setSelection(null);
    setPopover(null);
  }, []);

  const flash = useCallback((id: string) => {
    setFlashId(id);
    window.setTimeout(() => setFlashId((cur) => (cur === id ? null : cur)), FLASH_MS);
  }, []);

  // Stable, so that memoised rows of the panel need not re-render; reads the latest list.
  const annotationsRef = useRef(annotations);
  useLayoutEffect(() => {
    annotationsRef.current = annotations;
  });
  const selectAnnotation = useCallback(
    (id: string, scroll = true) => {
      setSelectedId(id);
      const a = annotationsRef.current.find((x) => x.id === id);
      if (a && scroll) {
        editorRef.current?.scrollTo(a.start, a.end);
        flash(id);
      }
    },
    [flash],
  );

  // Once per request: the annotation is selected when both the text and the annotation are there.
  const focusedRef = useRef<string | null>(null);
  const focusReady = !!article && !!focusAnnotationId && annotations.some((a) => a.id === focusAnnotationId);
  useEffect(() => {
    if (!focusReady || !focusAnnotationId || focusedRef.current === focusAnnotationId) return;
    focusedRef.current = focusAnnotationId;
    // After the editor has laid the text out, so that scrolling reaches the right place.
    requestAnimationFrame(() => selectAnnotation(focusAnnotationId));
  }, [focusReady, focusAnnotationId, selectAnnotation]);

  const placePopover = useCallback((range: TextRange, focus: boolean, query = '') => {
    const coords = editorRef.current?.coordsAt(range.end);
    const container = scrollRef.current;
    if (!coords || !container) return;
    const box = container.getBoundingClientRect();
    const left = Math.min(Math.max(coords.left - box.left + container.scrollLeft - 20, 8), container.clientWidth - 290);
    const next = { left, below: coords.bottom - box.top + container.scrollTop + 8, above: coords.top - box.top + container.scrollTop - 8, limit: container.scrollTop + container.clientHeight, focus, query, range };
    // A mouse selection is reported just after the mouseup; a key pressed in between (Enter, a
    // letter) has already opened the list with the focus in its filter, which that late report of
    // the same selection must not take back.
    setPopover((prev) => (prev?.focus && !focus && prev.range.start === range.start && prev.range.end === range.end ? prev : next));
  }, []);

  const applyTag = useCallback(
    async (tag: Tag, range: TextRange | null = selection) => {
      if (!article || !range) return;
      const r = snap ? snapToWords(article.text, range.start, range.end) : trimRange(article.text, range.start, range.end);
      if (r.end <= r.start) return;
      const sameSpan = annotationsRef.current.filter((a) => a.start === r.start && a.end === r.end);
      const twin = sameSpan.find((a) => a.tagId === tag.id);
      if (twin) {
        // The same tag twice on the same words would be an exact copy: select what is there.
        flushSync(() => {
          setPopover(null);
          setSelection(null);
          setSelectedId(twin.id);
        });
        editorRef.current?.clearSelection();
        editorRef.current?.focus();
        showNotice(`Already tagged as ${tag.name}: nothing added.`);
        return;
      }
      const created = prepareAnnotation({ projectId: project.id, articleId: article.id, text: article.text, ...r, tagId: tag.id, coder: author });
      // Drawn synchronously, within the key or click that asked for it; stored right after.
      flushSync(() => {
        showPending(created);
        setPopover(null);
        setSelection(null);
        setSelectedId(created.id);
        setAtPointIds([]);
      });
      // Stored from this same task, so that a reload right now still keeps what was painted.
      const stored = addAnnotation(created);
      editorRef.current?.clearSelection();
      editorRef.current?.focus();
      if (sameSpan.length > 0) {
        const others = [...new Set(sameSpan.map((a) => tagById.get(a.tagId)?.name ?? '?'))].join(', ');
        showNotice(`Also tagged as ${tag.name}: a second annotation on words already tagged ${others}. To change the tag instead, use Tag in the panel; Ctrl+Z removes this one.`);
      }
      await stored;
    },
    [article, selection, snap, project.id, author, tagById, showPending],
  );

  const ordered = annotations; // listAnnotations returns text order
  const step = useCallback(
    (direction: 1 | -1) => {
      if (ordered.length === 0) return;
      const index = ordered.findIndex((a) => a.id === selectedId);
      const next = index < 0 ? (direction > 0 ? 0 : ordered.length - 1) : (index + direction + ordered.length) % ordered.length;
      const target = ordered[next];
      if (target) selectAnnotation(target.id);
    },
    [ordered, selectedId, selectAnnotation],
  );

  // The reader's shortcuts: the table in actions/key-bindings.ts decides which key is which; these
  // handlers say what each does here, and false when it does not apply (the next binding tries).
  const handleKey = useCallback(
    (e: KeyboardEvent): boolean => {
      if (e.ctrlKey || e.metaKey) return false;
      // Behind a modal every key belongs to the dialog (Escape closes it, Delete deletes nothing here).
      if (modalIsOpen()) return false;
      const selection = editorRef.current?.currentRange() ?? null;
      const moveEdge = (edge: 'start' | 'end') => (k: KeyLike) => {
        if (!selected || !article) return false;
        moveAnnotationBoundary(article.text, selected, edge, k.key === 'ArrowLeft' ? -1 : 1);
        return true;
      };
      return dispatchKey(
        'reader',
        {
          'add-annotation': (k) => {
            const tag = tags.find((t) => t.shortcut && t.shortcut === k.key);
            if (!tag) return false;
            // On a selected annotation: the same tag does nothing (and says so); another tag adds a
            // second annotation on the same span, announced as such (applyTag).
            const range = selection ?? (selected ? { start: selected.start, end: selected.end } : null);
            if (!range) return false;
            void applyTag(tag, range);
            return true;
          },
          'open-tag-list': () => {
            if (!selection) return false;
            placePopover(selection, true);
            return true;
          },
          'filter-tags': (k) => {
            if (!selection) return false;
            placePopover(selection, true, k.key);
            return true;
          },
          dismiss: () => {
            if (!popover && !selection && !selected && atPointIds.length === 0 && !notice) return false;
            if (popover) setPopover(null);
            else if (selection) editorRef.current?.clearSelection();
            else if (selected) setSelectedId(null);
            else dismissNotice();
            setAtPointIds([]);
            return true;
          },
          'remove-annotations': () => {
            if (!selected || selection) return false;
            void removeAnnotations([selected]);
            setSelectedId(null);
            return true;
          },
          'move-annotation-end': moveEdge('end'),
          'move-annotation-start': moveEdge('start'),
          'step-annotation': (k) => {
            step(k.key === 'n' ? 1 : -1);
            return true;
          },
          'step-article': (k) => {
            const target = k.key === 'j' ? nextArticleId : prevArticleId;
            if (!target) return false;
            navigate({ view: 'project', projectId: project.id, articleId: target });
            return true;
          },
        },
        e,
      );
    },
    [tags, selected, popover, atPointIds, notice, article, applyTag, placePopover, step, nextArticleId, prevArticleId, project.id],
  );

  // Keys typed while focus is on the page or the panel's buttons (not in a text field).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTypingTarget(e.target) || (e.target instanceof Element && e.target.closest('.reader-text'))) return;
      if (handleKey(e)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [handleKey]);

  if (!articleId || !article || stored === undefined) {
    return (
      <>
        <section className="reader reader-empty" aria-label="Reader">
          {(article === undefined || stored === undefined) && articleId ? null : (
            <div className="empty-state">
              <h2>{hasArticles ? 'Choose an article' : 'Nothing to read yet'}</h2>
              <p>{hasArticles ? 'Pick an article from the library to read and annotate it.' : 'Import articles to start reading and coding.'}</p>
            </div>
          )}
        </section>
        <aside className="annotations-panel" aria-label="Annotations" />
      </>
    );
  }


  return (
    <>
      <section className="reader" aria-label="Reader" ref={scrollRef}>
        <div className="reader-toolbar" role="toolbar" aria-label="Article">
          <label className="field-inline-row">
            <span className="field-label">Status</span>
            <select className="input input-compact" value={article.status} onChange={(e) => void setArticleStatus(article.id, e.target.value as ArticleStatus)}>
              {(Object.keys(STATUS_LABEL) as ArticleStatus[]).map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABEL[s]}
                </option>
              ))}
            </select>
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={snap} onChange={(e) => setSnap(e.target.checked)} /> Snap to words
          </label>
          {find.bar}
          {suggestions.toggle}
          {mentionSuggestions.toggle}
          <span className="toolbar-spacer" />
          <button type="button" className="button button-small" disabled={!prevArticleId} aria-label="Previous article" onClick={() => prevArticleId && navigate({ view: 'project', projectId: project.id, articleId: prevArticleId })}>
            <span aria-hidden="true">↑</span> Previous
          </button>
          <button type="button" className="button button-small" disabled={!nextArticleId} aria-label="Next article" onClick={() => nextArticleId && navigate({ view: 'project', projectId: project.id, articleId: nextArticleId })}>
            <span aria-hidden="true">↓</span> Next
          </button>
        </div>
        {/* Always present, so that screen readers announce each new message in it. */}
        <div className="reader-notice-region" role="status" aria-label="Reader messages">
          {notice && (
            <div className="reader-notice" key={notice.id}>
              <p>{notice.text}</p>
              <button type="button" className="button button-small button-icon" aria-label="Dismiss message" onClick={() => dismissNotice(notice.id)}>
                ×
              </button>
            </div>
          )}
        </div>
        {suggestions.bar}
        {mentionSuggestions.bar}
        <article className="reader-article">
          <ArticleHeader project={project} article={article} />
          <DocumentLabels project={project} article={article} />
          <ReaderEditor
            ref={editorRef}
            text={article.text}
            highlights={highlights}
            onKey={handleKey}
            onSelectionChange={(range) => {
              setSelection(range);
              if (range) {
                setAtPointIds([]);
                // The editor keeps the focus, so tag shortcuts work at once; Enter or a letter moves into the filter.
                placePopover(range, false);
              } else {
                setPopover(null);
              }
            }}
            onPoint={(offset) => {
              const hits = spansAt(annotations, offset);
              setAtPointIds(hits.map((a) => a.id));
              setSelectedId(hits[0]?.id ?? null);
            }}
          />
        </article>
        {popover && selection && (
          <TagPopover
            tags={tags}
            categories={project.categories}
            position={popover}
            key={`${popover.focus}-${popover.query}`}
            autoFocus={popover.focus}
            initialQuery={popover.query}
            onPick={(tag) => void applyTag(tag)}
            onClose={() => {
              setPopover(null);
              editorRef.current?.focus();
            }}
          />
        )}
      </section>
      <AnnotationsPanel
        annotations={panelAnnotations}
        relations={relations}
        text={article.text}
        tags={tags}
        categories={project.categories}
        coder={author}
        selectedId={panelSelectedId}
        atPointIds={panelAtPointIds}
        onSelect={selectAnnotation}
        onDeleted={clearSelected}
        textSelection={selection}
        onSelectionUsed={clearTextSelection}
      />
    </>
  );
}
