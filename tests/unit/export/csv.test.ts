import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anglesCsv, formatCsv, formatNumber, parseCsv, PER_STRIDE_MEASURES, snakeCase, stridesCsv } from '../../../shared/export/csv.ts';
import { MEASURES } from '../../../shared/gait/measures.ts';
import type { AngleSeriesJson, GaitAnalysis } from '../../../shared/gait/types.ts';
import { NO_POSE_FRAMES, rearView, sideView } from './fixtures.ts';

const side = sideView().analysis;
const rear = rearView().analysis;

/** The stored series behind each angle column, named independently of the exporter. */
function angleColumns(a: GaitAnalysis): Map<string, (number | null)[]> {
  const out = new Map<string, (number | null)[]>();
  for (const [name, series] of Object.entries(a.angles) as [keyof AngleSeriesJson, AngleSeriesJson[keyof AngleSeriesJson]][]) {
    const base = name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    if (Array.isArray(series)) out.set(base, series);
    else {
      out.set(`left_${base}`, series.left);
      out.set(`right_${base}`, series.right);
    }
  }
  return out;
}

function parsedTable(text: string): { header: string[]; rows: string[][] } {
  const [header, ...rows] = parseCsv(text);
  assert.ok(header);
  return { header, rows };
}

/** A printed cell reads back as the stored value to within half its last printed decimal. */
function assertCell(cell: string | undefined, stored: number | null | undefined, decimals: number, where: string): void {
  if (stored === null || stored === undefined) {
    assert.equal(cell, '', `${where}: unknown must be an empty cell`);
    return;
  }
  assert.ok(cell !== undefined && /^-?\d+(\.\d+)?$/.test(cell), `${where}: "${cell}" is not a plain number`);
  assert.equal(cell.split('.')[1]?.length ?? 0, decimals, `${where}: fixed ${decimals} decimals in "${cell}"`);
  assert.ok(Math.abs(Number(cell) - stored) <= 0.5 * 10 ** -decimals + 1e-9, `${where}: ${cell} vs stored ${stored}`);
}

test('angles CSV: one row per frame, the unit in every angle column, CRLF records', () => {
  const text = anglesCsv(side);
  assert.ok(text.endsWith('\r\n'));
  assert.equal(text.split('\r\n').length - 1, side.frames.frame.length + 1, 'every record ends with CRLF, none with a bare LF');
  assert.ok(!/[^\r]\n/.test(text));
  const { header, rows } = parsedTable(text);
  assert.deepEqual(header.slice(0, 2), ['frame', 'time_ms']);
  for (const name of ['left_knee_flexion_deg', 'right_knee_flexion_deg', 'left_ankle_dorsiflexion_deg', 'trunk_lean_deg', 'pelvic_obliquity_deg', 'right_knee_fppa_deg']) {
    assert.ok(header.includes(name), `column ${name}`);
  }
  const expected = angleColumns(side);
  assert.equal(header.length, 2 + expected.size);
  assert.ok(header.slice(2).every((h) => h.endsWith('_deg')));
  assert.equal(rows.length, side.frames.frame.length);
  for (const r of rows) assert.equal(r.length, header.length, 'constant column count');
});

test('angles CSV reads back as the stored values, per frame, empty where unknown', () => {
  for (const a of [side, rear]) {
    const { header, rows } = parsedTable(anglesCsv(a));
    const stored = angleColumns(a);
    rows.forEach((r, k) => {
      assert.equal(Number(r[0]), a.frames.frame[k]);
      assertCell(r[1], a.frames.tMs[k], 3, `time row ${k}`);
      for (let c = 2; c < header.length; c++) {
        const series = stored.get(header[c]!);
        assert.ok(series, `no stored series for ${header[c]}`);
        assertCell(r[c], series[k], 2, `${header[c]} frame ${a.frames.frame[k]}`);
      }
    });
  }
  // the side view has values and holes; the stretch without pose is empty
  const { header, rows } = parsedTable(anglesCsv(side));
  const knee = header.indexOf('right_knee_flexion_deg');
  const mid = rows.find((r) => Number(r[0]) === (NO_POSE_FRAMES.from + NO_POSE_FRAMES.to) >> 1);
  assert.equal(mid?.[knee], '');
  assert.ok(rows.filter((r) => r[knee] !== '').length > rows.length / 2);
  // a rear view has no sagittal angles and a side view no frontal ones
  const rearRows = parsedTable(anglesCsv(rear));
  const obliquity = rearRows.header.indexOf('pelvic_obliquity_deg');
  assert.ok(rearRows.rows.every((r) => r[rearRows.header.indexOf('left_knee_flexion_deg')] === ''));
  assert.ok(rearRows.rows.some((r) => r[obliquity] !== ''));
  assert.ok(rows.every((r) => r[header.indexOf('pelvic_obliquity_deg')] === ''));
});

