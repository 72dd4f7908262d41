/**
 * The gold layer (issue #10): the adjudicated annotations of a reliability study are those whose
 * `coder` is the reserved name `gold`. It is a layer like any coder's (the reader shows it, the
 * dataset exports it with `coder: "gold"`), built from the coders' layers by adjudication.
 * A person cannot take that name as their coder name (in any letter case), so nothing but
 * adjudication writes into it.
 */
export const GOLD_CODER = 'gold';

/** True for the reserved name, whatever its case and surrounding white space. */
export function isReservedCoderName(name: string): boolean {
  return name.trim().toLowerCase() === GOLD_CODER;
}

/** Why a coder name cannot be used, or null when it can. */
export function coderNameProblem(name: string): string | null {
  return isReservedCoderName(name) ? `"${GOLD_CODER}" is reserved for the adjudicated gold layer: choose another coder name.` : null;
}

/** Which layers an export holds: the gold layer when there is one, every layer, or one coder's. */
export type ExportLayer = { mode: 'default' } | { mode: 'all' } | { mode: 'coder'; coder: string };

/**
 * The coder whose annotations an export keeps, or null for all of them. `default` is the gold
 * layer when the project has one (the adjudicated result is what a study reports), else all.
 */
export function exportedCoder(layer: ExportLayer, hasGold: boolean): string | null {
  if (layer.mode === 'all') return null;
  if (layer.mode === 'coder') return layer.coder;
  return hasGold ? GOLD_CODER : null;
}

/** Parses the CLI's `--layer gold|all|NAME` (`default` is the same as leaving it out). */
export function parseExportLayer(value: string | undefined): ExportLayer {
  if (value === undefined || value === '' || value === 'default') return { mode: 'default' };
  if (value === 'all') return { mode: 'all' };
  return { mode: 'coder', coder: value };
}
