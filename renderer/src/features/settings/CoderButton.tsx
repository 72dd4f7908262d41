import { useState } from 'react';
import { TextPrompt } from '../../ui/TextPrompt.tsx';
import { setCoder, useCoder } from './coder.ts';

/** Shows the coder's name (stored on every new annotation) and lets the user change it. */
export function CoderButton({ className = 'button button-small' }: { className?: string }) {
  const coder = useCoder();
  const [editing, setEditing] = useState(false);
  return (
    <>
      <button type="button" className={className} onClick={() => setEditing(true)} aria-label={`Coder: ${coder}. Change the coder name`}>
        Coder: {coder}
      </button>
      {editing && (
        <TextPrompt
          title="Coder name"
          label="Your name as a coder (stored on each annotation you make)"
          initial={coder}
          submitLabel="Save"
          onCancel={() => setEditing(false)}
          onSubmit={async (value) => {
            await setCoder(value);
            setEditing(false);
          }}
        />
      )}
    </>
  );
}
