/**
 * How a value and a change between visits read on the progress page and in the comparison: a
 * change within the measurement error says "No real change" (never better or worse); a change
 * that cannot be judged says why.
 */
import type { ChangeRule } from '../../../shared/progress/change-rules.ts';
import type { ProgressPoint, VisitChange } from '../../../shared/progress/change.ts';
import { withUnit } from '../review/format.ts';
import { Confidence, Sources } from '../review/MetricsPanel.tsx';

const VERDICT_TEXT: Record<VisitChange['verdict'], string> = {
  'no-real-change': 'No real change',
  increased: 'Increased',
  decreased: 'Decreased',
  'cannot-compare': 'Cannot compare',
};

export function verdictClass(change: VisitChange): string {
  if (change.verdict === 'no-real-change') return 'verdict verdict-none';
  if (change.verdict === 'cannot-compare') return 'verdict verdict-unknown';
  if (change.direction === 'toward-reference') return 'verdict verdict-toward';
  if (change.direction === 'away-from-reference') return 'verdict verdict-away';
  return 'verdict verdict-changed';
}

/** Decimals shown per unit: whole steps/min, ms and %, tenths otherwise. */
export const digitsFor = (unit: string): number => (unit === 'ms' || unit === 'steps/min' || unit === '%' ? 0 : 1);

/** A number at the unit's decimals, never "-0.0"; minus signs as typeset minus. */
export function fixed(x: number, unit: string): string {
  const text = x.toFixed(digitsFor(unit));
  return Number(text) === 0 ? text.replace('-', '') : text.replace('-', '−');
}

export const valueText = (x: number, unit: string): string => withUnit(fixed(x, unit), unit);

export const meanSdText = (mean: number, sd: number | null, unit: string): string =>
  withUnit(sd === null ? fixed(mean, unit) : `${fixed(mean, unit)} ± ${fixed(sd, unit)}`, unit);

/** The difference with its sign and unit: "+3.2°", "−12 ms". */
export function signedValue(x: number, unit: string): string {
  const text = fixed(Math.abs(x), unit);
  const sign = Number(text) === 0 ? '±' : x > 0 ? '+' : '−';
  return withUnit(`${sign}${text}`, unit);
}

export function ChangeVerdict({ change, unit }: { change: VisitChange; unit: string }) {
  const direction =
    change.direction === 'toward-reference' ? 'toward the reference' : change.direction === 'away-from-reference' ? 'away from the reference' : null;
  return (
    <span className="change" data-verdict={change.verdict}>
      <span className={verdictClass(change)} title={change.text}>
        {VERDICT_TEXT[change.verdict]}
        {direction && <span className="verdict-direction"> · {direction}</span>}
      </span>
      {change.difference !== null && <span className="change-diff">{signedValue(change.difference, unit)}</span>}
      {change.error !== null && change.verdict !== 'cannot-compare' && (
        <span className="change-error muted small">error ±{valueText(change.error, unit)}</span>
      )}
      {change.reason && <span className="change-reason muted small">{change.reason}</span>}
    </span>
  );
}

export function PointValue({ point, unit, videoName }: { point: ProgressPoint; unit: string; videoName: (id: string) => string }) {
  if (point.mean === null) {
    return (
      <span className="absent">
        <span className="value">—</span>
        <span className="reason small">{point.reasonIfAbsent}</span>
      </span>
    );
  }
  const source = point.source;
  return (
    <span className="point">
      <span className="value" title={source ? `From ${videoName(source.analysisId)}` : undefined}>
        {meanSdText(point.mean, point.sd, unit)}
      </span>
      {point.error !== null && <span className="point-error muted small">error ±{valueText(point.error, unit)}</span>}
      <Confidence summary={point} />
      {source?.leg === 'far' && <span className="muted small block">far leg (less accurate)</span>}
    </span>
  );
}

/** What counts as a real change for a measure, in a line, with the rule's sources. */
export function ChangeRuleLine({ rule, unit }: { rule: ChangeRule; unit: string }) {
  const error =
    rule.betweenDayError === null
      ? "beyond the 95% interval of the two visits' stride-to-stride spread or their measurement errors combined (no between-day error published)"
      : `beyond ±${valueText(rule.betweenDayError, unit)} (between-day error${rule.basis === 'extrapolated' ? ' of knee and hip angles at foot strike, applied here' : ''}), or the stride-to-stride spread or the measurement errors combined when larger`;
  return (
    <p className="small muted change-rule" title={rule.note}>
      Real change: {error}. <Sources ids={rule.sources} />
    </p>
  );
}
