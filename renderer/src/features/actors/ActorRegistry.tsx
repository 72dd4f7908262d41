import './actors.css';
import { useState, type ReactNode } from 'react';
import type { Actor, Project } from '@shared/model/types.ts';
import { plural } from '@shared/text/plural.ts';
import { Dialog, ConfirmDialog } from '../../ui/Dialog.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { useUndoState } from '../undo/useUndoShortcuts.ts';
import { undoStack } from '../undo/undo-stack.ts';
import { useCoder } from '../settings/coder.ts';
import { addActor } from './actions/add-actor.ts';
import { editActor } from './actions/edit-actor.ts';
import { mergeActors } from './actions/merge-actors.ts';
import { deleteActor } from './actions/delete-actor.ts';
import { acceptMention, acceptMentions } from './actions/accept-mention.ts';
import { rejectMentions } from './actions/reject-mentions.ts';
import { findActorMentions } from './find-actor-mentions.ts';
import { useActorRegistry } from './use-actors.ts';
import type { MentionProposal } from './mention-proposals.ts';

export const ACTOR_KINDS = ['person', 'organisation', 'institution', 'collective', 'media'] as const;

type Modal = { kind: 'form'; actor?: Actor } | { kind: 'merge'; actor: Actor } | { kind: 'delete'; actor: Actor; mentions: number };

interface Status {
  text: string;
  error: boolean;
  at?: string | undefined;
}

/** Aliases typed as one line: comma- or semicolon-separated, each once. */
function parseAliases(s: string): string[] {
  const seen = new Set<string>();
  return s
    .split(/[,;]/)
    .map((a) => a.trim())
    .filter((a) => a && !seen.has(a.toLowerCase()) && seen.add(a.toLowerCase()));
}

