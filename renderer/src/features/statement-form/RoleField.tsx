import { useCallback } from 'react';
import type { Actor, Annotation, Relation, Tag } from '@shared/model/types.ts';
import { SINGLE_ROLES, ROLE_LABELS, type RoleType } from '@shared/statements/roles.ts';
import { Combobox, type ComboOption } from '../../ui/Combobox.tsx';
import { ACTOR, FROM_SELECTION, MENTION, roleOptions, roleTargetLabel, UNKNOWN } from './role-options.ts';
import { removeRole } from './actions/remove-role.ts';
import { PositionChoice } from './PositionChoice.tsx';

export type RolePick = { kind: 'mention'; id: string } | { kind: 'actor'; id: string } | { kind: 'unknown' } | { kind: 'selection' };

interface RoleFieldProps {
  type: RoleType;
  claimId: string;
  current: Relation[];
  annotations: Annotation[];
  tagById: ReadonlyMap<string, Tag>;
  actors: Actor[];
  selection: { start: number; end: number; quote: string } | null;
  /** Options of the Position attribute, for each object actor's own position (role `about`). */
  positionOptions?: string[] | undefined;
  onPick: (pick: RolePick) => void;
  onSetPosition?: (relation: Relation, option: string | null) => void;
  onShow: (annotationId: string) => void;
}

/** One role of the statement: who fills it now, and a type-ahead to set or add one. */
export function RoleField({ type, claimId, current, annotations, tagById, actors, selection, positionOptions, onPick, onSetPosition, onShow }: RoleFieldProps) {
  const byId = new Map(annotations.map((a) => [a.id, a]));
  const single = SINGLE_ROLES.has(type);
  const label = ROLE_LABELS[type];
  const options = useCallback(
    (query: string): ComboOption[] => roleOptions({ type, query, selection, annotations, tagById, actors, claimId }),
    [type, selection, annotations, tagById, actors, claimId],
  );
  const pick = (o: ComboOption) => {
    if (o.id === FROM_SELECTION) onPick({ kind: 'selection' });
    else if (o.id === UNKNOWN) onPick({ kind: 'unknown' });
    else if (o.id.startsWith(MENTION)) onPick({ kind: 'mention', id: o.id.slice(MENTION.length) });
    else if (o.id.startsWith(ACTOR)) onPick({ kind: 'actor', id: o.id.slice(ACTOR.length) });
  };
  const first = current[0];
  return (
    <div className="statement-role">
      <Combobox
        className="field"
        label={single ? label : `Add to ${label.toLowerCase()}`}
        value={single && first ? roleTargetLabel(first, byId, actors) : ''}
        placeholder={selection ? 'Type a name, or ↓ Enter: a mention from the selection' : 'Type to find a mention or an actor'}
        options={options}
        onPick={pick}
        emptyText="No mention or actor matches"
      />
      {type === 'claimant' && current.length === 0 && <p className="muted small statement-required">Required: who makes the claim (or Unknown / anonymous).</p>}
      {!single && (
        <ul className="statement-targets" aria-label={label}>
          {current.length === 0 && <li className="muted small">None</li>}
          {current.map((r) => (
            <li key={r.id}>
              {r.toId !== '' ? (
                <button type="button" className="link-button" onClick={() => onShow(r.toId)}>
                  {roleTargetLabel(r, byId, actors)}
                </button>
              ) : (
                <span className="statement-target-text">{roleTargetLabel(r, byId, actors)}</span>
              )}
              {positionOptions && onSetPosition && (
                <PositionChoice
                  label={`Position towards ${roleTargetLabel(r, byId, actors)}`}
                  options={positionOptions}
                  value={r.position === undefined ? null : positionOptions.find((o) => Number(o.replace(/^\+/, '').replace(/^[−–]/, '-')) === r.position) ?? null}
                  onChange={(o) => onSetPosition(r, o)}
                  compact
                />
              )}
              <button type="button" className="button button-small button-icon" aria-label={`Remove ${roleTargetLabel(r, byId, actors)} from ${label.toLowerCase()}`} onClick={() => void removeRole(r)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {single && first && (
        <button type="button" className="button button-small statement-clear" aria-label={`Remove the ${label.toLowerCase()}`} onClick={() => void removeRole(first)}>
          Remove
        </button>
      )}
    </div>
  );
}
