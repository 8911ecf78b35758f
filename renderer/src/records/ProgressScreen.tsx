/**
 * A client's progress over visits: every measure that any visit measured, as a small chart per
 * measure (left and right, or the whole runner) with its reference, and a table of the values
 * and the change between consecutive visits. A change within the measurement error is "no real
 * change"; values that are missing or of low confidence say why (shared/progress/change.ts).
 */
import { useMemo } from 'react';
import { CartesianGrid, ErrorBar, Line, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import { DAMSTED_BETWEEN_DAY_DEG } from '../../../shared/progress/change-rules.ts';
import { progressOf, type MeasureProgress, type ProgressPoint, type ProgressSeries, type VisitChange } from '../../../shared/progress/change.ts';
import { formatDate } from '../app/format.ts';
import { useHost } from '../app/host-context.tsx';
import { href } from '../app/routes.ts';
import { useResult } from '../app/use-result.ts';
import { ErrorNotice, Loading, PageHeader } from '../components/ui.tsx';
import { sideName } from '../review/format.ts';
import { Reference } from '../review/MetricsPanel.tsx';
import { SIDE_COLOURS } from '../review/overlay.ts';
import { ChangeRuleLine, ChangeVerdict, PointValue, valueText } from './change-view.tsx';
import { niceScale } from './chart-scale.ts';
import { loadClientRecords, visitLabels, type ClientRecords } from './load-records.ts';

const CHART = { width: 470, height: 170 };
const WHOLE_RUNNER_COLOUR = '#0f5e63';

export function ProgressScreen({ clientId }: { clientId: string }) {
  const host = useHost();
  const records = useResult(() => loadClientRecords(host, clientId), clientId);
  if (records.status === 'loading') return <Loading what="the client's visits and analyses" />;
  if (records.status === 'error') return <ErrorNotice error={records.error} />;
  return <Progress records={records.value} />;
}

function Progress({ records }: { records: ClientRecords }) {
  const { client, visits, analysed, inputs } = records;
  const progress = useMemo(() => progressOf(inputs), [inputs]);
  const labels = useMemo(() => visitLabels(analysed.map((l) => l.visit), formatDate), [analysed]);
  const videoNames = useMemo(() => {
    const names = new Map<string, string>();
    for (const l of analysed) for (const a of l.analyses) names.set(a.video.id, `${a.video.originalName} (${formatDate(l.visit.visitDate)})`);
    return names;
  }, [analysed]);
  const videoName = (id: string) => videoNames.get(id) ?? 'a video of this visit';
  const measured = progress.filter((m) => m.series.some((s) => s.points.some((p) => p.mean !== null)));
  const unmeasured = progress.filter((m) => !measured.includes(m));
  const notAnalysed = visits.filter((v) => !analysed.some((l) => l.visit.id === v.id));

  return (
    <section className="screen" aria-label="Progress">
      <PageHeader
        crumbs={
          <>
            <a href={href({ screen: 'clients' })}>Clients</a>
            <span aria-hidden> / </span>
            <a href={href({ screen: 'client', clientId: client.id })}>{client.name}</a>
          </>
        }
        title={`Progress of ${client.name}`}
        actions={
          analysed.length >= 2 && (
            <a className="button-secondary" href={href({ screen: 'compare', clientId: client.id })}>
              Compare two visits
            </a>
          )
        }
      />
      <div className="notice notice-info change-rule-notice" data-testid="change-rule">
        <strong>What counts as a change.</strong> 2D video measures differ from day to day even when the running has not changed: knee and
        hip angles at foot strike by up to 9-14° between days (Damsted; GaitLens uses {DAMSTED_BETWEEN_DAY_DEG}°). A change within a measure's
        error is shown as <em>no real change</em>, never as progress. Values missing, of low confidence, or measured differently at the two
        visits (another view, the far leg) are not compared, and say why.
      </div>
      <p className="muted small">
        {analysed.length} of {visits.length} visit{visits.length === 1 ? '' : 's'} analysed
        {notAnalysed.length > 0 && ` (not analysed: ${notAnalysed.map((v) => formatDate(v.visitDate)).join(', ')})`}. Each visit's value of a
        measure comes from its best video for it: a side view for sagittal measures and timing (the leg facing the camera first), a rear or
        front view for frontal measures.
      </p>
      {analysed.length === 0 ? (
        <div className="empty">
          <p className="empty-title">No analysed visit yet</p>
          <p>Analyse the running videos of a visit (on the visit's page); their measures then appear here, visit after visit.</p>
        </div>
      ) : (
        <>
          {analysed.length === 1 && (
            <p className="notice notice-warning">One visit is analysed: its values are below. Changes appear once a second visit is analysed.</p>
          )}
          {analysed.length >= 2 && <LatestChanges progress={measured} labels={labels} records={records} />}
          <div className="progress-grid">
            {measured.map((m) => (
              <MeasureCard key={m.measureId} measure={m} labels={labels} videoName={videoName} />
            ))}
          </div>
          {unmeasured.length > 0 && (
            <details className="card not-measured">
              <summary>
                Not measured at any visit ({unmeasured.length}): {unmeasured.map((m) => m.label.toLowerCase()).join(', ')}
              </summary>
              <ul>
                {unmeasured.map((m) => (
                  <li key={m.measureId}>
                    <strong>{m.label}</strong>: {reasonOf(m)}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}

/** Why a measure has no value: the newest visit's reason (the same at every visit, as a rule). */
function reasonOf(m: MeasureProgress): string {
  const points = m.series[0]?.points ?? [];
  return points[points.length - 1]?.reasonIfAbsent ?? 'Not measured.';
}

const seriesName = (s: ProgressSeries): string => (s.side ? sideName(s.side) : 'Value');
const seriesColour = (s: ProgressSeries): string => (s.side ? SIDE_COLOURS[s.side] : WHOLE_RUNNER_COLOUR);
const seriesKey = (s: ProgressSeries): string => s.side ?? 'value';

function LatestChanges({ progress, labels, records }: { progress: MeasureProgress[]; labels: Map<string, string>; records: ClientRecords }) {
  const last = records.analysed[records.analysed.length - 1]!.visit;
  const previous = records.analysed[records.analysed.length - 2]!.visit;
  const latest = (s: ProgressSeries) => s.changes[s.changes.length - 1]!;
  const changes = progress.flatMap((m) => m.series.filter((s) => s.points.some((p) => p.mean !== null)).map(latest));
  const count = (...verdicts: VisitChange['verdict'][]) => changes.filter((c) => verdicts.includes(c.verdict)).length;
  const real = count('increased', 'decreased');
  return (
    <section className="card latest-changes" aria-label="Latest changes">
      <h2>
        Since the previous visit: {labels.get(previous.id)} → {labels.get(last.id)}
      </h2>
      <p className="muted small">
        {real} real change{real === 1 ? '' : 's'} · {count('no-real-change')} within the measurement error · {count('cannot-compare')} not
        comparable. Dotted values are of low confidence.
      </p>
      <table className="table metrics-table latest-table" data-testid="latest-changes">
        <thead>
          <tr>
            <th>Measure</th>
            <th className="th-left">Left</th>
            <th className="th-right">Right</th>
          </tr>
        </thead>
        <tbody>
          {progress.map((m) => (
            <tr key={m.measureId} data-measure={m.measureId}>
              <th scope="row">{m.label}</th>
              {m.series.length === 1 ? (
                <td colSpan={2}>
                  <ChangeCell measure={m} series={m.series[0]!} />
                </td>
              ) : (
                m.series.map((s) => (
                  <td key={seriesKey(s)} data-side={s.side ?? ''}>
                    <ChangeCell measure={m} series={s} />
                  </td>
                ))
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The two newest values of a series, "14.7° → 29.0°" (low confidence marked), and their change. */
function ChangeCell({ measure, series }: { measure: MeasureProgress; series: ProgressSeries }) {
  const [before, after] = series.points.slice(-2) as [ProgressPoint, ProgressPoint];
  const value = (p: ProgressPoint) =>
    p.mean === null ? (
      <span className="muted">—</span>
    ) : (
      <span className={p.level === 'low' ? 'low-value' : undefined} title={p.level === 'low' ? `Low confidence (${p.confidence.toFixed(2)})` : undefined}>
        {valueText(p.mean, measure.unit)}
      </span>
    );
  return (
    <div className="change-cell">
      <span className="change-values">
        {value(before)} → {value(after)}
      </span>
      <ChangeVerdict change={series.changes[series.changes.length - 1]!} unit={measure.unit} />
    </div>
  );
}

const unitText = (unit: string): string => (unit === 'deg' ? 'degrees' : unit);

function MeasureCard({ measure, labels, videoName }: { measure: MeasureProgress; labels: Map<string, string>; videoName: (id: string) => string }) {
  const points = measure.series[0]!.points;
  return (
    <article className="card progress-card" data-testid={`progress-${measure.measureId}`} aria-label={measure.label}>
      <header className="progress-card-head">
        <h3>{measure.label}</h3>
        <span className="muted small">{unitText(measure.unit)}</span>
      </header>
      <ProgressChart measure={measure} labels={labels} />
      <table className="progress-table">
        <thead>
          <tr>
            <th>Visit</th>
            {measure.series.map((s) => (
              <th key={seriesKey(s)} className={s.side ? `side-${s.side}` : undefined}>
                {seriesName(s)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {points.map((p, k) => (
            <VisitRows key={p.visitId} measure={measure} k={k} label={labels.get(p.visitId) ?? p.date} videoName={videoName} />
          ))}
        </tbody>
      </table>
      <p className="small reference">
        <span className="muted">Reference: </span>
        <Reference id={measure.measureId} />
      </p>
      <ChangeRuleLine rule={measure.rule} unit={measure.unit} />
    </article>
  );
}

function VisitRows({ measure, k, label, videoName }: { measure: MeasureProgress; k: number; label: string; videoName: (id: string) => string }) {
  return (
    <>
      {k > 0 && (
        <tr className="change-row">
          <th scope="row" className="muted small">
            Change
          </th>
          {measure.series.map((s) => (
            <td key={seriesKey(s)} data-side={s.side ?? ''}>
              <ChangeVerdict change={s.changes[k - 1]!} unit={measure.unit} />
            </td>
          ))}
        </tr>
      )}
      <tr className="visit-value-row">
        <th scope="row">{label}</th>
        {measure.series.map((s) => (
          <td key={seriesKey(s)} data-side={s.side ?? ''}>
            <PointValue point={s.points[k]!} unit={measure.unit} videoName={videoName} />
          </td>
        ))}
      </tr>
    </>
  );
}

interface DotProps {
  cx?: number;
  cy?: number;
  index?: number;
  value?: number | null;
}

function ProgressChart({ measure, labels }: { measure: MeasureProgress; labels: Map<string, string> }) {
  const rows = useMemo(
    () =>
      measure.series[0]!.points.map((p, k) => {
        const row: Record<string, string | number | null> = { visit: labels.get(p.visitId) ?? p.date };
        for (const s of measure.series) {
          const point = s.points[k]!;
          row[seriesKey(s)] = point.mean;
          row[`${seriesKey(s)}Sd`] = point.mean === null ? null : point.sd;
          row[`${seriesKey(s)}Level`] = point.level;
        }
        return row;
      }),
    [measure, labels],
  );
  const target = measure.rule.better?.kind === 'toward' ? measure.rule.better.value : null;
  const scale = useMemo(() => {
    const values = measure.series.flatMap((s) => s.points.flatMap((p) => (p.mean === null ? [] : [p.mean - (p.sd ?? 0), p.mean + (p.sd ?? 0)])));
    return niceScale(target === null ? values : [...values, target]);
  }, [measure, target]);
  return (
    <div className="progress-chart" aria-hidden>
      <LineChart width={CHART.width} height={CHART.height} data={rows} margin={{ top: 10, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="#e8ecf0" vertical={false} />
        <XAxis dataKey="visit" tick={{ fontSize: 11, fill: '#5d6876' }} tickLine={false} axisLine={{ stroke: '#c5ccd5' }} padding={{ left: 24, right: 24 }} />
        <YAxis
          width={48}
          tick={{ fontSize: 11, fill: '#5d6876' }}
          tickLine={false}
          axisLine={false}
          domain={scale.domain}
          ticks={scale.ticks}
          tickFormatter={(v: number) => v.toFixed(scale.digits).replace('-', '−')}
        />
        {target !== null && (
          <ReferenceLine
            y={target}
            stroke="#8a97a6"
            strokeDasharray="4 3"
            label={{ value: `reference ${valueText(target, measure.unit)}`, position: 'insideBottomRight', fontSize: 10, fill: '#5d6876' }}
          />
        )}
        {measure.series.map((s) => {
          const key = seriesKey(s);
          const colour = seriesColour(s);
          return (
            <Line
              key={key}
              dataKey={key}
              name={seriesName(s)}
              stroke={colour}
              strokeWidth={2}
              isAnimationActive={false}
              connectNulls={false}
              dot={(props: DotProps) => {
                const level = props.index !== undefined ? rows[props.index]?.[`${key}Level`] : null;
                if (props.cx === undefined || props.cy === undefined || props.value === null || props.value === undefined) {
                  return <g key={`${key}-${props.index}`} />;
                }
                return (
                  <circle
                    key={`${key}-${props.index}`}
                    className="progress-dot"
                    data-series={key}
                    data-level={level ?? ''}
                    cx={props.cx}
                    cy={props.cy}
                    r={4.5}
                    stroke={colour}
                    strokeWidth={2}
                    fill={level === 'low' ? '#ffffff' : colour}
                  />
                );
              }}
              activeDot={false}
            >
              <ErrorBar dataKey={`${key}Sd`} width={4} strokeWidth={1.2} stroke={colour} direction="y" />
            </Line>
          );
        })}
      </LineChart>
      <p className="chart-key small">
        {measure.series.length > 1 && (
          <>
            <span className="legend-left">Left</span> <span className="legend-right">Right</span>
          </>
        )}
        <span className="muted">bars: ± 1 SD over strides · hollow point: low confidence</span>
      </p>
    </div>
  );
}
