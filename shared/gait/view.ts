/**
 * Camera view from the track. Side (sagittal) view: the shoulders and hips overlap (their
 * width is small relative to trunk height). Rear/front (frontal) view: they are wide and the
 * runner hardly travels left-right. In a side view the running direction comes from the hip
 * travel (overground) and from the facing cues nose-ahead-of-shoulders and toe-ahead-of-heel
 * (treadmill, where the hips stay put). The side facing the camera follows from the direction
 * in an unmirrored video: a runner facing image-left shows the left side.
 */
import { distanceSeries, midpoint } from './body.ts';
import type { BodySeries } from './body.ts';
import { clamp, median, percentile } from './series.ts';
import type { Direction, ViewKind, ViewSide } from './types.ts';

/** (shoulder width + hip width) / (2 x trunk height) above this means a frontal view. */
export const FRONTAL_WIDTH_RATIO = 0.35;
/** Hip travel over the clip, in trunk heights, above which the clip is overground. */
export const OVERGROUND_TRAVEL_TRUNKS = 1;

export interface ViewDetection {
  kind: ViewKind;
  side: ViewSide;
  direction: Direction | null;
  confidence: number;
  overground: boolean;
  notes: string[];
}

function slope(t: readonly number[], v: readonly number[]): number {
  let n = 0;
  let st = 0;
  let sv = 0;
  for (let i = 0; i < t.length; i++) {
    if (!Number.isFinite(v[i]!)) continue;
    n++;
    st += t[i]!;
    sv += v[i]!;
  }
  if (n < 2) return 0;
  const mt = st / n;
  const mv = sv / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < t.length; i++) {
    if (!Number.isFinite(v[i]!)) continue;
    num += (t[i]! - mt) * (v[i]! - mv);
    den += (t[i]! - mt) ** 2;
  }
  return den > 0 ? num / den : 0;
}

export function detectView(body: BodySeries, tMs: readonly number[]): ViewDetection {
  const notes: string[] = [];
  const hipMid = midpoint(body.left.hip, body.right.hip);
  const shoulderMid = midpoint(body.left.shoulder, body.right.shoulder);
  const trunk = median(distanceSeries(hipMid, shoulderMid));
  const shoulderWidth = median(body.left.shoulder.x.map((x, i) => Math.abs(x - body.right.shoulder.x[i]!)));
  const hipWidth = median(body.left.hip.x.map((x, i) => Math.abs(x - body.right.hip.x[i]!)));
  if (!(trunk > 0)) {
    return { kind: 'sagittal', side: 'right', direction: 'right', confidence: 0, overground: false, notes: ['No trunk found: view unknown, assumed side view.'] };
  }
  const widthRatio = (shoulderWidth + hipWidth) / (2 * trunk);
  const travel = (percentile(hipMid.x, 95) - percentile(hipMid.x, 5)) / trunk;
  const overground = travel > OVERGROUND_TRAVEL_TRUNKS;
  const kindMargin = clamp(Math.abs(widthRatio - FRONTAL_WIDTH_RATIO) / FRONTAL_WIDTH_RATIO, 0, 1);
  if (widthRatio > FRONTAL_WIDTH_RATIO && !overground) {
    const rightOnImageRight =
      median(body.right.hip.x.map((x, i) => x - body.left.hip.x[i]!)) +
      median(body.right.shoulder.x.map((x, i) => x - body.left.shoulder.x[i]!));
    const side: ViewSide = rightOnImageRight > 0 ? 'rear' : 'front';
    notes.push(`Shoulder and hip width ${(widthRatio * 100).toFixed(0)}% of trunk height: frontal view.`);
    notes.push(side === 'rear' ? "The runner's right is on the image right: camera behind." : "The runner's right is on the image left: camera in front.");
    return { kind: 'frontal', side, direction: null, confidence: kindMargin, overground, notes };
  }
  notes.push(`Shoulder and hip width ${(widthRatio * 100).toFixed(0)}% of trunk height: side view.`);
  const durationS = ((tMs[tMs.length - 1] ?? 0) - (tMs[0] ?? 0)) / 1000;
  const hipSpeed = slope(tMs.map((t) => t / 1000), hipMid.x) * durationS / trunk;
  const noseAhead = median(body.nose.x.map((x, i) => x - shoulderMid.x[i]!)) / trunk;
  const toeAhead =
    (median(body.left.toe.x.map((x, i) => x - body.left.heel.x[i]!)) +
      median(body.right.toe.x.map((x, i) => x - body.right.heel.x[i]!))) /
    (2 * trunk);
  const votes: { w: number; v: number }[] = [
    { w: 1, v: Number.isFinite(noseAhead) ? clamp(noseAhead / 0.1, -1, 1) : 0 },
    { w: 1, v: Number.isFinite(toeAhead) ? clamp(toeAhead / 0.1, -1, 1) : 0 },
  ];
  if (overground) {
    votes.push({ w: 2, v: clamp(hipSpeed / OVERGROUND_TRAVEL_TRUNKS, -1, 1) });
    notes.push(`Hips travel ${travel.toFixed(1)} trunk heights: overground.`);
  } else {
    notes.push('Hips stay in place: treadmill (direction from the facing cues).');
  }
  const total = votes.reduce((s, x) => s + x.w * x.v, 0);
  const weight = votes.reduce((s, x) => s + x.w, 0);
  const direction: Direction = total >= 0 ? 'right' : 'left';
  notes.push(`The runner faces image-${direction}; the ${direction} side faces the camera (assumes the video is not mirrored).`);
  const confidence = Math.min(kindMargin, clamp(Math.abs(total) / weight, 0, 1));
  return { kind: 'sagittal', side: direction, direction, confidence, overground, notes };
}
