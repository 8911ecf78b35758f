/**
 * Cleaning of landmark series: low-visibility samples dropped, outliers rejected (Hampel),
 * short gaps filled (linear), and a zero-phase low-pass Butterworth filter (2nd order run
 * forward and backward = 4th order, no phase lag) with a cutoff chosen from the capture rate.
 */
import { mapBody } from './body.ts';
import type { BodySeries, PointSeries } from './body.ts';
import { median } from './series.ts';

/** Samples below this visibility are treated as unknown before cleaning. */
export const MIN_VISIBILITY = 0.3;
/** Gaps up to this long are filled by interpolation; longer gaps stay unknown. */
export const MAX_GAP_MS = 100;
/** Cutoff for running kinematics: 10 Hz, but never above 20% of the sample rate. */
export const DEFAULT_CUTOFF_HZ = 10;

export function cutoffForRate(sampleRateHz: number): number {
  return Math.min(DEFAULT_CUTOFF_HZ, 0.2 * sampleRateHz);
}

/**
 * Hampel filter: a sample further than nSigma robust SDs (1.4826 MAD) from the median of its
 * window, and further than minDeviation, becomes NaN. Returns the number rejected.
 */
export function rejectOutliers(
  xs: readonly number[],
  halfWindow: number,
  nSigma: number,
  minDeviation: number,
): { values: number[]; rejected: number } {
  const values = xs.slice();
  let rejected = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    if (!Number.isFinite(x)) continue;
    const win = xs.slice(Math.max(0, i - halfWindow), Math.min(xs.length, i + halfWindow + 1));
    const med = median(win);
    const mad = median(win.map((v) => Math.abs(v - med)));
    const dev = Math.abs(x - med);
    if (dev > minDeviation && dev > nSigma * 1.4826 * mad) {
      values[i] = Number.NaN;
      rejected++;
    }
  }
  return { values, rejected };
}

