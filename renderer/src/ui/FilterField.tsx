import { useId, type ReactNode } from 'react';

/** A labelled control; the label is not wrapped around the control, so its name is the label alone. */
export function FilterField({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children(id)}
    </div>
  );
}
