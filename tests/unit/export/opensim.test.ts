import { test } from 'node:test';
import assert from 'node:assert/strict';
import { motColumnNames, motFromAnalysis, TRC_MARKERS, trcFromTrack } from '../../../shared/export/opensim.ts';
import { analyseTrack } from '../../../shared/gait/analyse.ts';
import { Landmark } from '../../../shared/pose/track.ts';
import type { LandmarkTrack } from '../../../shared/pose/track.ts';
import { generateTrack, runningSpec } from '../../support/synthetic/generator.ts';
import { NO_POSE_FRAMES, rearView, sideView } from './fixtures.ts';

const side = sideView();
const rear = rearView();

/** How OpenSim's FileAdapter::tokenize splits a line: at every delimiter, the text after the last one only when not empty. */
function openSimTokens(line: string): string[] {
  const parts = line.split('\t');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}

function trcText(track: LandmarkTrack, analysis: Parameters<typeof trcFromTrack>[1]): string {
  const r = trcFromTrack(track, analysis, { fileName: 'runner.trc' });
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  return r.value;
}

interface TrcFile {
  lines: string[];
  rows: string[][];
}

function readTrc(text: string): TrcFile {
  const lines = text.split('\n');
  assert.equal(lines.pop(), '', 'ends with a line end');
  assert.equal(lines[5], '', 'a blank line between the header and the data');
  return { lines, rows: lines.slice(6).map(openSimTokens) };
}

/** Marker j's X, Y, Z cells in a data row. */
function markerCells(row: string[], name: string): string[] {
  const j = TRC_MARKERS.findIndex((m) => m.name === name);
  assert.ok(j >= 0, name);
  return row.slice(2 + 3 * j, 5 + 3 * j);
}

test('TRC header: PathFileType 4, capture rate, NumFrames equals the data rows, markers named, mm', () => {
  const { lines, rows } = readTrc(trcText(side.track, side.analysis));
  assert.deepEqual(lines[0]!.split('\t'), ['PathFileType', '4', '(X/Y/Z)', 'runner.trc']);
  const keys = lines[1]!.split('\t');
  assert.deepEqual(keys, ['DataRate', 'CameraRate', 'NumFrames', 'NumMarkers', 'Units', 'OrigDataRate', 'OrigDataStartFrame', 'OrigNumFrames']);
  const values = Object.fromEntries(lines[2]!.split('\t').map((v, i) => [keys[i]!, v]));
  assert.equal(Number(values.DataRate), 60);
  assert.equal(Number(values.CameraRate), 60);
  assert.equal(Number(values.NumFrames), rows.length);
  assert.equal(rows.length, side.track.frames.length);
  assert.equal(Number(values.NumMarkers), TRC_MARKERS.length);
  assert.equal(values.Units, 'mm');
  const labels = lines[3]!.split('\t').filter((t) => t !== '');
  assert.deepEqual(labels.slice(0, 2), ['Frame#', 'Time']);
  for (const name of ['LHip', 'RKnee', 'LAnkle', 'RHeel', 'LBigToe', 'RShoulder', 'Nose']) assert.ok(labels.includes(name), name);
  assert.equal(labels.length, TRC_MARKERS.length + 2);
  // each marker name sits above its X column
  const labelCols = lines[3]!.split('\t');
  const xyz = lines[4]!.split('\t');
  TRC_MARKERS.forEach((m, j) => {
    assert.equal(labelCols[2 + 3 * j], m.name);
    assert.deepEqual(xyz.slice(2 + 3 * j, 5 + 3 * j), [`X${j + 1}`, `Y${j + 1}`, `Z${j + 1}`]);
  });
});

test('TRC data: markers x 3 + 2 columns in every row as OpenSim reads them, time in seconds, empty cells for a frame without pose', () => {
  const { rows } = readTrc(trcText(side.track, side.analysis));
  for (const r of rows) assert.equal(r.length, TRC_MARKERS.length * 3 + 2);
  rows.forEach((r, k) => {
    assert.equal(r[0], String(k + 1));
    assert.ok(Math.abs(Number(r[1]) - side.analysis.frames.tMs[k]! / 1000) < 1e-6);
  });
  const missing = rows.filter((_, k) => side.track.frames[k]!.landmarks === null);
  assert.equal(missing.length, NO_POSE_FRAMES.to - NO_POSE_FRAMES.from + 1);
  for (const r of missing) assert.ok(r.slice(2).every((c) => c === ''), 'no pose: every marker cell empty');
  // the last marker of a frame without pose is empty too, and the row still has its full length
  assert.deepEqual(markerCells(missing[0]!, 'RBigToe'), ['', '', '']);
});

