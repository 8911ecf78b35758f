/**
 * When a foot landed and left, between the frames. Initial contact (IC) is the first frame with the
 * foot on the ground and toe-off (TO) the last (docs/validation.md), so the foot landed between
 * the frame before IC and IC, and left between TO and the frame after: half way, on average.
 * Timed from frame to frame instead (TO - IC), a contact reads one frame short on average (33 ms
 * at 30 fps, 17 ms at 60) and the flight after it one frame long; stride and step times (IC to
 * IC) are not affected.
 */

/** Half the interval between frames k and k + 1 (the clip's last interval past its end, its first before its start). */
function halfInterval(tMs: readonly number[], k: number): number {
  const n = tMs.length;
  if (n < 2) return 0;
  const i = Math.min(Math.max(k, 0), n - 2);
  return (tMs[i + 1]! - tMs[i]!) / 2;
}

/** The moment the foot landed, for an IC at sample k: half way from the sample before. */
export function landingMs(tMs: readonly number[], k: number): number {
  return tMs[k]! - halfInterval(tMs, k - 1);
}

/** The moment the foot left the ground, for a TO at sample k: half way to the sample after. */
export function liftOffMs(tMs: readonly number[], k: number): number {
  return tMs[k]! + halfInterval(tMs, k);
}

/** Contact time (ms) of a stance from its IC to its TO (sample indices). */
export function contactMs(tMs: readonly number[], ic: number, to: number): number {
  return liftOffMs(tMs, to) - landingMs(tMs, ic);
}

/** Time in the air (ms) from a TO to the next IC (sample indices). */
export function flightMs(tMs: readonly number[], to: number, nextIc: number): number {
  return landingMs(tMs, nextIc) - liftOffMs(tMs, to);
}
