/**
 * Knee and hip angles of both sides over time, with a cursor that follows the video (click a
 * chart to move the video there), and the same angles over the gait cycle (0-100 % of the
 * stride, initial contact to the next one: mean line and a +/- 1 SD band per side).
 *
 * Playback must not re-render the charts: their data is memoised on the analysis, the charts
 * are memoised components, and the cursor is an SVG line inside the chart that the playhead
 * moves directly (at most once per animation frame), placed with the chart's own x scale.
 * (Recharts' ReferenceLine would re-register itself in the chart's store on every move.)
 */
import { memo, useEffect, useMemo, useRef } from 'react';
import type { MouseEvent as ReactMouseEvent } from 'react';
import { Area, ComposedChart, Line, LineChart, ResponsiveContainer, XAxis, YAxis, CartesianGrid } from 'recharts';
import { usePlotArea, useXAxisInverseScale, useXAxisScale } from 'recharts';
import type { BilateralSeries, GaitAnalysis } from '../../../shared/gait/types.ts';
import { nearestIndex } from './frame-time.ts';
import { timeAxis } from './chart-axis.ts';
import { cycleCurve } from './gait-cycle.ts';
import { nearSideOf, SIDE_COLOURS } from './overlay.ts';
import type { Playhead } from './playhead.ts';
import { Sources } from './MetricsPanel.tsx';

interface Props {
  analysis: GaitAnalysis;
  playhead: Playhead;
  onSeek: (index: number) => void;
}

interface AngleSpec {
  key: 'knee' | 'hip';
  title: string;
  series: BilateralSeries;
}

const TIME_HEIGHT = 128;
const CYCLE_HEIGHT = 140;
const MARGIN = { top: 6, right: 10, bottom: 0, left: 0 };

function anglesFor(analysis: GaitAnalysis): AngleSpec[] {
  const a = analysis.angles;
  return analysis.view.kind === 'frontal'
    ? [
        { key: 'knee', title: 'Knee FPPA (+ valgus)', series: a.kneeFppaDeg },
        { key: 'hip', title: 'Hip adduction (+ toward midline)', series: a.hipAdductionDeg },
      ]
    : [
        { key: 'knee', title: 'Knee flexion', series: a.kneeFlexionDeg },
        { key: 'hip', title: 'Hip flexion (thigh to vertical)', series: a.hipFlexionDeg },
      ];
}