test('TRC coordinates: millimetres from the calibration, x right, y up from the image bottom, z = 0', () => {
  const { rows } = readTrc(trcText(side.track, side.analysis));
  const { width, height } = side.track.video;
  const mmPerPx = 10 / side.analysis.calibration.pxPerCm!;
  let checked = 0;
  side.track.frames.forEach((f, k) => {
    if (!f.landmarks || side.analysis.identity.autoStretches.some((s) => f.i >= s.startFrame && f.i <= s.endFrame)) return;
    const knee = f.landmarks[Landmark.rightKnee]!;
    const [x, y, z] = markerCells(rows[k]!, 'RKnee').map(Number);
    assert.ok(Math.abs(x! - knee.x * width * mmPerPx) <= 0.05 + 1e-9);
    assert.ok(Math.abs(y! - (1 - knee.y) * height * mmPerPx) <= 0.05 + 1e-9);
    assert.equal(z, 0);
    const [, hipY] = markerCells(rows[k]!, 'RHip').map(Number);
    const [, ankleY] = markerCells(rows[k]!, 'RAnkle').map(Number);
    assert.ok(hipY! > ankleY!, 'y up: the hip is above the ankle');
    checked++;
  });
  assert.ok(checked > 100);
  // a thigh of a 178 cm runner: about 0.245 x 1780 mm (Winter)
  const r0 = rows.find((r) => r[2] !== '')!;
  const [hx, hy] = markerCells(r0, 'RHip').map(Number);
  const [kx, ky] = markerCells(r0, 'RKnee').map(Number);
  const thigh = Math.hypot(hx! - kx!, hy! - ky!);
  assert.ok(thigh > 380 && thigh < 490, `thigh ${thigh} mm`);
});

test('TRC: leg labels follow the analysis (automatic and manual fixes exchange L and R), low-visibility landmarks are empty', () => {
  const dim = 60;
  // the pose model exchanged the leg labels in frames 150-170; the clinician swaps 40-45 by hand
  const gen = generateTrack(runningSpec({ fps: 60, durationS: 4, swaps: [{ startFrame: 150, endFrame: 170 }] }));
  const track: LandmarkTrack = {
    ...gen.track,
    frames: gen.track.frames.map((f) =>
      f.i === dim && f.landmarks ? { ...f, landmarks: f.landmarks.map((l, j) => (j === Landmark.leftWrist ? { ...l, visibility: 0.1 } : l)) } : f,
    ),
  };
  const analysis = analyseTrack(track, { calibration: { kind: 'height', heightCm: 178 }, swapStretches: [{ startFrame: 40, endFrame: 45 }] });
  assert.ok(analysis.identity.autoStretches.some((s) => s.startFrame <= 153 && s.endFrame >= 167), 'the automatic fix found the swap');
  const { rows } = readTrc(trcText(track, analysis));
  const { width, height } = track.video;
  const mmPerPx = 10 / analysis.calibration.pxPerCm!;
  const cellsOf = (f: number, index: number) => {
    const l = track.frames[f]!.landmarks![index]!;
    return [(l.x * width * mmPerPx).toFixed(1), ((1 - l.y) * height * mmPerPx).toFixed(1), '0.0'];
  };
  for (const f of [40, 42, 45, 153, 160, 167]) {
    assert.deepEqual(markerCells(rows[f]!, 'LKnee'), cellsOf(f, Landmark.rightKnee), `frame ${f}`);
    assert.deepEqual(markerCells(rows[f]!, 'RBigToe'), cellsOf(f, Landmark.leftFootIndex));
    assert.deepEqual(markerCells(rows[f]!, 'LShoulder'), cellsOf(f, Landmark.leftShoulder), 'only the legs are exchanged');
  }
  for (const f of [39, 46, 100, 180]) assert.deepEqual(markerCells(rows[f]!, 'LKnee'), cellsOf(f, Landmark.leftKnee), `frame ${f}`);
  assert.notDeepEqual(cellsOf(40, Landmark.leftKnee), cellsOf(40, Landmark.rightKnee));
  assert.deepEqual(markerCells(rows[dim]!, 'LWrist'), ['', '', '']);
  assert.deepEqual(markerCells(rows[dim]!, 'RWrist'), cellsOf(dim, Landmark.rightWrist));
});

