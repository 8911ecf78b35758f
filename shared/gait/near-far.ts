/**
 * Which labelled leg is nearest the camera in a side view, from the image: evidence the pose
 * model's left/right labels do not decide. Geometry fixes which side of the runner faces the
 * camera (a runner facing image-right shows the right side, view.ts); if the leg the evidence
 * puts near carries the other label, the model has exchanged the labels for the whole clip.
 * Cues, each a vote for one label with a strength in 0..1:
 * - segment length: the near leg's thigh and shank project longer (closer to the lens);
 * - visibility: the model sees the near leg's knee, ankle, heel and toe more often unhidden;
 * - contact height: with the camera above the ground, the near foot lands lower in the image.
 * These three are weak and are weighed together. A fourth line of evidence is counted on its own:
 * - occlusion: the near leg hides the far one, so where the shanks cross, the pixels take the near
 *   shank's colour (pose/shank-pixels.ts). It counts only when the crossings read agree beyond
 *   chance (the 95% lower bound of the majority's share over one half), and where it does not
 *   agree with the other three, the call is as unsure as they disagree. Shanks of one colour give
 *   it nothing to read.
 * The clinician confirms the call where it is not firm (issue 21).
 */
import { LEG_JOINTS } from './body.ts';
import type { BodySeries, Limb } from './body.ts';
import type { Rgb, ShankPixels } from '../pose/track.ts';
import { median, percentile } from './series.ts';
import type { Side } from './types.ts';

export type NearFarCueId = 'segmentLength' | 'visibility' | 'contactHeight' | 'occlusion';

export interface NearFarCue {
  id: NearFarCueId;
  /** The label this cue puts near; null when it cannot tell. */
  near: Side | null;
  /** 0..1 */
  strength: number;
  /** The numbers behind it, in a sentence. */
  text: string;
  /** Occlusion cue: the crossings read, and how many took the colour of each labelled shank. */
  crossings?: { left: number; right: number; read: number };
}

export interface NearFarCall {
  /** The label (after the automatic swap fix) the cues put near; null when they cannot tell. */
  near: Side | null;
  /**
   * 0..1. The three weak cues: their agreeing strength less the disagreeing, over three. With the
   * occlusion cue: the larger of the two where they agree, their difference where they do not.
   */
  confidence: number;
  cues: NearFarCue[];
}

/** Differences at which a cue counts fully (a product choice, checked on the shared clips: docs/validation.md). */
export const FULL_STRENGTH = { segmentLengthRatio: 0.06, visibility: 0.15, contactHeightLeg: 0.03 } as const;

const other = (s: Side): Side => (s === 'left' ? 'right' : 'left');
const clamp01 = (x: number) => Math.max(0, Math.min(1, x));

function segment(limb: Limb, a: 'hip' | 'knee', b: 'knee' | 'ankle'): number {
  return median(limb[a].x.map((x, i) => Math.hypot(x - limb[b].x[i]!, limb[a].y[i]! - limb[b].y[i]!)).filter((v) => Number.isFinite(v)));
}

function vote(id: NearFarCueId, left: number, right: number, full: number, larger: 'near' | 'far', text: (l: number, r: number) => string): NearFarCue {
  if (!Number.isFinite(left) || !Number.isFinite(right)) return { id, near: null, strength: 0, text: 'Not measured.' };
  const leftBigger = left > right;
  const near: Side = (larger === 'near') === leftBigger ? 'left' : 'right';
  return { id, near: left === right ? null : near, strength: clamp01(Math.abs(left - right) / full), text: text(left, right) };
}

/** The shanks' colours per frame, with the labels as the analysis has them, and the frames' times. */
export interface ShankEvidence {
  pixels: readonly (ShankPixels | undefined)[];
  tMs: readonly number[];
}

/** The shank pixels with left and right exchanged in the masked frames (the labels the analysis uses). */
export function swapShankPixels(pixels: readonly (ShankPixels | undefined)[], mask: readonly boolean[]): (ShankPixels | undefined)[] {
  return pixels.map((p, k) => (p?.kind === 'apart' && mask[k] ? { kind: 'apart', left: p.right, right: p.left } : p));
}

/** Occlusion cue settings (product choices, checked on the shared clips: docs/validation.md). */
export const OCCLUSION = {
  /** The shanks' colours are taken from the nearest frames, before and after, where they are apart, within this time. */
  templateMs: 150,
  /** Crossing frames closer than this belong to one crossing. */
  sameCrossingMs: 50,
  /** Shanks whose colours are closer than this (RGB distance, 0-441) cannot be told apart. */
  minColourDistance: 12,
  /** A crossing votes when the share of its pixels nearer one shank's colour, as 2 x share - 1, is at least this far from 0. */
  minVote: 0.2,
  /** The majority share's 95% lower bound at which the cue counts fully (it counts from 0.5). */
  fullLowerBound: 0.7,
} as const;

