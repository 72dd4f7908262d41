import { useId, useState } from 'react';
import type { Category, CategoryLevel, Project } from '@shared/model/types.ts';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { addCategory } from './actions/add-category.ts';
import { editCategory } from './actions/edit-category.ts';
import { useSubmit } from './form-error.ts';

/** Colours offered to a new category in turn, so neighbours rarely look alike. */
const PALETTE = ['#8e6cc9', '#d0648a', '#2aa198', '#c2703d', '#5b7bd6', '#7a8b3a'];

interface CategoryFormDialogProps {
  project: Project;
  /** Absent: a new category. */
  category?: Category;
  onDone: (message: string, categoryId?: string) => void;
  onCancel: () => void;
}

export function CategoryFormDialog({ project, category, onDone, onCancel }: CategoryFormDialogProps) {
  const [name, setName] = useState(category?.name ?? '');
  const [color, setColor] = useState(category?.color ?? PALETTE[project.categories.filter((c) => !c.builtIn).length % PALETTE.length] ?? '#8e6cc9');
  const [level, setLevel] = useState<CategoryLevel>(category?.level ?? 'span');
  const { error, busy, run } = useSubmit();
  const formId = useId();

  const submit = () =>
    run(async () => {
      if (!category) {
        const { categoryId } = await addCategory(project.id, { name, color, level });
        onDone(`Added the category “${name.trim()}”.`, categoryId);
        return;
      }
      const patch = { ...(name !== category.name ? { name } : {}), ...(color !== category.color ? { color } : {}), ...(level !== category.level ? { level } : {}) };
      if (Object.keys(patch).length === 0) return onCancel();
      await editCategory(project.id, category, patch);
      onDone(`Saved the category “${name.trim()}”.`);
    });

  return (
    <FormDialog title={category ? `Edit category “${category.name}”` : 'New category'} submitLabel={category ? 'Save' : 'Add category'} submitDisabled={busy} onCancel={onCancel} onSubmit={submit} className="cb-form">
        <div className="cb-form-row">
          <label className="field field-inline">
            <span className="field-label">Name</span>
            <input className="input" value={name} autoFocus placeholder="e.g. Frame, Topic" onChange={(e) => setName(e.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">Colour</span>
            <input type="color" className="cb-color-field" value={color} onChange={(e) => setColor(e.target.value)} />
          </label>
        </div>
        <fieldset className="cb-fieldset" disabled={category?.builtIn}>
          <legend className="field-label">Its tags</legend>
          <label className="cb-radio">
            <input type="radio" name={`${formId}-level`} value="span" checked={level === 'span'} onChange={() => setLevel('span')} />
            <span>
              <strong>Mark passages</strong>
              <span className="cb-hint">Select text in an article and tag it, like claims and actors.</span>
            </span>
          </label>
          <label className="cb-radio">
            <input type="radio" name={`${formId}-level`} value="document" checked={level === 'document'} onChange={() => setLevel('document')} />
            <span>
              <strong>Label whole articles</strong>
              <span className="cb-hint">Document-level: e.g. a topic or genre, toggled in the reader’s header.</span>
            </span>
          </label>
          {category?.builtIn && <p className="cb-hint">Built-in categories always mark passages.</p>}
        </fieldset>
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
    </FormDialog>
  );
}
