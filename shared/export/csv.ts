/**
 * CSV exports of an analysis (RFC 4180): the per-frame angles and the per-stride values, for a
 * spreadsheet, R or Python. Comma-separated, CRLF line ends, a header row, fields quoted only
 * when they hold a comma, a double quote or a line break, numbers with '.' decimals at a fixed
 * precision per unit, an empty cell where a value is unknown. The text is plain UTF-8; a caller
 * that wants Excel to detect the encoding prepends a byte order mark.
 */
import { MEASURES, SIDE_MEASURES } from '../gait/measures.ts';
import type { MeasureId } from '../gait/measures.ts';
import { SIDES } from '../gait/types.ts';
import type { AngleSeriesJson, BilateralSeries, GaitAnalysis } from '../gait/types.ts';

const CRLF = '\r\n';

/** Decimals printed per unit of measures.ts: finer than any of these measurements is (angles are stored at 0.01 deg). */
const DECIMALS_BY_UNIT: Readonly<Record<string, number>> = {
  deg: 2,
  ms: 1,
  cm: 2,
  '%': 2,
  '% leg length': 2,
};

function decimalsOf(unit: string): number {
  const d = DECIMALS_BY_UNIT[unit];
  if (d === undefined) throw new Error(`No CSV precision is defined for the unit "${unit}".`);
  return d;
}
/** Frame times keep the 0.001 ms the analysis stores. */
const TIME_DECIMALS = 3;

/** The angle series in column order (every series of AngleSeriesJson, so a new one cannot be left out silently). */
const ANGLE_SERIES: Record<keyof AngleSeriesJson, true> = {
  kneeFlexionDeg: true,
  hipFlexionDeg: true,
  hipFlexionToTrunkDeg: true,
  ankleDorsiflexionDeg: true,
  shankAngleDeg: true,
  footAngleDeg: true,
  trunkLeanDeg: true,
  pelvicObliquityDeg: true,
  hipAdductionDeg: true,
  kneeFppaDeg: true,
};

/** The measures metrics.ts records per stride (StrideRecord.values), in column order. */
export const PER_STRIDE_MEASURES = ['trunkLeanDeg', ...SIDE_MEASURES] as const satisfies readonly MeasureId[];

/** camelCase id with its unit already in the name (kneeFlexionAtIcDeg) -> snake_case (knee_flexion_at_ic_deg). */
export function snakeCase(id: string): string {
  return id.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/** Fixed decimals; empty for an unknown value; never "-0.00". */
export function formatNumber(x: number | null | undefined, decimals: number): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '';
  const s = x.toFixed(decimals);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

function quoteField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** Rows to RFC 4180 text: CRLF after every record, the last included. */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(quoteField).join(',') + CRLF).join('');
}

/**
 * RFC 4180 text to rows of fields. Accepts CRLF or LF line ends, a leading byte order mark and a
 * missing final line end; throws on a malformed quoted field (a quote inside an unquoted field,
 * text after a closing quote, or a quote left open).
 */
export function parseCsv(text: string): string[][] {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  // something of the current record has been read (a record of one empty quoted field counts)
  let inRecord = false;
  let line = 1;
  let i = 0;
  const endRecord = () => {
    row.push(field);
    rows.push(row);
    row = [];
    field = '';
    inRecord = false;
    line++;
  };
  while (i < src.length) {
    const c = src[i]!;
    inRecord = true;
    if (c === '"') {
      if (field !== '') throw new Error(`CSV line ${line}: a double quote inside an unquoted field.`);
      const start = line;
      i++;
      for (;;) {
        if (i >= src.length) throw new Error(`CSV line ${start}: a quoted field is not closed.`);
        const q = src[i]!;
        i++;
        if (q !== '"') {
          if (q === '\n') line++;
          field += q;
        } else if (src[i] === '"') {
          field += '"';
          i++;
        } else {
          break;
        }
      }
      const next = src[i];
      if (next !== undefined && next !== ',' && next !== '\n' && !(next === '\r' && src[i + 1] === '\n')) {
        throw new Error(`CSV line ${line}: text after a closing double quote.`);
      }
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\n' || (c === '\r' && src[i + 1] === '\n')) {
      endRecord();
      i += c === '\n' ? 1 : 2;
    } else {
      field += c;
      i++;
    }
  }
  if (inRecord) endRecord();
  return rows;
}

/**
 * One row per analysed frame: `frame` (the pipeline's 0-based frame index), `time_ms` (capture
 * time), then every filtered angle series: `left_<name>_deg` and `right_<name>_deg` for the
 * per-leg series, `<name>_deg` for the trunk and pelvis. A series the view cannot measure is an
 * empty column (sagittal series in a rear view and the reverse).
 */
export function anglesCsv(analysis: GaitAnalysis): string {
  const names = Object.keys(ANGLE_SERIES) as (keyof AngleSeriesJson)[];
  const header = ['frame', 'time_ms'];
  const columns: (readonly (number | null)[])[] = [];
  for (const name of names) {
    const series = analysis.angles[name];
    if (Array.isArray(series)) {
      header.push(snakeCase(name));
      columns.push(series);
    } else {
      const bi = series as BilateralSeries;
      for (const side of SIDES) {
        header.push(`${side}_${snakeCase(name)}`);
        columns.push(bi[side]);
      }
    }
  }
  const rows: string[][] = [header];
  analysis.frames.frame.forEach((frame, k) => {
    rows.push([
      String(frame),
      formatNumber(analysis.frames.tMs[k], TIME_DECIMALS),
      ...columns.map((c) => formatNumber(c[k], decimalsOf('deg'))),
    ]);
  });
  return formatCsv(rows);
}

/**
 * One row per stride (initial contact to the next initial contact of the same foot), excluded
 * strides included and marked: `side`, `ic_frame`, `to_frame`, `next_ic_frame`, `ic_time_ms`,
 * `excluded` (`true`/`false`), then every per-stride measure by its id in snake_case, which ends
 * with its unit (`knee_flexion_at_ic_deg`, `contact_time_ms`, `duty_factor_pct`,
 * `foot_ahead_of_hip_at_ic_pct_leg`). Empty where the stride has no value (another view, no
 * calibration, or not measurable in that stride).
 */
export function stridesCsv(analysis: GaitAnalysis): string {
  const header = ['side', 'ic_frame', 'to_frame', 'next_ic_frame', 'ic_time_ms', 'excluded', ...PER_STRIDE_MEASURES.map(snakeCase)];
  const timeOf = new Map(analysis.frames.frame.map((f, k) => [f, analysis.frames.tMs[k]!]));
  const rows: string[][] = [header];
  for (const st of analysis.strides) {
    rows.push([
      st.side,
      String(st.icFrame),
      String(st.toFrame),
      String(st.nextIcFrame),
      formatNumber(timeOf.get(st.icFrame), TIME_DECIMALS),
      st.excluded ? 'true' : 'false',
      ...PER_STRIDE_MEASURES.map((id) => formatNumber(st.values[id], decimalsOf(MEASURES[id].unit))),
    ]);
  }
  return formatCsv(rows);
}
