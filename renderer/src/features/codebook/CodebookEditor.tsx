import './codebook.css';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import type { AttributeDef, Category, Id, Project, Tag } from '@shared/model/types.ts';
import { Dialog, ConfirmDialog } from '../../ui/Dialog.tsx';
import { readTagUsage, useCodebookData } from './use-codebook.ts';
import { recolourTag } from './actions/recolour-tag.ts';
import { reorderTag } from './actions/reorder-tag.ts';
import { deleteCategory } from './actions/delete-category.ts';
import { removeAttribute } from './actions/remove-attribute.ts';
import type { TagUsage } from '@shared/codebook/errors.ts';
import { useUndoState } from '../undo/useUndoShortcuts.ts';
import { undoStack } from '../undo/undo-stack.ts';
import { tagRows, type TagRow } from '@shared/codebook/tag-tree.ts';
import { SwatchInput } from './SwatchInput.tsx';
import { TagFormDialog, type TagFormMode } from './TagFormDialog.tsx';
import { CategoryFormDialog } from './CategoryFormDialog.tsx';
import { AttributeFormDialog, ATTRIBUTE_TYPE_LABEL } from './AttributeFormDialog.tsx';
import { MergeTagDialog } from './MergeTagDialog.tsx';
import { DeleteTagDialog } from './DeleteTagDialog.tsx';
import { AddTemplateField } from './AddTemplateField.tsx';
import { plural } from '@shared/text/plural.ts';
import { errorMessage } from '@shared/errors.ts';

type Modal =
  | { kind: 'category'; category?: Category }
  | { kind: 'delete-category'; category: Category }
  | { kind: 'tag'; mode: TagFormMode }
  | { kind: 'merge'; tag: Tag; usage: TagUsage }
  | { kind: 'delete-tag'; tag: Tag; usage: TagUsage }
  | { kind: 'attribute'; category: Category; attribute?: AttributeDef }
  | { kind: 'delete-attribute'; category: Category; attribute: AttributeDef };

interface Status {
  text: string;
  error: boolean;
  /** The history's top entry when the message was set: once undone, the message no longer holds. */
  at?: string | undefined;
}

