import { useId, useState } from 'react';
import type { AttributeDef, AttributeType, Category, Project } from '@shared/model/types.ts';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { parseOptions } from '@shared/codebook/rules.ts';
import { addAttribute } from './actions/add-attribute.ts';
import { editAttribute } from './actions/edit-attribute.ts';
import { useSubmit } from './form-error.ts';

export const ATTRIBUTE_TYPE_LABEL: Record<AttributeType, string> = { choice: 'Choice', text: 'Text', boolean: 'Yes / no' };

interface AttributeFormDialogProps {
  project: Project;
  category: Category;
  /** Absent: a new attribute. */
  attribute?: AttributeDef;
  onDone: (message: string) => void;
  onCancel: () => void;
}

export function AttributeFormDialog({ project, category, attribute, onDone, onCancel }: AttributeFormDialogProps) {
  const [name, setName] = useState(attribute?.name ?? '');
  const [type, setType] = useState<AttributeType>(attribute?.type ?? 'choice');
  const [options, setOptions] = useState((attribute?.options ?? []).join(', '));
  const { error, busy, run } = useSubmit();
  const formId = useId();

  const submit = () =>
    run(async () => {
      const list = type === 'choice' ? parseOptions(options) : undefined;
      if (!attribute) {
        await addAttribute(project.id, category.id, { name, type, options: list });
        onDone(`Added the attribute “${name.trim()}” to ${category.name}.`);
        return;
      }
      await editAttribute(project.id, category.id, attribute, { name, ...(list ? { options: list } : {}) });
      onDone(`Saved the attribute “${name.trim()}”.`);
    });

  return (
    <FormDialog title={attribute ? `Edit attribute “${attribute.name}”` : `New attribute for ${category.name}`} submitLabel={attribute ? 'Save' : 'Add attribute'} submitDisabled={busy} onCancel={onCancel} onSubmit={submit} className="cb-form">
        <div className="cb-form-row">
          <label className="field field-inline">
            <span className="field-label">Attribute name</span>
            <input className="input" value={name} autoFocus placeholder="e.g. Stance" onChange={(e) => setName(e.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">Type</span>
            <select className="input" value={type} disabled={!!attribute} aria-describedby={attribute ? `${formId}-type-hint` : undefined} onChange={(e) => setType(e.target.value as AttributeType)}>
              {(Object.keys(ATTRIBUTE_TYPE_LABEL) as AttributeType[]).map((t) => (
                <option key={t} value={t}>
                  {ATTRIBUTE_TYPE_LABEL[t]}
                </option>
              ))}
            </select>
          </label>
        </div>
        {attribute && (
          <p id={`${formId}-type-hint`} className="cb-hint">
            The type stays fixed so stored values keep their meaning; add a new attribute to use another type.
          </p>
        )}
        {type === 'choice' && (
          <label className="field">
            <span className="field-label">Options (comma-separated)</span>
            <input className="input" value={options} placeholder="supports, opposes, neutral" onChange={(e) => setOptions(e.target.value)} />
          </label>
        )}
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
    </FormDialog>
  );
}
