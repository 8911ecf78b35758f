/**
 * Which labelled leg is nearest the camera in a side view, from the image: evidence the pose
 * model's left/right labels do not decide. Geometry fixes which side of the runner faces the
 * camera (a runner facing image-right shows the right side, view.ts); if the leg the evidence
 * puts near carries the other label, the model has exchanged the labels for the whole clip.
 * Cues, each a vote for one label with a strength in 0..1:
 * - segment length: the near leg's thigh and shank project longer (closer to the lens);
 * - visibility: the model sees the near leg's knee, ankle, heel and toe more often unhidden;
 * - contact height: with the camera above the ground, the near foot lands lower in the image.
 * Which leg hides which where they cross is the clinician's to confirm (issue 21); the
 * confidence here only says how strongly these cues agree.
 */
import { LEG_JOINTS } from './body.ts';
import type { BodySeries, Limb } from './body.ts';
import { median, percentile } from './series.ts';
import type { Side } from './types.ts';

export type NearFarCueId = 'segmentLength' | 'visibility' | 'contactHeight';

export interface NearFarCue {
  id: NearFarCueId;
  /** The label this cue puts near; null when it cannot tell. */
  near: Side | null;
  /** 0..1 */
  strength: number;
  /** The numbers behind it, in a sentence. */
  text: string;
}

export interface NearFarCall {
  /** The label (after the automatic swap fix) the cues put near; null when they cannot tell. */
  near: Side | null;
  /** 0..1: the agreeing strength less the disagreeing, over the number of cues. */
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

export function nearFarCall(body: BodySeries, legLengthPx: number): NearFarCall {
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
  const cues = [segmentCue, visCue, contactCue];
  const score = (s: Side) => cues.reduce((sum, c) => sum + (c.near === s ? c.strength : c.near === other(s) ? -c.strength : 0), 0);
  const leftScore = score('left');
  const near: Side | null = leftScore > 0 ? 'left' : leftScore < 0 ? 'right' : null;
  return { near, confidence: Math.abs(leftScore) / cues.length, cues };
}
