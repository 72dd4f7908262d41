import type { Annotation, Tag } from '@shared/model/types.ts';
import { decisionOf, type GoldRejection } from '@shared/analysis/adjudication/decisions.ts';
import { GOLD_CODER } from '@shared/analysis/adjudication/gold.ts';
import { spanKey } from '@shared/analysis/adjudication/plan.ts';
import { acceptIntoGold } from './actions/accept-annotation.ts';
import { rejectDisagreement } from './actions/reject-disagreement.ts';

const who = (c: string) => c || '(no coder name)';

/**
 * The decision about one disagreement, under the coders' columns: each coder's annotations there
 * with "Accept into gold", "Reject" (gold keeps nothing here), what gold holds, and whether the
 * place is decided or still open. Offsets are UTF-16 (as stored).
 */
export function AdjudicateHere({
  projectId,
  articleId,
  place,
  categoryId,
  counts,
  coders,
  annotations,
  rejections,
  tags,
  text,
  onEditGold,
}: {
  projectId: string;
  articleId: string;
  place: { start: number; end: number };
  categoryId: string | null;
  counts: (tagId: string) => boolean;
  coders: readonly string[];
  annotations: readonly Annotation[];
  rejections: readonly GoldRejection[];
  tags: ReadonlyMap<string, Tag>;
  text: string;
  onEditGold: () => void;
}) {
  const here = (a: Annotation) => a.articleId === articleId && a.start < place.end && place.start < a.end && counts(a.tagId);
  const gold = annotations.filter((a) => a.coder === GOLD_CODER && here(a));
  const goldKeys = new Set(annotations.filter((a) => a.coder === GOLD_CODER).map(spanKey));
  const decision = decisionOf({ articleId, ...place, categoryId }, annotations, rejections, counts);
  const describe = (a: Annotation) => `${tags.get(a.tagId)?.name ?? '?'} “${text.slice(a.start, a.end)}”`;
  return (
    <section className="adjudicate" aria-label="Decide this disagreement">
      <p className={`adjudicate-status adjudicate-${decision}`} role="status">
        {decision === 'open' ? 'Open: not decided yet.' : decision === 'accepted' ? 'Decided: accepted into gold.' : 'Decided: rejected (nothing in gold here).'}
      </p>
      <div className="adjudicate-columns" style={{ gridTemplateColumns: `repeat(${coders.length + 1}, minmax(0, 1fr))` }}>
        {coders.map((coder) => {
          const own = annotations.filter((a) => a.coder === coder && here(a));
          return (
            <ul key={coder} className="adjudicate-list" aria-label={`Annotations of ${who(coder)} here`}>
              {own.length === 0 && <li className="muted">{who(coder)}: nothing here</li>}
              {own.map((a) => {
                const inGold = goldKeys.has(spanKey(a));
                return (
                  <li key={a.id}>
                    <span>{describe(a)}</span>{' '}
                    {inGold ? (
                      <span className="muted">in gold</span>
                    ) : (
                      <button type="button" className="button button-small" aria-label={`Accept into gold: ${who(coder)}'s ${describe(a)}`} onClick={() => void acceptIntoGold(a)}>
                        Accept into gold
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          );
        })}
        <ul className="adjudicate-list adjudicate-gold" aria-label="Gold here">
          {gold.length === 0 && <li className="muted">Gold: nothing here</li>}
          {gold.map((a) => (
            <li key={a.id}>Gold: {describe(a)}</li>
          ))}
        </ul>
      </div>
      <div className="adjudicate-actions">
        <button type="button" className="button button-small" disabled={decision !== 'open'} onClick={() => void rejectDisagreement({ projectId, articleId, ...place, categoryId })}>
          Reject (nothing into gold)
        </button>
        <button type="button" className="button button-small" onClick={onEditGold}>
          Edit gold in the reader
        </button>
      </div>
    </section>
  );
}
