/**
 * The shoes' motion read from the pixels (pose/foot-motion.ts) as per-foot series for the event
 * detector: at index k, how the shoe patch taken at frame k moved by frame k + 1 (pixels, x
 * right, y down); NaN where it was not read or not found with confidence.
 */
import { PATCH_CELLS, PATCH_SIZE_FOOT } from '../pose/foot-motion.ts';
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
 * Feet shorter than this (pixels, heel to toe, median over the clip) are not followed: the
 * patch, 16 cells of at least a pixel, is then wider than 0.4 of the foot and holds more belt
 * than shoe, and the belt moves as a landed shoe does. On the slow-motion lab clip (480x360, the
 * runner about 200 px tall) the heavy model's contacts came 15-28 ms early from the pixels.
 */
export const MIN_FOOT_PX = PATCH_CELLS / PATCH_SIZE_FOOT;

/**
 * The motion where the patch was on this foot: NaN for feet under MIN_FOOT_PX and where the raw
 * heel landmark (which placed the patch) is off the smoothed heel. `raw` and `filtered` are
 * labelled and oriented as the motion.
 */
export function usableShoeMotion(motion: ShoeMotion, raw: BodySeries, filtered: BodySeries): ShoeMotion {
  const keep = (side: Side) => {
    const { heel, toe } = filtered[side];
    const footLength = median(heel.x.map((x, k) => Math.hypot(toe.x[k]! - x, toe.y[k]! - heel.y[k]!)).filter(Number.isFinite));
    const own = raw[side].heel;
    const usable = (k: number) => footLength >= MIN_FOOT_PX && Math.hypot(own.x[k]! - heel.x[k]!, own.y[k]! - heel.y[k]!) <= OFF_FOOT_SHARE * footLength;
    const m = motion[side];
    return { dx: m.dx.map((v, k) => (usable(k) ? v : Number.NaN)), dy: m.dy.map((v, k) => (usable(k) ? v : Number.NaN)) };
  };
  return { left: keep('left'), right: keep('right') };
}
