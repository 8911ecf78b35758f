/**
 * Left/right leg identity. Pose models swap the leg labels for stretches of frames (most often
 * the far leg in a side view). Detection: a two-state (labels as given / labels exchanged)
 * Viterbi over the frames, whose cost is how far each leg's joints land from where constant
 * velocity predicts them, plus a penalty per switch. Applying a mask is a separate step, so
 * the clinician's hand-made swaps can replace or extend the automatic ones.
 */
import { LEG_JOINTS } from './body.ts';
import type { BodySeries, Limb, PointSeries } from './body.ts';
import type { FrameStretch, GaitAnalysis } from './types.ts';

/** Penalty per label switch, in squared leg lengths summed over the compared joints. */
export const SWITCH_PENALTY = 0.15;

export interface SwapDetection {
  /** Per frame: true when the leg labels are to be exchanged. */
  swapped: boolean[];
  stretches: FrameStretch[];
  framesChanged: number;
}

type Xy = [number, number];

function legPoints(limb: Limb, k: number): (Xy | null)[] {
  return LEG_JOINTS.map((j) => {
    const p = limb[j];
    const x = p.x[k]!;
    const y = p.y[k]!;
    return Number.isFinite(x) && Number.isFinite(y) ? [x, y] : null;
  });
}

/** Both legs as [A, B] under state s (0: A = labelled left; 1: A = labelled right). */
function assign(frame: { l: (Xy | null)[]; r: (Xy | null)[] }, s: number): [(Xy | null)[], (Xy | null)[]] {
  return s === 0 ? [frame.l, frame.r] : [frame.r, frame.l];
}

function predictionCost(
  cur: (Xy | null)[],
  prev: (Xy | null)[],
  prev2: (Xy | null)[] | null,
  ratio: number,
  scale2: number,
): number {
  let cost = 0;
  for (let j = 0; j < cur.length; j++) {
    const c = cur[j];
    const p = prev[j];
    if (!c || !p) continue;
    const q = prev2?.[j];
    const px = q ? p[0] + (p[0] - q[0]) * ratio : p[0];
    const py = q ? p[1] + (p[1] - q[1]) * ratio : p[1];
    cost += ((c[0] - px) ** 2 + (c[1] - py) ** 2) / scale2;
  }
  return cost;
}

/**
 * A label exchange between two frames is decisive when the legs, paired across, are much
 * closer than paired as labelled (knee to toe, positions only). Where the legs overlap
 * (crossing in a side view) or one leg collapses onto the other, neither pairing is clearly
 * better, and a switch there is no evidence of a swap.
 */
export const DECISIVE_RATIO = 0.25;

type LegFrame = { l: (Xy | null)[]; r: (Xy | null)[] };

