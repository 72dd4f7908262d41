import { useState } from 'react';
import { Dialog } from './Dialog.tsx';

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
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Dialog
      title={title}
      onClose={onCancel}
      actions={
        <>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" form="text-prompt-form" className="button button-primary">
            {submitLabel}
          </button>
        </>
      }
    >
      <form
        id="text-prompt-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label className="field">
          <span className="field-label">{label}</span>
          <input className="input" value={value} autoFocus onChange={(e) => setValue(e.target.value)} onFocus={(e) => e.target.select()} />
        </label>
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
