/**
 * The progress section: the key measures at the previous visit and now, with the verdict of
 * shared/progress (a change within the measurement error is "no real change").
 */
import type { MeasureId } from '../../../shared/gait/measures.ts';
import type { Side } from '../../../shared/gait/types.ts';
import { changeBetween, visitPoint, type ProgressPoint, type VisitChange, type VisitInput } from '../../../shared/progress/change.ts';
import type { LoadedVisit } from '../app/load-analysis.ts';

/** Cadence and the key angles, in the order the report lists them. */
const KEY_MEASURES: { id: MeasureId; sides: (Side | null)[] }[] = [
  { id: 'cadenceSpm', sides: [null] },
  { id: 'kneeFlexionAtIcDeg', sides: ['left', 'right'] },
  { id: 'peakKneeFlexionStanceDeg', sides: ['left', 'right'] },
  { id: 'shankAngleAtIcDeg', sides: ['left', 'right'] },
  { id: 'footAheadOfHipAtIcPctLeg', sides: ['left', 'right'] },
  { id: 'hipExtensionAtToDeg', sides: ['left', 'right'] },
  { id: 'trunkLeanDeg', sides: [null] },
  { id: 'pelvicDropDeg', sides: ['left', 'right'] },
  { id: 'peakHipAdductionDeg', sides: ['left', 'right'] },
];

export interface ProgressRow {
  id: MeasureId;
  side: Side | null;
  then: ProgressPoint;
  now: ProgressPoint;
  change: VisitChange;
}

function visitInput(loaded: LoadedVisit): VisitInput {
  return {
    id: loaded.visit.id,
    date: loaded.visit.visitDate,
    analyses: loaded.analyses.map((a) => ({ id: a.video.id, view: { kind: a.analysis.view.kind, side: a.analysis.view.side }, metrics: a.analysis.metrics })),
  };
}

/** The key measures measured at either visit, with the change from the previous visit to this one. */
export function progressRows(previous: LoadedVisit, current: LoadedVisit): ProgressRow[] {
  const from = visitInput(previous);
  const to = visitInput(current);
  return KEY_MEASURES.flatMap(({ id, sides }) =>
    sides.map((side) => {
      const then = visitPoint(from, id, side);
      const now = visitPoint(to, id, side);
      return { id, side, then, now, change: changeBetween(id, side, then, now) };
    }),
  ).filter((row) => row.then.mean !== null || row.now.mean !== null);
}

/** The change in words after its verdict (the report prints the verdict above it): the reason, or the numbers. */
export function changeDetail(change: VisitChange): string {
  return change.reason ?? change.text.replace(/^No real change: /, '');
}
