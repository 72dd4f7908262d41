import { CODEBOOK_TEMPLATES } from '@shared/codebook/templates.ts';

/** Which codebook a new project starts from; the chosen template's description is its hint. */
export function CodebookTemplateSelect({ value, onChange, label = 'Codebook', className = 'field field-inline', describedBy }: { value: string; onChange: (id: string) => void; label?: string; className?: string; describedBy?: string }) {
  const template = CODEBOOK_TEMPLATES.find((t) => t.id === value);
  return (
    <label className={className} title={template?.description}>
      <span className="field-label">{label}</span>
      <select className="input" value={value} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)}>
        {CODEBOOK_TEMPLATES.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
    </label>
  );
}
