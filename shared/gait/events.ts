/**
 * Gait events per foot: initial contact (IC) and toe-off (TO).
 *
 * Side view (body oriented so the runner faces +x): the foot's horizontal position relative to
 * the hip midpoint cycles once per stride; from its forward extreme (late swing) to its
 * backward extreme (around toe-off) the foot is in, or about to be in, contact. Inside that
 * window the foot's lowest point (the lower of heel and toe landmarks, image y down) sits on
 * the ground: the contact plateau. TO is where the flat foot starts to rise, refined to the
 * frame by a continuous flat-then-parabola (hinge) fit of its vertical position on the
 * unsmoothed samples, and with models that draw the toe behind the shoe's tip, to the last frame
 * the foot's landmarks are still within TOE_OFF_RISE_LEG of the ground. IC is timed from the
 * heel's horizontal motion instead: from the forward extreme on, the first frame from which the
 * heel is carried back at (nearly) its stance speed, the belt's or the runner's. The heel
 * landmark's height settles 1-2 frames after the heel is down on real clips, and the foot hovers
 * low over the belt before it lands, so a vertical criterion put IC 2-3 frames late at 30 fps
 * (docs/validation.md). Where the track holds the
 * shoes' motion read from the pixels (shoe-motion.ts), IC is then refined by the same rule on the
 * shoe's own image, which the landmarks' smoothing does not delay.
 * Rear/front view (depth is not seen): toe-off is where the toe is lowest in the image (the
 * stance foot nears the camera on a treadmill, then lifts); initial contact is where the heel's
 * descent from its swing-phase top (which flattens as the foot swings away from the camera)
 * turns into the steady stance drift (a parabola-then-line fit). Less precise than the side view.
 * All windows scale with the stride period found by autocorrelation, so they hold at any frame
 * rate, including slow-motion files whose capture rate is wrong.
 */
import type { PoseModel } from '../pose/track.ts';
import { midpoint } from './body.ts';
import type { BodySeries, Limb } from './body.ts';
import { argMax, argMin, median, percentile } from './series.ts';
import type { ShoeMotion } from './shoe-motion.ts';
import { SIDES } from './types.ts';
import type { EventRef, EventType, GaitEvent, Side, ViewKind } from './types.ts';

/** Lowest point of the foot (largest image y of heel and toe; the ankle when both are unknown). */
export function footLowY(limb: Limb): number[] {
  return limb.heel.y.map((hy, i) => {
    const ty = limb.toe.y[i]!;
    const v = Math.max(Number.isFinite(hy) ? hy : -Infinity, Number.isFinite(ty) ? ty : -Infinity);
    return Number.isFinite(v) ? v : limb.ankle.y[i]!;
  });
}

function centred(s: readonly number[]): number[] {
  const fin = s.filter((v) => Number.isFinite(v));
  const m = fin.reduce((a, b) => a + b, 0) / Math.max(1, fin.length);
  return s.map((v) => v - m);
}

/**
 * Correlation at lags 0..maxLag of each pair [a, b] (a[i] against b[i + lag]), summed over the
 * pairs and normalised over the samples known in both, so that unknown stretches (the runner
 * out of the frame) and a shorter overlap at long lags do not shrink it. Lags with fewer than
 * minOverlap such samples get 0.
 */
function correlation(pairs: readonly (readonly [number[], number[]])[], n: number, maxLag: number, minOverlap: number): number[] {
  const values: number[] = [];
  for (let lag = 0; lag <= maxLag; lag++) {
    let num = 0;
    let aa = 0;
    let bb = 0;
    let count = 0;
    for (const [a, b] of pairs) {
      for (let i = 0; i + lag < n; i++) {
        const x = a[i]!;
        const y = b[i + lag]!;
        if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
        num += x * y;
        aa += x * x;
        bb += y * y;
        count++;
      }
    }
    values.push(count >= minOverlap * pairs.length && aa > 0 && bb > 0 ? num / Math.sqrt(aa * bb) : 0);
  }
  return values;
}

