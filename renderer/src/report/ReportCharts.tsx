/**
 * The angle charts of the report: each angle over the gait cycle (0 % = foot strike, 100 % = the
 * same foot's next strike), mean of the strides with a band of one standard deviation, per side;
 * a dashed vertical line marks the side's mean toe-off. Fixed sizes and no animation: Chromium
 * prints what is drawn on the first layout.
 */
import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, XAxis, YAxis } from 'recharts';
import { SIDES, type BilateralSeries, type GaitAnalysis, type Side } from '../../../shared/gait/types.ts';
import type { LoadedAnalysis } from '../app/load-analysis.ts';
import { CYCLE_POINTS, cycleCurve } from '../review/gait-cycle.ts';
import { namesOf, nearSide, type Citations } from './model.ts';

const WIDTH = 336;
const HEIGHT = 196;
const MARGIN = { top: 8, right: 12, bottom: 14, left: 2 };
const COLOURS: Record<Side, string> = { left: '#2f6fd6', right: '#d2662a' };
const GRID = '#e3e7ec';
const AXIS_TICK = { fontSize: 10, fill: '#5d6876' };

interface AngleChart {
  key: string;
  title: string;
  series: BilateralSeries;
}

function sagittalCharts(a: GaitAnalysis): AngleChart[] {
  return [
    { key: 'knee', title: 'Knee flexion (bend)', series: a.angles.kneeFlexionDeg },
    { key: 'hip', title: 'Hip flexion (thigh to vertical)', series: a.angles.hipFlexionDeg },
  ];
}

function frontalCharts(a: GaitAnalysis): AngleChart[] {
  return [
    { key: 'hipAdduction', title: 'Hip adduction (+ knee inward)', series: a.angles.hipAdductionDeg },
    { key: 'kneeFppa', title: 'Knee projection angle (+ inward)', series: a.angles.kneeFppaDeg },
  ];
}

/** Mean toe-off as a % of the stride (time from initial contact), over the side's included strides. */
function toeOffPct(a: GaitAnalysis, side: Side): number | null {
  const indexOf = new Map(a.frames.frame.map((f, k) => [f, k]));
  const t = (frame: number) => a.frames.tMs[indexOf.get(frame) ?? -1];
  const values: number[] = [];
  for (const s of a.strides) {
    if (s.side !== side || s.excluded) continue;
    const ic = t(s.icFrame);
    const to = t(s.toFrame);
    const next = t(s.nextIcFrame);
    if (ic === undefined || to === undefined || next === undefined || !(next > ic)) continue;
    values.push(((to - ic) / (next - ic)) * 100);
  }
  return values.length === 0 ? null : values.reduce((x, y) => x + y, 0) / values.length;
}

type Row = Record<string, number | [number, number] | null>;

function rowsFor(a: GaitAnalysis, series: BilateralSeries) {
  const curves = { left: cycleCurve(series.left, a.frames, a.strides, 'left'), right: cycleCurve(series.right, a.frames, a.strides, 'right') };
  const rows: Row[] = Array.from({ length: CYCLE_POINTS }, (_, p) => {
    const row: Row = { p };
    for (const side of SIDES) {
      const m = curves[side].mean[p] ?? null;
      const sd = curves[side].sd[p] ?? null;
      row[side] = m;
      row[`${side}Band`] = m !== null && sd !== null ? [m - sd, m + sd] : null;
    }
    return row;
  });
  return { rows, strides: { left: curves.left.strides, right: curves.right.strides } };
}

