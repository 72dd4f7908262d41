import { useState } from 'react';
import { RELATION_TYPES, type Annotation, type Category, type Relation, type Tag } from '@shared/model/types.ts';
import { newId, nowIso } from '@shared/model/ids.ts';
import { changeAnnotationTag } from './actions/change-annotation-tag.ts';
import { removeAnnotations } from './actions/remove-annotations.ts';
import { setAnnotationAttribute } from './actions/set-annotation-attribute.ts';
import { updateAnnotation } from './actions/update-annotation.ts';
import { moveAnnotationBoundary } from './actions/move-annotation-boundary.ts';
import { addLink } from './actions/add-link.ts';
import { removeLink } from './actions/remove-link.ts';
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
    moveAnnotationBoundary(text, a, edge, direction);
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

  const linkTo = (toId: string) => {
    // The same link twice would count the claimant twice in the dataset.
    if (links.some((r) => r.fromId === a.id && r.toId === toId && r.type === linkType)) return;
    const relation: Relation = { id: newId(), projectId: a.projectId, articleId: a.articleId, type: linkType, fromId: a.id, toId, coder, createdAt: nowIso() };
    void addLink(relation);
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
                  <button type="button" className="button button-small button-icon" aria-label="Remove link" onClick={() => void removeLink(r)}>
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
          <LinkTargetField from={a} type={linkType} annotations={annotations} tags={tags} categories={categories} onPick={linkTo} />
        </div>
      </div>
      <p className="muted small">
        Coded by {a.coder} · {new Date(a.updatedAt).toLocaleString()}
      </p>
    </section>
  );
}
