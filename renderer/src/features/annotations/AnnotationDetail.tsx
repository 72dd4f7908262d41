import { useState } from 'react';
import { RELATION_TYPES, type Annotation, type Category, type Relation, type Tag } from '@shared/model/types.ts';
import { newId, nowIso } from '@shared/model/ids.ts';
import { stepWord, trimRange } from '@shared/text/word-boundaries.ts';
import { deleteRelations, putRelations } from '../../db/annotations.ts';
import { undoStack } from '../undo/undo-stack.ts';
import { changeAnnotationTag, removeAnnotations, setAnnotationAttribute, updateAnnotation } from './annotation-actions.ts';
import { showNotice } from '../../ui/notice.ts';
import { NoteEditor } from './NoteEditor.tsx';
import { ActorField } from './ActorField.tsx';
import { LinkTargetField } from './LinkTargetField.tsx';
import { StatementForm, type TextSelection } from '../statement-form/StatementForm.tsx';
import { RELATION_UI_LABELS as RELATION_LABEL } from '@shared/model/link-targets.ts';


interface AnnotationDetailProps {
  annotation: Annotation;
  annotations: Annotation[];
  relations: Relation[];
  text: string;
  tags: Tag[];
  categories: Category[];
  coder: string;
  onDeleted: () => void;
  onSelect: (id: string) => void;
  /** The reader's text selection (the statement form makes mentions from it). */
  textSelection?: TextSelection | null;
  onSelectionUsed?: (() => void) | undefined;
}

