import { useState } from 'react';
import { CODEBOOK_TEMPLATES } from '@shared/codebook/templates.ts';
import { applyCodebookTemplate } from './actions/apply-template.ts';
import { CodebookTemplateSelect } from './CodebookTemplateSelect.tsx';

/** Adds a codebook template to an existing codebook (only what is missing); the result goes to the status line. */
export function AddTemplateField({ projectId, onDone, onError }: { projectId: string; onDone: (text: string) => void; onError: (e: unknown) => void }) {
  const [templateId, setTemplateId] = useState(CODEBOOK_TEMPLATES[1]?.id ?? '');
  const template = CODEBOOK_TEMPLATES.find((t) => t.id === templateId);
  const apply = async () => {
    try {
      const added = await applyCodebookTemplate(projectId, templateId);
      onDone(added.length === 0 ? `The codebook already has everything of “${template?.name ?? templateId}”.` : `Added from “${template?.name ?? templateId}”: ${added.join(', ')}.`);
    } catch (e) {
      onError(e);
    }
  };
  return (
    <div className="cb-template" role="group" aria-label="Codebook template">
      <CodebookTemplateSelect label="Template" className="field" value={templateId} onChange={setTemplateId} describedBy="cb-template-help" />
      <p className="muted small" id="cb-template-help">
        {template?.description} Adds only what the codebook lacks.
      </p>
      <button type="button" className="button button-small" onClick={() => void apply()}>
        Add template
      </button>
    </div>
  );
}