test('strides CSV: one row per stride, every per-stride value under a snake_case name ending in its unit', () => {
  const { header, rows } = parsedTable(stridesCsv(side));
  assert.deepEqual(header.slice(0, 6), ['side', 'ic_frame', 'to_frame', 'next_ic_frame', 'ic_time_ms', 'excluded']);
  const unitSuffix: Record<string, string> = { deg: '_deg', ms: '_ms', cm: '_cm', '%': '_pct', '% leg length': '_pct_leg' };
  for (const id of PER_STRIDE_MEASURES) {
    const col = snakeCase(id);
    assert.ok(header.includes(col));
    assert.ok(col.endsWith(unitSuffix[MEASURES[id].unit]!), `${col} ends with the unit of ${MEASURES[id].unit}`);
  }
  assert.ok(header.includes('knee_flexion_at_ic_deg') && header.includes('foot_ahead_of_hip_at_ic_pct_leg') && header.includes('duty_factor_pct'));
  for (const a of [side, rear]) {
    const keys = new Set(a.strides.flatMap((s) => Object.keys(s.values)));
    for (const k of keys) assert.ok((PER_STRIDE_MEASURES as readonly string[]).includes(k), `stride value ${k} has a column`);
  }
  assert.ok(side.strides.length >= 6);
  assert.equal(rows.length, side.strides.length);
  assert.equal(rows.filter((r) => r[5] === 'true').length, 1, 'the excluded stride is kept and marked');
});

test('strides CSV reads back as the stored values, within the printed precision', () => {
  for (const a of [side, rear]) {
    const { header, rows } = parsedTable(stridesCsv(a));
    const timeOf = new Map(a.frames.frame.map((f, k) => [f, a.frames.tMs[k]]));
    a.strides.forEach((st, k) => {
      const r = rows[k]!;
      assert.equal(r.length, header.length);
      assert.deepEqual(r.slice(0, 4), [st.side, String(st.icFrame), String(st.toFrame), String(st.nextIcFrame)]);
      assertCell(r[4], timeOf.get(st.icFrame), 3, 'ic_time_ms');
      assert.equal(r[5], String(st.excluded));
      PER_STRIDE_MEASURES.forEach((id, j) => {
        const decimals = { deg: 2, ms: 1, cm: 2, '%': 2, '% leg length': 2 }[MEASURES[id].unit]!;
        assertCell(r[6 + j], st.values[id] ?? null, decimals, `${id} stride ${k}`);
      });
    });
  }
  // the side view is calibrated: centimetre values are there
  const { header, rows } = parsedTable(stridesCsv(side));
  assert.ok(rows.some((r) => r[header.indexOf('foot_ahead_of_hip_at_ic_cm')] !== ''));
});

test('RFC 4180: commas, double quotes and line breaks are quoted and read back exactly', () => {
  const rows = [
    ['plain', 'with,comma', 'say "hi"', 'two\r\nlines', 'lf\nonly', '', 'trailing '],
    ['', '', '"', ',', '\r', 'é ü 中', '0.50'],
  ];
  const text = formatCsv(rows);
  assert.equal(text, 'plain,"with,comma","say ""hi""","two\r\nlines","lf\nonly",,trailing \r\n,,"""",",","\r",é ü 中,0.50\r\n');
  assert.deepEqual(parseCsv(text), rows);
  assert.deepEqual(parseCsv('\uFEFFa,b\nc,d'), [['a', 'b'], ['c', 'd']], 'BOM, LF line ends, no final line end');
  assert.deepEqual(parseCsv('""\r\n'), [['']]);
  assert.deepEqual(parseCsv(''), []);
  assert.throws(() => parseCsv('a"b,c\r\n'), /line 1: a double quote inside an unquoted field/);
  assert.throws(() => parseCsv('ok\r\n"a"b\r\n'), /line 2: text after a closing double quote/);
  assert.throws(() => parseCsv('"never closed,x\r\n'), /line 1: a quoted field is not closed/);
});

test('numbers: fixed decimals, a dot, no negative zero, empty when unknown', () => {
  assert.equal(formatNumber(12.345, 2), '12.35');
  assert.equal(formatNumber(-0.001, 2), '0.00');
  assert.equal(formatNumber(-0.01, 2), '-0.01');
  assert.equal(formatNumber(3, 1), '3.0');
  assert.equal(formatNumber(null, 2), '');
  assert.equal(formatNumber(Number.NaN, 2), '');
});
