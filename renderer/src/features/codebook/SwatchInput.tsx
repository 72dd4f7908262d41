import { useEffect, useRef, useState } from 'react';

interface SwatchInputProps {
  value: string;
  label: string;
  onCommit: (color: string) => void;
  className?: string;
}

/**
 * A colour picker that previews while the user drags and saves once, when the picker closes
 * (the native `change` event), so one recolour is one undo step rather than dozens.
 * Render it with `key={value}` so it resets when the stored colour changes (e.g. on undo).
 */
export function SwatchInput({ value, label, onCommit, className }: SwatchInputProps) {
  const ref = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState(value);
  const commit = useRef(onCommit);
  useEffect(() => {
    commit.current = onCommit;
  });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onChange = () => {
      if (el.value.toLowerCase() !== value.toLowerCase()) commit.current(el.value);
    };
    el.addEventListener('change', onChange);
    return () => el.removeEventListener('change', onChange);
  }, [value]);
  return <input ref={ref} type="color" className={className ?? 'cb-swatch-input'} aria-label={label} title={label} value={draft} onChange={(e) => setDraft(e.target.value)} />;
}
