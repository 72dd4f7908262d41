import type { Actor } from '@shared/model/types.ts';
import { mergeActors as merge } from '../../../db/actors.ts';
import { runAction } from '../../../actions/action.ts';
import { actorAction } from './actor-change.ts';

/** Merges one actor into another: its mentions follow, its names become aliases (the registry's Merge). */
export const mergeActorsAction = actorAction<{ from: Actor; into: Actor }, Awaited<ReturnType<typeof merge>>>({
  name: 'merge-actors',
  label: ({ from, into }) => `Merge ${from.name} into ${into.name}`,
  perform: ({ from, into }) => merge(from.id, into.id),
});

/** Resolves to the number of mentions moved. */
export async function mergeActors(from: Actor, into: Actor): Promise<number> {
  return (await runAction(mergeActorsAction, { from, into })).mentions;
}
