import { useId } from 'react';

interface PositionChoiceProps {
  label: string;
  options: string[];
  value: string | null;
  onChange: (option: string | null) => void;
  /** Maps a key to an option (e.g. `-` → "-1"); arrow keys move as in any radio group. */
  optionForKey?: (key: string) => string | null;
  keysHint?: string;
  compact?: boolean;
}

/**
 * A choice as a radio group, set by keys: the arrows move between options, and `optionForKey`
 * lets one key choose directly (−, 0, + for a position; d, i, m for a quote type). Delete clears.
 */
export function PositionChoice({ label, options, value, onChange, optionForKey, keysHint, compact }: PositionChoiceProps) {
  const name = useId();
  return (
    <fieldset
      className={`statement-choice${compact ? ' statement-choice-compact' : ''}`}
      aria-label={label}
      onKeyDown={(e) => {
        if (e.ctrlKey || e.metaKey || e.altKey) return;
        if (e.key === 'Delete' || e.key === 'Backspace') {
          e.preventDefault();
          e.stopPropagation();
          onChange(null);
          return;
        }
        const hit = optionForKey?.(e.key);
        if (hit) {
          e.preventDefault();
          e.stopPropagation();
          onChange(hit);
          // The radio of the chosen option takes the focus, as arrow keys would.
          e.currentTarget.querySelector<HTMLInputElement>(`input[value="${CSS.escape(hit)}"]`)?.focus();
        }
      }}
    >
      {!compact && <legend className="field-label">{label}</legend>}
      {options.map((o) => (
        <label key={o} className="statement-choice-option">
          <input type="radio" name={name} value={o} checked={value === o} onChange={() => onChange(o)} />
          {o.replace(/^-/, '−')}
        </label>
      ))}
      {keysHint && <span className="muted small">{keysHint}</span>}
    </fieldset>
  );
}