/** Linear interpolation across interior gaps of at most maxGap samples. */
export function fillGaps(xs: readonly number[], maxGap: number): { values: number[]; filled: number } {
  const values = xs.slice();
  let filled = 0;
  let i = 0;
  while (i < values.length) {
    if (Number.isFinite(values[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j < values.length && !Number.isFinite(values[j]!)) j++;
    const gap = j - i;
    if (i > 0 && j < values.length && gap <= maxGap) {
      const a = values[i - 1]!;
      const b = values[j]!;
      for (let k = i; k < j; k++) values[k] = a + ((b - a) * (k - i + 1)) / (gap + 1);
      filled += gap;
    }
    i = j;
  }
  return { values, filled };
}

interface Biquad {
  b0: number;
  b1: number;
  b2: number;
  a1: number;
  a2: number;
}

/** 2nd-order low-pass Butterworth by the bilinear transform (prewarped). */
export function butterworthLowpass(cutoffHz: number, sampleRateHz: number): Biquad {
  const k = Math.tan((Math.PI * cutoffHz) / sampleRateHz);
  const norm = 1 / (1 + Math.SQRT2 * k + k * k);
  const b0 = k * k * norm;
  return { b0, b1: 2 * b0, b2: b0, a1: 2 * (k * k - 1) * norm, a2: (1 - Math.SQRT2 * k + k * k) * norm };
}

function runBiquad(c: Biquad, xs: readonly number[]): number[] {
  const out = new Array<number>(xs.length);
  const x0 = xs[0]!;
  let x1 = x0;
  let x2 = x0;
  let y1 = x0;
  let y2 = x0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    const y = c.b0 * x + c.b1 * x1 + c.b2 * x2 - c.a1 * y1 - c.a2 * y2;
    x2 = x1;
    x1 = x;
    y2 = y1;
    y1 = y;
    out[i] = y;
  }
  return out;
}

/** Odd reflection about the end samples, so the filter starts and ends on a continued trend. */
function padOdd(xs: readonly number[], pad: number): number[] {
  const n = xs.length;
  const first = xs[0]!;
  const last = xs[n - 1]!;
  const head: number[] = [];
  for (let k = pad; k >= 1; k--) head.push(2 * first - xs[k]!);
  const tail: number[] = [];
  for (let k = 1; k <= pad; k++) tail.push(2 * last - xs[n - 1 - k]!);
  return [...head, ...xs, ...tail];
}

/** Shortest run of known samples that is filtered; shorter runs are kept as they are. */
const MIN_FILTER_RUN = 6;

/**
 * Zero-phase low-pass: each run of finite samples is padded, filtered forward, then backward.
 * NaN samples stay NaN.
 */
export function zeroPhaseLowpass(xs: readonly number[], sampleRateHz: number, cutoffHz: number): number[] {
  const c = butterworthLowpass(cutoffHz, sampleRateHz);
  const out = xs.slice();
  let i = 0;
  while (i < xs.length) {
    if (!Number.isFinite(xs[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j < xs.length && Number.isFinite(xs[j]!)) j++;
    const run = xs.slice(i, j);
    if (run.length >= MIN_FILTER_RUN) {
      const pad = Math.min(run.length - 1, Math.ceil((3 * sampleRateHz) / cutoffHz));
      const padded = padOdd(run, pad);
      const forward = runBiquad(c, padded);
      const backward = runBiquad(c, forward.reverse()).reverse();
      for (let k = 0; k < run.length; k++) out[i + k] = backward[pad + k]!;
    }
    i = j;
  }
  return out;
}

export interface CleanedBody {
  /** Outliers rejected and short gaps filled, not smoothed: for event timing. */
  filled: BodySeries;
  /** Filled, then zero-phase low-pass filtered: for angles and positions. */
  filtered: BodySeries;
  report: { filledSamples: number; outlierSamples: number; unknownSamples: number };
}

export interface CleaningParams {
  sampleRateHz: number;
  cutoffHz: number;
  /** Outlier floor in pixels: deviations smaller than this are never rejected. */
  outlierFloorPx: number;
}

export function cleanBody(body: BodySeries, params: CleaningParams): CleanedBody {
  const { sampleRateHz, cutoffHz, outlierFloorPx } = params;
  const maxGap = Math.max(1, Math.round((MAX_GAP_MS / 1000) * sampleRateHz));
  const halfWindow = Math.max(3, Math.round(0.05 * sampleRateHz));
  const report = { filledSamples: 0, outlierSamples: 0, unknownSamples: 0 };
  const filled = mapBody(body, (p) => {
    const visible = (xs: number[]) => xs.map((v, i) => (p.vis[i]! >= MIN_VISIBILITY ? v : Number.NaN));
    const ox = rejectOutliers(visible(p.x), halfWindow, 3, outlierFloorPx);
    const oy = rejectOutliers(visible(p.y), halfWindow, 3, outlierFloorPx);
    const bad = ox.values.map((v, i) => !Number.isFinite(v) || !Number.isFinite(oy.values[i]!));
    const fx = fillGaps(ox.values.map((v, i) => (bad[i] ? Number.NaN : v)), maxGap);
    const fy = fillGaps(oy.values.map((v, i) => (bad[i] ? Number.NaN : v)), maxGap);
    report.outlierSamples += ox.rejected + oy.rejected;
    report.filledSamples += fx.filled;
    report.unknownSamples += fx.values.filter((v) => !Number.isFinite(v)).length;
    const q: PointSeries = {
      x: fx.values,
      y: fy.values,
      vis: p.vis.map((v, i) => (bad[i] ? (Number.isFinite(fx.values[i]!) ? Math.min(v, MIN_VISIBILITY) : 0) : v)),
    };
    return q;
  });
  const filtered = mapBody(filled, (p) => ({
    x: zeroPhaseLowpass(p.x, sampleRateHz, cutoffHz),
    y: zeroPhaseLowpass(p.y, sampleRateHz, cutoffHz),
    vis: p.vis,
  }));
  return { filled, filtered, report };
}
