import type { Tag } from '@shared/model/types.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import type { TagUsage } from '@shared/codebook/errors.ts';
import { deleteTag } from './actions/delete-tag.ts';
import { useSubmit } from './form-error.ts';
import { plural } from '@shared/text/plural.ts';

interface DeleteTagDialogProps {
  tag: Tag;
  usage: TagUsage;
  onMergeInstead: () => void;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/** Confirms a deletion; when annotations use the tag, offers merging them into another tag instead. */
export function DeleteTagDialog({ tag, usage, onMergeInstead, onDone, onCancel }: DeleteTagDialogProps) {
  const { error, busy, run } = useSubmit();
  const inUse = usage.annotations > 0;
  const remove = () =>
    run(async () => {
      await deleteTag(tag, inUse);
      onDone(inUse ? `Deleted “${tag.name}” and ${plural(usage.annotations, 'annotation')}.` : `Deleted “${tag.name}”.`);
    });
  return (
    <Dialog
      title={`Delete “${tag.name}”?`}
      onClose={onCancel}
      actions={
        <>
          <button type="button" className="button" onClick={onCancel} autoFocus>
            Cancel
          </button>
          {inUse && (
            <button type="button" className="button button-primary" onClick={onMergeInstead}>
              Merge instead…
            </button>
          )}
          <button type="button" className="button button-danger" disabled={busy} onClick={() => void remove()}>
            {inUse ? `Delete with ${plural(usage.annotations, 'annotation')}` : 'Delete tag'}
          </button>
        </>
      }
    >
      {inUse ? (
        <p>
          “{tag.name}” is used by <strong>{plural(usage.annotations, 'annotation')}</strong>. Merge it into another tag to keep them, or delete them together with the tag.
        </p>
      ) : (
        <p>“{tag.name}” is not used by any annotation.</p>
      )}
      {(usage.children > 0 || usage.labels > 0) && (
        <p className="muted">
          {usage.children > 0 && `Its ${plural(usage.children, 'sub-tag')} will move up a level. `}
          {usage.labels > 0 && `It will be removed from ${plural(usage.labels, 'article')}.`}
        </p>
      )}
      <p className="muted">You can undo this.</p>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </Dialog>
  );
}