/** First peak over 0.3 at or after minLag and after the correlation has gone negative, refined by a parabola; null when none. */
function firstPeak(values: readonly number[], minLag: number): number | null {
  const maxLag = values.length - 1;
  let lag = 1;
  while (lag < maxLag && values[lag]! > 0) lag++;
  for (let l = Math.max(lag, minLag, 1); l < maxLag; l++) {
    const v = values[l]!;
    if (v > 0.3 && v >= values[l - 1]! && v >= values[l + 1]!) {
      const a = values[l - 1]!;
      const c = values[l + 1]!;
      const den = a - 2 * v + c;
      return den < 0 ? l + (0.5 * (a - c)) / den : l;
    }
  }
  return null;
}

/** Stride period in frames from the summed autocorrelation of the given cyclic series. */
export function stridePeriodFrames(series: readonly (readonly number[])[], minLag = 8): number | null {
  const n = series[0]?.length ?? 0;
  const maxLag = Math.floor((2 * n) / 3);
  if (maxLag <= minLag) return null;
  const c = series.map(centred);
  return firstPeak(correlation(c.map((s) => [s, s] as const), n, maxLag, minLag), minLag);
}

/**
 * Stride period in frames from the distance between the two feet's cyclic series, which peaks
 * once per step whichever leg carries which label: twice the first peak of its
 * autocorrelation. It survives leg-label swaps and needs about half the clip length the
 * per-foot autocorrelation needs, so it serves clips holding fewer than two clean strides (a
 * short overground pass, a slow-motion file).
 */
export function stridePeriodFromSteps(left: readonly number[], right: readonly number[], minLag = 8): number | null {
  const n = left.length;
  const maxLag = Math.floor((2 * n) / 3);
  const stepMin = Math.ceil(minLag / 2);
  if (maxLag <= stepMin + 1) return null;
  const d = centred(left.map((x, i) => Math.abs(x - right[i]!)));
  const step = firstPeak(correlation([[d, d]], n, maxLag, stepMin), stepMin);
  return step === null ? null : 2 * step;
}

/**
 * The stride period in frames from the two feet's cyclic series: the per-foot autocorrelation's,
 * unless it is well over the step-based one. Then it has skipped a weak peak: where the pose
 * model crosses the leg labels in part of the strides, each foot's cycle is blurred but the
 * distance between the feet is not (on the slow-motion lab clip: 615 frames, three strides,
 * against 205 from the steps).
 */
export function stridePeriod(left: readonly number[], right: readonly number[]): number | null {
  const perFoot = stridePeriodFrames([left, right]);
  const fromSteps = stridePeriodFromSteps(left, right);
  return perFoot !== null && fromSteps !== null && perFoot > 1.5 * fromSteps ? fromSteps : (perFoot ?? fromSteps);
}

/** Frames that are the largest finite value within +/- halfWindow frames (the clip's edge frames included: callers check what follows). */
export function localMaxima(xs: readonly number[], halfWindow: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    const v = xs[i]!;
    if (!Number.isFinite(v)) continue;
    if (argMax(xs, i - halfWindow, i + halfWindow) === i) out.push(i);
  }
  return out;
}

/** Least-squares fit of y[from..to] on the given basis functions; returns the SSE. */
function fitSse(y: readonly number[], from: number, to: number, basis: (k: number) => number[]): number {
  const p = basis(from).length;
  const ata = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const atb = new Array<number>(p).fill(0);
  let count = 0;
  for (let k = from; k <= to; k++) {
    const v = y[k]!;
    if (!Number.isFinite(v)) continue;
    const row = basis(k);
    count++;
    for (let i = 0; i < p; i++) {
      atb[i]! += row[i]! * v;
      for (let j = 0; j < p; j++) ata[i]![j]! += row[i]! * row[j]!;
    }
  }
  if (count < p + 1) return Infinity;
  const coef = solve(ata, atb);
  if (!coef) return Infinity;
  let sse = 0;
  for (let k = from; k <= to; k++) {
    const v = y[k]!;
    if (!Number.isFinite(v)) continue;
    const row = basis(k);
    let f = 0;
    for (let i = 0; i < p; i++) f += row[i]! * coef[i]!;
    sse += (v - f) ** 2;
  }
  return sse;
}

