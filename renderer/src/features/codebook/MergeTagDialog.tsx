import { useMemo, useState } from 'react';
import type { Project, Tag } from '@shared/model/types.ts';
import { FormDialog } from '../../ui/FormDialog.tsx';
import type { TagUsage } from '@shared/codebook/errors.ts';
import { subtreeIds, tagRows } from '@shared/codebook/tag-tree.ts';
import { mergeTags } from './actions/merge-tags.ts';
import { useSubmit } from './form-error.ts';
import { plural } from '@shared/text/plural.ts';

interface MergeTagDialogProps {
  project: Project;
  tags: Tag[];
  tag: Tag;
  usage: TagUsage;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/** Merge one tag into another of the same level: its annotations, labels and sub-tags follow. */
export function MergeTagDialog({ project, tags, tag, usage, onDone, onCancel }: MergeTagDialogProps) {
  const level = project.categories.find((c) => c.id === tag.categoryId)?.level;
  const excluded = useMemo(() => subtreeIds(tags, tag.id), [tags, tag.id]);
  const groups = useMemo(
    () =>
      project.categories
        .filter((c) => c.level === level)
        .map((c) => ({ category: c, rows: tagRows(tags, c.id).filter((r) => !excluded.has(r.tag.id)) }))
        .filter((g) => g.rows.length > 0),
    [project.categories, level, tags, excluded],
  );
  const [targetId, setTargetId] = useState('');
  const { error, busy, run, setError } = useSubmit();
  const target = tags.find((t) => t.id === targetId);

  const moving = [
    usage.annotations > 0 ? plural(usage.annotations, 'annotation') : null,
    usage.labels > 0 ? plural(usage.labels, 'article label') : null,
    usage.children > 0 ? plural(usage.children, 'sub-tag') : null,
  ].filter(Boolean);

  const submit = () =>
    run(async () => {
      if (!target) {
        setError('Choose the tag to merge into.');
        return;
      }
      const result = await mergeTags(tag, target);
      onDone(`Merged “${tag.name}” into “${target.name}”: ${plural(result.annotations, 'annotation')} moved.`);
    });

  return (
    <FormDialog title={`Merge “${tag.name}”`} submitLabel="Merge" submitDisabled={busy || groups.length === 0} onCancel={onCancel} onSubmit={submit} className="cb-form">
        {groups.length === 0 ? (
          <p>There is no other tag of this kind to merge into.</p>
        ) : (
          <label className="field">
            <span className="field-label">Merge into</span>
            <select className="input" value={targetId} autoFocus onChange={(e) => setTargetId(e.target.value)}>
              <option value="" disabled>
                Choose a tag…
              </option>
              {groups.map((g) => (
                <optgroup key={g.category.id} label={g.category.name}>
                  {g.rows.map((r) => (
                    <option key={r.tag.id} value={r.tag.id}>
                      {'\u2003'.repeat(r.depth)}
                      {r.tag.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
        )}
        <p className="cb-merge-summary">
          {moving.length > 0 ? `${moving.join(', ')} will move to ${target ? `“${target.name}”` : 'the chosen tag'}, ` : 'Nothing uses this tag yet; '}
          and “{tag.name}” will be deleted. You can undo this.
        </p>
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
    </FormDialog>
  );
}
