import { useId, useMemo, useState } from 'react';
import type { Id, Project, Tag } from '@shared/model/types.ts';
import { FormDialog } from '../../ui/FormDialog.tsx';
import type { ShortcutResult, TagPatch } from '@shared/codebook/plan.ts';
import { addTag } from './actions/add-tag.ts';
import { editTag } from './actions/edit-tag.ts';
import { subtreeIds, tagRows } from '@shared/codebook/tag-tree.ts';
import { useSubmit } from './form-error.ts';
import { newTagColour, siblingColours } from '@shared/model/tag-colour.ts';

export type TagFormMode = { kind: 'add'; categoryId: Id; parentId: Id | null } | { kind: 'edit'; tag: Tag };

interface TagFormDialogProps {
  project: Project;
  tags: Tag[];
  mode: TagFormMode;
  /** Called after a saved change with a sentence for the status line. */
  onDone: (message: string) => void;
  onCancel: () => void;
}

function shortcutMessage(result: ShortcutResult, key: string | undefined, name: string): string {
  return result.shortcutTakenFrom && key ? ` Shortcut “${key}” moved from “${result.shortcutTakenFrom.name}” to “${name}”.` : '';
}

/** Create or edit a tag: name, colour, description, shortcut, and its place (category, parent). */
export function TagFormDialog({ project, tags, mode, onDone, onCancel }: TagFormDialogProps) {
  const editing = mode.kind === 'edit' ? mode.tag : null;
  const initialCategory = editing ? editing.categoryId : mode.kind === 'add' ? mode.categoryId : '';
  const [name, setName] = useState(editing?.name ?? '');
  // A new tag follows its place (category, parent) with a distinct shade until the coder picks a colour.
  const [chosenColor, setColor] = useState<string | null>(editing?.color ?? null);
  const [description, setDescription] = useState(editing?.description ?? '');
  const [shortcut, setShortcut] = useState(editing?.shortcut ?? '');
  const [categoryId, setCategoryId] = useState(initialCategory);
  const [parentId, setParentId] = useState<Id | null>(editing ? editing.parentId : mode.kind === 'add' ? mode.parentId : null);
  const { error, busy, run } = useSubmit();
  const formId = useId();
  const category = project.categories.find((c) => c.id === categoryId);
  const excluded = useMemo(() => (editing ? subtreeIds(tags, editing.id) : new Set<Id>()), [tags, editing]);
  const parents = useMemo(() => tagRows(tags, categoryId).filter((r) => !excluded.has(r.tag.id)), [tags, categoryId, excluded]);
  const suggestedColor = useMemo(
    () => newTagColour(category?.color ?? '#888888', tags.find((t) => t.id === parentId)?.color ?? null, siblingColours(tags, categoryId, parentId)),
    [tags, category, categoryId, parentId],
  );
  const color = chosenColor ?? suggestedColor;

  const submit = () =>
    run(async () => {
      if (!editing) {
        const result = await addTag(project.id, { categoryId, parentId, name, color, description, shortcut });
        onDone(`Added “${name.trim()}”.${shortcutMessage(result, shortcut.trim().toLocaleLowerCase(), name.trim())}`);
        return;
      }
      const patch: TagPatch = {};
      if (name !== editing.name) patch.name = name;
      if (color !== editing.color) patch.color = color;
      if (description !== editing.description) patch.description = description;
      if (shortcut !== (editing.shortcut ?? '')) patch.shortcut = shortcut;
      const moved = categoryId !== editing.categoryId || parentId !== editing.parentId;
      const edited = Object.keys(patch).length > 0;
      if (!edited && !moved) {
        onCancel();
        return;
      }
      const result = await editTag({ tag: editing, patch, ...(moved ? { move: { categoryId, parentId } } : {}) });
      onDone(`Saved “${name.trim()}”.${result ? shortcutMessage(result, shortcut.trim().toLocaleLowerCase(), name.trim()) : ''}`);
    });

  return (
    <FormDialog title={editing ? `Edit tag “${editing.name}”` : 'New tag'} submitLabel={editing ? 'Save' : 'Add tag'} submitDisabled={busy} onCancel={onCancel} onSubmit={submit} className="cb-form">
        <div className="cb-form-row">
          <label className="field field-inline">
            <span className="field-label">Name</span>
            <input className="input" value={name} autoFocus onChange={(e) => setName(e.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">Colour</span>
            <input type="color" className="cb-color-field" value={color} onChange={(e) => setColor(e.target.value)} />
          </label>
        </div>
        <label className="field">
          <span className="field-label">Description</span>
          <textarea className="input cb-textarea" rows={2} value={description} placeholder="When to use this tag (shown as a tooltip when tagging)" onChange={(e) => setDescription(e.target.value)} />
        </label>
        <div className="cb-form-row">
          <label className="field field-inline">
            <span className="field-label">Category</span>
            <select
              className="input"
              value={categoryId}
              onChange={(e) => {
                setCategoryId(e.target.value);
                setParentId(null);
              }}
            >
              {project.categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field field-inline">
            <span className="field-label">Parent</span>
            <select className="input" value={parentId ?? ''} onChange={(e) => setParentId(e.target.value || null)}>
              <option value="">None (top level)</option>
              {parents.map((r) => (
                <option key={r.tag.id} value={r.tag.id}>
                  {'\u2003'.repeat(r.depth)}
                  {r.tag.name}
                </option>
              ))}
            </select>
          </label>
          {category?.level !== 'document' && (
            <label className="field cb-shortcut-field">
              <span className="field-label">Shortcut</span>
              <input className="input" value={shortcut} maxLength={1} placeholder="–" aria-describedby={`${formId}-key-hint`} onChange={(e) => setShortcut(e.target.value)} />
            </label>
          )}
        </div>
        {category?.level !== 'document' && (
          <p id={`${formId}-key-hint`} className="cb-hint">
            One letter or digit tags the selected passage. A key already used by another tag moves to this one.
          </p>
        )}
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
    </FormDialog>
  );
}