/** Wilson score interval's lower bound (95%) for k successes in n. */
export function wilsonLowerBound(k: number, n: number, z = 1.96): number {
  if (n === 0) return 0;
  const p = k / n;
  const z2 = z * z;
  return (p + z2 / (2 * n) - z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
}

const colourDistance = (a: Rgb, b: Rgb) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/** Per frame: +1 when every crossing pixel is nearer the left shank's colour, -1 the right's; null where not read. */
function crossingReadings(evidence: ShankEvidence): (number | null)[] {
  const { pixels, tMs } = evidence;
  const apart = (k: number) => {
    const p = pixels[k];
    return p?.kind === 'apart' ? p : null;
  };
  return pixels.map((p, k) => {
    if (p?.kind !== 'crossing') return null;
    let before: { left: Rgb; right: Rgb } | null = null;
    let after: { left: Rgb; right: Rgb } | null = null;
    for (let j = k - 1; j >= 0 && tMs[k]! - tMs[j]! <= OCCLUSION.templateMs && !before; j--) before = apart(j);
    for (let j = k + 1; j < pixels.length && tMs[j]! - tMs[k]! <= OCCLUSION.templateMs && !after; j++) after = apart(j);
    if (!before || !after) return null;
    const mean = (a: Rgb, b: Rgb): Rgb => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2];
    const left = mean(before.left, after.left);
    const right = mean(before.right, after.right);
    if (colourDistance(left, right) < OCCLUSION.minColourDistance) return null;
    const nearerLeft = p.pixels.filter((c) => colourDistance(c, left) < colourDistance(c, right)).length;
    return (2 * nearerLeft) / p.pixels.length - 1;
  });
}

/** The occlusion cue: which label's shank colour the crossings' pixels take. */
export function occlusionCue(evidence: ShankEvidence | null): NearFarCue {
  const id = 'occlusion';
  if (!evidence || evidence.pixels.every((p) => p === undefined)) {
    return { id, near: null, strength: 0, text: 'Not measured: the pixels were not read when this video was analysed (analyse it again to add it).' };
  }
  const readings = crossingReadings(evidence);
  const crossings: number[][] = [];
  let last = -Infinity;
  readings.forEach((v, k) => {
    if (v === null) return;
    if (evidence.tMs[k]! - last <= OCCLUSION.sameCrossingMs) crossings[crossings.length - 1]!.push(v);
    else crossings.push([v]);
    last = evidence.tMs[k]!;
  });
  const means = crossings.map((c) => c.reduce((a, b) => a + b, 0) / c.length);
  const left = means.filter((m) => m >= OCCLUSION.minVote).length;
  const right = means.filter((m) => m <= -OCCLUSION.minVote).length;
  if (crossings.length === 0) {
    return { id, near: null, strength: 0, text: 'No crossing of the shanks could be read (they cross too briefly, or are of one colour).' };
  }
  const bound = wilsonLowerBound(Math.max(left, right), left + right);
  const near: Side | null = left === right ? null : left > right ? 'left' : 'right';
  const undecided = crossings.length - left - right;
  return {
    id,
    near,
    crossings: { left, right, read: crossings.length },
    strength: clamp01((bound - 0.5) / (OCCLUSION.fullLowerBound - 0.5)),
    text: `Where the shanks cross, the pixels take the colour of the shank labelled left at ${left} and right at ${right} of ${crossings.length} crossings read${undecided > 0 ? ` (${undecided} undecided)` : ''}.`,
  };
}

export function nearFarCall(body: BodySeries, legLengthPx: number, shanks: ShankEvidence | null = null): NearFarCall {
  const legs = { left: body.left, right: body.right };
  const length = (s: Side) => segment(legs[s], 'hip', 'knee') + segment(legs[s], 'knee', 'ankle');
  const [ll, lr] = [length('left'), length('right')];
  const segmentCue = vote('segmentLength', ll / Math.min(ll, lr), lr / Math.min(ll, lr), FULL_STRENGTH.segmentLengthRatio, 'near', (l, r) =>
    `Thigh and shank ${ll.toFixed(0)} px labelled left, ${lr.toFixed(0)} px right (${(100 * (Math.max(l, r) - 1)).toFixed(1)}% apart).`,
  );
  const visibility = (s: Side) => {
    const all = LEG_JOINTS.filter((j) => j !== 'hip').flatMap((j) => legs[s][j].vis.filter((v) => Number.isFinite(v)));
    return all.reduce((a, b) => a + b, 0) / Math.max(1, all.length);
  };
  const visCue = vote('visibility', visibility('left'), visibility('right'), FULL_STRENGTH.visibility, 'near', (l, r) => `Knee to toe seen with visibility ${l.toFixed(2)} labelled left, ${r.toFixed(2)} right.`);
  // the foot's lowest point when on the ground: image y grows downward, so the near foot's is larger
  const contact = (s: Side) => percentile(legs[s].heel.y.map((y, i) => Math.max(y, legs[s].toe.y[i]!)).filter((v) => Number.isFinite(v)), 95);
  const contactCue = vote('contactHeight', contact('left') / legLengthPx, contact('right') / legLengthPx, FULL_STRENGTH.contactHeightLeg, 'near', (l, r) =>
    `Feet land at image row ${contact('left').toFixed(0)} labelled left, ${contact('right').toFixed(0)} right (${(100 * Math.abs(l - r)).toFixed(1)}% of the leg apart).`,
  );
  const weak = [segmentCue, visCue, contactCue];
  const score = (s: Side) => weak.reduce((sum, c) => sum + (c.near === s ? c.strength : c.near === other(s) ? -c.strength : 0), 0);
  const leftScore = score('left');
  const weakNear: Side | null = leftScore > 0 ? 'left' : leftScore < 0 ? 'right' : null;
  const weakConfidence = Math.abs(leftScore) / weak.length;
  const occlusion = occlusionCue(shanks);
  const cues = [...weak, occlusion];
  if (occlusion.near === null || occlusion.strength === 0) return { near: weakNear, confidence: weakConfidence, cues };
  if (weakNear === null || weakNear === occlusion.near) return { near: occlusion.near, confidence: Math.max(weakConfidence, occlusion.strength), cues };
  return {
    near: occlusion.strength > weakConfidence ? occlusion.near : weakNear,
    confidence: Math.abs(occlusion.strength - weakConfidence),
    cues,
  };
}
