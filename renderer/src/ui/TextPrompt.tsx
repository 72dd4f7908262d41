import { useState } from 'react';
import { FormDialog } from './FormDialog.tsx';
import { errorMessage } from '@shared/errors.ts';

interface TextPromptProps {
  title: string;
  label: string;
  initial: string;
  submitLabel: string;
  onSubmit: (value: string) => void | Promise<void>;
  onCancel: () => void;
}

/** Asks for one line of text (e.g. a new name); refuses an empty value with a visible message. */
export function TextPrompt({ title, label, initial, submitLabel, onSubmit, onCancel }: TextPromptProps) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (!value.trim()) {
      setError('Please enter a name.');
      return;
    }
    try {
      await onSubmit(value.trim());
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <FormDialog title={title} submitLabel={submitLabel} onCancel={onCancel} onSubmit={submit}>
      <label className="field">
        <span className="field-label">{label}</span>
        <input className="input" value={value} autoFocus onChange={(e) => setValue(e.target.value)} onFocus={(e) => e.target.select()} />
      </label>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </FormDialog>
  );
}
