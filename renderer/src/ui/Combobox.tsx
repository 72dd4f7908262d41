import { useId, useMemo, useState, type ReactNode } from 'react';
import './combobox.css';

export interface ComboOption {
  id: string;
  /** The option's text, shown in full (it wraps; nothing is cut). */
  label: string;
  /** A second, quieter line or prefix: the tag of an annotation, the alias that matched. */
  detail?: string;
  /** Quieter text after the label, e.g. the alias that matched. */
  hint?: string;
  /** A short flag after the label, e.g. "no mentions". */
  badge?: string;
  /** Options with the same group follow each other under one heading. */
  group?: string;
  /** Marks an option that does something rather than choosing a value (e.g. "Create actor …"). */
  action?: boolean;
}

interface ComboboxProps {
  label: string;
  /** What the field shows while the coder is not typing (the current choice). */
  value: string;
  placeholder?: string;
  /** The options for what is typed, best first; the first is highlighted. */
  options: (query: string) => ComboOption[];
  onPick: (option: ComboOption) => void;
  /** Shown in the list when nothing matches. */
  emptyText?: string;
  /** Called while the list is open, e.g. to load what only the list needs. */
  onOpenChange?: (open: boolean) => void;
  /** Rendered after the label, e.g. a hint. */
  labelExtra?: ReactNode;
  className?: string;
}

/**
 * An editable combobox after the WAI-ARIA pattern (list autocomplete): typing filters, the
 * arrow keys move the highlight, Enter picks the highlighted option, Escape closes the list and
 * then restores the current value. Nothing is picked without Enter or a click: leaving the field
 * drops what was typed.
 */
export function Combobox({ label, value, placeholder, options, onPick, emptyText = 'No matches', onOpenChange, labelExtra, className }: ComboboxProps) {
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpenState] = useState(false);
  const [active, setActive] = useState(0);
  const base = useId();
  const listId = `${base}-list`;
  const list = useMemo(() => (open ? options(query ?? '') : []), [open, options, query]);
  const current = list[Math.min(active, list.length - 1)];
  const optionId = (i: number) => `${base}-opt-${i}`;

  const setOpen = (next: boolean) => {
    if (next === open) return;
    setOpenState(next);
    onOpenChange?.(next);
  };
  const close = () => {
    setOpen(false);
    setQuery(null);
    setActive(0);
  };
  const pick = (option: ComboOption | undefined) => {
    if (!option) return;
    close();
    onPick(option);
  };
  const moveTo = (i: number) => {
    setActive(i);
    // Keep the highlighted option in view inside the scrolling list.
    requestAnimationFrame(() => document.getElementById(optionId(i))?.scrollIntoView({ block: 'nearest' }));
  };

  const groups: { name: string | undefined; items: { option: ComboOption; index: number }[] }[] = [];
  list.forEach((option, index) => {
    const last = groups.at(-1);
    if (last && last.name === option.group) last.items.push({ option, index });
    else groups.push({ name: option.group, items: [{ option, index }] });
  });

  const renderOption = ({ option, index }: { option: ComboOption; index: number }) => (
    <li
      key={option.id}
      id={optionId(index)}
      role="option"
      aria-selected={index === active}
      className={`combo-option${index === active ? ' active' : ''}${option.action ? ' combo-action' : ''}`}
      // Keep focus in the field: a click must not blur it before it picks.
      onMouseDown={(e) => e.preventDefault()}
      onMouseMove={() => index !== active && setActive(index)}
      onClick={() => pick(option)}
    >
      {option.detail && <span className="combo-option-detail">{option.detail}</span>}
      <span className="combo-option-label">{option.label}</span>
      {option.hint && <span className="combo-option-hint">{option.hint}</span>}
      {option.badge && <span className="combo-badge">{option.badge}</span>}
    </li>
  );

  return (
    <div className={`combo ${className ?? ''}`}>
      <label className="field-label" htmlFor={`${base}-input`}>
        {label}
      </label>
      {labelExtra}
      <input
        id={`${base}-input`}
        className="input combo-input"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && current ? optionId(Math.min(active, list.length - 1)) : undefined}
        autoComplete="off"
        spellCheck={false}
        value={query ?? value}
        placeholder={placeholder}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onClick={() => setOpen(true)}
        onBlur={close}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            if (!open) {
              setOpen(true);
              return;
            }
            if (list.length) moveTo(e.key === 'ArrowDown' ? Math.min(active + 1, list.length - 1) : Math.max(active - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            if (open) pick(current);
            else setOpen(true);
          } else if (e.key === 'Escape') {
            if (!open && query === null) return;
            // This Escape belongs to the field: it must not also close the dialog around it.
            e.preventDefault();
            e.stopPropagation();
            e.nativeEvent.stopPropagation();
            if (open) setOpen(false);
            else setQuery(null);
          }
        }}
      />
      <ul id={listId} role="listbox" aria-label={label} className="combo-list" hidden={!open}>
        {open && list.length === 0 && (
          <li className="combo-empty" role="presentation">
            {emptyText}
          </li>
        )}
        {groups.map((g, gi) =>
          g.name ? (
            <li key={`g${gi}`} role="presentation">
              <div className="combo-group-name" aria-hidden="true">
                {g.name}
              </div>
              <ul role="group" aria-label={g.name} className="combo-group">
                {g.items.map(renderOption)}
              </ul>
            </li>
          ) : (
            g.items.map(renderOption)
          ),
        )}
      </ul>
    </div>
  );
}
