/**
 * The measures of one video's analysis: per side mean ± SD (n), symmetry, the reference range
 * and the confidence; measures without enough evidence say why. Then the findings, each with the
 * values that raised it and its sources.
 */
import { memo } from 'react';
import { MEASURES, SIDE_MEASURES, type MeasureId } from '../../../shared/gait/measures.ts';
import { SOURCES, type SourceId } from '../../../shared/gait/references.ts';
import { feetLostWhy } from '../../../shared/gait/foot-tracking.ts';
import { describeCalibration } from '../../../shared/gait/calibration.ts';
import { stated, type LegNames } from '../../../shared/gait/findings.ts';
import { namesOf } from '../report/model.ts';
import { SIDES } from '../../../shared/gait/types.ts';
import type { ConfidenceLevel, Finding, GaitAnalysis, MetricSummary, Side, SymmetryEntry } from '../../../shared/gait/types.ts';
import { byReason, formatMeanSd, formatValue, withUnit } from './format.ts';

const OVERALL = ['cadenceSpm', 'stepTimeMs', 'strideTimeMs', 'trunkLeanDeg', 'stepWidthCm'] as const;

/** What cadence was counted over: "32 steps over 11.4 s (1 contact off the rhythm set aside)". */
function cadenceNote(basis: GaitAnalysis['metrics']['cadenceBasis']): string | null {
  if (!basis) return null;
  const aside = basis.contactsSetAside > 0 ? ` (${basis.contactsSetAside} contact${basis.contactsSetAside > 1 ? 's' : ''} off the rhythm set aside)` : '';
  return `${basis.steps} steps over ${(basis.spanMs / 1000).toFixed(1)} s${aside}`;
}

export function viewText(view: GaitAnalysis['view']): string {
  if (view.kind === 'frontal') return view.side === 'rear' ? 'Rear view' : 'Front view';
  return `Side view, ${view.side} side toward the camera${view.direction ? `, running toward image ${view.direction}` : ''}`;
}

/** Includes a value marked not reliable in this clip, or leaves it out again (a correction). */
export type IncludeValue = (measureId: MeasureId, side: Side | null, included: boolean) => void;