export const AngleCharts = memo(function AngleCharts({ analysis, playhead, onSeek }: Props) {
  const specs = useMemo(() => anglesFor(analysis), [analysis]);
  const times = useMemo(() => analysis.frames.tMs.map((t) => t / 1000), [analysis]);
  const axis = useMemo(() => timeAxis(times), [times]);
  const nearSide = nearSideOf(analysis);
  const timeRows = useMemo(
    () =>
      times.map((t, k) => {
        const row: Record<string, number | null> = { t };
        for (const s of specs) {
          row[`${s.key}Left`] = s.series.left[k] ?? null;
          row[`${s.key}Right`] = s.series.right[k] ?? null;
        }
        return row;
      }),
    [times, specs],
  );
  const cycleRows = useMemo(() => {
    const curves = specs.map((s) => ({
      key: s.key,
      left: cycleCurve(s.series.left, analysis.frames, analysis.strides, 'left'),
      right: cycleCurve(s.series.right, analysis.frames, analysis.strides, 'right'),
    }));
    const rows = Array.from({ length: 101 }, (_, p) => {
      const row: Record<string, number | null | [number, number]> = { p };
      for (const c of curves) {
        for (const side of ['left', 'right'] as const) {
          const name = `${c.key}${side === 'left' ? 'Left' : 'Right'}`;
          const m = c[side].mean[p] ?? null;
          const sd = c[side].sd[p] ?? null;
          row[name] = m;
          row[`${name}Band`] = m !== null && sd !== null ? [m - sd, m + sd] : null;
        }
      }
      return row;
    });
    const counts = Object.fromEntries(curves.map((c) => [c.key, { left: c.left.strides, right: c.right.strides }]));
    return { rows, counts };
  }, [specs, analysis]);

  return (
    <div className="angle-charts">
      <div className="chart-legend small">
        <span className="legend-left">Left{nearSide === 'right' ? ' (far leg)' : nearSide === 'left' ? ' (near leg)' : ''}</span>
        <span className="legend-right">Right{nearSide === 'left' ? ' (far leg)' : nearSide === 'right' ? ' (near leg)' : ''}</span>
        {nearSide !== null && <span className="muted">far leg dashed: partly hidden, less certain</span>}
      </div>
      {specs.map((s) => (
        <figure key={s.key} className="chart" data-testid={`chart-${s.key}`}>
          <figcaption>
            {s.title}, degrees, over time (s) <span className="muted">· click to go there</span>
          </figcaption>
          <ResponsiveContainer width="100%" height={TIME_HEIGHT}>
            <LineChart data={timeRows} margin={MARGIN}>
              <CartesianGrid stroke="#e6e9ee" vertical={false} />
              <XAxis dataKey="t" type="number" domain={axis.domain} ticks={axis.ticks} niceTicks="none" allowDataOverflow tickFormatter={(v: number) => v.toFixed(axis.decimals)} tick={{ fontSize: 11 }} />
              <YAxis width={36} tick={{ fontSize: 11 }} domain={['auto', 'auto']} />
              {(['left', 'right'] as const).map((side) => (
                <Line
                  key={side}
                  dataKey={`${s.key}${side === 'left' ? 'Left' : 'Right'}`}
                  stroke={SIDE_COLOURS[side]}
                  strokeWidth={1.6}
                  strokeDasharray={nearSide !== null && nearSide !== side ? '4 3' : undefined}
                  dot={false}
                  isAnimationActive={false}
                  connectNulls={false}
                />
              ))}
              <ChartCursor playhead={playhead} times={times} onSeek={onSeek} />
            </LineChart>
          </ResponsiveContainer>
          {s.key === 'knee' &&
            analysis.curveNotes.map((n) => (
              <p key={n.side} className="not-reliable small" data-testid="curve-note">
                <strong>{n.side === 'left' ? 'Left' : 'Right'} knee, not reliable in this clip</strong>: {n.text} <Sources ids={n.sources} />
              </p>
            ))}
        </figure>
      ))}
      <div className="cycle-charts">
        {specs.map((s) => {
          const n = cycleRows.counts[s.key]!;
          if (n.left + n.right === 0) {
            return (
              <figure key={`cycle-${s.key}`} className="chart chart-empty" data-testid={`cycle-${s.key}`}>
                <figcaption>{s.title} over the gait cycle</figcaption>
                <p className="muted small">No complete stride (initial contact to the next one of the same foot) in this clip.</p>
              </figure>
            );
          }
          return (
            <figure key={`cycle-${s.key}`} className="chart" data-testid={`cycle-${s.key}`}>
              <figcaption title="Each stride from initial contact (0 %) to the next initial contact of the same foot (100 %): mean line, ± 1 SD band">
                {s.title} over the gait cycle (%) · mean ± SD · strides L {n.left}, R {n.right}
              </figcaption>
              <ResponsiveContainer width="100%" height={CYCLE_HEIGHT}>
                <ComposedChart data={cycleRows.rows} margin={MARGIN}>
                  <CartesianGrid stroke="#e6e9ee" vertical={false} />
                  <XAxis dataKey="p" type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={{ fontSize: 11 }} />
                  <YAxis width={36} tick={{ fontSize: 11 }} domain={['auto', 'auto']} />
                  {(['left', 'right'] as const).map((side) => (
                    <Area
                      key={`band-${side}`}
                      dataKey={`${s.key}${side === 'left' ? 'Left' : 'Right'}Band`}
                      fill={SIDE_COLOURS[side]}
                      fillOpacity={0.14}
                      stroke="none"
                      isAnimationActive={false}
                      connectNulls={false}
                    />
                  ))}
                  {(['left', 'right'] as const).map((side) => (
                    <Line
                      key={side}
                      dataKey={`${s.key}${side === 'left' ? 'Left' : 'Right'}`}
                      stroke={SIDE_COLOURS[side]}
                      strokeWidth={1.8}
                      strokeDasharray={nearSide !== null && nearSide !== side ? '4 3' : undefined}
                      dot={false}
                      isAnimationActive={false}
                    />
                  ))}
                </ComposedChart>
              </ResponsiveContainer>
            </figure>
          );
        })}
      </div>
    </div>
  );
});

/** The video's position on a time chart, and click-to-seek over the plot area. */
function ChartCursor({ playhead, times, onSeek }: { playhead: Playhead; times: readonly number[]; onSeek: (index: number) => void }) {
  const scale = useXAxisScale();
  const inverse = useXAxisInverseScale();
  const area = usePlotArea();
  const lineRef = useRef<SVGLineElement>(null);

  useEffect(() => {
    let frame = 0;
    const move = () => {
      const t = times[playhead.get().index];
      const x = t === undefined ? undefined : scale?.(t);
      const line = lineRef.current;
      if (!line || x === undefined) return;
      line.setAttribute('x1', String(x));
      line.setAttribute('x2', String(x));
      line.dataset.t = t!.toFixed(3);
    };
    const schedule = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        move();
      });
    };
    move();
    const unsubscribe = playhead.subscribe(schedule);
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [playhead, times, scale]);

  if (!area) return null;
  const onClick = (e: ReactMouseEvent<SVGRectElement>) => {
    const svg = e.currentTarget.ownerSVGElement;
    if (!svg || !inverse) return;
    const t = Number(inverse(e.clientX - svg.getBoundingClientRect().left));
    if (Number.isFinite(t)) onSeek(nearestIndex(times, t));
  };
  return (
    <g className="chart-cursor">
      <rect x={area.x} y={area.y} width={area.width} height={area.height} fill="transparent" className="chart-hit" onClick={onClick} />
      <line ref={lineRef} x1={area.x} x2={area.x} y1={area.y} y2={area.y + area.height} stroke="#1b2430" strokeWidth={1.2} data-testid="chart-cursor" />
    </g>
  );
}
