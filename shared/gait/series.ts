/**
 * Small numeric helpers over per-frame series. A series is a number[] with one value per
 * frame; NaN marks "unknown" inside the pipeline and becomes null in the JSON result.
 */

export function nanArray(n: number): number[] {
  return new Array<number>(n).fill(Number.NaN);
}

export function finiteValues(xs: readonly number[]): number[] {
  return xs.filter((x) => Number.isFinite(x));
}

export function mean(xs: readonly number[]): number {
  const v = finiteValues(xs);
  if (v.length === 0) return Number.NaN;
  let s = 0;
  for (const x of v) s += x;
  return s / v.length;
}

/** Sample standard deviation (n - 1); NaN with fewer than 2 finite values. */
export function sd(xs: readonly number[]): number {
  const v = finiteValues(xs);
  if (v.length < 2) return Number.NaN;
  const m = mean(v);
  let s = 0;
  for (const x of v) s += (x - m) * (x - m);
  return Math.sqrt(s / (v.length - 1));
}

/** Linear-interpolated percentile, p in 0..100, over the finite values. */
export function percentile(xs: readonly number[], p: number): number {
  const v = finiteValues(xs).sort((a, b) => a - b);
  if (v.length === 0) return Number.NaN;
  const pos = ((v.length - 1) * Math.min(100, Math.max(0, p))) / 100;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = v[lo]!;
  const b = v[hi]!;
  return a + (b - a) * (pos - lo);
}

export function median(xs: readonly number[]): number {
  return percentile(xs, 50);
}

export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

export function degrees(rad: number): number {
  return (rad * 180) / Math.PI;
}

/** Rounds for the JSON result and turns NaN into null. */
export function toJsonNumber(x: number, decimals = 3): number | null {
  if (!Number.isFinite(x)) return null;
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

export function toJsonSeries(xs: readonly number[], decimals = 3): (number | null)[] {
  return xs.map((x) => toJsonNumber(x, decimals));
}

/** Index of the frame whose value is largest inside [from, to] (inclusive); -1 if none is finite. */
export function argMax(xs: readonly number[], from: number, to: number): number {
  let best = -1;
  let bestValue = Number.NEGATIVE_INFINITY;
  for (let i = Math.max(0, from); i <= Math.min(xs.length - 1, to); i++) {
    const x = xs[i]!;
    if (Number.isFinite(x) && x > bestValue) {
      bestValue = x;
      best = i;
    }
  }
  return best;
}

export function argMin(xs: readonly number[], from: number, to: number): number {
  const i = argMax(
    xs.map((x) => -x),
    from,
    to,
  );
  return i;
}
