import { useEffect, useMemo, useRef } from 'react';
import type { Disagreement } from '@shared/analysis/agreement/index.ts';
import { makeOffsetConverter } from '@shared/text/code-points.ts';
import { useCompareData } from './use-compare-data.ts';
import { layerSegments } from './compare-segments.ts';
import { AdjudicateHere } from '../adjudication/AdjudicateHere.tsx';
import { useGold } from '../adjudication/use-gold.ts';

/** How much text around the disagreement each column shows (UTF-16 units), so long articles stay readable side by side. */
const CONTEXT = 600;

/**
 * The coders' layers of one article side by side, one column per coder, each with only that
 * coder's annotations (coloured by tag) and the disagreement outlined in every column.
 */
export function CompareLayers({
  projectId,
  disagreement,
  title,
  text,
  coders,
  categoryId,
  counts,
  onOpenReader,
  onEditGold,
  onBack,
}: {
  projectId: string;
  disagreement: Disagreement;
  title: string;
  text: string;
  coders: string[];
  /** The category of the figure the disagreement belongs to (null: every category), and the tags that decide it. */
  categoryId: string | null;
  counts: (tagId: string) => boolean;
  onOpenReader: () => void;
  onEditGold: () => void;
  onBack: () => void;
}) {
  const { annotations, tags } = useCompareData(disagreement.articleId, projectId);
  const { rejections } = useGold(projectId);
  const tagById = useMemo(() => new Map(tags.map((t) => [t.id, t])), [tags]);
  const focus = useMemo(() => {
    try {
      const conv = makeOffsetConverter(text);
      return { start: conv.toUtf16(disagreement.start), end: conv.toUtf16(disagreement.end) };
    } catch {
      return null;
    }
  }, [text, disagreement.start, disagreement.end]);
  const from = Math.max(0, (focus?.start ?? 0) - CONTEXT);
  const to = Math.min(text.length, (focus?.end ?? 0) + CONTEXT);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [disagreement]);

  return (
    <section className="compare" aria-label="Coders side by side">
      <div className="compare-header">
        <h3 className="agreement-subtitle" tabIndex={-1} ref={heading}>
          {title || '(untitled)'}: coders side by side
        </h3>
        <div className="compare-actions">
          <button type="button" className="button button-small" onClick={onBack}>
            Back to the list
          </button>
          <button type="button" className="button button-small button-primary" onClick={onOpenReader}>
            Open in the reader
          </button>
        </div>
      </div>
      <div className="compare-columns" style={{ gridTemplateColumns: `repeat(${coders.length}, minmax(0, 1fr))` }}>
        {coders.map((coder, k) => {
          const own = annotations.filter((a) => a.coder === coder && a.end > from && a.start < to);
          const segments = layerSegments(to - from, own.map((a) => ({ ...a, start: a.start - from, end: a.end - from })), focus ? { start: focus.start - from, end: focus.end - from } : null);
          return (
            <section key={coder} className="compare-column" aria-label={`Layer of ${coder || '(no coder name)'}`}>
              <h4 className="compare-coder">
                {coder || '(no coder name)'} <span className="muted">— {disagreement.values[k] ?? 'not coded'}</span>
              </h4>
              <p className="compare-text">
                {from > 0 && '… '}
                {segments.map((s) => {
                  const piece = text.slice(from + s.start, from + s.end);
                  const tag = s.spans[0] ? tagById.get(s.spans[0].tagId) : undefined;
                  const names = s.spans.map((a) => tagById.get(a.tagId)?.name ?? '?').join(', ');
                  const cls = s.focus ? 'compare-focus' : undefined;
                  return s.spans.length > 0 ? (
                    <mark key={s.start} className={cls} style={{ background: `${tag?.color ?? '#888888'}33`, boxShadow: `inset 0 -2px 0 ${tag?.color ?? '#888888'}` }} title={names}>
                      {piece}
                    </mark>
                  ) : (
                    <span key={s.start} className={cls}>
                      {piece}
                    </span>
                  );
                })}
                {to < text.length && ' …'}
              </p>
            </section>
          );
        })}
      </div>
      {focus && (
        <AdjudicateHere
          projectId={projectId}
          articleId={disagreement.articleId}
          place={focus}
          categoryId={categoryId}
          counts={counts}
          coders={coders}
          annotations={annotations}
          rejections={rejections}
          tags={tagById}
          text={text}
          onEditGold={onEditGold}
        />
      )}
    </section>
  );
}
