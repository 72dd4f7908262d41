import type { Actor } from '@shared/model/types.ts';
import { nowIso } from '@shared/model/ids.ts';
import { rejectionKey, type MentionRejection } from '@shared/actors/rejections.ts';
import { deleteMentionRejections, putMentionRejections } from '../../../db/mention-rejections.ts';
import { defineAction, runActionNow } from '../../../actions/action.ts';

/** Remembers rejected proposals (one or a whole list): one undo step, one transaction each way. */
export const rejectMentionsAction = defineAction<MentionRejection[], string[]>({
  name: 'reject-mentions',
  label: (list) => (list.length === 1 ? `Reject mention “${list[0]!.quote}”` : `Reject ${list.length} mentions`),
  perform: async (list) => {
    await putMentionRejections(list);
    return list.map((r) => r.id);
  },
  undo: (ids) => deleteMentionRejections(ids),
});

/** Rejects proposals of `actor`; stored at once, so a reload right after keeps them rejected. */
export async function rejectMentions(projectId: string, actor: Pick<Actor, 'id'>, proposals: readonly { articleId: string; start: number; end: number; quote: string }[]): Promise<void> {
  if (proposals.length === 0) return;
  const createdAt = nowIso();
  await runActionNow(
    rejectMentionsAction,
    proposals.map((p) => ({ id: rejectionKey(actor.id, p.articleId, p.start, p.end), projectId, actorId: actor.id, articleId: p.articleId, start: p.start, end: p.end, quote: p.quote, createdAt })),
  );
}
