/**
 * Angles normalised to the gait cycle: each stride (initial contact to the next initial contact
 * of the same foot) resampled at 0, 1, ... 100 % of its duration by linear interpolation in
 * time, then the mean and standard deviation across the side's strides at each percent.
 */
import type { Side, StrideRecord } from '../../../shared/gait/types.ts';

export interface CycleCurve {
  /** Mean at 0..100 % (101 values), null where no stride has a value. */
  mean: (number | null)[];
  /** Sample SD at each percent, null with fewer than two strides there. */
  sd: (number | null)[];
  /** Strides that went in. */
  strides: number;
}

export const CYCLE_POINTS = 101;

/** One stride's series at 0..100 % of the cycle, or null where a neighbouring sample is unknown. */
export function resampleStride(
  series: readonly (number | null)[],
  tMs: readonly number[],
  startIndex: number,
  endIndex: number,
): (number | null)[] {
  const t0 = tMs[startIndex]!;
  const span = tMs[endIndex]! - t0;
  const out: (number | null)[] = [];
  let k = startIndex;
  for (let p = 0; p < CYCLE_POINTS; p++) {
    const t = t0 + (span * p) / (CYCLE_POINTS - 1);
    while (k < endIndex - 1 && tMs[k + 1]! <= t) k++;
    const a = series[k] ?? null;
    const b = series[k + 1] ?? null;
    const ta = tMs[k]!;
    const tb = tMs[k + 1]!;
    if (a === null || b === null || !(tb > ta)) out.push(t === ta ? a : null);
    else out.push(a + ((b - a) * (t - ta)) / (tb - ta));
  }
  return out;
}

/** Mean and spread of one side's series over its included strides. */
export function cycleCurve(
  series: readonly (number | null)[],
  frames: { frame: readonly number[]; tMs: readonly number[] },
  strides: readonly StrideRecord[],
  side: Side,
): CycleCurve {
  const indexOf = new Map(frames.frame.map((f, k) => [f, k]));
  const curves: (number | null)[][] = [];
  for (const s of strides) {
    if (s.side !== side || s.excluded) continue;
    const a = indexOf.get(s.icFrame);
    const b = indexOf.get(s.nextIcFrame);
    if (a === undefined || b === undefined || b - a < 2) continue;
    curves.push(resampleStride(series, frames.tMs, a, b));
  }
  const mean: (number | null)[] = [];
  const sd: (number | null)[] = [];
  for (let p = 0; p < CYCLE_POINTS; p++) {
    const v = curves.map((c) => c[p]).filter((x): x is number => x !== null && x !== undefined);
    if (v.length === 0) {
      mean.push(null);
      sd.push(null);
      continue;
    }
    const m = v.reduce((acc, x) => acc + x, 0) / v.length;
    mean.push(m);
    sd.push(v.length < 2 ? null : Math.sqrt(v.reduce((acc, x) => acc + (x - m) ** 2, 0) / (v.length - 1)));
  }
  return { mean, sd, strides: curves.length };
}
