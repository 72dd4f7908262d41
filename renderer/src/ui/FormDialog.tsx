import { useId, type ReactNode } from 'react';
import { Dialog } from './Dialog.tsx';

interface FormDialogProps {
  title: string;
  submitLabel: string;
  submitDisabled?: boolean;
  onCancel: () => void;
  onSubmit: () => void | Promise<void>;
  className?: string;
  wide?: boolean;
  children: ReactNode;
}

/** A modal form with Cancel and a submit button; Enter in a field submits. */
export function FormDialog({ title, submitLabel, submitDisabled, onCancel, onSubmit, className, wide, children }: FormDialogProps) {
  const formId = useId();
  return (
    <Dialog
      title={title}
      onClose={onCancel}
      wide={wide}
      actions={
        <>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" form={formId} className="button button-primary" disabled={submitDisabled}>
            {submitLabel}
          </button>
        </>
      }
    >
      <form
        id={formId}
        className={className}
        onSubmit={(e) => {
          e.preventDefault();
          void onSubmit();
        }}
      >
        {children}
      </form>
    </Dialog>
  );
}
