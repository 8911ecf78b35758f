/**
 * Left/right symmetry of each bilateral measure: the absolute difference in the measure's unit
 * and the symmetry index SI = |L - R| / (0.5 |L + R|) x 100 %. SI is left out when the two means
 * are near zero or of opposite sign (a ratio would be meaningless); the difference remains.
 */
import { MEASURES } from './measures.ts';
import type { SideMeasureId } from './measures.ts';
import { toJsonNumber } from './series.ts';
import type { SideMetrics, SymmetryEntry } from './types.ts';

/** Means whose average magnitude is below this (in the measure's unit) get no SI. */
const SI_MIN_MAGNITUDE = 1;

export function symmetryIndexPct(left: number, right: number): number | null {
  const avg = 0.5 * (left + right);
  if (Math.abs(avg) < SI_MIN_MAGNITUDE || Math.sign(left) !== Math.sign(right)) return null;
  return (Math.abs(left - right) / Math.abs(avg)) * 100;
}

export function symmetryOf(
  ids: readonly SideMeasureId[],
  left: SideMetrics,
  right: SideMetrics,
): Record<string, SymmetryEntry> {
  const out: Record<string, SymmetryEntry> = {};
  for (const id of ids) {
    if (!MEASURES[id].bilateral) continue;
    const l = left[id].mean;
    const r = right[id].mean;
    if (l === null || r === null) {
      out[id] = { measureId: id, left: l, right: r, differenceAbs: null, symmetryIndexPct: null, reasonIfAbsent: 'Needs the value on both sides.' };
      continue;
    }
    const si = symmetryIndexPct(l, r);
    out[id] = {
      measureId: id,
      left: l,
      right: r,
      differenceAbs: toJsonNumber(Math.abs(l - r)),
      symmetryIndexPct: si === null ? null : toJsonNumber(si, 1),
      reasonIfAbsent: si === null ? 'Means near zero or of opposite sign: only the difference is given.' : null,
    };
  }
  return out;
}
