import { useState } from 'react';
import { errorMessage } from '@shared/errors.ts';

/** Runs a submit handler, keeping its refusal message for a `role="alert"` under the form. */
export function useSubmit(): { error: string | null; busy: boolean; run: (fn: () => Promise<void>) => Promise<void>; setError: (e: string | null) => void } {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run, setError };
}
