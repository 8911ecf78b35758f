/**
 * What the report says, worked out from what was loaded: the measures table, the summary in
 * plain words, the charts' analyses and the numbered sources. Pure functions; the components in
 * Report.tsx only lay them out.
 */
import { MEASURES, SIDE_MEASURES, type MeasureId, type SideMeasureId } from '../../../shared/gait/measures.ts';
import { SOURCES, type SourceId } from '../../../shared/gait/references.ts';
import { legNames, type LegNames } from '../../../shared/gait/findings.ts';
import type { Finding, GaitAnalysis, Side, SymmetryEntry } from '../../../shared/gait/types.ts';
import { OVERALL_MEASURES, type CombinedValue, type ValueSource, type VisitSummary } from '../../../shared/gait/visit-summary.ts';
import { positiveRedFlags, redFlagStatus, runningAdviceHeld, type Intake, type RedFlag } from '../../../shared/plan/intake.ts';
import type { Plan } from '../../../shared/plan/types.ts';
import type { LoadedAnalysis } from '../app/load-analysis.ts';
import { plural, roundCadence } from './format.ts';

export interface OverallRow {
  kind: 'overall';
  id: MeasureId;
  value: CombinedValue;
}

export interface SideRow {
  kind: 'sides';
  id: SideMeasureId;
  left: CombinedValue;
  right: CombinedValue;
  symmetry: SymmetryEntry | null;
}

export type MetricRow = OverallRow | SideRow;

export interface NotMeasured {
  reason: string;
  labels: string[];
}

const measured = (v: CombinedValue) => v.summary.mean !== null;

/** The measures with a value (at least on one side), and the others grouped by why they are missing. */
export function metricRows(summary: VisitSummary): { rows: MetricRow[]; notMeasured: NotMeasured[] } {
  const rows: MetricRow[] = [];
  const missing = new Map<string, string[]>();
  const miss = (reason: string | null, label: string) => {
    const key = reason ?? 'Not measured.';
    missing.set(key, [...(missing.get(key) ?? []), label]);
  };
  for (const id of OVERALL_MEASURES) {
    const value = summary.overall[id];
    if (measured(value)) rows.push({ kind: 'overall', id, value });
    else miss(value.summary.reasonIfAbsent, MEASURES[id].label);
  }
  for (const id of SIDE_MEASURES) {
    const left = summary.perSide.left[id];
    const right = summary.perSide.right[id];
    if (measured(left) || measured(right)) rows.push({ kind: 'sides', id, left, right, symmetry: summary.symmetry[id] ?? null });
    else miss(left.summary.reasonIfAbsent ?? right.summary.reasonIfAbsent, MEASURES[id].label);
  }
  return { rows, notMeasured: [...missing].map(([reason, labels]) => ({ reason, labels })) };
}

/**
 * The positive red flags, where they stand (not reviewed, cleared to run, referred to a doctor),
 * the clinician's note on the decision, and whether the running advice is held.
 */
export interface RedFlagState {
  flags: RedFlag[];
  status: ReturnType<typeof redFlagStatus>;
  note: string;
  held: boolean;
}

export function redFlagState(intake: Intake | null): RedFlagState {
  if (!intake) return { flags: [], status: 'none', note: '', held: false };
  return { flags: positiveRedFlags(intake), status: redFlagStatus(intake), note: intake.redFlagDecision?.note ?? '', held: runningAdviceHeld(intake) };
}

/** Findings to tell the runner about first: those the analysis is at least moderately sure of. */
export const isConfident = (f: Finding): boolean => f.level !== 'low';

