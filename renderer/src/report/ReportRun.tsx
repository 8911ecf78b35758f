/**
 * The report's section on form late in the run (issue 27): the windows of the run, the drifts
 * that are findings (in plain words, then clinically, with their sources), each measure whose
 * change could be judged per window with its error and the change first to last, and a chart per
 * measure over the run.
 */
import type { MeasureDrift, RunDrift } from '../../../shared/endurance/drift.ts';
import { clock } from '../../../shared/endurance/windows.ts';
import type { LegNames } from '../../../shared/gait/findings.ts';
import type { SourceId } from '../../../shared/gait/references.ts';
import type { LoadedRun } from '../app/load-run.ts';
import { DriftChart } from '../run/DriftChart.tsx';
import { chartedMeasures, pointText, runLegNames } from '../run/RunDriftPanel.tsx';
import type { Citations } from './model.ts';
import { ReportFinding } from './ReportFinding.tsx';
import { formatValue, withUnit } from '../review/format.ts';

const VERDICT = { 'no-real-change': 'No real change', increased: 'Increased', decreased: 'Decreased', 'cannot-compare': 'Cannot compare' } as const;

/** Every source the section cites: the findings', their references' and each judged change's. */
export function runSources(run: LoadedRun | null): SourceId[] {
  if (!run) return [];
  return [
    'hanleyMohan2014',
    ...run.drift.findings.flatMap((f) => [...f.sources, ...f.referenceValues.flatMap((r) => r.sources)]),
    ...chartedMeasures(run.drift).flat().flatMap((m) => m.change.sources),
  ];
}

/** The summary's line about the run. */
export function runSummaryLine(drift: RunDrift): string {
  const first = drift.windows[0];
  const last = drift.windows[drift.windows.length - 1];
  const span = first && last ? `between ${first.label} and ${last.label} of your run` : 'during your run';
  return drift.findings.length === 0
    ? `We compared your running ${span}: no change toward tiring was larger than its measurement error.`
    : `Your running changed ${span}: ${drift.findings.map((f) => f.title.replace(/^./, (c) => c.toLowerCase())).join('; ')} (see “During your run”).`;
}

/** The change in a few words: "-34 steps/min, error 6 steps/min", or why it cannot be compared. */
function changeDetail(m: MeasureDrift): string {
  const c = m.change;
  if (c.verdict === 'cannot-compare') return (c.reason ?? '').replace(/^./, (x) => x.toUpperCase());
  const d = c.difference ?? 0;
  const amount = (x: number) => withUnit(formatValue(x, m.unit), m.unit);
  return `${d > 0 ? '+' : d < 0 ? '−' : ''}${amount(Math.abs(d))}, error ${amount(c.error ?? 0)}`;
}

function Row({ m, drift, names, citations }: { m: MeasureDrift; drift: RunDrift; names: LegNames; citations: Citations }) {
  return (
    <tr data-measure={m.measureId} data-side={m.side ?? ''}>
      <th scope="row">
        {m.label}
        {m.side ? `, ${names[m.side].adjective}` : ''}
      </th>
      {drift.windows.map((w) => {
        const p = m.points.find((x) => x.windowId === w.id);
        return (
          <td key={w.id} className="num">
            {p ? pointText(p, m.unit) : '—'}
            {p?.mean !== null && p?.level === 'low' && <span className="rp-sd">low confidence</span>}
          </td>
        );
      })}
      <td>
        <strong>{VERDICT[m.change.verdict]}</strong>
        <div className="muted small">
          {changeDetail(m)} <span className="rp-cite">{citations.cite(m.change.sources)}</span>
        </div>
      </td>
    </tr>
  );
}

export function RunSection({ run, citations }: { run: LoadedRun; citations: Citations }) {
  const { drift } = run;
  const names = runLegNames(run);
  const charted = chartedMeasures(drift);
  return (
    <section className="report-section report-page" aria-label="During your run">
      <h2>During your run</h2>
      <p className="rp-intro">
        We analysed {drift.windows.length} stretches of your run separately, to see whether your form changes as you tire:{' '}
        {run.windows.map(({ ref }) => `${clock(ref.runStartS)}-${clock(ref.runEndS)}`).join(', ')} into the run. A change counts only when it is
        larger than its measurement error; on a treadmill at a steady pace many runners keep their form <span className="rp-cite">{citations.cite(['hanleyMohan2014'])}</span>.
      </p>
      {drift.findings.length === 0 ? (
        <p data-testid="run-no-findings">No change toward tiring was larger than its measurement error in pelvic drop, knee angle, step rate, ground contact time or the difference between your legs.</p>
      ) : (
        drift.findings.map((f) => <ReportFinding key={`${f.id}-${f.side}`} finding={f} citations={citations} />)
      )}
      {charted.length > 0 && (
        <>
          <table className="report-table rp-run">
            <thead>
              <tr>
                <th>Measure</th>
                {drift.windows.map((w) => (
                  <th key={w.id} className="num">
                    {w.label}
                  </th>
                ))}
                <th>First to last</th>
              </tr>
            </thead>
            <tbody>
              {charted.flat().map((m) => (
                <Row key={`${m.measureId}-${m.side}`} m={m} drift={drift} names={names} citations={citations} />
              ))}
            </tbody>
          </table>
          <p className="rp-table-note muted">Each value: the mean over the strides of the stretch ± its measurement error at the video's frame rate.</p>
          <div className="rp-run-charts">
            {charted.map((series) => (
              <DriftChart key={series[0]!.measureId} series={series} names={names} className="report-chart" />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
