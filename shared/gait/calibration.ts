/**
 * Pixels to centimetres. From the client's height: the image lengths of thigh, shank and trunk
 * (hip to shoulder) sum to a known fraction of stature (Winter 2009). From the client's leg
 * length (greater trochanter to floor): the image's hip-to-ankle length is a known fraction of it
 * (Winter 2009). From a drawn length: the pixel length of a line the clinician drew over something
 * of known size in the runner's plane. What the clinician set in the review comes first; else the
 * client record's height, else its leg length. Without any, distances are reported relative to
 * leg length (hip-knee + knee-ankle).
 */
import { distanceSeries, midpoint } from './body.ts';
import type { BodySeries } from './body.ts';
import { median, percentile } from './series.ts';
import type { CalibrationInput, CalibrationResult, ClientBody, Side, ViewKind } from './types.ts';

/** Segment lengths as fractions of body height (Winter 2009). */
export const WINTER_FRACTIONS = { thigh: 0.245, shank: 0.246, trunk: 0.288 } as const;

/** Height of the greater trochanter above the floor as a fraction of body height (Winter 2009). */
export const WINTER_TROCHANTER_HEIGHT = 0.53;

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

/** What calibrates a video: the clinician's setting in the review, else the client record's height, else its leg length. */
export function calibrationSource(
  set: CalibrationInput | undefined,
  client: ClientBody | null,
): { input: CalibrationInput | { kind: 'legLength'; legLengthCm: number }; origin: 'clinician' | 'clientRecord' } | null {
  if (set) return { input: set, origin: 'clinician' };
  if (client?.heightCm && client.heightCm > 0) return { input: { kind: 'height', heightCm: client.heightCm }, origin: 'clientRecord' };
  if (client?.legLengthCm && client.legLengthCm > 0) return { input: { kind: 'legLength', legLengthCm: client.legLengthCm }, origin: 'clientRecord' };
  return null;
}

export function calibrate(
  seg: SegmentLengthsPx,
  set: CalibrationInput | undefined,
  image: { width: number; height: number },
  view: ViewKind,
  client: ClientBody | null = null,
): CalibrationResult {
  const legLengthPx = Number.isFinite(seg.legLength) && seg.legLength > 0 ? seg.legLength : null;
  const notes: string[] = [];
  let pxPerCm: number | null = null;
  let method: CalibrationResult['method'] = 'none';
  let referenceCm: number | null = null;
  const source = calibrationSource(set, client);
  const input = source?.input;
  const onFile = source?.origin === 'clientRecord' ? ' on file' : '';
  const frontal = () => {
    if (view === 'frontal') notes.push('Frontal view: segment lengths are foreshortened by flexion, so centimetres are less accurate than from a side view.');
  };
  if (input?.kind === 'height' && input.heightCm > 0) {
    const h = bodyHeightPx(seg);
    if (Number.isFinite(h) && h > 0) {
      pxPerCm = h / input.heightCm;
      method = 'height';
      referenceCm = input.heightCm;
      notes.push(`Client's height${onFile} ${input.heightCm} cm; body height ${h.toFixed(0)} px from thigh, shank and trunk lengths (Winter 2009 proportions).`);
      frontal();
    } else {
      notes.push('The body segments were not found: height calibration not possible.');
    }
  } else if (input?.kind === 'legLength' && input.legLengthCm > 0) {
    if (legLengthPx !== null) {
      const hipToAnkleCm = (input.legLengthCm * (WINTER_FRACTIONS.thigh + WINTER_FRACTIONS.shank)) / WINTER_TROCHANTER_HEIGHT;
      pxPerCm = legLengthPx / hipToAnkleCm;
      method = 'legLength';
      referenceCm = input.legLengthCm;
      notes.push(
        `Client's leg length${onFile} ${input.legLengthCm} cm, taken as greater trochanter to floor: hip to ankle ${hipToAnkleCm.toFixed(1)} cm (Winter 2009 proportions) = ${legLengthPx.toFixed(0)} px. Measured from the ASIS instead, centimetres read a few per cent low.`,
      );
      frontal();
    } else {
      notes.push('The legs were not found: leg-length calibration not possible.');
    }
  } else if (input?.kind === 'knownLength' && input.lengthCm > 0) {
    const px = Math.hypot((input.a.x - input.b.x) * image.width, (input.a.y - input.b.y) * image.height);
    if (px > 0) {
      pxPerCm = px / input.lengthCm;
      method = 'knownLength';
      referenceCm = input.lengthCm;
      notes.push(`Drawn length ${px.toFixed(0)} px = ${input.lengthCm} cm; valid for distances in the plane of the drawn object.`);
    }
  }
  if (pxPerCm === null) notes.push('No calibration: distances are given relative to leg length.');
  return {
    method,
    origin: pxPerCm === null ? null : (source?.origin ?? null),
    referenceCm,
    pxPerCm,
    legLengthPx,
    legLengthCm: pxPerCm !== null && legLengthPx !== null ? legLengthPx / pxPerCm : null,
    notes,
  };
}

/** What calibrated a video, for the review and the report: "the client's height on file (178 cm)". */
export function describeCalibration(c: CalibrationResult): string {
  if (c.pxPerCm === null) return 'none (distances in % of leg length)';
  const cm = c.referenceCm !== null ? ` (${c.referenceCm} cm)` : '';
  if (c.method === 'knownLength') return `a length drawn in the review${cm}`;
  const what = c.method === 'legLength' ? 'leg length' : 'height';
  return c.origin === 'clientRecord' ? `the client's ${what} on file${cm}` : `a ${what} entered in the review${cm}`;
}
