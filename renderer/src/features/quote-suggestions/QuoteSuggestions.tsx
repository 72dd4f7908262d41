import './quote-suggestions.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Annotation, Category, Tag } from '@shared/model/types.ts';
import { suggestQuotes, type QuoteSuggestion } from '@shared/statements/quotes.ts';
import { openSuggestions, suggestionKey } from '@shared/statements/accept-suggestion.ts';
import { useSuggestionKeys, type SuggestionTarget } from '../reader/use-suggestion-keys.ts';
import { showNotice } from '../../ui/notice.ts';
import { acceptQuote } from './actions/accept-quote.ts';

export interface QuoteSuggestionsState {
  /** What the highlight painter paints as ghosts (null while suggestions are off). */
  paint: { spans: { start: number; end: number }[]; current: { start: number; end: number }[] } | null;
  /** The toolbar button that turns suggestions on and off. */
  toggle: React.ReactNode;
  /** The bar naming the current suggestion, with its buttons (null while off). */
  bar: React.ReactNode;
}

const RULE_LABEL: Record<QuoteSuggestion['rule'], string> = { quote: 'quotation marks', dash: 'dash-introduced speech', attribution: 'attribution phrase', reported: 'reporting verb' };

function clip(s: string, max = 90): string {
  const line = s.replace(/\s+/g, ' ');
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * Quote and attribution suggestions for the open article (shared/statements/quotes.ts), shown as
 * ghost highlights — never applied by themselves. Keys while they are on: `a` accepts the current
 * one (claim + claimant + source and their links, one undo step), `x` rejects it for this
 * reading, `]` / `[` step to the next / previous. The bar announces each suggestion.
 */
export function useQuoteSuggestions(args: {
  article: { id: string; projectId: string; text: string; meta: { language?: string } } | undefined;
  annotations: Annotation[];
  tags: Tag[];
  categories: Category[];
  coder: string;
  target: React.RefObject<SuggestionTarget | null>;
  /** On/off held by the caller (the reader: one kind of suggestion at a time); else by the hook. */
  on?: boolean;
  setOn?: (on: boolean) => void;
}): QuoteSuggestionsState {
  const { article, annotations, tags, categories, coder, target } = args;
  const [ownOn, setOwnOn] = useState(false);
  const on = args.on ?? ownOn;
  const setOn = args.setOn ?? setOwnOn;
  const [rejected, setRejected] = useState<ReadonlySet<string>>(new Set());
  const [index, setIndex] = useState(0);
  const articleId = article?.id;
  // Rejections hold for one reading of one article: another article starts afresh (state adjusted while rendering, as React recommends).
  const [seenArticle, setSeenArticle] = useState(articleId);
  if (seenArticle !== articleId) {
    setSeenArticle(articleId);
    setRejected(new Set());
    setIndex(0);
  }
  const all = useMemo(() => (on && article ? suggestQuotes(article.text, article.meta.language ?? null) : []), [on, article]);
  const open = useMemo(() => openSuggestions(all, annotations, rejected), [all, annotations, rejected]);
  const current = open.length > 0 ? open[Math.min(index, open.length - 1)] : undefined;
  const busy = useRef(false);

  useEffect(() => {
    if (current) target.current?.scrollTo(current.claim.start, current.claim.end);
  }, [current, target]);

  const step = (d: 1 | -1) => open.length > 0 && setIndex((i) => (Math.min(i, open.length - 1) + d + open.length) % open.length);
  const reject = () => {
    if (!current) return;
    setRejected((r) => new Set([...r, suggestionKey(current)]));
  };
  const accept = async () => {
    if (!current || !article || busy.current) return;
    busy.current = true;
    try {
      const result = await acceptQuote({ suggestion: current, article, annotations, tags, categories, coder });
      if ('error' in result) showNotice(result.error);
      else showNotice('Suggestion accepted: claim, claimant and source coded and linked. Ctrl+Z undoes it.');
    } finally {
      busy.current = false;
    }
  };
  useSuggestionKeys(on, target, { accept, reject, step });

  // Memoised: the reader repaints its highlights whenever this object changes.
  const paint = useMemo(
    () => (on ? { spans: open.map((s) => s.claim), current: current ? [current.claim, ...(current.claimant ? [current.claimant] : []), ...(current.source ? [current.source] : [])] : [] } : null),
    [on, open, current],
  );
  const text = article?.text ?? '';
  const say = (s: { start: number; end: number } | null) => (s ? `“${clip(text.slice(s.start, s.end), 40)}”` : 'not found');

  const toggle = (
    <button type="button" className="button button-small quote-suggestions-toggle" aria-pressed={on} title="Suggest claims from quotation marks and reporting verbs" onClick={() => setOn(!on)}>
      Quote suggestions
    </button>
  );
  const bar = on ? (
    <div className="quote-suggestions" role="region" aria-label="Quote suggestions">
      <p className="quote-suggestion-text" role="status" aria-live="polite">
        {current
          ? `Suggestion ${Math.min(index, open.length - 1) + 1} of ${open.length} (${current.quoteType} quote, ${RULE_LABEL[current.rule]}): “${clip(text.slice(current.claim.start, current.claim.end))}” — claimant ${say(current.claimant)}${current.source ? `, source ${say(current.source)}` : ''}.`
          : all.length === 0
            ? 'No quotes or attributions found in this article.'
            : 'No more suggestions in this article.'}
      </p>
      {current && (
        <div className="quote-suggestion-actions">
          <button type="button" className="button button-small button-primary" onClick={() => void accept()} aria-keyshortcuts="a">
            Accept <kbd>a</kbd>
          </button>
          <button type="button" className="button button-small" onClick={reject} aria-keyshortcuts="x">
            Reject <kbd>x</kbd>
          </button>
          <button type="button" className="button button-small" onClick={() => step(-1)} aria-keyshortcuts="[" aria-label="Previous suggestion">
            <kbd>[</kbd> Previous
          </button>
          <button type="button" className="button button-small" onClick={() => step(1)} aria-keyshortcuts="]" aria-label="Next suggestion">
            Next <kbd>]</kbd>
          </button>
        </div>
      )}
    </div>
  ) : null;
  return { paint, toggle, bar };
}
