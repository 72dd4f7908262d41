import { useEffect, useMemo, useRef, useState } from 'react';
import type { Actor, Annotation, Tag } from '@shared/model/types.ts';
import { useSuggestionKeys, type SuggestionTarget } from '../reader/use-suggestion-keys.ts';
import { showNotice } from '../../ui/notice.ts';
import { acceptMention } from './actions/accept-mention.ts';
import { rejectMentions } from './actions/reject-mentions.ts';
import { mentionProposals, type MentionProposal } from './mention-proposals.ts';
import { useMentionSuggestionData } from './use-actors.ts';

export interface MentionSuggestionsState {
  /** What the highlight painter paints as ghosts (null while off). */
  paint: { spans: { start: number; end: number }[]; current: { start: number; end: number }[] } | null;
  toggle: React.ReactNode;
  bar: React.ReactNode;
}

type Suggestion = MentionProposal & { actor: Actor };

/**
 * Find mentions in the open article: where a registry actor's name or aliases occur with no mention
 * linked to it, shown as ghost highlights. The keys are the quote suggestions' rows of the key
 * table (scope `suggestions`): `a` accepts (the mention is created, or the unlinked one there is
 * linked; one undo step), `x` rejects (remembered in the project, so it is not proposed again;
 * undoable), `]` / `[` step. Only one kind of suggestion is on at a time (ReaderPane).
 */
export function useMentionSuggestions(args: {
  article: { id: string; projectId: string; title: string; text: string; meta: { language?: string } } | undefined;
  annotations: Annotation[];
  tags: Tag[];
  coder: string;
  target: React.RefObject<SuggestionTarget | null>;
  on: boolean;
  setOn: (on: boolean) => void;
}): MentionSuggestionsState {
  const { article, annotations, tags, coder, target, on, setOn } = args;
  const { actors, rejected } = useMentionSuggestionData(article?.projectId, on);
  const [wanted, setIndex] = useState(0);
  const mentionTags = useMemo(() => new Set(tags.filter((t) => t.categoryId === 'actor' || t.categoryId === 'source').map((t) => t.id)), [tags]);
  const open = useMemo<Suggestion[]>(() => {
    if (!on || !article || !actors || !rejected) return [];
    const text = { id: article.id, title: article.title, language: article.meta.language, text: article.text };
    const spans = annotations.map((a) => ({ id: a.id, articleId: a.articleId, start: a.start, end: a.end, actorId: a.actorId, mention: mentionTags.has(a.tagId) }));
    const all = actors.flatMap((actor) => mentionProposals({ id: actor.id, name: actor.name, aliases: actor.aliases, kind: actor.type ?? null }, [text], spans, 500, rejected).map((p) => ({ ...p, actor })));
    return all.sort((a, b) => a.start - b.start || b.end - a.end || a.actor.name.localeCompare(b.actor.name));
  }, [on, article, actors, rejected, annotations, mentionTags]);
  const index = Math.min(wanted, Math.max(0, open.length - 1));
  const current = open[index];
  // Suggestions being accepted or rejected: a second press on the same one is ignored, but the
  // next one can be settled at once (a busy flag for all made a quick a-then-x lose the x).
  const inFlight = useRef(new Set<string>());

  useEffect(() => {
    if (current) target.current?.scrollTo(current.start, current.end);
  }, [current, target]);

  const step = (d: 1 | -1) => open.length > 0 && setIndex((index + d + open.length) % open.length);
  const settle = async (fn: (s: Suggestion) => Promise<void>, done: string) => {
    if (!current || !article || inFlight.current.has(current.key)) return;
    const key = current.key;
    inFlight.current.add(key);
    try {
      await fn(current);
      showNotice(done);
    } catch (e) {
      showNotice(e instanceof Error ? e.message : String(e));
    } finally {
      inFlight.current.delete(key);
    }
  };
  const accept = () => settle((s) => acceptMention(article!.projectId, s.actor, s, coder), `Linked “${current?.quote ?? ''}” to ${current?.actor.name ?? ''}. Ctrl+Z undoes it.`);
  const reject = () => settle((s) => rejectMentions(article!.projectId, s.actor, [s]), `Rejected “${current?.quote ?? ''}” as a mention of ${current?.actor.name ?? ''}; it will not be proposed again. Ctrl+Z undoes it.`);

  useSuggestionKeys(on, target, { accept, reject, step });

  const paint = useMemo(() => (on ? { spans: open.map((s) => ({ start: s.start, end: s.end })), current: current ? [{ start: current.start, end: current.end }] : [] } : null), [on, open, current]);

  const toggle = (
    <button type="button" className="button button-small quote-suggestions-toggle" aria-pressed={on} title="Propose unlinked mentions of the registry's actors" onClick={() => setOn(!on)}>
      Actor mentions
    </button>
  );
  const bar = on ? (
    <div className="quote-suggestions" role="region" aria-label="Actor mention suggestions">
      <p className="quote-suggestion-text" role="status" aria-live="polite">
        {current
          ? `Mention ${index + 1} of ${open.length}: “${current.quote}” — ${current.actor.name}${current.linkAnnotationId ? ' (links the unlinked mention there)' : ''}.`
          : actors && actors.length === 0
            ? 'The registry has no actors yet: add them under Actors.'
            : 'No unlinked actor mentions in this article.'}
      </p>
      {current && (
        <div className="quote-suggestion-actions">
          <button type="button" className="button button-small button-primary" onClick={() => void accept()} aria-keyshortcuts="a">
            Accept <kbd>a</kbd>
          </button>
          <button type="button" className="button button-small" onClick={() => void reject()} aria-keyshortcuts="x">
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