export function snippet(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Moves one boundary of an annotation by one word, keeping at least one character, trimmed. */
export function moveBoundary(text: string, a: Annotation, edge: 'start' | 'end', direction: -1 | 1): { start: number; end: number } | null {
  const moved = edge === 'start' ? { start: stepWord(text, a.start, direction), end: a.end } : { start: a.start, end: stepWord(text, a.end, direction) };
  const r = trimRange(text, moved.start, moved.end);
  if (r.end <= r.start || (r.start === a.start && r.end === a.end)) return null;
  return r;
}

export function AnnotationDetail({ annotation: a, annotations, relations, text, tags, categories, coder, onDeleted, onSelect, textSelection = null, onSelectionUsed }: AnnotationDetailProps) {
  const tag = tags.find((t) => t.id === a.tagId);
  const category = categories.find((c) => c.id === tag?.categoryId);
  const spanTags = tags.filter((t) => categories.some((c) => c.id === t.categoryId && c.level === 'span'));
  const byId = new Map(annotations.map((x) => [x.id, x]));
  const tagName = (x: Annotation | undefined) => tags.find((t) => t.id === x?.tagId)?.name ?? '?';
  // Roles without a span (a registry actor, unknown) are shown by the statement form only.
  const links = relations.filter((r) => (r.fromId === a.id || r.toId === a.id) && r.toId !== '');
  const [linkType, setLinkType] = useState<string>(RELATION_TYPES[0]);

  const move = (edge: 'start' | 'end', direction: -1 | 1) => {
    // Computed again from the stored record: quick clicks must each move one more word.
    if (moveBoundary(text, a, edge, direction)) void updateAnnotation(a, (stored) => moveBoundary(text, stored, edge, direction) ?? {}, text, 'Move boundary');
  };

  const changeTag = async (tagId: string) => {
    const next = tags.find((t) => t.id === tagId);
    if (!next) return;
    const dropped = await changeAnnotationTag(a, next, tags, categories);
    if (dropped.length === 0) return;
    const values = dropped.map((d) => `${d.name} “${String(d.value)}”`).join(', ');
    const where = categories.find((c) => c.id === next.categoryId)?.name ?? next.name;
    showNotice(`Tag changed to ${next.name}. Not kept, as ${where} has no such attribute or value: ${values}. Undo (Ctrl+Z) restores them.`);
  };

  const addLink = (toId: string) => {
    // The same link twice would count the claimant twice in the dataset.
    if (links.some((r) => r.fromId === a.id && r.toId === toId && r.type === linkType)) return;
    const relation: Relation = { id: newId(), projectId: a.projectId, articleId: a.articleId, type: linkType, fromId: a.id, toId, coder, createdAt: nowIso() };
    void undoStack.perform({ label: 'Add link', redo: () => putRelations([relation]), undo: () => deleteRelations([relation.id]) });
  };

  return (
    <section className="detail" aria-label="Selected annotation">
      <div className="detail-quote" style={{ borderColor: tag?.color }}>
        “{snippet(a.quote, 220)}”
      </div>
      <div className="detail-row">
        <label className="field">
          <span className="field-label">Tag</span>
          <select className="input" value={a.tagId} onChange={(e) => void changeTag(e.target.value)}>
            {spanTags.map((t) => (
              <option key={t.id} value={t.id}>
                {categories.find((c) => c.id === t.categoryId)?.name} · {t.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="detail-row boundaries" role="group" aria-label="Boundaries">
        <span className="field-label">Start</span>
        <button type="button" className="button button-small button-icon" aria-label="Move start one word left" onClick={() => move('start', -1)}>
          ◀
        </button>
        <button type="button" className="button button-small button-icon" aria-label="Move start one word right" onClick={() => move('start', 1)}>
          ▶
        </button>
        <span className="field-label">End</span>
        <button type="button" className="button button-small button-icon" aria-label="Move end one word left" onClick={() => move('end', -1)}>
          ◀
        </button>
        <button type="button" className="button button-small button-icon" aria-label="Move end one word right" onClick={() => move('end', 1)}>
          ▶
        </button>
        <button
          type="button"
          className="button button-small button-quiet-danger detail-delete"
          onClick={() => {
            void removeAnnotations([a]);
            onDeleted();
          }}
        >
          Delete
        </button>
      </div>
      {category && category.attributes.length > 0 && (
        <fieldset className="detail-attributes">
          <legend className="field-label">Attributes</legend>
          {category.attributes.map((def) => {
            const value = a.attributes[def.id];
            const set = (v: string | boolean | undefined) => void setAnnotationAttribute(a, def, v);
            if (def.type === 'boolean') {
              return (
                <label key={def.id} className="checkbox">
                  <input type="checkbox" checked={value === true} onChange={(e) => set(e.target.checked || undefined)} /> {def.name}
                </label>
              );
            }
            if (def.type === 'choice') {
              return (
                <label key={def.id} className="field">
                  <span className="field-label">{def.name}</span>
                  <select className="input" value={typeof value === 'string' ? value : ''} onChange={(e) => set(e.target.value)}>
                    <option value="">—</option>
                    {(def.options ?? []).map((o) => (
                      <option key={o} value={o}>
                        {o}
                      </option>
                    ))}
                  </select>
                </label>
              );
            }
            return (
              <label key={def.id} className="field">
                <span className="field-label">{def.name}</span>
                <input className="input" defaultValue={typeof value === 'string' ? value : ''} onBlur={(e) => e.target.value !== (value ?? '') && set(e.target.value)} />
              </label>
            );
          })}
        </fieldset>
      )}
      {(category?.id === 'actor' || category?.id === 'source') && <ActorField annotation={a} />}
      {category?.id === 'claim' && (
        <StatementForm claim={a} annotations={annotations} relations={relations} text={text} tags={tags} categories={categories} coder={coder} textSelection={textSelection} onSelect={onSelect} onSelectionUsed={onSelectionUsed} />
      )}
      <div className="field">
        <span className="field-label" id="note-label">
          Note
        </span>
        <NoteEditor key={a.id} note={a.note} onSave={(note) => void updateAnnotation(a, { note }, undefined, 'Edit note')} />
      </div>
      <div className="detail-links">
        <span className="field-label">Links</span>
        {links.length === 0 ? (
          <p className="muted small">No links. Link a claim to who made it, its source, or whom it is about.</p>
        ) : (
          <ul className="link-list" aria-label="Links">
            {links.map((r) => {
              const other = byId.get(r.fromId === a.id ? r.toId : r.fromId);
              const outgoing = r.fromId === a.id;
              return (
                <li key={r.id}>
                  <button type="button" className="link-button" title={`Exported as “${r.type}”: ${other?.quote ?? ''}`} onClick={() => other && onSelect(other.id)}>
                    {outgoing ? RELATION_LABEL[r.type] ?? r.type : `${RELATION_LABEL[r.type] ?? r.type} ←`} {tagName(other)}: “{snippet(other?.quote ?? '', 80)}”
                  </button>
                  <button type="button" className="button button-small button-icon" aria-label="Remove link" onClick={() => void undoStack.perform({ label: 'Remove link', redo: () => deleteRelations([r.id]), undo: () => putRelations([r]) })}>
                    ×
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        <div className="link-form">
          <label className="field link-type-field">
            <span className="field-label">Link type</span>
            <select className="input" value={linkType} title={`Exported as “${linkType}”`} aria-describedby={`link-type-export-${a.id}`} onChange={(e) => setLinkType(e.target.value)}>
              {RELATION_TYPES.map((t) => (
                <option key={t} value={t} title={`Exported as “${t}”`}>
                  {RELATION_LABEL[t]}
                </option>
              ))}
            </select>
            <span className="link-type-export" id={`link-type-export-${a.id}`}>
              in the dataset: <code>{linkType}</code>
            </span>
          </label>
          <LinkTargetField from={a} type={linkType} annotations={annotations} tags={tags} categories={categories} onPick={addLink} />
        </div>
      </div>
      <p className="muted small">
        Coded by {a.coder} · {new Date(a.updatedAt).toLocaleString()}
      </p>
    </section>
  );
}
