/**
 * The shoes' motion read from the pixels (pose/foot-motion.ts) as per-foot series for the event
 * detector: at index k, how the shoe patch taken at frame k moved by frame k + 1 (pixels, x
 * right, y down); NaN where it was not read or not found with confidence.
 */
import { PATCH_ALONG_FOOT, PATCH_BELOW_HEEL } from '../pose/foot-motion.ts';
import type { LandmarkTrack } from '../pose/track.ts';
import type { BodySeries } from './body.ts';
import { median } from './series.ts';
import type { Side } from './types.ts';

/** Below this correlation the patch was not found again (motion blur, the other leg in front). */
export const MIN_SHOE_MATCH = 0.6;
/**
 * A patch is taken where the frame's own heel landmark is; where that landmark sits further than
 * this share of the foot's length from the smoothed heel (the model put the label on the other
 * foot for a frame, as on the 60 fps treadmill clip a frame or two after most far-foot landings),
 * the patch followed something else and its motion is not used.
 */
export const OFF_FOOT_SHARE = 0.4;

export type ShoeMotion = Record<Side, { dx: number[]; dy: number[] }>;

export function shoeMotion(track: LandmarkTrack): ShoeMotion {
  const n = track.frames.length;
  const series = () => ({ dx: new Array<number>(n).fill(Number.NaN), dy: new Array<number>(n).fill(Number.NaN) });
  const out: ShoeMotion = { left: series(), right: series() };
  for (let k = 0; k + 1 < n; k++) {
    for (const side of ['left', 'right'] as const) {
      const m = track.frames[k + 1]!.feet?.[side];
      if (!m || !(m.score >= MIN_SHOE_MATCH)) continue;
      out[side].dx[k] = m.dx;
      out[side].dy[k] = m.dy;
    }
  }
  return out;
}

/** The series with the leg labels exchanged where mask is true (the patch at frame k followed the landmark labelled at frame k). */
export function swapShoeMotion(motion: ShoeMotion, mask: readonly boolean[]): ShoeMotion {
  const pick = (own: number[], other: number[]) => own.map((v, k) => (mask[k] ? other[k]! : v));
  return {
    left: { dx: pick(motion.left.dx, motion.right.dx), dy: pick(motion.left.dy, motion.right.dy) },
    right: { dx: pick(motion.right.dx, motion.left.dx), dy: pick(motion.right.dy, motion.left.dy) },
  };
}

/** Mirrored like the body (body.ts mirrorX): x motion reversed. */
export function mirrorShoeMotion(motion: ShoeMotion): ShoeMotion {
  const flip = (m: ShoeMotion[Side]) => ({ dx: m.dx.map((v) => -v), dy: m.dy });
  return { left: flip(motion.left), right: flip(motion.right) };
}

/**
 * Where the other leg passes this close to a patch's centre (share of the foot's length: the
 * patch's half-width and a shank's), the patch may hold that leg: in a side view the near leg
 * swings past the far foot, and the far foot's patch then follows it. On the slow-motion clip,
 * whose legs cross often, IC mean error at 120 fps +1.38 -> +0.25 frame and at 240 fps +3.67 ->
 * +1.00 with this; the 30 fps clip -0.21 -> -0.27 (docs/validation.md, experiment 13).
 */
export const CLEAR_OF_OTHER_LEG = 0.4;

const segmentDistance = (px: number, py: number, ax: number, ay: number, bx: number, by: number) => {
  const ex = bx - ax;
  const ey = by - ay;
  const length2 = ex * ex + ey * ey;
  const t = length2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * ex + (py - ay) * ey) / length2)) : 0;
  return Math.hypot(px - ax - t * ex, py - ay - t * ey);
};

/**
 * The motion where the patch was on this foot alone: NaN where the raw heel landmark (which placed
 * the patch) is off the smoothed heel, and where the other leg's shank or foot (raw landmarks)
 * passes within CLEAR_OF_OTHER_LEG of the patch's centre. `raw` and `filtered` are labelled and
 * oriented as the motion.
 */
export function usableShoeMotion(motion: ShoeMotion, raw: BodySeries, filtered: BodySeries): ShoeMotion {
  const keep = (side: Side) => {
    const { heel, toe } = filtered[side];
    const footLength = median(heel.x.map((x, k) => Math.hypot(toe.x[k]! - x, toe.y[k]! - heel.y[k]!)).filter(Number.isFinite));
    const own = raw[side];
    const other = raw[side === 'left' ? 'right' : 'left'];
    const usable = (k: number) => {
      const hx = own.heel.x[k]!;
      const hy = own.heel.y[k]!;
      if (!(Math.hypot(hx - heel.x[k]!, hy - heel.y[k]!) <= OFF_FOOT_SHARE * footLength)) return false;
      const length = Math.hypot(own.toe.x[k]! - hx, own.toe.y[k]! - hy);
      const cx = hx + PATCH_ALONG_FOOT * (own.toe.x[k]! - hx);
      const cy = hy + PATCH_ALONG_FOOT * (own.toe.y[k]! - hy) + PATCH_BELOW_HEEL * length;
      const chain = [other.knee, other.ankle, other.heel, other.toe];
      for (let j = 0; j + 1 < chain.length; j++) {
        const d = segmentDistance(cx, cy, chain[j]!.x[k]!, chain[j]!.y[k]!, chain[j + 1]!.x[k]!, chain[j + 1]!.y[k]!);
        if (d < CLEAR_OF_OTHER_LEG * footLength) return false;
      }
      return true;
    };
    const m = motion[side];
    return { dx: m.dx.map((v, k) => (usable(k) ? v : Number.NaN)), dy: m.dy.map((v, k) => (usable(k) ? v : Number.NaN)) };
  };
  return { left: keep('left'), right: keep('right') };
}
