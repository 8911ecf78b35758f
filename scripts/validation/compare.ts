/**
 * Detected gait events against annotated ones (docs/validation.md), in the frames of the clip
 * that was analysed. An annotated clip may have been analysed as a subsampled copy (every k-th
 * frame kept): its events are then mapped onto the copy by the definitions, IC = the first kept
 * frame at or after the annotated one, TO = the last kept frame at or before it.
 */
import { cadenceFromContacts } from '../../shared/gait/cadence.ts';
import { contactMs, landingMs } from '../../shared/gait/event-time.ts';

export type EventKind = 'IC' | 'TO';

export interface AnnotatedEvent {
  frame: number;
  plusMinus: number;
}

export interface AnnotatedFoot {
  id: string;
  side: 'left' | 'right' | null;
  camera: 'near' | 'far' | null;
  ic: AnnotatedEvent[];
  to: AnnotatedEvent[];
}

export interface Annotation {
  video: string;
  frames: number;
  annotatedFrames: { first: number; last: number };
  captureFps: number;
  feet: AnnotatedFoot[];
}

export interface DetectedEvent {
  side: 'left' | 'right';
  type: EventKind;
  /** Frame of the analysed (possibly subsampled) clip. */
  frame: number;
}

export interface Match {
  foot: string;
  /** Annotated frame mapped onto the analysed clip. */
  truth: number;
  detected: DetectedEvent | null;
  /** detected - truth, frames of the analysed clip. */
  errorFrames: number | null;
}

export interface KindResult {
  annotated: number;
  matches: Match[];
  missed: number;
  extra: DetectedEvent[];
}

/** The annotated frame on a copy keeping every k-th frame (k = 1: unchanged). */
export function truthOnCopy(kind: EventKind, frame: number, k: number): number {
  return kind === 'IC' ? Math.ceil(frame / k) : Math.floor(frame / k);
}

/**
 * Each annotated event of a kind is matched to the nearest detected event of that kind (either
 * side label: which leg is which is checked apart) within maxGap frames, each detected event used
 * once, nearest pairs first. Detected events inside the annotated range that match nothing are
 * extra.
 */
export function compareKind(annotation: Annotation, detected: readonly DetectedEvent[], kind: EventKind, k: number, maxGap: number): KindResult {
  const first = Math.ceil(annotation.annotatedFrames.first / k);
  const last = Math.floor(annotation.annotatedFrames.last / k);
  const truths = annotation.feet.flatMap((foot) =>
    (kind === 'IC' ? foot.ic : foot.to).map((e) => ({ foot: foot.id, truth: truthOnCopy(kind, e.frame, k) })),
  );
  const candidates = detected.filter((e) => e.type === kind);
  const pairs = truths
    .flatMap((t, ti) => candidates.map((d, di) => ({ ti, di, gap: Math.abs(d.frame - t.truth) })))
    .filter((p) => p.gap <= maxGap)
    .sort((a, b) => a.gap - b.gap);
  const takenT = new Map<number, number>();
  const takenD = new Set<number>();
  for (const p of pairs) {
    if (takenT.has(p.ti) || takenD.has(p.di)) continue;
    takenT.set(p.ti, p.di);
    takenD.add(p.di);
  }
  const matches = truths.map((t, ti) => {
    const di = takenT.get(ti);
    const d = di === undefined ? null : candidates[di]!;
    return { foot: t.foot, truth: t.truth, detected: d, errorFrames: d ? d.frame - t.truth : null };
  });
  const extra = candidates.filter((d, di) => !takenD.has(di) && d.frame >= first && d.frame <= last);
  return { annotated: truths.length, matches, missed: matches.filter((m) => m.detected === null).length, extra };
}

export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function mean(xs: readonly number[]): number | null {
  return xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;
}

export interface ErrorSummary {
  n: number;
  medianAbsFrames: number | null;
  meanSignedFrames: number | null;
}

export function summariseErrors(result: KindResult): ErrorSummary {
  const errors = result.matches.flatMap((m) => (m.errorFrames === null ? [] : [m.errorFrames]));
  return { n: errors.length, medianAbsFrames: median(errors.map(Math.abs)), meanSignedFrames: mean(errors) };
}

/**
 * Contact time errors (ms): for each annotated stance (an IC and the same foot's next TO) whose
 * two events were both matched, detected contact minus annotated contact, both on the analysed
 * clip's frames.
 */
export function contactErrorsMs(ic: KindResult, to: KindResult, annotation: Annotation, k: number, fps: number): number[] {
  const out: number[] = [];
  for (const foot of annotation.feet) {
    for (const e of foot.ic) {
      const next = foot.to.map((t) => t.frame).filter((f) => f > e.frame).sort((a, b) => a - b)[0];
      if (next === undefined) continue;
      const mIc = ic.matches.find((m) => m.foot === foot.id && m.truth === truthOnCopy('IC', e.frame, k));
      const mTo = to.matches.find((m) => m.foot === foot.id && m.truth === truthOnCopy('TO', next, k));
      if (!mIc?.detected || !mTo?.detected) continue;
      const detectedFrames = mTo.detected.frame - mIc.detected.frame;
      const truthFrames = mTo.truth - mIc.truth;
      out.push(((detectedFrames - truthFrames) * 1000) / fps);
    }
  }
  return out;
}

