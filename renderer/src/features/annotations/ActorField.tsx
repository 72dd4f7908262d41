import { useCallback, useState } from 'react';
import type { Actor, Annotation } from '@shared/model/types.ts';
import { newId, nowIso } from '@shared/model/ids.ts';
import { exactActor, suggestActors } from '@shared/model/actor-match.ts';
import { linkActor } from './actions/link-actor.ts';
import { useActorChoices } from '../actors/use-actors.ts';
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
  const [open, setOpen] = useState(false);
  // Counted only while the list is shown: it reads every annotation of the project.
  const { actors, mentions } = useActorChoices(annotation.projectId, open);
  const current = actors.find((a) => a.id === annotation.actorId);

  const link = (target: { actorId?: string; created?: Actor }) => linkActor(annotation, target);

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
