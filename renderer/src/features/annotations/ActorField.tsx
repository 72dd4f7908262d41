import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useState } from 'react';
import type { Actor, Annotation } from '@shared/model/types.ts';
import { newId, nowIso } from '@shared/model/ids.ts';
import { exactActor, suggestActors } from '@shared/model/actor-match.ts';
import { actorMentionCounts, deleteActors, listActors, putActors } from '../../db/actors.ts';
import { getAnnotation, putAnnotations } from '../../db/annotations.ts';
import { undoStack } from '../undo/undo-stack.ts';
import { Combobox, type ComboOption } from '../../ui/Combobox.tsx';

const CREATE = 'create:';
const CLEAR = 'clear';

/**
 * Links an actor or source mention to a canonical actor of the project (so that "V. Stepanov"
 * and "the head of the district" can count as one person). Suggestions match names and aliases
 * by prefix, case and diacritics aside; a new actor is only made through its own explicit
 * option, never because Enter was pressed on a half-typed name.
 */
export function ActorField({ annotation }: { annotation: Annotation }) {
  const actors = useLiveQuery(() => listActors(annotation.projectId), [annotation.projectId], [] as Actor[]);
  const [open, setOpen] = useState(false);
  // Counted only while the list is shown: it reads every annotation of the project.
  const mentions = useLiveQuery(() => (open ? actorMentionCounts(annotation.projectId) : undefined), [open, annotation.projectId]);
  const current = actors.find((a) => a.id === annotation.actorId);

  const link = async (target: { actorId?: string; created?: Actor }) => {
    const { created } = target;
    const actorId = created?.id ?? target.actorId;
    if (actorId === annotation.actorId) return;
    let before: Annotation | undefined;
    await undoStack.perform({
      label: created ? 'New actor' : actorId ? 'Link actor' : 'Unlink actor',
      redo: async () => {
        before ??= (await getAnnotation(annotation.id)) ?? annotation;
        if (created) await putActors([created]);
        const { actorId: _old, ...rest } = before;
        await putAnnotations([actorId ? { ...rest, actorId, updatedAt: nowIso() } : { ...rest, updatedAt: nowIso() }]);
      },
      undo: async () => {
        if (before) await putAnnotations([before]);
        if (created) await deleteActors([created.id]);
      },
    });
  };

  const options = useCallback(
    (query: string): ComboOption[] => {
      const out: ComboOption[] = suggestActors(actors, query).map(({ actor, alias }) => {
        const option: ComboOption = { id: actor.id, label: actor.name, group: 'Actors' };
        if (alias) option.hint = `also “${alias}”`;
        if (actor.id === annotation.actorId) option.badge = 'linked';
        else if (mentions && !mentions.has(actor.id)) option.badge = 'no mentions';
        return option;
      });
      const name = query.trim().replace(/\s+/g, ' ');
      if (name && !exactActor(actors, name)) out.push({ id: CREATE + name, label: `Create actor “${name}”`, action: true });
      if (!name && current) out.push({ id: CLEAR, label: `Remove the link to “${current.name}”`, action: true });
      return out;
    },
    [actors, mentions, annotation.actorId, current],
  );

  const pick = (option: ComboOption) => {
    if (option.id === CLEAR) void link({});
    else if (option.id.startsWith(CREATE)) void link({ created: { id: newId(), projectId: annotation.projectId, name: option.id.slice(CREATE.length), aliases: [], createdAt: nowIso() } });
    else void link({ actorId: option.id });
  };

  return (
    <Combobox
      className="field"
      label="Refers to actor"
      value={current?.name ?? ''}
      placeholder={actors.length ? 'Type to find or create an actor' : 'Type a name to create an actor'}
      options={options}
      onPick={pick}
      onOpenChange={setOpen}
      emptyText="No actors yet: type a name"
    />
  );
}
