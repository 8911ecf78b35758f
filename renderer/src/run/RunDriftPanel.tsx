/**
 * The review of a run (issue 27): the windows analysed, the drifts that are findings, each
 * measure per window with its error and its change from the first window to the last, the
 * left/right difference per window, and a chart per measure over the run.
 */
import type { Visit } from '../../../shared/contract/entities.ts';
import { DRIFT_FINDING_MEASURES, type AsymmetryDrift, type DriftChange, type DriftPoint, type MeasureDrift, type RunDrift } from '../../../shared/endurance/drift.ts';
import { steadiness } from '../../../shared/endurance/steady.ts';
import { clock } from '../../../shared/endurance/windows.ts';
import { legNames, type LegNames } from '../../../shared/gait/findings.ts';
import type { MeasureId } from '../../../shared/gait/measures.ts';
import { SOURCES } from '../../../shared/gait/references.ts';
import { useHost } from '../app/host-context.tsx';
import { loadRun, type LoadedRun } from '../app/load-run.ts';
import { useResult } from '../app/use-result.ts';
import { ErrorNotice, Loading } from '../components/ui.tsx';
import { formatValue, withUnit } from '../review/format.ts';
import { FindingCard } from '../review/MetricsPanel.tsx';
import { namesOf } from '../report/model.ts';
import { DriftChart } from './DriftChart.tsx';

/** The run's key, so the panel reloads when a window is analysed again. */
export const runKey = (visit: Visit): string =>
  visit.videos.map((v) => `${v.id}:${v.runStartS}:${v.analysis?.id}:${v.runWindows.map((w) => w.analysis?.id).join('.')}`).join();

/** "172 ± 3 steps/min", with "(low confidence)" where it is. */
export function pointText(p: DriftPoint, unit: string): string {
  if (p.mean === null) return '—';
  const v = formatValue(p.mean, unit);
  return withUnit(p.error === null ? v : `${v} ± ${formatValue(p.error, unit)}`, unit);
}

/** The change in a few words for a table cell; the full sentence goes in its title. */
export function changeShort(c: DriftChange, unit: string): string {
  if (c.verdict === 'cannot-compare') return 'cannot compare';
  const d = c.difference ?? 0;
  const amount = withUnit(`${d > 0 ? '+' : d < 0 ? '−' : ''}${formatValue(Math.abs(d), unit)}`, unit);
  if (c.verdict === 'no-real-change') return `${amount}: no real change`;
  return `${amount}: real change${c.towardFatigue ? ', toward fatigue' : ''}`;
}

/** The measures shown: those measured in at least one window, the ones whose drift can be a finding first. */
export function shownMeasures(drift: RunDrift): MeasureDrift[][] {
  const byId = new Map<MeasureId, MeasureDrift[]>();
  for (const m of drift.measures) {
    if (!m.points.some((p) => p.mean !== null)) continue;
    byId.set(m.measureId, [...(byId.get(m.measureId) ?? []), m]);
  }
  const first = (id: MeasureId) => ((DRIFT_FINDING_MEASURES as readonly MeasureId[]).includes(id) ? 0 : 1);
  return [...byId.entries()].sort((a, b) => first(a[0]) - first(b[0])).map(([, series]) => series);
}

/** The measures charted: those whose change could be judged on some leg, and the ones whose drift can be a finding, with two values or more. */
export function chartedMeasures(drift: RunDrift): MeasureDrift[][] {
  const finding = (id: MeasureId) => (DRIFT_FINDING_MEASURES as readonly MeasureId[]).includes(id);
  return shownMeasures(drift).filter(
    (series) =>
      series.some((m) => m.points.filter((p) => p.mean !== null).length >= 2) &&
      (finding(series[0]!.measureId) || series.some((m) => m.change.verdict !== 'cannot-compare')),
  );
}

/** How the legs are named over the run: the first window's video decides (near/far until sides are known). */
export function runLegNames(run: LoadedRun): LegNames {
  const first = run.windows[0];
  return first ? namesOf(first.analysis) : legNames(null, true);
}

interface TableRow {
  key: string;
  name: string;
  drift: MeasureDrift | AsymmetryDrift;
  attrs: Record<`data-${string}`, string>;
}