function Chart({ analysis, chart, citations }: { analysis: GaitAnalysis; chart: AngleChart; citations: Citations }) {
  const { rows, strides } = rowsFor(analysis, chart.series);
  const notes = chart.key === 'knee' ? analysis.curveNotes.filter((n) => n.angle === 'kneeFlexionDeg') : [];
  const near = nearSide(analysis);
  const drawn = SIDES.filter((side) => rows.some((row) => row[side] !== null));
  return (
    <figure className="report-chart" data-chart={chart.key}>
      <figcaption>
        <strong>{chart.title}</strong>
        <span className="muted">
          {' '}
          · strides: {namesOf(analysis).left.adjective} {strides.left}, {namesOf(analysis).right.adjective} {strides.right}
        </span>
      </figcaption>
      {drawn.length === 0 ? (
        <p className="rp-chart-empty">No complete stride on either side: this angle cannot be drawn over the gait cycle.</p>
      ) : (
        <ComposedChart width={WIDTH} height={HEIGHT} data={rows} margin={MARGIN}>
          <CartesianGrid stroke={GRID} vertical={false} />
          <XAxis
            dataKey="p"
            type="number"
            domain={[0, 100]}
            ticks={[0, 20, 40, 60, 80, 100]}
            tick={AXIS_TICK}
            label={{ value: '% of stride (0 = foot strike)', position: 'insideBottom', offset: -10, fontSize: 10, fill: '#5d6876' }}
          />
          <YAxis width={34} tick={AXIS_TICK} domain={['auto', 'auto']} allowDecimals={false} />
          {drawn.map((side) => (
            <Area key={`band-${side}`} dataKey={`${side}Band`} fill={COLOURS[side]} fillOpacity={0.13} stroke="none" isAnimationActive={false} />
          ))}
          {drawn.map((side) => {
            const to = toeOffPct(analysis, side);
            return to === null ? null : <ReferenceLine key={`to-${side}`} x={Math.round(to)} stroke={COLOURS[side]} strokeDasharray="2 3" strokeWidth={1} />;
          })}
          {drawn.map((side) => (
            <Line
              key={side}
              dataKey={side}
              stroke={COLOURS[side]}
              strokeWidth={1.8}
              strokeDasharray={near !== null && near !== side ? '5 3' : undefined}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </ComposedChart>
      )}
      {notes.map((n) => (
        <p key={n.side} className="rp-chart-note">
          {namesOf(analysis)[n.side].title}: {n.text} <span className="rp-cite">{citations.cite(n.sources)}</span>
        </p>
      ))}
    </figure>
  );
}

function Legend({ analysis }: { analysis: GaitAnalysis }) {
  const near = nearSide(analysis);
  const names = namesOf(analysis);
  const known = names.left.adjective === 'left';
  const leg = (side: Side) =>
    near === null ? '' : near === side ? (known ? ' (near the camera)' : ' (facing the camera)') : known ? ' (far leg: partly hidden, less certain)' : ' (partly hidden, less certain)';
  return (
    <p className="rp-chart-legend">
      <span className="rp-legend-left">
        {names.left.title}
        {leg('left')}
      </span>
      <span className="rp-legend-right">
        {names.right.title}
        {leg('right')}
      </span>
      <span className="muted">Angles in degrees · line: mean of the strides · band: ± 1 SD · dotted vertical line: toe-off</span>
    </p>
  );
}

export function ReportCharts({ sagittal, frontal, citations }: { sagittal: LoadedAnalysis | null; frontal: LoadedAnalysis | null; citations: Citations }) {
  const groups = [
    ...(sagittal ? [{ loaded: sagittal, charts: sagittalCharts(sagittal.analysis), view: 'Side view' }] : []),
    ...(frontal ? [{ loaded: frontal, charts: frontalCharts(frontal.analysis), view: frontal.analysis.view.side === 'front' ? 'Front view' : 'Rear view' }] : []),
  ];
  return (
    <>
      {groups.map(({ loaded, charts, view }) => (
        <div key={loaded.video.id} className="rp-chart-group">
          <h3>
            {view}: {loaded.video.originalName}
          </h3>
          <Legend analysis={loaded.analysis} />
          <div className="rp-chart-row">
            {charts.map((chart) => (
              <Chart key={chart.key} analysis={loaded.analysis} chart={chart} citations={citations} />
            ))}
          </div>
        </div>
      ))}
    </>
  );
}