function ActorFormDialog({ actor, actors, onCancel, onSubmit }: { actor: Actor | undefined; actors: Actor[]; onCancel: () => void; onSubmit: (v: { name: string; type: string; aliases: string[] }) => Promise<void> }) {
  const [name, setName] = useState(actor?.name ?? '');
  const [type, setType] = useState(actor?.type ?? '');
  const [aliases, setAliases] = useState((actor?.aliases ?? []).join(', '));
  const [error, setError] = useState('');
  const taken = actors.some((a) => a.id !== actor?.id && a.name.trim().toLowerCase() === name.trim().toLowerCase());
  return (
    <FormDialog
      title={actor ? `Edit actor “${actor.name}”` : 'New actor'}
      submitLabel={actor ? 'Save' : 'Add actor'}
      submitDisabled={!name.trim() || taken}
      onCancel={onCancel}
      onSubmit={async () => {
        try {
          await onSubmit({ name: name.trim(), type, aliases: parseAliases(aliases) });
        } catch (e) {
          setError(e instanceof Error ? e.message : String(e));
        }
      }}
      className="ar-form"
    >
      <label className="field">
        <span className="field-label">Name</span>
        <input value={name} onChange={(e) => setName(e.target.value)} autoFocus aria-describedby="ar-name-error" />
      </label>
      <p id="ar-name-error" className="ar-status-error" role="alert">
        {taken ? `An actor named “${name.trim()}” exists already: merge instead.` : error}
      </p>
      <label className="field">
        <span className="field-label">Kind</span>
        <select value={type} onChange={(e) => setType(e.target.value)}>
          <option value="">(not set)</option>
          {ACTOR_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Aliases</span>
        <input value={aliases} onChange={(e) => setAliases(e.target.value)} placeholder="Lukashenka, Лукашенко" aria-describedby="ar-aliases-hint" />
      </label>
      <p id="ar-aliases-hint" className="ar-hint">
        Other names, separated by commas. Find mentions also matches inflected forms (Лукашенку, Зеленського) and, for a person, the surname alone.
      </p>
    </FormDialog>
  );
}

function MergeDialog({ actor, actors, onCancel, onMerge }: { actor: Actor; actors: Actor[]; onCancel: () => void; onMerge: (into: Actor) => void }) {
  const others = actors.filter((a) => a.id !== actor.id);
  const [intoId, setIntoId] = useState(others[0]?.id ?? '');
  const into = others.find((a) => a.id === intoId);
  return (
    <FormDialog title={`Merge “${actor.name}” into another actor`} submitLabel="Merge" submitDisabled={!into} onCancel={onCancel} onSubmit={() => into && onMerge(into)} className="ar-form">
      <label className="field">
        <span className="field-label">Merge into</span>
        <select value={intoId} onChange={(e) => setIntoId(e.target.value)}>
          {others.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <p className="ar-hint">Its mentions will refer to the chosen actor, and its name and aliases become aliases there. You can undo this.</p>
    </FormDialog>
  );
}

/** The project's actors: counts, add, edit, merge, delete, and find unlinked mentions. */
export function ActorRegistry({ project, onClose }: { project: Project; onClose: () => void }) {
  const { actors, mentionCounts, claimCounts } = useActorRegistry(project.id);
  const [modal, setModal] = useState<Modal | null>(null);
  const [status, setStatus] = useState<Status>({ text: '', error: false });
  const [finding, setFinding] = useState<{ actor: Actor; proposals: MentionProposal[] } | null>(null);
  const undo = useUndoState();
  const coder = useCoder();

  const say = (text: string) => setStatus({ text, error: false, at: undoStack.peekUndo() });
  const fail = (e: unknown) => setStatus({ text: e instanceof Error ? e.message : String(e), error: true });
  const attempt = (fn: () => Promise<void>) => void fn().catch(fail);

  const findMentions = (actor: Actor) =>
    attempt(async () => {
      const proposals = await findActorMentions(project.id, actor);
      setFinding({ actor, proposals });
      say(proposals.length === 0 ? `No unlinked mentions of “${actor.name}” found.` : `Found ${plural(proposals.length, 'unlinked mention')} of “${actor.name}”.`);
    });

  const accept = (actor: Actor, p: MentionProposal) => acceptMention(project.id, actor, p, coder);

  const settle = (keys: Set<string>) => setFinding((f) => (f ? { ...f, proposals: f.proposals.filter((p) => !keys.has(p.key)) } : f));

  const renderModal = (): ReactNode => {
    if (!modal || !actors) return null;
    const cancel = () => setModal(null);
    switch (modal.kind) {
      case 'form':
        return (
          <ActorFormDialog
            actor={modal.actor}
            actors={actors}
            onCancel={cancel}
            onSubmit={async (v) => {
              const editing = modal.actor;
              if (editing) await editActor(editing, v);
              else await addActor(project.id, v);
              setModal(null);
              say(!editing ? `Added “${v.name}”.` : v.name !== editing.name ? `Renamed “${editing.name}” to “${v.name}”.` : `Saved “${v.name}”.`);
            }}
          />
        );
      case 'merge':
        return (
          <MergeDialog
            actor={modal.actor}
            actors={actors}
            onCancel={cancel}
            onMerge={(into) =>
              attempt(async () => {
                const from = modal.actor;
                setModal(null);
                const mentions = await mergeActors(from, into);
                if (finding?.actor.id === from.id) setFinding(null);
                say(`Merged “${from.name}” into “${into.name}” (${plural(mentions, 'mention')} moved).`);
              })
            }
          />
        );
      case 'delete':
        return (
          <ConfirmDialog
            title={`Delete actor “${modal.actor.name}”?`}
            message={<p>{modal.mentions > 0 ? `${plural(modal.mentions, 'mention')} will no longer refer to it; the annotations stay.` : 'No mention refers to it.'} You can undo this.</p>}
            confirmLabel="Delete actor"
            danger
            onCancel={cancel}
            onConfirm={() =>
              attempt(async () => {
                const a = modal.actor;
                setModal(null);
                await deleteActor(a);
                if (finding?.actor.id === a.id) setFinding(null);
                say(`Deleted “${a.name}”.`);
              })
            }
          />
        );
    }
  };

  return (
    <>
      <Dialog
        title="Actors"
        wide
        onClose={onClose}
        actions={
          <>
            <div className="ar-status">
              <p role="status">{!status.error && status.at === undo.undo ? status.text : ''}</p>
              <p role="alert" className="ar-status-error">
                {status.error ? status.text : ''}
              </p>
            </div>
            <button type="button" className="button" disabled={!undo.undo} title={undo.undo ? `Undo: ${undo.undo} (Ctrl+Z)` : 'Nothing to undo'} onClick={() => attempt(() => undoStack.undo())}>
              Undo
            </button>
            <button type="button" className="button button-primary" onClick={onClose}>
              Close
            </button>
          </>
        }
      >
        <div className="ar-registry">
          <div className="ar-toolbar">
            <p className="ar-hint">The people and organisations mentions refer to. Counts: mentions linked to each actor, and claims it makes (claims whose claimant is one of its mentions).</p>
            <button type="button" className="button button-small" onClick={() => setModal({ kind: 'form' })}>
              + Add actor
            </button>
          </div>
          {actors === undefined ? null : actors.length === 0 ? (
            <div className="ar-empty">
              <p>
                <strong>No actors yet.</strong> Add one here, or link a mention to an actor from the reader (“Refers to actor”).
              </p>
            </div>
          ) : (
            <table className="ar-table" aria-label="Actors">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Aliases</th>
                  <th scope="col" className="ar-num">
                    Mentions
                  </th>
                  <th scope="col" className="ar-num">
                    Claims
                  </th>
                  <th scope="col">
                    <span className="ar-visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {actors.map((a) => (
                  <tr key={a.id} aria-label={a.name}>
                    <td className="ar-name">{a.name}</td>
                    <td>{a.type ?? ''}</td>
                    <td className="ar-aliases">{a.aliases.join(', ')}</td>
                    <td className="ar-num">{mentionCounts?.get(a.id) ?? 0}</td>
                    <td className="ar-num">{claimCounts?.get(a.id) ?? 0}</td>
                    <td>
                      <div className="ar-actions">
                        <button type="button" className="cb-action" aria-label={`Find mentions of ${a.name}`} onClick={() => findMentions(a)}>
                          Find mentions
                        </button>
                        <button type="button" className="cb-action" aria-label={`Edit ${a.name}`} title="Rename, set kind and aliases" onClick={() => setModal({ kind: 'form', actor: a })}>
                          Edit
                        </button>
                        <button type="button" className="cb-action" aria-label={`Merge ${a.name} into another actor`} disabled={actors.length < 2} onClick={() => setModal({ kind: 'merge', actor: a })}>
                          Merge…
                        </button>
                        <button type="button" className="cb-action cb-action-danger" aria-label={`Delete ${a.name}`} onClick={() => setModal({ kind: 'delete', actor: a, mentions: mentionCounts?.get(a.id) ?? 0 })}>
                          Delete
                        </button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {finding && (
            <section className="ar-find" aria-labelledby="ar-find-title">
              <div className="ar-find-header">
                <h3 id="ar-find-title">Unlinked mentions of {finding.actor.name}</h3>
                {finding.proposals.length > 0 && (
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() =>
                      attempt(async () => {
                        const list = finding.proposals;
                        await acceptMentions(project.id, finding.actor, list, coder);
                        settle(new Set(list.map((p) => p.key)));
                        say(`Linked ${plural(list.length, 'mention')} to “${finding.actor.name}”.`);
                      })
                    }
                  >
                    Accept all ({finding.proposals.length})
                  </button>
                )}
                {finding.proposals.length > 0 && (
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() =>
                      attempt(async () => {
                        const list = finding.proposals;
                        await rejectMentions(project.id, finding.actor, list);
                        settle(new Set(list.map((p) => p.key)));
                        say(`Rejected ${plural(list.length, 'proposed mention')} of “${finding.actor.name}”: they will not be proposed again.`);
                      })
                    }
                  >
                    Reject all ({finding.proposals.length})
                  </button>
                )}
              </div>
              {finding.proposals.length === 0 ? (
                <p className="ar-hint">Nothing left to review.</p>
              ) : (
                <ul className="ar-proposals" aria-label={`Proposed mentions of ${finding.actor.name}`}>
                  {finding.proposals.map((p) => (
                    <li key={p.key} className="ar-proposal" aria-label={`${p.quote} in ${p.title}`}>
                      <span className="ar-proposal-title" title={p.title}>
                        {p.title}
                      </span>
                      <span className="ar-proposal-context">
                        …{p.before}
                        <mark>{p.quote}</mark>
                        {p.after}…
                      </span>
                      <span className="ar-actions">
                        <button
                          type="button"
                          className="cb-action"
                          aria-label={`Accept ${p.quote} in ${p.title}`}
                          onClick={() =>
                            attempt(async () => {
                              await accept(finding.actor, p);
                              settle(new Set([p.key]));
                              say(`Linked “${p.quote}” to “${finding.actor.name}”.`);
                            })
                          }
                        >
                          Accept
                        </button>
                        <button
                          type="button"
                          className="cb-action cb-action-danger"
                          aria-label={`Reject ${p.quote} in ${p.title}`}
                          onClick={() =>
                            attempt(async () => {
                              await rejectMentions(project.id, finding.actor, [p]);
                              settle(new Set([p.key]));
                              say(`Rejected “${p.quote}”: it will not be proposed again.`);
                            })
                          }
                        >
                          Reject
                        </button>
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
        </div>
      </Dialog>
      {renderModal()}
    </>
  );
}
