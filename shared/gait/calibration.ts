/**
 * Pixels to centimetres. From the client's height: the image lengths of thigh, shank and trunk
 * (hip to shoulder) sum to a known fraction of stature (Winter 2009). From a drawn length: the
 * pixel length of a line the clinician drew over something of known size in the runner's
 * plane. Without either, distances are reported relative to leg length (hip-knee + knee-ankle).
 */
import { distanceSeries, midpoint } from './body.ts';
import type { BodySeries } from './body.ts';
import { median, percentile } from './series.ts';
import type { CalibrationInput, CalibrationResult, Side, ViewKind } from './types.ts';

/** Segment lengths as fractions of body height (Winter 2009). */
export const WINTER_FRACTIONS = { thigh: 0.245, shank: 0.246, trunk: 0.288 } as const;

export interface SegmentLengthsPx {
  thigh: number;
  shank: number;
  trunk: number;
  legLength: number;
}

/**
 * Segment lengths in pixels. In a side view the segments move in the image plane, so the median
 * over frames is their length (the near leg is used). In a frontal view flexion foreshortens
 * thigh and shank, so a high percentile of both legs is used.
 */
export function segmentLengthsPx(body: BodySeries, view: ViewKind, nearSide: Side | null): SegmentLengthsPx {
  const stat = (xs: number[]) => (view === 'sagittal' ? median(xs) : percentile(xs, 90));
  const legs: Side[] = view === 'sagittal' && nearSide ? [nearSide] : ['left', 'right'];
  const thigh = median(legs.map((s) => stat(distanceSeries(body[s].hip, body[s].knee))));
  const shank = median(legs.map((s) => stat(distanceSeries(body[s].knee, body[s].ankle))));
  const trunk = stat(
    distanceSeries(midpoint(body.left.hip, body.right.hip), midpoint(body.left.shoulder, body.right.shoulder)),
  );
  return { thigh, shank, trunk, legLength: thigh + shank };
}

export function bodyHeightPx(seg: SegmentLengthsPx): number {
  return (seg.thigh + seg.shank + seg.trunk) / (WINTER_FRACTIONS.thigh + WINTER_FRACTIONS.shank + WINTER_FRACTIONS.trunk);
}

export function calibrate(
  seg: SegmentLengthsPx,
  input: CalibrationInput | undefined,
  image: { width: number; height: number },
  view: ViewKind,
): CalibrationResult {
  const legLengthPx = Number.isFinite(seg.legLength) && seg.legLength > 0 ? seg.legLength : null;
  const notes: string[] = [];
  let pxPerCm: number | null = null;
  let method: CalibrationResult['method'] = 'none';
  if (input?.kind === 'height' && input.heightCm > 0) {
    const h = bodyHeightPx(seg);
    if (Number.isFinite(h) && h > 0) {
      pxPerCm = h / input.heightCm;
      method = 'height';
      notes.push(`Body height ${h.toFixed(0)} px from thigh, shank and trunk lengths (Winter 2009 proportions).`);
      if (view === 'frontal') notes.push('Frontal view: segment lengths are foreshortened by flexion, so centimetres are less accurate than from a side view.');
    } else {
      notes.push('The body segments were not found: height calibration not possible.');
    }
  } else if (input?.kind === 'knownLength' && input.lengthCm > 0) {
    const px = Math.hypot((input.a.x - input.b.x) * image.width, (input.a.y - input.b.y) * image.height);
    if (px > 0) {
      pxPerCm = px / input.lengthCm;
      method = 'knownLength';
      notes.push(`Drawn length ${px.toFixed(0)} px = ${input.lengthCm} cm; valid for distances in the plane of the drawn object.`);
    }
  }
  if (pxPerCm === null) notes.push('No calibration: distances are given relative to leg length.');
  return {
    method,
    pxPerCm,
    legLengthPx,
    legLengthCm: pxPerCm !== null && legLengthPx !== null ? legLengthPx / pxPerCm : null,
    notes,
  };
}
