import { useMemo, useState } from 'react';
import { GOLD_CODER } from '@shared/analysis/adjudication/gold.ts';
import type { Strategy } from '@shared/analysis/adjudication/plan.ts';
import { plural } from '@shared/text/plural.ts';
import { acceptAgreed } from './actions/accept-agreed.ts';
import { useAgreedPreview, useGold } from './use-gold.ts';
import { undoStack } from '../undo/undo-stack.ts';
import { useUndoState } from '../undo/useUndoShortcuts.ts';

function parseStrategy(value: string): Strategy {
  if (value === 'unanimous' || value === 'majority') return { kind: value };
  return { kind: 'coder', coder: value.slice('coder:'.length) };
}

/**
 * The gold layer of the compared articles: how much is in it, and "Accept all agreed" with its
 * strategy and a preview of what it would add (issue #10).
 */
export function GoldPanel({ projectId, articleIds, coders }: { projectId: string; articleIds: readonly string[]; coders: readonly string[] }) {
  const [value, setValue] = useState('unanimous');
  const strategy = useMemo(() => parseStrategy(value), [value]);
  const { gold, rejections } = useGold(projectId);
  // Counted again when gold changes (an accept, its undo).
  const preview = useAgreedPreview(articleIds, coders, strategy, `${gold.length}:${gold[gold.length - 1]?.id ?? ''}`);
  const inStudy = useMemo(() => new Set(articleIds), [articleIds]);
  const goldHere = gold.filter((a) => inStudy.has(a.articleId)).length;
  const rejectedHere = rejections.filter((r) => inStudy.has(r.articleId)).length;
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const undo = useUndoState();
  const adds = preview ? preview.annotations + preview.relations : 0;

  const accept = async () => {
    setBusy(true);
    try {
      const plan = await acceptAgreed({ articleIds, coders, strategy });
      setMessage(`Added ${plural(plan.annotations.length, 'annotation')} and ${plural(plan.relations.length, 'link')} to gold. Undo (Ctrl+Z) takes them all back.`);
    } catch (e) {
      setMessage(`Nothing was added: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="gold-panel" aria-label="Gold layer">
      <h3 className="agreement-subtitle">Gold layer (adjudication)</h3>
      <p className="gold-summary" data-testid="gold-summary">
        In gold: {plural(goldHere, 'annotation')} · rejected: {plural(rejectedHere, 'place')} — the layer of the coder named “{GOLD_CODER}”.
      </p>
      <div className="gold-accept">
        <label>
          Strategy{' '}
          <select className="input input-compact" value={value} onChange={(e) => setValue(e.target.value)}>
            <option value="unanimous">All coders agree (same tag and span)</option>
            <option value="majority">Majority of the coders</option>
            {coders.map((c) => (
              <option key={c} value={`coder:${c}`}>
                {c || '(no coder name)'} wins
              </option>
            ))}
          </select>
        </label>
        <span className="muted" role="status" aria-label="Accept all agreed preview">
          {preview === null ? 'Counting…' : `${plural(preview.annotations, 'annotation')} and ${plural(preview.relations, 'link')} to add${preview.alreadyInGold > 0 ? ` (${preview.alreadyInGold} already in gold)` : ''}`}
        </span>
        <button type="button" className="button button-primary button-small" disabled={busy || preview === null || adds === 0} onClick={() => void accept()}>
          Accept all agreed
        </button>
        <button type="button" className="button button-small" disabled={!undo.undo} title={undo.undo ? `Undo: ${undo.undo} (Ctrl+Z)` : 'Nothing to undo'} onClick={() => void undoStack.undo()}>
          Undo
        </button>
      </div>
      {message && <p className="gold-message">{message}</p>}
    </section>
  );
}
