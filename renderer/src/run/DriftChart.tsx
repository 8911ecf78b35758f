/**
 * One measure over the run: its value in each window (at the window's start in the run) with the window's
 * measurement error as a bar, one line per leg for a per-leg measure. Fixed size and no
 * animation, so the report prints what is drawn on the first layout.
 */
import { CartesianGrid, ComposedChart, ErrorBar, Line, XAxis, YAxis } from 'recharts';
import type { MeasureDrift } from '../../../shared/endurance/drift.ts';
import { clock } from '../../../shared/endurance/windows.ts';
import type { LegNames } from '../../../shared/gait/findings.ts';

const WIDTH = 300;
const HEIGHT = 170;
const MARGIN = { top: 8, right: 14, bottom: 16, left: 2 };
const COLOURS = { left: '#2f6fd6', right: '#d2662a', whole: '#30475e' } as const;
const AXIS_TICK = { fontSize: 10, fill: '#5d6876' };

type Row = Record<string, number | null>;

/** `series`: the measure's drift, one per leg (left then right) or one for the whole runner. */
/** `className`: extra classes (the report's charts are waited for before printing). */
export function DriftChart({ series, names, className = '' }: { series: MeasureDrift[]; names: LegNames; className?: string }) {
  const first = series[0]!;
  const keyOf = (d: MeasureDrift) => d.side ?? 'whole';
  const minutes = [...new Set(series.flatMap((d) => d.points.map((p) => p.startS)))].sort((a, b) => a - b);
  const rows: Row[] = minutes.map((startS) => {
    const row: Row = { minute: startS / 60 };
    for (const d of series) {
      const p = d.points.find((x) => x.startS === startS);
      row[keyOf(d)] = p?.mean ?? null;
      row[`${keyOf(d)}Error`] = p?.mean !== null && p?.mean !== undefined ? (p.error ?? 0) : null;
    }
    return row;
  });
  const drawn = series.filter((d) => d.points.some((p) => p.mean !== null));
  return (
    <figure className={`drift-chart ${className}`.trim()} data-chart={first.measureId}>
      <figcaption>
        <strong>{first.label}</strong>
        {!first.label.endsWith(`(${first.unit})`) && <span className="muted"> ({first.unit === 'deg' ? 'degrees' : first.unit})</span>}
        {drawn.length > 1 && (
          <span className="drift-legend">
            {drawn.map((d) => (
              <span key={keyOf(d)} style={{ color: COLOURS[keyOf(d)] }}>
                {' '}
                ● {d.side ? names[d.side].title : ''}
              </span>
            ))}
          </span>
        )}
      </figcaption>
      <ComposedChart width={WIDTH} height={HEIGHT} data={rows} margin={MARGIN}>
        <CartesianGrid stroke="#e3e7ec" vertical={false} />
        <XAxis
          dataKey="minute"
          type="number"
          domain={['dataMin', 'dataMax']}
          ticks={rows.map((r) => r.minute!)}
          tickFormatter={(minute: number) => clock(minute * 60)}
          tick={AXIS_TICK}
          padding={{ left: 14, right: 14 }}
          label={{ value: 'time into the run (m:ss)', position: 'insideBottom', offset: -10, fontSize: 10, fill: '#5d6876' }}
        />
        <YAxis width={38} tick={AXIS_TICK} domain={['auto', 'auto']} />
        {drawn.map((d) => (
          <Line key={keyOf(d)} dataKey={keyOf(d)} stroke={COLOURS[keyOf(d)]} strokeWidth={1.8} dot={{ r: 3 }} connectNulls isAnimationActive={false}>
            <ErrorBar dataKey={`${keyOf(d)}Error`} width={4} stroke={COLOURS[keyOf(d)]} direction="y" />
          </Line>
        ))}
      </ComposedChart>
    </figure>
  );
}
