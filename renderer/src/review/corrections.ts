/**
 * The clinician's corrections as edits of AnalysisOptions (shared/gait/types.ts). Each function
 * returns new options; analyseTrack recomputes everything from them. An event moved or deleted
 * that was itself added by hand is edited in the additions, so the lists never grow with
 * back-and-forth moves.
 */
import type { AnalysisOptions, CalibrationInput, EventRef, FrameStretch, GaitEvent, Side } from '../../../shared/gait/types.ts';

const sameEvent = (a: EventRef, b: EventRef) => a.side === b.side && a.type === b.type && a.frame === b.frame;
const ref = (e: EventRef): EventRef => ({ side: e.side, type: e.type, frame: e.frame });

function withEdits(options: AnalysisOptions, add: EventRef[], remove: EventRef[]): AnalysisOptions {
  const { eventEdits: _, ...rest } = options;
  return add.length === 0 && remove.length === 0 ? rest : { ...rest, eventEdits: { add, remove } };
}

export function deleteEvent(options: AnalysisOptions, event: GaitEvent): AnalysisOptions {
  const add = options.eventEdits?.add ?? [];
  const remove = options.eventEdits?.remove ?? [];
  if (event.origin === 'edited') return withEdits(options, add.filter((a) => !sameEvent(a, event)), remove);
  return withEdits(options, add, remove.some((r) => sameEvent(r, event)) ? remove : [...remove, ref(event)]);
}

export function addEvent(options: AnalysisOptions, event: EventRef): AnalysisOptions {
  const add = options.eventEdits?.add ?? [];
  const remove = options.eventEdits?.remove ?? [];
  // adding back a detected event that was removed is undoing its removal
  if (remove.some((r) => sameEvent(r, event))) return withEdits(options, add, remove.filter((r) => !sameEvent(r, event)));
  if (add.some((a) => sameEvent(a, event))) return options;
  return withEdits(options, [...add, ref(event)], remove);
}

export function moveEvent(options: AnalysisOptions, event: GaitEvent, toFrame: number): AnalysisOptions {
  if (toFrame === event.frame) return options;
  return addEvent(deleteEvent(options, event), { side: event.side, type: event.type, frame: toFrame });
}

export function setStrideExcluded(options: AnalysisOptions, side: Side, icFrame: number, excluded: boolean): AnalysisOptions {
  const { excludedStrides: current = [], ...rest } = options;
  const others = current.filter((s) => !(s.side === side && s.icFrame === icFrame));
  const next = excluded ? [...others, { side, icFrame }] : others;
  return next.length > 0 ? { ...rest, excludedStrides: next } : rest;
}

export function addSwapStretch(options: AnalysisOptions, stretch: FrameStretch): AnalysisOptions {
  const startFrame = Math.min(stretch.startFrame, stretch.endFrame);
  const endFrame = Math.max(stretch.startFrame, stretch.endFrame);
  return { ...options, swapStretches: [...(options.swapStretches ?? []), { startFrame, endFrame }] };
}

export function removeSwapStretch(options: AnalysisOptions, index: number): AnalysisOptions {
  const { swapStretches: current = [], ...rest } = options;
  const next = current.filter((_, k) => k !== index);
  return next.length > 0 ? { ...rest, swapStretches: next } : rest;
}

export function setView(options: AnalysisOptions, view: AnalysisOptions['view'] | null): AnalysisOptions {
  const { view: _, ...rest } = options;
  return view ? { ...rest, view } : rest;
}

export function setCalibration(options: AnalysisOptions, calibration: CalibrationInput | null): AnalysisOptions {
  const { calibration: _, ...rest } = options;
  return calibration ? { ...rest, calibration } : rest;
}

export function setCaptureFps(options: AnalysisOptions, captureFps: number | null): AnalysisOptions {
  const { captureFps: _, ...rest } = options;
  return captureFps !== null && captureFps > 0 ? { ...rest, captureFps } : rest;
}


/** The clinician's answer to which leg is which: the whole clip's labels exchanged or kept; null withdraws it. */
export function setLegsConfirmed(options: AnalysisOptions, exchanged: boolean | null): AnalysisOptions {
  const { legsConfirmed: _, ...rest } = options;
  return exchanged === null ? rest : { ...rest, legsConfirmed: { exchanged } };
}

/** A value marked not reliable in this clip, included anyway (counted in findings and the report) or left out again. */
export function setValueIncluded(options: AnalysisOptions, measureId: string, side: Side | null, included: boolean): AnalysisOptions {
  const { includedValues: current = [], ...rest } = options;
  const others = current.filter((v) => !(v.measureId === measureId && v.side === side));
  const next = included ? [...others, { measureId, side }] : others;
  return next.length > 0 ? { ...rest, includedValues: next } : rest;
}