/** One row per measure (or left/right difference): its value in each window, then its change first to last. */
function DriftTable({ drift, head, rows }: { drift: RunDrift; head: string; rows: TableRow[] }) {
  return (
    <table className="table drift-table">
      <thead>
        <tr>
          <th>{head}</th>
          {drift.windows.map((w) => (
            <th key={w.id}>{w.label}</th>
          ))}
          <th>First to last</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ key, name, drift: m, attrs }) => (
          <tr key={key} {...attrs} data-verdict={m.change.verdict}>
            <th scope="row">{name}</th>
            {drift.windows.map((w) => {
              const p = m.points.find((x) => x.windowId === w.id);
              return (
                <td key={w.id} className={p?.level === 'low' ? 'low-confidence' : undefined} title={p?.reasonIfAbsent ?? (p?.level === 'low' ? 'Low confidence' : undefined)}>
                  {p ? pointText(p, m.unit) : ''}
                </td>
              );
            })}
            <td className={`drift-change drift-${m.change.verdict}${m.change.towardFatigue ? ' toward-fatigue' : ''}`} title={m.change.text}>
              {changeShort(m.change, m.unit)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const windowName = (drift: RunDrift, id: string): string => drift.windows.find((w) => w.id === id)?.label ?? '';

export function RunDriftPanel({ visit }: { visit: Visit }) {
  const host = useHost();
  const loaded = useResult(() => loadRun(host, visit), `${visit.id}:${runKey(visit)}`);
  if (loaded.status === 'loading') return <Loading what="the windows of the run" />;
  if (loaded.status === 'error') return <ErrorNotice error={loaded.error} />;
  const run = loaded.value;
  if (!run) return <p className="muted">No window of a run is analysed in this visit.</p>;
  const { drift } = run;
  const names = runLegNames(run);
  const measures = shownMeasures(drift);
  const asymmetry = drift.asymmetry.filter((a) => a.points.some((p) => p.mean !== null));
  return (
    <div className="card run-drift" data-testid="run-drift">
      <h2>Form late in the run</h2>
      <p className="muted small">
        Each window is analysed like a clip of its own. A change from the first window to the last counts only when it is larger than its error: the
        within-day error of 2D angles (Damsted), the spread of the strides in the two windows, or the two values' measurement errors, whichever is
        largest.
      </p>
      <ol className="run-windows small">
        {run.windows.map(({ ref, analysis }) => {
          const steady = steadiness(analysis.events, analysis.cleaning.sampleRateHz);
          return (
            <li key={ref.key} data-window={ref.key} data-steady={String(steady.steady)}>
              <strong>{windowName(drift, ref.key)}</strong>
              {windowName(drift, ref.key).startsWith('minute') ? ` · ${clock(ref.runStartS)}-${clock(ref.runEndS)}` : ''} into the run ·{' '}
              {ref.videoName} · {analysis.view.kind === 'sagittal' ? `${analysis.view.side} side view` : `${analysis.view.side} view`} ·{' '}
              {analysis.strides.filter((s) => !s.excluded).length} strides
              {steady.steady !== true && <div className={steady.steady === false ? 'notice notice-warning' : 'muted'}>{steady.text}</div>}
            </li>
          );
        })}
      </ol>
      <h3>Findings</h3>
      {drift.findings.length === 0 ? (
        <p className="muted" data-testid="no-drift-findings">
          No drift toward fatigue larger than its error in pelvic drop, knee projection angle, cadence, contact time or the left/right differences.
        </p>
      ) : (
        <ul className="findings">
          {drift.findings.map((f) => (
            <FindingCard key={`${f.id}.${f.side}`} finding={f} names={names} />
          ))}
        </ul>
      )}
      <h3>Each measure per window</h3>
      <DriftTable drift={drift} head="Measure" rows={measures.flat().map((m) => ({ key: `${m.measureId}.${m.side}`, name: `${m.side ? `${names[m.side].title}: ` : ''}${m.label}`, drift: m, attrs: { 'data-measure': m.measureId, 'data-side': m.side ?? '' } }))} />
      {asymmetry.length > 0 && (
        <>
          <h3>Left/right difference per window</h3>
          <DriftTable
            drift={drift}
            head={`|${names.left.title} − ${names.right.title}|`}
            rows={asymmetry.map((a) => ({ key: a.measureId, name: a.label, drift: a, attrs: { 'data-asymmetry': a.measureId } }))}
          />
        </>
      )}
      <h3>Over the run</h3>
      <p className="muted small">
        Each measure measured in two windows or more: the value in each window, the bar its measurement error. The report charts those whose
        change could be judged.
      </p>
      <div className="drift-charts">
        {measures
          .filter((series) => series.some((m) => m.points.filter((p) => p.mean !== null).length >= 2))
          .map((series) => (
            <DriftChart key={series[0]!.measureId} series={series} names={names} />
          ))}
      </div>
      <details className="small">
        <summary>Sources</summary>
        <ul className="citations">
          {(['apte2021', 'geiser2010', 'bramah2018', 'hanleyMohan2014', 'damsted', 'gaitlensChangeRule'] as const).map((id) => (
            <li key={id}>
              {SOURCES[id].citation} <span className="muted">— {SOURCES[id].usedFor}</span>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
