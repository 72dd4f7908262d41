import { useEffect, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  children: ReactNode;
  onClose: () => void;
  /** Buttons, rendered right-aligned in the footer. */
  actions: ReactNode;
  wide?: boolean;
}

/** A modal built on <dialog>: focus is trapped by the browser and Escape closes it. */
export function Dialog({ title, children, onClose, actions, wide }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (el && !el.open) el.showModal();
    return () => el?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-label={title}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 className="dialog-title">{title}</h2>
      <div className="dialog-body">{children}</div>
      <div className="dialog-actions">{actions}</div>
    </dialog>
  );
}

/** A footer with one focused Close button: the last step of a dialog. */
export function CloseAction({ onClose }: { onClose: () => void }) {
  return (
    <button type="button" className="button button-primary" onClick={onClose} autoFocus>
      Close
    </button>
  );
}

/** A footer with Cancel and the step's primary action, which takes the focus. */
export function CancelAndAct({ onCancel, onAct, disabled, children }: { onCancel: () => void; onAct: () => void; disabled?: boolean; children: ReactNode }) {
  return (
    <>
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="button" className="button button-primary" onClick={onAct} disabled={disabled} autoFocus>
        {children}
      </button>
    </>
  );
}

interface ConfirmProps {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({ title, message, confirmLabel, danger, onConfirm, onCancel }: ConfirmProps) {
  return (
    <Dialog
      title={title}
      onClose={onCancel}
      actions={
        <>
          <button type="button" className="button" onClick={onCancel} autoFocus>
            Cancel
          </button>
          <button type="button" className={danger ? 'button button-danger' : 'button button-primary'} onClick={onConfirm}>
            {confirmLabel}
          </button>
        </>
      }
    >
      {message}
    </Dialog>
  );
}
