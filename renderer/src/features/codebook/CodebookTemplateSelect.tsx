import { CODEBOOK_TEMPLATES } from '@shared/codebook/templates.ts';

/** Which codebook a new project starts from; the chosen template's description is its hint. */
export function CodebookTemplateSelect({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const template = CODEBOOK_TEMPLATES.find((t) => t.id === value);
  return (
    <label className="field field-inline" title={template?.description}>
      <span className="field-label">Codebook</span>
      <select className="input" value={value} onChange={(e) => onChange(e.target.value)}>
        {CODEBOOK_TEMPLATES.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
    </label>
  );
}