/** Gaussian elimination with partial pivoting; null when singular. */
function solve(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[piv]![c]!)) piv = r;
    if (Math.abs(m[piv]![c]!) < 1e-12) return null;
    [m[c], m[piv]] = [m[piv]!, m[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/**
 * Frame of the knot of the best continuous fit in [from, to] made of a parabola (the foot's
 * accelerating approach or lift) joined to a straight segment:
 *   'lifting'  flat then parabola (side view: the foot is about to lift),
 *   'ramp'     parabola then a sloped line (rear view: the landed heel drifts with the belt).
 */
export function hingeFrame(y: readonly number[], from: number, to: number, mode: 'lifting' | 'ramp'): number | null {
  let best: number | null = null;
  let bestSse = Infinity;
  for (let b = from + 1; b < to; b++) {
    const sse = fitSse(y, from, to, (k) => {
      if (mode === 'lifting') {
        const u = Math.max(0, k - b);
        return [1, u, u * u];
      }
      const u = Math.min(0, k - b);
      return [1, u, u * u, Math.max(0, k - b)];
    });
    if (sse < bestSse) {
      bestSse = sse;
      best = b;
    }
  }
  return best;
}

export interface EventInput {
  /** Oriented (side view: runner faces +x), smoothed body: for segmentation. */
  filtered: BodySeries;
  /** Oriented, gap-filled but unsmoothed body: for refinement to the frame. */
  filled: BodySeries;
  view: ViewKind;
  legLengthPx: number;
  /** The pose model the landmarks come from: where each places the toe's landmark differs. */
  model: PoseModel;
  /** The shoes' motion read from the pixels (shoe-motion.ts), labelled and oriented as the body; absent for tracks without it. */
  shoeMotion?: ShoeMotion;
}

export interface FootEvents {
  ic: number[];
  to: number[];
}

export interface EventDetection {
  /** Sample indices (not frame numbers) per side. */
  perSide: Record<Side, FootEvents>;
  stridePeriodFrames: number | null;
}

/**
 * Lowest point of the foot against the ground, per frame: the larger of heel and toe image y,
 * each measured from its own ground level (90th percentile over the stance window). Pose
 * models place the heel landmark above the sole and the toe landmark at it, so on real clips
 * the landed heel sits higher in the image than the landed toe; one shared ground level would
 * start the contact only when the forefoot is down.
 */
function footOverGround(limb: Limb, from: number, to: number): number[] {
  const ground = (y: readonly number[]) => percentile(y.slice(from, to + 1), 90);
  const gh = ground(limb.heel.y);
  const gt = ground(limb.toe.y);
  return limb.heel.y.map((hy, i) => {
    const v = Math.max(Number.isFinite(gh) ? hy - gh : -Infinity, Number.isFinite(gt) ? limb.toe.y[i]! - gt : -Infinity);
    return Number.isFinite(v) ? v : Number.NaN;
  });
}

/**
 * Fraction of its stance speed at which the landing foot counts as on the ground. Before contact
 * the swinging foot already moves back relative to the hip (foot retraction), at up to about 70%
 * of the stance speed in the synthetic runners' kinematics; contact brings it to the full speed at
 * once. 0.8 puts IC within 0.71 frame of contact on those runners at 60 and 120 fps and, on
 * average, within 0.15 frame of the annotations on the real 30 fps clip and the heavy model's
 * slow-motion copies at 30 and 60 fps (docs/validation.md).
 */
const LANDED_SPEED_FRACTION = 0.8;

/**
 * Longest run of frames, as a fraction of the stride, in which the stance foot's landmarks may
 * leave the ground level without ending the stance: 3 frames at 60 fps, 1 at 30. On the 60 fps
 * treadmill clip the near heel's landmark rose 50 px for 3 frames in mid-stance, which put a
 * toe-off 11 frames early (docs/validation.md).
 */
const MAX_STANCE_GLITCH_PERIOD = 0.06;

/** Speed (pixels per frame) at which x falls over [from, to], by least squares; null when unknown. */
function fallingSpeed(x: readonly number[], from: number, to: number): number | null {
  let count = 0;
  let sk = 0;
  let sx = 0;
  let skk = 0;
  let skx = 0;
  for (let k = from; k <= to; k++) {
    const v = x[k]!;
    if (!Number.isFinite(v)) continue;
    count++;
    sk += k;
    sx += v;
    skk += k * k;
    skx += k * v;
  }
  const den = count * skk - sk * sk;
  if (count < 2 || den <= 0) return null;
  const speed = -(count * skx - sk * sx) / den;
  return speed > 0 ? speed : null;
}

/**
 * Initial contact from the heel's horizontal motion relative to the hip (runner facing +x;
 * zero-phase smoothed, so nothing lags). In late swing the foot slows, turns at its forward
 * extreme a and starts back; once on the ground it is carried back at a steady speed (the
 * belt's, or overground the runner's: stanceSpeed). IC is the first frame from which the heel
 * moves back by at least LANDED_SPEED_FRACTION of that speed per frame. Around landing the heel
 * moves tens of pixels per frame horizontally, while its height changes by a few and the
 * landmark's height settles frames late.
 */
function landingFrame(heelX: readonly number[], a: number, end: number, stanceSpeed: number): number | null {
  const threshold = LANDED_SPEED_FRACTION * stanceSpeed;
  // the speed over frames k..k+1 belongs to time k + 0.5; the crossing is interpolated between two such
  let before = Number.NaN;
  for (let k = a; k + 1 < end; k++) {
    const speed = heelX[k]! - heelX[k + 1]!;
    // carried: at that speed over two frames running, not one noisy step
    if (speed >= threshold && heelX[k + 1]! - heelX[k + 2]! >= threshold) {
      const t = Number.isFinite(before) && speed > before ? k - 0.5 + (threshold - before) / (speed - before) : k;
      return Math.max(a, Math.round(t));
    }
    before = speed;
  }
  return null;
}

/**
 * The same rule on the shoe's own image (pose/foot-motion.ts): the fraction of its stance speed
 * at which the shoe counts as landed. The patch moves with the shoe, without the landmarks'
 * smoothing: before contact it moves back at about half its stance speed (foot retraction), on
 * the ground at the full speed, so contact is where the speed crosses between them. On the
 * annotated treadmill clips 0.65-0.8 all put IC within 0.5 frame on average at 30 and 60 fps
 * (experiment 13); with landings whose shoe was not read bridged (experiment 19), 0.65 put IC
 * within 0.4 frame on average on each real-rate clip and the contact time each leg shows within
 * 15 ms, 0.75 the 60 fps clip's IC 0.56 frame late (docs/validation.md).
 */
const PIXEL_LANDED_SPEED_FRACTION = 0.65;

/**
 * Initial contact from the shoe's pixels, near the landmarks' estimate `ic`: the shoe patch's
 * motion back relative to the hip (`back`, pixels per frame from k to k + 1) against its speed
 * just after `ic`. The first two readings running carried at PIXEL_LANDED_SPEED_FRACTION or more
 * of it place contact: the speed over k..k+1 belongs to time k + 0.5, the crossing is interpolated
 * from the reading before (across frames not read: the landing often blurs the shoe for a frame
 * or two), and IC is the first frame at or after it (the first frame on the ground). Null where
 * the pixels were not read well enough around it: `ic` stands.
 */
function pixelLandingFrame(back: readonly number[], ic: number, from: number, to: number, stanceTo: number): number | null {
  const stance: number[] = [];
  for (let k = ic + 1; k <= stanceTo; k++) if (Number.isFinite(back[k])) stance.push(back[k]!);
  if (stance.length < 2) return null;
  const speed = median(stance);
  if (!(speed > 0)) return null;
  const threshold = PIXEL_LANDED_SPEED_FRACTION * speed;
  const known: number[] = [];
  for (let k = from; k <= stanceTo; k++) if (Number.isFinite(back[k])) known.push(k);
  for (let j = 0; j + 1 < known.length; j++) {
    const k = known[j]!;
    // the crossing may lie in frames not read (the landing blurs the shoe): it is bound by the reading before it
    const b = j > 0 ? known[j - 1]! : null;
    if ((b ?? k) > to) break;
    if (back[k]! < threshold || back[known[j + 1]!]! < threshold) continue;
    const t = b !== null && back[b]! < threshold ? b + 0.5 + ((threshold - back[b]!) / (back[k]! - back[b]!)) * (k - b) : k;
    return Math.ceil(t);
  }
  return null;
}

/**
 * How far the foot's lowest landmark may rise from its ground level, in leg lengths, while the
 * toe is still on the ground, per pose model. The foot rolls over its toes before it lifts, so a
 * landmark behind the toe's tip rises while the tip still touches: the full model's toe-off from
 * the lift's knot alone came 0.35-0.82 frame early on the annotated treadmill clips (contact time
 * 2-20 ms short, one leg 40 ms), the heavy model's was unbiased (-0.09 to +0.17 frame) and came
 * late with any allowance (docs/validation.md, experiment 18). The lite model is taken as the
 * full one (its toe-off was early too: -1.74 frames on the 30 fps clip).
 */
export const TOE_OFF_RISE_LEG: Record<PoseModel, number> = { lite: 0.02, full: 0.02, heavy: 0 };

/** The last frame from `from` on, before the clip's last, in which the foot's height over its ground level (y down) is within `risePx` of it. */
function lastOnGround(overGround: readonly number[], from: number, risePx: number): number {
  let k = from;
  while (risePx > 0 && k + 2 < overGround.length && overGround[k + 1]! >= -risePx) k++;
  return k;
}

interface Stance {
  /** The ankle's forward extreme relative to the hip (late swing). */
  a: number;
  /** The contact plateau: the foot within tolerance of its ground level. */
  s: number;
  e: number;
  /** Where the search for contact ends: the plateau's end, or the clip's where the stance runs past it. */
  end: number;
  lowRaw: number[];
  /** The heel's speed back over early stance (first half of the plateau); null when too short to measure. */
  speed: number | null;
}

function sagittalFoot(input: EventInput, side: Side, period: number): FootEvents {
  const hip = midpoint(input.filtered.left.hip, input.filtered.right.hip);
  const limb = input.filtered[side];
  const relX = limb.ankle.x.map((x, i) => x - hip.x[i]!);
  const heelX = limb.heel.x.map((x, i) => (Number.isFinite(x) ? x : limb.ankle.x[i]!) - hip.x[i]!);
  const half = Math.max(2, Math.round(0.3 * period));
  const w = Math.max(3, Math.round(0.08 * period));
  const tol = 0.04 * input.legLengthPx;
  // the foot's landmarks can leave the ground for a few frames mid-stance where the image is blurred (60 fps clip, frames 81-83): a stance is not cut by that
  const maxGlitch = Math.max(1, Math.round(MAX_STANCE_GLITCH_PERIOD * period));
  const n = relX.length;
  const stances: Stance[] = [];
  for (const a of localMaxima(relX, half)) {
    const p = argMin(relX, a + 1, a + Math.round(0.9 * period));
    if (p < 0 || p - a < 2) continue;
    const to = Math.min(n - 1, p + Math.round(0.15 * period));
    const lowSmooth = footOverGround(limb, a, p);
    const centre = argMax(lowSmooth, a, p);
    if (centre < 0 || !(lowSmooth[centre]! >= -tol)) continue;
    let s = centre;
    while (s - 1 >= a && lowSmooth[s - 1]! >= -tol) s--;
    let e = centre;
    for (let k = centre + 1; k <= to; k++) {
      if (lowSmooth[k]! >= -tol) e = k;
      else if (k - e > maxGlitch) break;
    }
    const mid = Math.round((s + e) / 2);
    const speed = mid - s >= Math.max(2, Math.round(0.05 * period)) ? fallingSpeed(heelX, s, mid) : null;
    stances.push({ a, s, e, end: p < n - 1 ? e : n - 1, lowRaw: footOverGround(input.filled[side], a, p), speed });
  }
  // where the clip ends in early stance, the foot's speed from its other stances (the belt's or the runner's does not change within a clip)
  const clipSpeed = median(stances.flatMap((st) => (st.speed === null ? [] : [st.speed])));
  // the shoe's motion back relative to the hip, from frame k to k + 1
  const shoeDx = input.shoeMotion?.[side].dx;
  const back = shoeDx ? shoeDx.map((dx, k) => -(dx - (hip.x[k + 1]! - hip.x[k]!))) : null;
  const out: FootEvents = { ic: [], to: [] };
  for (const { a, s, e, end, lowRaw, speed } of stances) {
    const stanceSpeed = speed ?? clipSpeed;
    // a plateau that touches the clip's edge is cut: its event is unknown
    const fromLandmarks = s > 0 && stanceSpeed > 0 ? landingFrame(heelX, a, end, stanceSpeed) : null;
    const fromPixels =
      fromLandmarks !== null && back
        ? pixelLandingFrame(
            back,
            fromLandmarks,
            // not bound by the forward extreme: it comes from the same lagging landmarks
            Math.max(0, fromLandmarks - Math.max(2, Math.round(0.12 * period))),
            Math.min(end, fromLandmarks + Math.max(1, Math.round(0.05 * period))),
            Math.min(end, fromLandmarks + Math.max(2, Math.round(0.15 * period))),
          )
        : null;
    const ic = fromPixels ?? fromLandmarks;
    const lift = e < n - 1 ? hingeFrame(lowRaw, Math.max(0, e - w), Math.min(n - 1, e + w), 'lifting') : null;
    const toe = lift === null ? null : lastOnGround(lowRaw, lift, TOE_OFF_RISE_LEG[input.model] * input.legLengthPx);
    if (ic !== null && ic > 0) out.ic.push(ic);
    // the foot leaves the ground after it has landed (a plateau cut short by the clip's end can put the fit before it)
    if (toe !== null && toe > s && toe < n - 1) out.to.push(toe);
  }
  return out;
}

function frontalFoot(input: EventInput, side: Side, period: number): FootEvents {
  const heel = input.filtered[side].heel.y;
  const toe = input.filtered[side].toe.y;
  const heelRaw = input.filled[side].heel.y;
  const half = Math.max(2, Math.round(0.3 * period));
  // toe-off: the toe is lowest in the image (nearest the camera, still on the ground) just before it lifts
  const toeOffs = localMaxima(toe, half);
  const out: FootEvents = { ic: [], to: [] };
  for (const to of toeOffs) {
    if (to <= 0 || to >= toe.length - 1) continue;
    out.to.push(to);
    // initial contact: the heel's fast descent turns into the slow stance drift, before toe-off
    const from = Math.max(0, to - Math.round(0.7 * period));
    const swingTop = argMin(heel, from, to);
    if (swingTop < 0) continue;
    const landing = hingeFrame(heelRaw, swingTop, to - Math.round(0.15 * period), 'ramp');
    if (landing !== null && landing > 0) out.ic.push(landing);
  }
  return out;
}

/** Sorted, with events closer than minGap frames to the previous one dropped. */
function dedupe(frames: readonly number[], minGap: number): number[] {
  const out: number[] = [];
  for (const f of [...frames].sort((a, b) => a - b)) {
    if (out.length === 0 || f - out[out.length - 1]! >= minGap) out.push(f);
  }
  return out;
}

export function detectEvents(input: EventInput): EventDetection {
  const hip = midpoint(input.filtered.left.hip, input.filtered.right.hip);
  const cyc = SIDES.map((s) =>
    input.view === 'sagittal' ? input.filtered[s].ankle.x.map((x, i) => x - hip.x[i]!) : footLowY(input.filtered[s]),
  );
  const period = stridePeriod(cyc[0]!, cyc[1]!);
  const perSide: Record<Side, FootEvents> = { left: { ic: [], to: [] }, right: { ic: [], to: [] } };
  if (period === null || !(input.legLengthPx > 0)) return { perSide, stridePeriodFrames: period };
  for (const s of SIDES) {
    const found = input.view === 'sagittal' ? sagittalFoot(input, s, period) : frontalFoot(input, s, period);
    perSide[s] = { ic: dedupe(found.ic, 0.4 * period), to: dedupe(found.to, 0.4 * period) };
  }
  return { perSide, stridePeriodFrames: period };
}

/** Events as result records (frame numbers and times), with the clinician's edits applied. */
export function eventList(
  detection: EventDetection,
  frameIndex: readonly number[],
  tMs: readonly number[],
  edits: { add?: EventRef[]; remove?: EventRef[] } | undefined,
): GaitEvent[] {
  const out: GaitEvent[] = [];
  const removed = (side: Side, type: EventType, frame: number) =>
    (edits?.remove ?? []).some((r) => r.side === side && r.type === type && r.frame === frame);
  for (const side of SIDES) {
    for (const [type, list] of [
      ['IC', detection.perSide[side].ic],
      ['TO', detection.perSide[side].to],
    ] as const) {
      for (const k of list) {
        const frame = frameIndex[k]!;
        if (!removed(side, type, frame)) out.push({ side, type, frame, tMs: tMs[k]!, origin: 'detected' });
      }
    }
  }
  for (const a of edits?.add ?? []) {
    const k = frameIndex.indexOf(a.frame);
    if (k < 0) continue;
    if (out.some((e) => e.side === a.side && e.type === a.type && e.frame === a.frame)) continue;
    out.push({ side: a.side, type: a.type, frame: a.frame, tMs: tMs[k]!, origin: 'edited' });
  }
  return out.sort((x, y) => x.tMs - y.tMs || (x.side < y.side ? -1 : 1));
}