/** The codebook: categories on the left, the chosen category's tags and attributes on the right. */
export function CodebookEditor({ project, onClose }: { project: Project; onClose: () => void }) {
  const { tags, annotationCounts, labelCounts } = useCodebookData(project.id);
  const [selectedId, setSelectedId] = useState<Id>(project.categories[0]?.id ?? '');
  const [modal, setModal] = useState<Modal | null>(null);
  const [status, setStatus] = useState<Status>({ text: '', error: false });
  const undo = useUndoState();
  const editorRef = useRef<HTMLDivElement>(null);

  const category = project.categories.find((c) => c.id === selectedId) ?? project.categories[0];
  const rows = useMemo(() => (tags && category ? tagRows(tags, category.id) : []), [tags, category]);

  const say = (text: string) => setStatus({ text, error: false, at: undoStack.peekUndo() });
  const done = (text: string) => {
    setModal(null);
    say(text);
  };
  const fail = (e: unknown) => setStatus({ text: errorMessage(e), error: true });
  /** Runs an action from a row; a refusal goes to the status line. */
  const attempt = (fn: () => Promise<void>) => void fn().catch(fail);

  const openUsageDialog = (kind: 'merge' | 'delete-tag', tag: Tag) =>
    attempt(async () => {
      const usage = await readTagUsage(tag.id);
      setModal({ kind, tag, usage });
    });

  const recolour = (tag: Tag, color: string) =>
    attempt(async () => {
      await recolourTag(tag, color);
      say(`Recoloured “${tag.name}”.`);
    });

  /** Moves a tag among its siblings, keeping keyboard focus on the button that was pressed. */
  const reorder = (tag: Tag, index: number, focusKey: string) =>
    attempt(async () => {
      await reorderTag(tag, index);
      requestAnimationFrame(() => editorRef.current?.querySelector<HTMLElement>(`[data-focus-key="${focusKey}"]:not(:disabled)`)?.focus());
    });

  const countFor = (tag: Tag): string | null => {
    if (category?.level === 'document') {
      const n = labelCounts?.get(tag.id) ?? 0;
      return n ? plural(n, 'article') : null;
    }
    const n = annotationCounts?.get(tag.id) ?? 0;
    return n ? plural(n, 'annotation') : null;
  };

  const renderRows = (list: TagRow[], parentId: Id | null, depth: number): ReactNode => {
    const level = list.filter((r) => r.depth === depth && (depth === 0 || r.tag.parentId === parentId));
    if (level.length === 0) return null;
    return (
      <ul className={depth === 0 ? 'cb-tree' : 'cb-tree cb-subtree'} aria-label={depth === 0 && category ? `Tags in ${category.name}` : undefined}>
        {level.map((r, i) => (
          <li key={r.tag.id}>
            <div className="cb-tag-row" role="group" aria-label={r.tag.name}>
              <SwatchInput key={r.tag.color} value={r.tag.color} label={`Colour of ${r.tag.name}`} onCommit={(c) => recolour(r.tag, c)} />
              <div className="cb-tag-main" title={r.tag.description || undefined}>
                <span className="cb-tag-name">{r.tag.name}</span>
                {r.tag.description && <span className="cb-tag-desc">{r.tag.description}</span>}
              </div>
              <span className="cb-kbd-slot">
                {r.tag.shortcut && (
                  <kbd className="cb-kbd" title={`Shortcut: ${r.tag.shortcut}`} aria-label={`Shortcut ${r.tag.shortcut}`}>
                    {r.tag.shortcut}
                  </kbd>
                )}
              </span>
              <span className="cb-tag-count">{countFor(r.tag)}</span>
              <div className="cb-row-actions">
                <button type="button" className="cb-action cb-action-icon" aria-label={`Move ${r.tag.name} up`} title="Move up" data-focus-key={`${r.tag.id}:up`} disabled={i === 0} onClick={() => reorder(r.tag, i - 1, `${r.tag.id}:up`)}>
                  ↑
                </button>
                <button type="button" className="cb-action cb-action-icon" aria-label={`Move ${r.tag.name} down`} title="Move down" data-focus-key={`${r.tag.id}:down`} disabled={i === level.length - 1} onClick={() => reorder(r.tag, i + 1, `${r.tag.id}:down`)}>
                  ↓
                </button>
                <button type="button" className="cb-action" aria-label={`Edit ${r.tag.name}`} title="Rename, recolour, describe or move" onClick={() => setModal({ kind: 'tag', mode: { kind: 'edit', tag: r.tag } })}>
                  Edit
                </button>
                <button type="button" className="cb-action" aria-label={`Add sub-tag to ${r.tag.name}`} title="Add a sub-tag" onClick={() => category && setModal({ kind: 'tag', mode: { kind: 'add', categoryId: category.id, parentId: r.tag.id } })}>
                  + Sub-tag
                </button>
                <button type="button" className="cb-action" aria-label={`Merge ${r.tag.name} into another tag`} title="Merge into another tag" onClick={() => openUsageDialog('merge', r.tag)}>
                  Merge…
                </button>
                <button type="button" className="cb-action cb-action-danger" aria-label={`Delete ${r.tag.name}`} title="Delete" onClick={() => openUsageDialog('delete-tag', r.tag)}>
                  Delete
                </button>
              </div>
            </div>
            {r.hasChildren && renderRows(list, r.tag.id, depth + 1)}
          </li>
        ))}
      </ul>
    );
  };

  const renderModal = (): ReactNode => {
    if (!modal || !tags) return null;
    const cancel = () => setModal(null);
    switch (modal.kind) {
      case 'category':
        return (
          <CategoryFormDialog
            project={project}
            category={modal.category}
            onCancel={cancel}
            onDone={(text, newId) => {
              done(text);
              if (newId) setSelectedId(newId);
            }}
          />
        );
      case 'delete-category':
        return (
          <ConfirmDialog
            title={`Delete category “${modal.category.name}”?`}
            message={<p>Its tags are deleted with it and removed from any article they label. You can undo this.</p>}
            confirmLabel="Delete category"
            danger
            onCancel={cancel}
            onConfirm={() =>
              attempt(async () => {
                const c = modal.category;
                setModal(null);
                await deleteCategory(project.id, c);
                setSelectedId(project.categories[0]?.id ?? '');
                say(`Deleted the category “${c.name}”.`);
              })
            }
          />
        );
      case 'tag':
        return <TagFormDialog project={project} tags={tags} mode={modal.mode} onCancel={cancel} onDone={done} />;
      case 'merge':
        return <MergeTagDialog project={project} tags={tags} tag={modal.tag} usage={modal.usage} onCancel={cancel} onDone={done} />;
      case 'delete-tag':
        return <DeleteTagDialog tag={modal.tag} usage={modal.usage} onCancel={cancel} onDone={done} onMergeInstead={() => setModal({ kind: 'merge', tag: modal.tag, usage: modal.usage })} />;
      case 'attribute':
        return <AttributeFormDialog project={project} category={modal.category} attribute={modal.attribute} onCancel={cancel} onDone={done} />;
      case 'delete-attribute':
        return (
          <ConfirmDialog
            title={`Remove attribute “${modal.attribute.name}”?`}
            message={<p>Values coded for it on {modal.category.name} annotations are removed too. You can undo this.</p>}
            confirmLabel="Remove attribute"
            danger
            onCancel={cancel}
            onConfirm={() =>
              attempt(async () => {
                const { category: c, attribute: a } = modal;
                setModal(null);
                const { values } = await removeAttribute(project.id, c.id, a);
                say(`Removed “${a.name}”${values ? ` and ${plural(values, 'value')}` : ''}.`);
              })
            }
          />
        );
    }
  };

  return (
    <>
      <Dialog
        title="Codebook"
        wide
        onClose={onClose}
        actions={
          <>
            <div className="cb-status">
              <p role="status">{!status.error && status.at === undo.undo ? status.text : ''}</p>
              <p role="alert" className="cb-status-error">
                {status.error ? status.text : ''}
              </p>
            </div>
            <button type="button" className="button" disabled={!undo.undo} title={undo.undo ? `Undo: ${undo.undo} (Ctrl+Z)` : 'Nothing to undo'} onClick={() => attempt(() => undoStack.undo())}>
              Undo
            </button>
            <button type="button" className="button button-primary" onClick={onClose}>
              Close
            </button>
          </>
        }
      >
        <div className="cb-editor" ref={editorRef}>
          <nav className="cb-categories" aria-label="Categories">
            <h3 className="cb-section-title">Categories</h3>
            <ul className="cb-category-list">
              {project.categories.map((c) => {
                const count = tags?.filter((t) => t.categoryId === c.id).length ?? 0;
                return (
                  <li key={c.id}>
                    <button type="button" className="cb-category" aria-current={c.id === category?.id ? 'true' : undefined} aria-describedby={`cb-cat-meta-${c.id}`} onClick={() => setSelectedId(c.id)}>
                      <span className="cb-dot" style={{ background: c.color }} aria-hidden="true" />
                      <span className="cb-category-name">{c.name}</span>
                      <span className="cb-category-meta" id={`cb-cat-meta-${c.id}`} aria-hidden="true">
                        {c.level === 'document' && (
                          <span className="cb-pill" title="Labels whole articles">
                            Article
                          </span>
                        )}
                        <span title={plural(count, 'tag')}>{count}</span>
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
            <button type="button" className="button button-small cb-add-category" onClick={() => setModal({ kind: 'category' })}>
              + Add category
            </button>
            <AddTemplateField projectId={project.id} onDone={say} onError={fail} />
          </nav>

          {category ? (
            <section className="cb-detail" aria-labelledby="cb-category-title">
              <header className="cb-detail-header">
                <div className="cb-detail-heading">
                  <span className="cb-dot cb-dot-large" style={{ background: category.color }} aria-hidden="true" />
                  <div>
                    <h3 id="cb-category-title" className="cb-detail-title">
                      {category.name}
                    </h3>
                    <p className="cb-hint">
                      {category.level === 'document' ? 'Document-level: its tags label whole articles, in the reader’s header.' : 'Its tags mark passages in the text.'}
                      {category.builtIn && ' Built in.'}
                    </p>
                  </div>
                </div>
                <div className="cb-detail-actions">
                  <button type="button" className="button button-small" aria-label={`Edit category ${category.name}`} onClick={() => setModal({ kind: 'category', category })}>
                    Edit category
                  </button>
                  {!category.builtIn && (
                    <button type="button" className="button button-small button-quiet-danger" aria-label={`Delete category ${category.name}`} onClick={() => setModal({ kind: 'delete-category', category })}>
                      Delete
                    </button>
                  )}
                </div>
              </header>

              <div className="cb-block">
                <div className="cb-block-header">
                  <h4 className="cb-section-title">Tags</h4>
                  <button type="button" className="button button-small" aria-label={`Add tag to ${category.name}`} onClick={() => setModal({ kind: 'tag', mode: { kind: 'add', categoryId: category.id, parentId: null } })}>
                    + Add tag
                  </button>
                </div>
                {tags === undefined ? null : rows.length === 0 ? (
                  <div className="cb-empty">
                    <p>
                      <strong>No tags in {category.name} yet.</strong>
                    </p>
                    <p>{category.level === 'document' ? 'Add tags such as “Environment” or “Economy” to label articles with them.' : 'Add a tag to start coding passages with it.'}</p>
                  </div>
                ) : (
                  renderRows(rows, null, 0)
                )}
              </div>

              {category.level === 'span' ? (
                <div className="cb-block">
                  <div className="cb-block-header">
                    <h4 className="cb-section-title">Attributes</h4>
                    <button type="button" className="button button-small" aria-label={`Add attribute to ${category.name}`} onClick={() => setModal({ kind: 'attribute', category })}>
                      + Add attribute
                    </button>
                  </div>
                  {category.attributes.length === 0 ? (
                    <div className="cb-empty">
                      <p>No attributes. They let coders record more about each passage, such as stance or source type.</p>
                    </div>
                  ) : (
                    <ul className="cb-attributes" aria-label={`Attributes of ${category.name}`}>
                      {category.attributes.map((a) => (
                        <li key={a.id} className="cb-attribute" aria-label={a.name}>
                          <span className="cb-attribute-name">{a.name}</span>
                          <span className="cb-pill">{ATTRIBUTE_TYPE_LABEL[a.type]}</span>
                          <span className="cb-options">
                            {(a.options ?? []).map((o) => (
                              <span key={o} className="cb-option">
                                {o}
                              </span>
                            ))}
                          </span>
                          <span className="cb-row-actions">
                            <button type="button" className="cb-action" aria-label={`Edit attribute ${a.name}`} onClick={() => setModal({ kind: 'attribute', category, attribute: a })}>
                              Edit
                            </button>
                            <button type="button" className="cb-action cb-action-danger" aria-label={`Remove attribute ${a.name}`} onClick={() => setModal({ kind: 'delete-attribute', category, attribute: a })}>
                              Remove
                            </button>
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              ) : (
                <div className="cb-block">
                  <p className="cb-hint">Attributes describe coded passages, so document-level categories have none.</p>
                </div>
              )}
            </section>
          ) : (
            <div className="cb-empty">
              <p>No categories.</p>
            </div>
          )}
        </div>
      </Dialog>
      {renderModal()}
    </>
  );
}
