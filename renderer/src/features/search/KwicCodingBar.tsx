import { useState } from 'react';
import type { Actor, Project, Tag } from '@shared/model/types.ts';
import type { SelectedHit } from '@shared/search/code-hits.ts';
import { tagRows } from '@shared/codebook/tag-tree.ts';
import { useCoder } from '../settings/coder.ts';
import { useSnapToWords } from '../settings/snap.ts';
import { codeHits } from './actions/code-hits.ts';

/** The tags a mention can carry: those of the Actor and Source categories. */
const isMentionTag = (t: Tag) => t.categoryId === 'actor' || t.categoryId === 'source';

/**
 * Coding from hits: the selected concordance lines get the chosen tag, or become mentions of the
 * chosen actor — one undoable step either way — and a status line says what was made.
 */
export function KwicCodingBar({ project, tags, actors, selection, count }: { project: Project; tags: Tag[]; actors: Actor[]; selection: () => SelectedHit[]; count: number }) {
  const coder = useCoder();
  const [snap] = useSnapToWords();
  const ordered = project.categories.flatMap((c) => tagRows(tags, c.id));
  const [tagId, setTagId] = useState('');
  const [actorId, setActorId] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const tag = tags.find((t) => t.id === tagId) ?? ordered[0]?.tag;
  const actor = actors.find((a) => a.id === actorId) ?? actors[0];

  const run = async (withActor: boolean) => {
    const hits = selection();
    if (hits.length === 0 || !tag) return;
    // A mention is tagged in the Actor (or Source) category: the chosen tag if it is one, else the Actor category's first tag.
    const mentionTag = isMentionTag(tag) ? tag : ordered.find((o) => o.tag.categoryId === 'actor')?.tag;
    if (withActor && (!actor || !mentionTag)) {
      setMessage({ text: !actor ? 'Add an actor in the registry first.' : 'The codebook has no tag in the Actor category to mark mentions with.', error: true });
      return;
    }
    setBusy(true);
    try {
      const text = await codeHits({
        projectId: project.id,
        hits,
        tag: withActor ? (mentionTag as Tag) : tag,
        snap,
        coder,
        ...(withActor ? { actor: actor as Actor, mentionTagIds: new Set(tags.filter(isMentionTag).map((t) => t.id)) } : {}),
      });
      setMessage({ text, error: false });
    } catch (e) {
      setMessage({ text: `Coding the hits failed: ${e instanceof Error ? e.message : String(e)}`, error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="kwic-coding" role="group" aria-label="Code selected hits">
      <label className="field-inline-row">
        <span className="field-label">Tag</span>
        <select className="input input-compact" value={tag?.id ?? ''} onChange={(e) => setTagId(e.target.value)}>
          {project.categories.map((c) => {
            const inCategory = ordered.filter((o) => o.tag.categoryId === c.id);
            return inCategory.length === 0 ? null : (
              <optgroup key={c.id} label={c.name}>
                {inCategory.map((o) => (
                  <option key={o.tag.id} value={o.tag.id}>
                    {'\u00a0\u00a0'.repeat(o.depth)}
                    {o.tag.name}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </select>
      </label>
      <button type="button" className="button button-small" disabled={busy || !tag || count === 0} onClick={() => void run(false)} aria-keyshortcuts="Control+Enter">
        Apply tag
      </button>
      <label className="field-inline-row">
        <span className="field-label">Actor</span>
        <select className="input input-compact" value={actor?.id ?? ''} onChange={(e) => setActorId(e.target.value)} disabled={actors.length === 0}>
          {actors.length === 0 && <option value="">No actors yet</option>}
          {actors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button button-small" disabled={busy || !actor || count === 0} onClick={() => void run(true)}>
        Link as mentions
      </button>
      <span className="muted kwic-selected">{count} selected</span>
      <p className={message?.error ? 'kwic-coding-message search-error' : 'kwic-coding-message muted'} role="status">
        {message?.text ?? ''}
      </p>
    </div>
  );
}
