import './statement-form.css';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { Annotation, Category, Relation, Tag } from '@shared/model/types.ts';
import { UNKNOWN_ACTOR } from '@shared/statements/statement.ts';
import { trimRange } from '@shared/text/word-boundaries.ts';
import { claimRoles, parseLevel, positionAttribute, positionOptionForKey, quoteTypeAttribute, quoteTypeOptionForKey, ROLE_TYPES, type RoleTarget, type RoleType } from '@shared/statements/roles.ts';
import { Combobox, type ComboOption } from '../../ui/Combobox.tsx';
import { changeAnnotationTag, prepareAnnotation, setAnnotationAttribute } from '../annotations/annotation-actions.ts';
import { applyCodebookTemplate } from '../codebook/actions/apply-template.ts';
import { setRole } from './actions/set-role.ts';
import { setObjectPosition } from './actions/set-object-position.ts';
import { mentionCategory } from './role-options.ts';
import { RoleField, type RolePick } from './RoleField.tsx';
import { PositionChoice } from './PositionChoice.tsx';
import { useRegistryActors } from './use-statement-form.ts';
import { showNotice } from '../../ui/notice.ts';

export interface TextSelection {
  start: number;
  end: number;
}

interface StatementFormProps {
  claim: Annotation;
  annotations: Annotation[];
  relations: Relation[];
  text: string;
  tags: Tag[];
  categories: Category[];
  coder: string;
  /** The reader's current text selection, for "new mention from the selection". */
  textSelection: TextSelection | null;
  onSelect: (id: string) => void;
  /** Told when a mention was made from the selection (the reader then clears it). */
  onSelectionUsed?: (() => void) | undefined;
}

/** Alt+S (by key position, so it works on every layout) moves the focus to the claimant. */
function isFocusKey(e: KeyboardEvent): boolean {
  return e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyS';
}

/**
 * The statement of a selected claim (Political Claims Analysis): claimant, addressees, object
 * actors with their own positions, source, issue, position and quote type. Roles are relations
 * from the claim (shared/statements/roles.ts); every change is one undo step.
 */
export function StatementForm({ claim, annotations, relations, text, tags, categories, coder, textSelection, onSelect, onSelectionUsed }: StatementFormProps) {
  const actors = useRegistryActors(claim.projectId);
  const tagById = useMemo(() => new Map(tags.map((t) => [t.id, t])), [tags]);
  const claimCategory = categories.find((c) => c.id === 'claim');
  const roles = claimRoles(claim.id, relations);
  const positionAttr = positionAttribute(claimCategory);
  const quoteAttr = quoteTypeAttribute(claimCategory);
  const ref = useRef<HTMLElement>(null);
  const selStart = textSelection?.start ?? 0;
  const selEnd = textSelection?.end ?? 0;
  const selection = useMemo(() => {
    const r = trimRange(text, selStart, selEnd);
    return r.end > r.start ? { ...r, quote: text.slice(r.start, r.end) } : null;
  }, [selStart, selEnd, text]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isFocusKey(e)) return;
      e.preventDefault();
      ref.current?.querySelector<HTMLInputElement>('input[role="combobox"]')?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const pickRole = (type: RoleType, pick: RolePick) => {
    let target: RoleTarget;
    let mention: Annotation | undefined;
    if (pick.kind === 'selection') {
      if (!selection) return;
      const category = mentionCategory(type);
      const tag = tags.filter((t) => t.categoryId === category).sort((a, b) => (a.parentId === null ? 0 : 1) - (b.parentId === null ? 0 : 1) || a.order - b.order)[0];
      if (!tag) {
        showNotice(`The codebook has no ${category} tag to make a mention with.`);
        return;
      }
      mention = prepareAnnotation({ projectId: claim.projectId, articleId: claim.articleId, text, start: selection.start, end: selection.end, tagId: tag.id, coder });
      target = { mentionId: mention.id };
    } else if (pick.kind === 'unknown') target = { actorId: UNKNOWN_ACTOR };
    else if (pick.kind === 'actor') target = { actorId: pick.id };
    else target = { mentionId: pick.id };
    void setRole({ claim, type, target, relations, coder, ...(mention ? { mention } : {}) });
    if (mention) onSelectionUsed?.();
  };

  const issueTags = tags.filter((t) => t.categoryId === 'claim');
  const currentTag = tagById.get(claim.tagId);
  const issueOptions = useCallback(
    (query: string): ComboOption[] => {
      const q = query.trim().toLowerCase();
      return issueTags
        .filter((t) => t.name.toLowerCase().includes(q))
        .map((t) => ({ id: t.id, label: t.parentId === null ? `${t.name} (no issue)` : t.name, ...(t.parentId ? { detail: tagById.get(t.parentId)?.name ?? '' } : {}) }));
    },
    [issueTags, tagById],
  );

  const positionOptions = positionAttr?.options;
  const positionValue = positionAttr ? claim.attributes[positionAttr.id] : undefined;
  const quoteValue = quoteAttr ? claim.attributes[quoteAttr.id] : undefined;

  return (
    <section className="statement-form" aria-label="Statement" ref={ref}>
      <h3 className="statement-title">
        Statement <span className="muted small">Alt+S to fill from the keyboard</span>
      </h3>
      {ROLE_TYPES.map((type) => (
        <RoleField
          key={type}
          type={type}
          claimId={claim.id}
          current={roles[type]}
          annotations={annotations}
          tagById={tagById}
          actors={actors}
          selection={selection}
          positionOptions={type === 'about' ? positionOptions : undefined}
          onPick={(pick) => pickRole(type, pick)}
          onSetPosition={(r, option) => void setObjectPosition(r, option === null ? null : parseLevel(option))}
          onShow={onSelect}
        />
      ))}
      <Combobox
        className="field"
        label="Issue"
        value={currentTag ? (currentTag.parentId === null ? '' : currentTag.name) : ''}
        placeholder="Type to find an issue (a sub-tag of Claim)"
        options={issueOptions}
        onPick={(o) => {
          const tag = tagById.get(o.id);
          if (tag && tag.id !== claim.tagId) void changeAnnotationTag(claim, tag, tags, categories);
        }}
        emptyText="No such issue: add it as a sub-tag of Claim in the codebook"
      />
      {positionAttr && positionOptions ? (
        <PositionChoice
          label="Position"
          options={[...positionOptions].sort((a, b) => parseLevel(a) - parseLevel(b))}
          value={typeof positionValue === 'string' ? positionValue : null}
          onChange={(o) => void setAnnotationAttribute(claim, positionAttr, o ?? undefined)}
          optionForKey={(key) => positionOptionForKey(positionAttr, key)}
          keysHint="keys − 0 +"
        />
      ) : (
        <p className="muted small">
          The codebook has no Position.{' '}
          <button type="button" className="button button-small" onClick={() => void applyCodebookTemplate(claim.projectId, 'political-claims')}>
            Add Position, Form and Scope
          </button>
        </p>
      )}
      {quoteAttr && (
        <PositionChoice
          label={quoteAttr.name}
          options={quoteAttr.options ?? []}
          value={typeof quoteValue === 'string' ? quoteValue : null}
          onChange={(o) => void setAnnotationAttribute(claim, quoteAttr, o ?? undefined)}
          optionForKey={(key) => quoteTypeOptionForKey(quoteAttr, key)}
          keysHint="keys d i m"
        />
      )}
    </section>
  );
}