/** The summary in plain words, sentence by sentence (`runAnalysed`: windows of a run are, and say so in a line of their own). */
export function plainSummary(summary: VisitSummary | null, plan: Plan | null, redFlags: RedFlagState, runAnalysed = false): string[] {
  const lines: string[] = [];
  if (!summary) {
    if (!runAnalysed) lines.push('No running video of this visit has been analysed, so this report holds no measurements.');
  } else {
    const viewOf = (v: VisitSummary['videos'][number]) => (v.view === 'sagittal' ? 'from the side' : v.viewSide === 'front' ? 'from the front' : 'from behind');
    const views = [...new Set(summary.videos.map(viewOf))];
    const lost = [...new Set(summary.videos.filter((v) => v.feetLost).map(viewOf))];
    const allLost = summary.videos.every((v) => v.feetLost);
    // the gait each video was told to show (duty factor): a visit of walking videos only was walked
    const moving = summary.videos.every((v) => v.gait === 'walking') ? 'walking' : 'running';
    lines.push(`We filmed you ${moving} ${views.join(' and ')}${allLost ? '.' : ' and measured how you move at each step.'}`);
    if (lost.length > 0) {
      lines.push(`In the video ${lost.join(' and the video ')} your feet could not be followed clearly enough to time your steps, so no step measurements are taken from it.`);
    }
    const cadence = summary.overall.cadenceSpm.summary.mean;
    if (cadence !== null) lines.push(`You took about ${roundCadence(cadence)} steps per minute.`);
    const confident = summary.findings.filter((f) => isConfident(f.finding));
    const others = summary.findings.length - confident.length;
    if (summary.findings.length === 0) lines.push(nothingStoodOut(summary));
    for (const { finding } of confident) lines.push(finding.plainText);
    if (others > 0) {
      lines.push(
        `We also noted ${plural(others, 'smaller or less certain point')} that your clinician will look at with you; ${others === 1 ? 'it is' : 'they are'} listed under “What we found”.`,
      );
    }
  }
  if (redFlags.status === 'referred') {
    lines.push('Your clinician has referred you to a doctor: the exercises and running advice wait until a doctor has seen you.');
  } else if (redFlags.held) {
    lines.push('Some of your answers need a doctor’s opinion first: the exercises and running advice wait until your clinician has reviewed them.');
  } else if (plan) {
    const strength = plan.items.filter((i) => i.kind === 'strength').length;
    const mobility = plan.items.filter((i) => i.kind === 'mobility').length;
    const parts = [];
    if (strength > 0) parts.push(`${plural(strength, 'strength exercise')} twice a week`);
    if (mobility > 0) parts.push(`${plural(mobility, 'mobility exercise')} after runs and on recovery days`);
    if (plan.cues.length > 0) parts.push(plural(plan.cues.length, 'running cue'));
    if (parts.length > 0) lines.push(`Your plan: ${parts.join(', ')}.`);
  }
  return lines;
}

/** No finding: nothing stood out, in what could be measured where a video lost the feet. */
export function nothingStoodOut(summary: VisitSummary): string {
  return summary.videos.some((v) => v.feetLost) ? 'Nothing stood out in what could be measured.' : 'Nothing in the way you run stood out from the typical values for runners.';
}

/** Which leg faces the camera in a side view (the far leg is partly hidden). */
export function nearSide(analysis: GaitAnalysis): Side | null {
  const { kind, side } = analysis.view;
  return kind === 'sagittal' && (side === 'left' || side === 'right') ? side : null;
}

/** How the report names an analysis's legs: left and right, or near and far leg while its sides are unconfirmed (shared/gait/findings.ts). */
export const namesOf = (analysis: GaitAnalysis): LegNames => legNames(nearSide(analysis), analysis.identity.sides !== 'unconfirmed');

/**
 * The per-leg rows split by how their legs are named: rows measured on a side video whose left
 * and right are unconfirmed go in a table of their own with near/far headings, the others under
 * left and right.
 */
export function sideRowGroups(rows: readonly MetricRow[], analyses: readonly LoadedAnalysis[]): { names: LegNames; rows: SideRow[] }[] {
  const sides = rows.filter((r): r is SideRow => r.kind === 'sides');
  const source = (row: SideRow) => analyses.find((a) => a.video.id === (row.left.from ?? row.right.from)?.videoId) ?? null;
  const unconfirmed = (row: SideRow) => source(row)?.analysis.identity.sides === 'unconfirmed';
  const groups: { names: LegNames; rows: SideRow[] }[] = [];
  const known = sides.filter((r) => !unconfirmed(r));
  if (known.length > 0) groups.push({ names: legNames(null, true), rows: known });
  const open = sides.filter(unconfirmed);
  if (open.length > 0) groups.push({ names: namesOf(source(open[0]!)!.analysis), rows: open });
  return groups;
}

