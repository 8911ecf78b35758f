/**
 * Each foot's landings timed against one another from the whole path of the heel around them,
 * for the cadence fit (metrics.ts).
 *
 * An initial contact is the frame where a rule on the heel's motion fires (events.ts). Where the
 * pose model misplaces the foot for a few frames near a landing (the heavy model on the
 * slow-motion clip puts one foot's landmarks on the other foot every second or third frame,
 * docs/validation.md, experiment 20) the rule fires frames early at that landing only, and over
 * a short clip one such landing moves cadence by 1-2 steps/min. A runner lands each foot much
 * the same way stride after stride, so the heel's path relative to the hip around one landing
 * matches its path around the foot's neighbouring landings: each landing is shifted to where its
 * path best matches their template (the median path of the landing and its nearest
 * TEMPLATE_NEIGHBOURS of the same foot each side, so a landing style that changes within the
 * clip is followed), judged by the median difference over the window, which a few misplaced
 * frames do not move. A best match at the edge of the range searched is no match: that landing
 * keeps its frame. The shifts are then centred on their median, so the foot's landings keep their
 * usual timing and only their spacing changes (docs/validation.md, experiment 26).
 */
import { median, percentile } from './series.ts';

/** The window around each landing, as fractions of the stride: late swing before, early stance after. */
export const ALIGN_WINDOW_STRIDE = { before: 0.15, after: 0.25 } as const;
/** The furthest a landing is shifted, as a fraction of the stride (20 frames at 240 fps, 2 at 30). */
export const ALIGN_RANGE_STRIDE = 0.1;
/** The template of a landing: its path and those of this many of the same foot's landings each side (five in all). */
export const TEMPLATE_NEIGHBOURS = 2;
/** Shifts are tried in steps of this many frames. */
const SHIFT_STEP_FRAMES = 0.25;
/** Templates and shifts are refined this many times. */
const PASSES = 5;

function at(x: readonly number[], t: number): number {
  const i = Math.floor(t);
  if (i < 0 || i + 1 >= x.length) return Number.NaN;
  const f = t - i;
  return x[i]! * (1 - f) + x[i + 1]! * f;
}

/** The median of the paths from index `from` to `to` (inclusive), sample by sample. */
function medianPath(paths: readonly number[][], from: number, to: number): number[] {
  const some = paths.slice(from, to + 1);
  return some[0]!.map((_, j) => median(some.map((p) => p[j]!)));
}

/**
 * Landing times (fractional frames) of one foot, aligned on their templates; `x` is the heel's
 * horizontal position relative to the hip per frame, `frames` the foot's initial contacts in
 * order, `strideFrames` its stride period. A landing near the clip's edge is matched on the part
 * of its window inside the clip (at least half of it). With fewer than three landings the frames
 * are returned as they are.
 */
export function alignedLandings(x: readonly number[], frames: readonly number[], strideFrames: number): number[] {
  const n = frames.length;
  if (!(strideFrames > 0) || n < 3) return [...frames];
  const before = Math.max(3, Math.round(ALIGN_WINDOW_STRIDE.before * strideFrames));
  const after = Math.max(3, Math.round(ALIGN_WINDOW_STRIDE.after * strideFrames));
  const range = Math.max(1, Math.floor(ALIGN_RANGE_STRIDE * strideFrames / SHIFT_STEP_FRAMES) * SHIFT_STEP_FRAMES);
  const windowOf = (t: number) => Array.from({ length: before + after + 1 }, (_, j) => at(x, t - before + j));
  const size = Math.min(n, 2 * TEMPLATE_NEIGHBOURS + 1);
  let times = [...frames];
  const matched = frames.map(() => false);
  for (let pass = 0; pass < PASSES; pass++) {
    const paths = times.map(windowOf);
    times = frames.map((f, i) => {
      const from = Math.max(0, Math.min(n - size, i - TEMPLATE_NEIGHBOURS));
      const template = medianPath(paths, from, from + size - 1);
      let best = 0;
      let bestCost = Infinity;
      for (let s = -range; s <= range; s += SHIFT_STEP_FRAMES) {
        const diffs = windowOf(f + s).flatMap((v, j) => (Number.isFinite(v) && Number.isFinite(template[j]) ? [Math.abs(v - template[j]!)] : []));
        if (diffs.length < (before + after) / 2) continue;
        // ties (a flat stretch) go to the smaller shift
        const cost = percentile(diffs, 50) + 1e-9 * Math.abs(s);
        if (cost < bestCost) {
          bestCost = cost;
          best = s;
        }
      }
      matched[i] = bestCost < Infinity && Math.abs(best) < range;
      return matched[i] ? f + best : f;
    });
  }
  const centre = median(times.flatMap((t, i) => (matched[i] ? [t - frames[i]!] : [])));
  return times.map((t, i) => (matched[i] && Number.isFinite(centre) ? t - centre : frames[i]!));
}
