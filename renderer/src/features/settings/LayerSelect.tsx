import { useCoders } from './use-coders.ts';
import { GOLD_CODER } from '@shared/analysis/adjudication/gold.ts';

/** The gold layer is edited here (new annotations go into it while it is shown). */
const GOLD_LABEL = 'Gold (adjudicated; edits go into gold)';
import { useCoder } from './coder.ts';
import { setLayer, useLayer, type Layer } from './layer.ts';

const value = (l: Layer) => (l.mode === 'coder' ? `coder:${l.coder}` : l.mode);

/**
 * The reader's layer choice, shown once a project holds the work of several coders: all layers,
 * my layer only (blind coding), or one chosen coder's. The list of coders is read when the
 * project opens, after a merge, and whenever the control is used (not live: it reads every annotation).
 */
export function LayerSelect({ projectId }: { projectId: string }) {
  const me = useCoder();
  const layer = useLayer();
  const { coders = [], refresh } = useCoders(projectId);
  const others = coders.filter((c) => c !== me);
  if (coders.length < 2 && layer.mode === 'all') return null;
  return (
    <label className="layer-select">
      <span className="layer-select-label">Layer</span>
      <select
        className="input input-compact"
        value={value(layer)}
        onFocus={refresh}
        onPointerDown={refresh}
        onChange={(e) => {
          const v = e.target.value;
          void setLayer(v === 'all' ? { mode: 'all' } : v === 'mine' ? { mode: 'mine' } : { mode: 'coder', coder: v.slice('coder:'.length) });
        }}
      >
        <option value="all">All coders</option>
        <option value="mine">My layer only ({me})</option>
        {others.map((c) => (
          <option key={c} value={`coder:${c}`}>
            {c === GOLD_CODER ? GOLD_LABEL : c || '(no coder name)'}
          </option>
        ))}
        {layer.mode === 'coder' && !others.includes(layer.coder) && <option value={value(layer)}>{layer.coder === GOLD_CODER ? GOLD_LABEL : layer.coder}</option>}
      </select>
    </label>
  );
}