export const MetricsPanel = memo(function MetricsPanel({ analysis, onInclude }: { analysis: GaitAnalysis; onInclude: IncludeValue }) {
  const m = analysis.metrics;
  const feetLost = analysis.footTracking.lost ? feetLostWhy(analysis.footTracking) : null;
  // rows with a value on at least one side; the rest are listed once, grouped by why they are missing
  const overallShown = OVERALL.filter((id) => m[id].mean !== null);
  const shown = SIDE_MEASURES.filter((id) => !sameAbsence(m.perSide.left[id], m.perSide.right[id]));
  const missing = byReason([
    ...OVERALL.filter((id) => m[id].mean === null).map((id) => ({ label: MEASURES[id].label.toLowerCase(), reason: m[id].reasonIfAbsent ?? '' })),
    ...SIDE_MEASURES.filter((id) => !shown.includes(id)).map((id) => ({ label: MEASURES[id].label.toLowerCase(), reason: m.perSide.left[id].reasonIfAbsent ?? '' })),
  ]);
  return (
    <section className="metrics-panel" aria-label="Measures">
      <p className="metrics-context small">
        <strong>{viewText(analysis.view)}</strong> ({analysis.view.origin === 'override' ? 'set by you' : 'detected'}) ·{' '}
        {analysis.gait.kind === 'unknown' ? 'gait not determined' : analysis.gait.kind} · calibration:{' '}
        {describeCalibration(analysis.calibration)} · capture{' '}
        {analysis.input.captureFps.toFixed(analysis.input.captureFps % 1 ? 2 : 0)} fps
      </p>
      {overallShown.length > 0 && (
        <table className="table metrics-table" data-testid="metrics-overall">
          <thead>
            <tr>
              <th>Whole clip</th>
              <th colSpan={3}>Mean ± SD (n), and its error</th>
            </tr>
          </thead>
          <tbody>
            {overallShown.map((id) => (
              <tr key={id} data-measure={id}>
                <MeasureName id={id} note={id === 'cadenceSpm' && m.cadenceSpm.mean !== null ? cadenceNote(m.cadenceBasis) : null} />
                <td colSpan={3}>
                  <Value summary={m[id]} />
                  <Confidence summary={m[id]} />
                  <NotReliableMark summary={m[id]} said={feetLost} onInclude={(included) => onInclude(id, null, included)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {shown.length > 0 && (
        <table className="table metrics-table" data-testid="metrics-per-side">
          <thead>
            <tr>
              <th>Per side</th>
              <th className="th-left">Left</th>
              <th className="th-right">Right</th>
              <th>Symmetry</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((id) => (
              <tr key={id} data-measure={id}>
                <MeasureName id={id} note={null} />
                {SIDES.map((side) => (
                  <td key={side}>
                    <Value summary={m.perSide[side][id]} />
                    <Confidence summary={m.perSide[side][id]} />
                    <NotReliableMark summary={m.perSide[side][id]} said={feetLost} onInclude={(included) => onInclude(id, side, included)} />
                  </td>
                ))}
                <td>
                  <Symmetry entry={m.symmetry[id]} unit={MEASURES[id].unit} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {missing.length > 0 && (
        <div className="metrics-missing small" data-testid="not-measured">
          <strong>Not measured in this clip</strong>
          <ul className="plain-list">
            {missing.map(([reason, labels]) => (
              <li key={reason}>
                {reason} <span className="muted">{labels.join(', ')}.</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <h3 className="subhead">Findings</h3>
      {analysis.findings.length === 0 ? (
        <p className="muted">No finding in this clip.</p>
      ) : (
        <ul className="findings" data-testid="findings">
          {analysis.findings.map((f, k) => (
            <FindingCard key={`${f.id}${f.side ?? ''}${k}`} finding={f} names={namesOf(analysis)} />
          ))}
        </ul>
      )}
      {analysis.findingsNotEvaluated.length > 0 && (
        <details className="not-evaluated small">
          <summary>Not evaluated ({analysis.findingsNotEvaluated.length})</summary>
          <ul>
            {analysis.findingsNotEvaluated.map((n) => (
              <li key={n.ruleId}>
                <strong>{n.ruleId}</strong>: {n.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
});

/**
 * A value the clip cannot have measured right: marked, with why and its sources, and left out of
 * the findings and the report until the clinician includes it.
 */
function NotReliableMark({ summary, said, onInclude }: { summary: MetricSummary; said: string | null; onInclude: (included: boolean) => void }) {
  const mark = summary.notReliable;
  if (!mark || summary.mean === null) return null;
  // the reason said once above the review (the feet lost, with its sources) is only pointed to
  const why = mark.why === said ? 'the pose model lost the feet (said above the video).' : mark.why;
  return (
    <span className={`not-reliable small block${mark.included ? ' included' : ''}`} data-testid="not-reliable">
      <strong>{mark.included ? 'Included by you, though not reliable in this clip' : 'Not reliable in this clip'}</strong>: {why}{' '}
      {why === mark.why && <Sources ids={mark.sources} />}{' '}
      {mark.included ? 'It counts in the findings and the report.' : 'Left out of the findings and the report.'}{' '}
      <button type="button" className="button-quiet button-small" onClick={() => onInclude(!mark.included)}>
        {mark.included ? 'Leave out' : 'Include anyway'}
      </button>
    </span>
  );
}

/** Both sides missing for the same reason: said once across both columns. */
const sameAbsence = (a: MetricSummary, b: MetricSummary): boolean =>
  a.mean === null && b.mean === null && a.reasonIfAbsent === b.reasonIfAbsent;

export function Value({ summary }: { summary: MetricSummary }) {
  if (summary.mean === null) {
    return (
      <span className="absent">
        <span className="value">—</span>
        <span className="reason small">{summary.reasonIfAbsent}</span>
      </span>
    );
  }
  return (
    <span className="value">
      <span className="number">{formatMeanSd(summary.mean, summary.sd, summary.unit)}</span> <span className="muted small">(n {summary.n})</span>
      <MeasureErrorNote summary={summary} />
    </span>
  );
}

/** How far the value may be off at this clip's frame rate, with its sources; the way it was obtained on hover. */
export function MeasureErrorNote({ summary }: { summary: MetricSummary }) {
  const error = summary.error;
  if (summary.mean === null) return null;
  if (!error) return <span className="measure-error small muted block">error not established</span>;
  return (
    <span className="measure-error small block" title={error.text} data-testid="measure-error">
      error ±{withUnit(formatValue(error.value, summary.unit), summary.unit)} <Sources ids={error.sources} />
    </span>
  );
}

const LEVEL_TEXT: Record<ConfidenceLevel, string> = { high: 'high', moderate: 'moderate', low: 'low' };

export function Confidence({ summary }: { summary: Pick<MetricSummary, 'mean' | 'confidence' | 'level'> }) {
  if (summary.mean === null) return null;
  return (
    <span className={`confidence confidence-${summary.level}`} title={`Confidence ${summary.confidence.toFixed(2)} (visibility, occlusion, number of strides and their spread)`}>
      {LEVEL_TEXT[summary.level]}
    </span>
  );
}

export function Symmetry({ entry, unit }: { entry: SymmetryEntry | undefined; unit: string }) {
  if (!entry || entry.differenceAbs === null) return <span className="muted" title={entry?.reasonIfAbsent ?? undefined}>—</span>;
  return (
    <span>
      Δ {withUnit(formatValue(entry.differenceAbs, unit), unit)}
      {entry.symmetryIndexPct !== null && <span className="muted small"> · SI {entry.symmetryIndexPct.toFixed(0)}%</span>}
    </span>
  );
}

/** The measure's name with its reference range and sources under it (the definition on hover). */
export function MeasureName({ id, note }: { id: MeasureId; note: string | null }) {
  return (
    <th scope="row" className="measure-name">
      <span title={`${MEASURES[id].definition} Sign: ${MEASURES[id].sign}.`}>{MEASURES[id].label}</span>
      {note && <span className="muted small block">{note}</span>}
      <span className="reference block">
        <Reference id={id} />
      </span>
    </th>
  );
}

export function Reference({ id }: { id: MeasureId }) {
  const ref = MEASURES[id].reference;
  return (
    <>
      {ref.text} <Sources ids={ref.sources} />
    </>
  );
}

export function Sources({ ids }: { ids: readonly SourceId[] }) {
  return (
    <span className="sources">
      {ids.map((id) => (
        <abbr key={id} title={SOURCES[id].citation} className="source">
          {SOURCES[id].label}
        </abbr>
      ))}
    </span>
  );
}

/** A finding as the review shows it; `names` is what its analysis calls each leg (left/right or near/far). */
export function FindingCard({ finding, names, from }: { finding: Finding; names: LegNames; from?: string }) {
  return (
    <li className={`finding finding-${finding.level}`} data-finding={finding.id}>
      <div className="finding-head">
        <strong>{finding.title}</strong>
        <span className={`confidence confidence-${finding.level}`} title={`Confidence ${finding.confidence.toFixed(2)}`}>
          {LEVEL_TEXT[finding.level]} confidence
        </span>
      </div>
      {from && <p className="muted small">From {from}</p>}
      <p>{finding.clinicalText}</p>
      {finding.triggeringValues.length > 0 && (
        <p className="small evidence">
          <span className="muted">Evidence: </span>
          {finding.triggeringValues.map((v) => stated(v, names)).join(' · ')}
        </p>
      )}
      <details className="small">
        <summary>Reference and sources</summary>
        {finding.referenceValues.map((r, k) => (
          <p key={k}>{r.text}</p>
        ))}
        <ul className="citations">
          {finding.sources.map((id) => (
            <li key={id}>
              {SOURCES[id].citation} <span className="muted">— {SOURCES[id].usedFor}</span>
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}