test('TRC is refused without a calibration, and for a track that is not the analysed one', () => {
  const uncalibrated = sideView(false);
  const r = trcFromTrack(uncalibrated.track, uncalibrated.analysis, { fileName: 'x.trc' });
  assert.equal(r.ok, false);
  assert.match(r.ok ? '' : r.error.message, /millimetres.*calibrate/);
  const trimmed = { ...side.track, frames: side.track.frames.slice(10) };
  const other = trcFromTrack(trimmed, side.analysis, { fileName: 'x.trc' });
  assert.equal(other.ok, false);
  assert.match(other.ok ? '' : other.error.message, /does not match/);
});

function readMot(text: string): { header: Record<string, string>; labels: string[]; rows: string[][] } {
  const lines = text.split('\n');
  assert.equal(lines.pop(), '');
  const end = lines.indexOf('endheader');
  assert.ok(end > 0);
  assert.equal(lines[0], 'Coordinates');
  const header = Object.fromEntries(lines.slice(1, end).filter((l) => l.includes('=')).map((l) => l.split('=') as [string, string]));
  return { header, labels: lines[end + 1]!.split('\t'), rows: lines.slice(end + 2).map((l) => l.split('\t')) };
}

test('MOT header: version 1, nRows equals the rows, nColumns counts time, in degrees', () => {
  for (const a of [side.analysis, rear.analysis]) {
    const { header, labels, rows } = readMot(motFromAnalysis(a));
    assert.equal(header.version, '1');
    assert.equal(header.inDegrees, 'yes');
    assert.equal(Number(header.nRows), rows.length);
    assert.equal(rows.length, a.frames.frame.length);
    assert.equal(Number(header.nColumns), labels.length);
    assert.deepEqual(labels, ['time', ...motColumnNames(a.view.kind)]);
    for (const r of rows) assert.equal(r.length, labels.length);
  }
});

test('MOT side view: OpenSim names and signs, stored values, NaN where unknown', () => {
  const a = side.analysis;
  const { labels, rows } = readMot(motFromAnalysis(a));
  for (const name of ['hip_flexion_r', 'hip_flexion_l', 'knee_angle_r', 'knee_angle_l', 'ankle_angle_r', 'trunk_lean']) assert.ok(labels.includes(name), name);
  assert.ok(!labels.includes('pelvis_list'));
  const col = (name: string) => rows.map((r) => r[labels.indexOf(name)]!);
  const knee = col('knee_angle_r');
  rows.forEach((r, k) => {
    assert.ok(Math.abs(Number(r[0]) - a.frames.tMs[k]! / 1000) < 1e-6);
    const stored = a.angles.kneeFlexionDeg.right[k];
    if (stored === null || stored === undefined) assert.equal(knee[k], 'NaN');
    else assert.equal(Number(knee[k]), stored);
    const hip = a.angles.hipFlexionDeg.left[k];
    assert.equal(col('hip_flexion_l')[k], hip === null || hip === undefined ? 'NaN' : hip.toFixed(2));
  });
  assert.equal(knee[(NO_POSE_FRAMES.from + NO_POSE_FRAMES.to) >> 1], 'NaN');
  // knee flexion positive: the stance peak of the synthetic runner is about 44 deg, never much below 0
  const kneeValues = knee.filter((v) => v !== 'NaN').map(Number);
  assert.ok(Math.max(...kneeValues) > 35 && Math.min(...kneeValues) > -5);
  // hip flexion positive with the thigh forward: the swing peak (about 26 deg at contact) beats the extension (-10 at toe-off)
  const hipValues = col('hip_flexion_r').filter((v) => v !== 'NaN').map(Number);
  assert.ok(Math.max(...hipValues) > 20 && Math.min(...hipValues) < -5);
});

test('MOT rear view: pelvis_list is positive when the right hip is lower in the image', () => {
  const { labels, rows } = readMot(motFromAnalysis(rear.analysis));
  assert.deepEqual(labels.slice(1), ['pelvis_list', 'hip_adduction_r', 'hip_adduction_l', 'knee_fppa_r', 'knee_fppa_l']);
  const list = rows.map((r) => Number(r[1]));
  let agree = 0;
  let total = 0;
  rear.track.frames.forEach((f, k) => {
    const l = f.landmarks;
    if (!l || !Number.isFinite(list[k]!)) return;
    const rightLowerPx = (l[Landmark.rightHip]!.y - l[Landmark.leftHip]!.y) * rear.track.video.height;
    if (Math.abs(rightLowerPx) < 2) return;
    total++;
    if (Math.sign(rightLowerPx) === Math.sign(list[k]!)) agree++;
  });
  assert.ok(total > 50);
  assert.ok(agree / total > 0.95, `${agree} of ${total}`);
  assert.ok(Math.max(...list) > 3 && Math.min(...list) < -2, 'drops to both sides (6 and 4 deg put in)');
});
