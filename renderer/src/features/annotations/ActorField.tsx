import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import type { Actor, Annotation } from '@shared/model/types.ts';
import { newId, nowIso } from '@shared/model/ids.ts';
import { deleteActors, findActor, listActors, putActors } from '../../db/actors.ts';
import { getAnnotation, putAnnotations } from '../../db/annotations.ts';
import { undoStack } from '../undo/undo-stack.ts';

/**
 * Links an actor or source mention to a canonical actor of the project (so that "V. Stepanov"
 * and "the head of the district" can count as one person); typing a new name creates the actor.
 */
export function ActorField({ annotation }: { annotation: Annotation }) {
  const actors = useLiveQuery(() => listActors(annotation.projectId), [annotation.projectId], [] as Actor[]);
  const current = actors.find((a) => a.id === annotation.actorId);
  const [value, setValue] = useState<string | null>(null);
  const listId = useId();
  const shown = value ?? current?.name ?? '';

  const commit = async () => {
    if (value === null) return;
    const name = value.trim();
    setValue(null);
    const existing = name ? findActor(actors, name) : undefined;
    const created: Actor | undefined = name && !existing ? { id: newId(), projectId: annotation.projectId, name, aliases: [], createdAt: nowIso() } : undefined;
    const actorId = existing?.id ?? created?.id;
    if (actorId === annotation.actorId) return;
    let before: Annotation | undefined;
    await undoStack.perform({
      label: created ? 'New actor' : 'Link actor',
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

  return (
    <label className="field">
      <span className="field-label">Refers to actor</span>
      <input
        className="input"
        list={listId}
        value={shown}
        placeholder={actors.length ? 'Choose or type a new name' : 'Type a name to create an actor'}
        onChange={(e) => setValue(e.target.value)}
        onBlur={() => void commit()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void commit();
          }
        }}
      />
      <datalist id={listId}>
        {actors.map((a) => (
          <option key={a.id} value={a.name} />
        ))}
      </datalist>
    </label>
  );
}