/** Why a leg has no value in a row whose other leg has one, grouped by leg and reason (the table shows "—†"). */
export function missingOnOneLeg(groups: readonly { names: LegNames; rows: readonly SideRow[] }[]): { leg: string; reason: string; labels: string[] }[] {
  const notes = new Map<string, { leg: string; reason: string; labels: string[] }>();
  for (const { names, rows } of groups) {
    for (const row of rows) {
      for (const side of ['left', 'right'] as const) {
        const s = row[side].summary;
        if (s.mean !== null || s.notReliable) continue;
        const reason = s.reasonIfAbsent ?? 'Not measured.';
        const key = `${names[side].title}|${reason}`;
        const note = notes.get(key) ?? { leg: names[side].title, reason, labels: [] };
        note.labels.push(MEASURES[row.id].label.toLowerCase());
        notes.set(key, note);
      }
    }
  }
  return [...notes.values()];
}

/** The analyses the charts are drawn from: the side view that gives the knee angles, and a rear (or front) view; none whose feet were lost. */
export function chartAnalyses(all: readonly LoadedAnalysis[], summary: VisitSummary | null): { sagittal: LoadedAnalysis | null; frontal: LoadedAnalysis | null } {
  // the charts average strides from one foot strike to the next: not from a video whose feet were lost
  const analyses = all.filter((a) => !a.analysis.footTracking.lost);
  const byId = (from: ValueSource | null) => (from ? (analyses.find((a) => a.video.id === from.videoId) ?? null) : null);
  const sagittal =
    (summary && (byId(summary.perSide.left.kneeFlexionAtIcDeg.from) ?? byId(summary.perSide.right.kneeFlexionAtIcDeg.from))) ??
    analyses.find((a) => a.analysis.view.kind === 'sagittal') ??
    null;
  const frontal = (summary && byId(summary.perSide.left.pelvicDropDeg.from)) ?? analyses.find((a) => a.analysis.view.kind === 'frontal') ?? null;
  return { sagittal, frontal };
}

/** The sources the report cites, numbered in the order of SOURCES. */
export class Citations {
  readonly ids: SourceId[];
  private readonly numbers: Map<SourceId, number>;

  constructor(cited: Iterable<SourceId>) {
    const wanted = new Set(cited);
    this.ids = (Object.keys(SOURCES) as SourceId[]).filter((id) => wanted.has(id));
    this.numbers = new Map(this.ids.map((id, k) => [id, k + 1]));
  }

  /** "[2, 5]" for the given sources (each once, in number order); empty when none. */
  cite(ids: readonly SourceId[]): string {
    const numbers = [...new Set(ids.map((id) => this.numbers.get(id)).filter((n): n is number => n !== undefined))].sort((a, b) => a - b);
    return numbers.length === 0 ? '' : `[${numbers.join(', ')}]`;
  }
}

/** Every source the report cites: measures shown (with their errors and why any is not reliable), findings, the plan, the red flags and the progress rules. */
export function citedSources(rows: readonly MetricRow[], findings: readonly Finding[], plan: Plan | null, redFlags: RedFlagState, extra: readonly SourceId[]): SourceId[] {
  const ids: SourceId[] = [...extra];
  for (const row of rows) {
    ids.push(...MEASURES[row.id].reference.sources);
    for (const value of row.kind === 'overall' ? [row.value] : [row.left, row.right]) ids.push(...(value.summary.error?.sources ?? []), ...(value.summary.notReliable?.sources ?? []));
  }
  for (const f of findings) ids.push(...f.sources, ...f.referenceValues.flatMap((r) => r.sources));
  for (const flag of redFlags.flags) ids.push(...flag.sources);
  if (plan && !redFlags.held) {
    for (const item of plan.items) ids.push(...item.sources);
    for (const cue of plan.cues) ids.push(...cue.sources);
    const { footwear, crossTraining, recovery, lateralHip } = plan.advice;
    for (const advice of [footwear, crossTraining, recovery, lateralHip]) if (advice) ids.push(...advice.sources);
    ids.push(...plan.schedule.sources);
  }
  if (plan?.hold) ids.push(...plan.hold.sources);
  return ids;
}