/** Squared distances knee to toe between two frames, legs paired as labelled and paired across. */
function pairings(a: LegFrame, b: LegFrame): { same: number; cross: number } {
  let same = 0;
  let cross = 0;
  const d = (p: Xy | null | undefined, q: Xy | null | undefined) => (p && q ? (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2 : 0);
  for (let j = 1; j < LEG_JOINTS.length; j++) {
    same += d(a.l[j], b.l[j]) + d(a.r[j], b.r[j]);
    cross += d(a.l[j], b.r[j]) + d(a.r[j], b.l[j]);
  }
  return { same, cross };
}

function decisiveExchange(a: LegFrame, b: LegFrame, ratio = DECISIVE_RATIO): boolean {
  const { same, cross } = pairings(a, b);
  return cross < ratio * same;
}

/**
 * A glitch frame fits neither pairing of its legs to the straight line between its neighbours:
 * its squared distance (knee to toe) from the neighbours' midpoint, under the better pairing,
 * exceeds GLITCH_FLOOR squared leg lengths. A frame whose labels are merely exchanged pairs well
 * across and is not a glitch, so real short swaps are kept.
 */
export const GLITCH_FLOOR = 0.1;

/**
 * The neighbours a glitch is read against are this far away in time, at least one frame. Above
 * 90 fps a pose model's glitches last several frames (the heavy model on the slow-motion clip at
 * 240 fps: both legs' landmarks drawn together in frames 343, 344 and 346, around a sound 345),
 * and frames one apart share them; a sixtieth of a second is still short for the foot's path to
 * bend (shared/gait/foot-tracking.ts).
 */
const GLITCH_SPAN_S = 1 / 60;

/** Time without both legs after which the labelling starts afresh (a product choice: longer than a glitch, shorter than a step; 5 frames at 30 fps). */
export const MAX_GAP_S = 1 / 6;

/** Squared distance of frame c from the midpoint of p and q (q paired to p as fits best), c paired as fits best. */
function offLine(p: LegFrame, c: LegFrame, q: LegFrame): number {
  const { same, cross } = pairings(p, q);
  const q2 = cross < same ? { l: q.r, r: q.l } : q;
  const mid = (a: Xy | null | undefined, b: Xy | null | undefined): Xy | null => (a && b ? [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2] : null);
  const m: LegFrame = { l: p.l.map((a, j) => mid(a, q2.l[j])), r: p.r.map((a, j) => mid(a, q2.r[j])) };
  const fit = pairings(m, c);
  return Math.min(fit.same, fit.cross);
}

/**
 * Indices (into frames) of glitches: frames further than the floor off their neighbours' line,
 * the neighbours `span` frames away. With neighbours one frame away (up to 90 fps) a glitch is a
 * single frame, further off than either neighbour. Further apart, the glitch also sits off the
 * line of the neighbours twice as far away: a sound frame next to a glitch is off the one line
 * through it, but not off both.
 */
function glitchFrames(frames: readonly LegFrame[], scale2: number, span: number): Set<number> {
  const off = (t: number, m: number) => (t - m >= 0 && t + m < frames.length ? offLine(frames[t - m]!, frames[t]!, frames[t + m]!) : Number.NaN);
  const score = frames.map((_, t) => (span === 1 ? off(t, 1) : Math.min(off(t, span), off(t, 2 * span))));
  const out = new Set<number>();
  for (let t = 0; t < frames.length; t++) {
    if (!(score[t]! > GLITCH_FLOOR * scale2)) continue;
    if (span > 1 || (score[t]! > score[t - 1]! && score[t]! > score[t + 1]!)) out.add(t);
  }
  return out;
}

export function detectLegSwaps(body: BodySeries, legLengthPx: number, frameIndex: readonly number[], sampleRateHz: number): SwapDetection {
  const swapped = new Array<boolean>(body.n).fill(false);
  if (!(legLengthPx > 0)) return { swapped, stretches: [], framesChanged: 0 };
  const scale2 = legLengthPx * legLengthPx;
  const candidates: number[] = [];
  const all: LegFrame[] = [];
  for (let k = 0; k < body.n; k++) {
    const l = legPoints(body.left, k);
    const r = legPoints(body.right, k);
    // knee (1) and ankle (2) of both legs are required
    if (l[1] && l[2] && r[1] && r[2]) {
      candidates.push(k);
      all.push({ l, r });
    }
  }
  // glitch frames take no part in the labelling (cleaning rejects them as outliers)
  const glitches = glitchFrames(all, scale2, Math.max(1, Math.round(sampleRateHz * GLITCH_SPAN_S)));
  const valid = candidates.filter((_, i) => !glitches.has(i));
  const frames = all.filter((_, i) => !glitches.has(i));
  // Across a long stretch without legs (the runner out of view) constant velocity predicts
  // nothing: each run of frames between such gaps is labelled on its own.
  const states: number[] = [];
  const maxGap = Math.max(1, Math.round(sampleRateHz * MAX_GAP_S));
  let from = 0;
  for (let t = 1; t <= valid.length; t++) {
    if (t < valid.length && valid[t]! - valid[t - 1]! <= maxGap) continue;
    states.push(...labelRun(frames.slice(from, t), valid.slice(from, t), scale2));
    from = t;
  }
  const m = frames.length;
  if (m < 3) return { swapped, stretches: [], framesChanged: 0 };
  const on = (t: number) => states[t] === 1;
  // frames between labelled frames (glitches, missing legs) are swapped when the labelled frames on both sides are
  let v = 0;
  for (let k = valid[0]!; k < body.n; k++) {
    while (v + 1 < m && valid[v + 1]! <= k) v++;
    swapped[k] = on(v) && (valid[v] === k || v + 1 >= m || on(v + 1));
  }
  const stretches = maskToStretches(swapped, frameIndex);
  return { swapped, stretches, framesChanged: swapped.filter(Boolean).length };
}

/** Labels one run of frames without long gaps: per frame 1 when its leg labels are to be exchanged. */
function labelRun(frames: readonly LegFrame[], valid: readonly number[], scale2: number): number[] {
  const m = frames.length;
  if (m < 3) return new Array<number>(m).fill(0);
  // pair state index: 2 * previous + current
  let cost = [0, 0, 0, 0];
  const back: number[][] = [];
  for (let a = 0; a < 2; a++)
    for (let b = 0; b < 2; b++) {
      const [pa, pb] = assign(frames[0]!, a);
      const [ca, cb] = assign(frames[1]!, b);
      cost[2 * a + b] =
        predictionCost(ca, pa, null, 0, scale2) + predictionCost(cb, pb, null, 0, scale2) + (a === b ? 0 : SWITCH_PENALTY);
    }
  for (let t = 2; t < m; t++) {
    const ratio = (valid[t]! - valid[t - 1]!) / (valid[t - 1]! - valid[t - 2]!);
    const next = [Infinity, Infinity, Infinity, Infinity];
    const ptr = [0, 0, 0, 0];
    for (let a = 0; a < 2; a++)
      for (let b = 0; b < 2; b++) {
        const [qa, qb] = assign(frames[t - 2]!, a);
        const [pa, pb] = assign(frames[t - 1]!, b);
        for (let c = 0; c < 2; c++) {
          const [ca, cb] = assign(frames[t]!, c);
          const step =
            predictionCost(ca, pa, qa, ratio, scale2) +
            predictionCost(cb, pb, qb, ratio, scale2) +
            (b === c ? 0 : SWITCH_PENALTY);
          const total = cost[2 * a + b]! + step;
          if (total < next[2 * b + c]!) {
            next[2 * b + c] = total;
            ptr[2 * b + c] = 2 * a + b;
          }
        }
      }
    back.push(ptr);
    cost = next;
  }
  let state = cost.indexOf(Math.min(...cost));
  const states = new Array<number>(m).fill(0);
  for (let t = m - 1; t >= 1; t--) {
    states[t] = state % 2;
    if (t === 1) states[0] = Math.floor(state / 2);
    else state = back[t - 2]![state]!;
  }
  // A switch must be decisive on its own two frames and, when it lasts, the frame after it must
  // still pair better across with the frame before it: a glitch, legs overlapping or the far leg
  // collapsing onto the near one give switches that fail this, and on real tracks they produced
  // long false swaps. Such a switch is undone.
  const exchanged = (a: number, b: number, ratio = DECISIVE_RATIO) => decisiveExchange(frames[a]!, frames[b]!, ratio);
  for (let t = 1; t < m; t++) {
    if (states[t] === states[t - 1]) continue;
    const lasts = t + 1 < m && states[t + 1] === states[t];
    if (!exchanged(t - 1, t) || (lasts && !exchanged(t - 1, t + 1, 1))) for (let k = t; k < m; k++) states[k] = 1 - states[k]!;
  }
  // The cost is symmetric under exchanging all labels: keep the labelling that changes fewer frames.
  const ones = states.filter((s) => s === 1).length;
  const flip = ones > m / 2 ? 1 : 0;
  return states.map((s) => s ^ flip);
}

export function maskToStretches(mask: readonly boolean[], frameIndex: readonly number[]): FrameStretch[] {
  const out: FrameStretch[] = [];
  let start = -1;
  for (let k = 0; k <= mask.length; k++) {
    const on = k < mask.length && mask[k]!;
    if (on && start < 0) start = k;
    if (!on && start >= 0) {
      out.push({ startFrame: frameIndex[start]!, endFrame: frameIndex[k - 1]! });
      start = -1;
    }
  }
  return out;
}

export function stretchesToMask(stretches: readonly FrameStretch[], frameIndex: readonly number[]): boolean[] {
  return frameIndex.map((f) => stretches.filter((s) => f >= s.startFrame && f <= s.endFrame).length % 2 === 1);
}

function swapPoint(a: PointSeries, b: PointSeries, mask: readonly boolean[]): [PointSeries, PointSeries] {
  const pick = (p: PointSeries, q: PointSeries): PointSeries => ({
    x: p.x.map((v, i) => (mask[i] ? q.x[i]! : v)),
    y: p.y.map((v, i) => (mask[i] ? q.y[i]! : v)),
    vis: p.vis.map((v, i) => (mask[i] ? q.vis[i]! : v)),
  });
  return [pick(a, b), pick(b, a)];
}

/** Exchanges the left and right leg landmarks (hip to toe) in the masked frames. */
export function applyLegSwap(body: BodySeries, mask: readonly boolean[]): BodySeries {
  const left: Limb = { ...body.left };
  const right: Limb = { ...body.right };
  for (const j of LEG_JOINTS) {
    const [l, r] = swapPoint(body.left[j], body.right[j], mask);
    left[j] = l;
    right[j] = r;
  }
  return { n: body.n, nose: body.nose, left, right };
}

/** Per track index: are the leg labels exchanged in the analysis (the automatic fix and the clinician's swaps together, and the whole clip's near/far exchange)? */
export function legSwapMask(analysis: Pick<GaitAnalysis, 'identity' | 'frames'>): boolean[] {
  const stretches = stretchesToMask([...analysis.identity.autoStretches, ...analysis.identity.manualStretches], analysis.frames.frame);
  return analysis.identity.nearFar?.exchanged ? stretches.map((swapped) => !swapped) : stretches;
}