/** Frame times (ms) of frames 0..last + 1 at a constant rate. */
const frameTimesMs = (last: number, fps: number) => Array.from({ length: last + 2 }, (_, f) => (f * 1000) / fps);

/**
 * The annotated contact time (ms) of the foot on this side, as the app times a contact
 * (shared/gait/event-time.ts): the mean over its stances (IC to its next TO), or null without one.
 */
export function annotatedContactMs(annotation: Annotation, side: 'left' | 'right'): number | null {
  const foot = annotation.feet.find((f) => f.side === side);
  if (!foot) return null;
  const tMs = frameTimesMs(annotation.frames, annotation.captureFps);
  const stances = foot.ic
    .map((e) => {
      const next = foot.to.map((t) => t.frame).filter((f) => f > e.frame).sort((a, b) => a - b)[0];
      return next === undefined ? null : contactMs(tMs, e.frame, next);
    })
    .filter((x): x is number => x !== null);
  return stances.length === 0 ? null : stances.reduce((a, b) => a + b, 0) / stances.length;
}

/** Cadence (steps/min) of initial contacts of both feet at fps, by the app's estimator (shared/gait/cadence.ts). */
export function cadenceOfContactsSpm(contacts: readonly { frame: number; side: 'left' | 'right' }[], fps: number): number | null {
  return cadenceFromContacts(contacts.map((c) => ({ tMs: (c.frame * 1000) / fps, side: c.side })))?.spm ?? null;
}

/** Cadence (steps/min) from the annotated ICs of both feet. */
export function annotatedCadenceSpm(annotation: Annotation): number | null {
  return cadenceOfContactsSpm(
    annotation.feet.flatMap((f, i) => f.ic.map((e) => ({ frame: e.frame, side: f.side ?? (i % 2 === 0 ? 'left' : 'right') }))),
    annotation.captureFps,
  );
}

/**
 * Duty factor errors (percentage points): for each annotated stride (an IC, the same foot's next
 * TO and next IC) whose three events were all matched, detected contact / stride minus annotated.
 */
export function dutyFactorErrorsPct(ic: KindResult, to: KindResult, annotation: Annotation, k: number): number[] {
  const out: number[] = [];
  const matched = (result: KindResult, foot: string, truth: number) => result.matches.find((m) => m.foot === foot && m.truth === truth)?.detected ?? null;
  for (const foot of annotation.feet) {
    const ics = foot.ic.map((e) => e.frame).sort((a, b) => a - b);
    for (let i = 0; i + 1 < ics.length; i++) {
      const toFrame = foot.to.map((t) => t.frame).find((f) => f > ics[i]! && f < ics[i + 1]!);
      if (toFrame === undefined) continue;
      const truth = { ic: truthOnCopy('IC', ics[i]!, k), to: truthOnCopy('TO', toFrame, k), next: truthOnCopy('IC', ics[i + 1]!, k) };
      const d = { ic: matched(ic, foot.id, truth.ic), to: matched(to, foot.id, truth.to), next: matched(ic, foot.id, truth.next) };
      if (!d.ic || !d.to || !d.next || d.next.frame <= d.ic.frame) continue;
      const tMs = frameTimesMs(Math.max(d.next.frame, truth.next), 1);
      const duty = (x: { ic: number; to: number; next: number }) => (100 * contactMs(tMs, x.ic, x.to)) / (landingMs(tMs, x.next) - landingMs(tMs, x.ic));
      out.push(duty({ ic: d.ic.frame, to: d.to.frame, next: d.next.frame }) - duty(truth));
    }
  }
  return out;
}

/** A frame at which the leg drawn in front was read by eye: the stance leg or the swing leg (tests/fixtures/validation/identity). */
export interface IdentityEvidence {
  frame: number;
  front: 'stance' | 'swing';
}

/**
 * The label of the leg in stance: the foot whose lowest point (the lower of heel and toe, image
 * y down) is lower in the picture by more than minGapPx; null when the feet are level (both down,
 * or the picture cannot tell).
 */
export function stanceLabelFromFeet(leftLowY: number, rightLowY: number, minGapPx: number): 'left' | 'right' | null {
  if (!Number.isFinite(leftLowY) || !Number.isFinite(rightLowY) || Math.abs(leftLowY - rightLowY) <= minGapPx) return null;
  return leftLowY > rightLowY ? 'left' : 'right';
}

/** The label of the leg read as nearest the camera: the stance leg when it was drawn in front, the other when the swing leg was. */
export function nearLabelOf(stance: 'left' | 'right' | null, front: IdentityEvidence['front']): 'left' | 'right' | null {
  if (stance === null) return null;
  return front === 'stance' ? stance : stance === 'left' ? 'right' : 'left';
}
