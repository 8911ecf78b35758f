/**
 * OpenSim exports: the landmarks as marker trajectories (.trc) and the joint angles as a motion
 * (.mot, a Storage file). Formats as OpenSim's own readers parse them (TRCFileAdapter,
 * MOTFileAdapter / Storage): tab-separated, LF line ends.
 *
 * Markers are image positions, not 3D positions: x to the image right, y up, z = 0, in
 * millimetres in the runner's plane. Millimetres need the analysis' pixel-to-cm calibration;
 * without it the export is refused (a TRC file has one Units field and no place to say "pixels,
 * scaled by a guess").
 */
import { fail, ok } from '../contract/result.ts';
import type { Result } from '../contract/result.ts';
import { MIN_VISIBILITY } from '../gait/filters.ts';
import { stretchesToMask } from '../gait/identity.ts';
import type { AngleSeriesJson, GaitAnalysis, ViewKind } from '../gait/types.ts';
import { Landmark } from '../pose/track.ts';
import type { LandmarkTrack } from '../pose/track.ts';
import { formatNumber } from './csv.ts';

const TAB = '\t';
const LF = '\n';
/** 0.1 mm: far below a pixel (several mm at treadmill distance). */
const MM_DECIMALS = 1;
/** Times are stored at 0.001 ms. */
const SECONDS_DECIMALS = 6;
/** Angles are stored at 0.01 deg. */
const DEG_DECIMALS = 2;

interface MarkerDefinition {
  name: string;
  index: number;
  /** The same landmark on the other leg, for the frames whose leg labels the analysis exchanged; null off the legs. */
  otherLeg: number | null;
}

/**
 * The 17 body landmarks the analysis knows (shared/pose/track.ts), named as Pose2Sim names the
 * BlazePose landmarks (its OpenSim marker sets use these names; the foot index, the tip of the
 * foot, is `BigToe`).
 */
export const TRC_MARKERS: readonly MarkerDefinition[] = [
  { name: 'Nose', index: Landmark.nose, otherLeg: null },
  { name: 'LShoulder', index: Landmark.leftShoulder, otherLeg: null },
  { name: 'RShoulder', index: Landmark.rightShoulder, otherLeg: null },
  { name: 'LElbow', index: Landmark.leftElbow, otherLeg: null },
  { name: 'RElbow', index: Landmark.rightElbow, otherLeg: null },
  { name: 'LWrist', index: Landmark.leftWrist, otherLeg: null },
  { name: 'RWrist', index: Landmark.rightWrist, otherLeg: null },
  { name: 'LHip', index: Landmark.leftHip, otherLeg: Landmark.rightHip },
  { name: 'RHip', index: Landmark.rightHip, otherLeg: Landmark.leftHip },
  { name: 'LKnee', index: Landmark.leftKnee, otherLeg: Landmark.rightKnee },
  { name: 'RKnee', index: Landmark.rightKnee, otherLeg: Landmark.leftKnee },
  { name: 'LAnkle', index: Landmark.leftAnkle, otherLeg: Landmark.rightAnkle },
  { name: 'RAnkle', index: Landmark.rightAnkle, otherLeg: Landmark.leftAnkle },
  { name: 'LHeel', index: Landmark.leftHeel, otherLeg: Landmark.rightHeel },
  { name: 'RHeel', index: Landmark.rightHeel, otherLeg: Landmark.leftHeel },
  { name: 'LBigToe', index: Landmark.leftFootIndex, otherLeg: Landmark.rightFootIndex },
  { name: 'RBigToe', index: Landmark.rightFootIndex, otherLeg: Landmark.leftFootIndex },
];

export interface TrcOptions {
  /** Shown on the first line (PathFileType); OpenSim does not read it. */
  fileName: string;
}

/** A rate without float noise: 59.94005994 -> "59.94006". */
function formatRate(hz: number): string {
  return String(Number(hz.toFixed(6)));
}

/**
 * Marker trajectories (.trc, PathFileType 4) of the track's landmarks, with the analysis' leg
 * label fixes (automatic and manual) applied so that L/R match the angles and events. One row per
 * analysed frame: `Frame#` counts rows from 1 (OpenSim ignores it), `Time` is the capture time in
 * seconds. A landmark that is missing or below the analysis' visibility threshold has empty X, Y
 * and Z cells (OpenSim reads it as a missing marker, NaN). Every data row ends with a tab, as
 * OpenSim writes its own files: its reader drops the text after the last tab when it is empty,
 * so a row ending in an empty cell needs that tab to keep its length.
 *
 * Refused (invalid-argument) when the analysis has no calibration (no millimetres), when the
 * track is not the one the analysis was made from, or when there are no frames.
 */
export function trcFromTrack(track: LandmarkTrack, analysis: GaitAnalysis, options: TrcOptions): Result<string> {
  const pxPerCm = analysis.calibration.pxPerCm;
  if (pxPerCm === null || !(pxPerCm > 0)) {
    return fail(
      'invalid-argument',
      'Marker positions are exported in millimetres, and this analysis has no scale: calibrate it first (the client\'s height or a drawn known length), then export again.',
    );
  }
  const frameIndex = analysis.frames.frame;
  if (track.frames.length !== frameIndex.length || track.frames.some((f, k) => f.i !== frameIndex[k])) {
    return fail('invalid-argument', 'The landmark track does not match this analysis (its frames differ): analyse the video again, then export.');
  }
  if (frameIndex.length === 0) return fail('invalid-argument', 'The analysis has no frames to export.');

  const auto = stretchesToMask(analysis.identity.autoStretches, frameIndex);
  const manual = stretchesToMask(analysis.identity.manualStretches, frameIndex);
  const swapped = auto.map((a, k) => a !== manual[k]);

  const { width, height } = track.video;
  const mmPerPx = 10 / pxPerCm;
  const rate = formatRate(analysis.input.captureFps);
  const n = frameIndex.length;
  const lines: string[] = [
    ['PathFileType', '4', '(X/Y/Z)', options.fileName.replace(/[\t\r\n]+/g, ' ')].join(TAB),
    ['DataRate', 'CameraRate', 'NumFrames', 'NumMarkers', 'Units', 'OrigDataRate', 'OrigDataStartFrame', 'OrigNumFrames'].join(TAB),
    [rate, rate, String(n), String(TRC_MARKERS.length), 'mm', rate, '1', String(n)].join(TAB),
    ['Frame#', 'Time', ...TRC_MARKERS.flatMap((m) => [m.name, '', ''])].join(TAB),
    ['', '', ...TRC_MARKERS.flatMap((_, j) => [`X${j + 1}`, `Y${j + 1}`, `Z${j + 1}`])].join(TAB),
    '',
  ];
  track.frames.forEach((f, k) => {
    const cells = [String(k + 1), formatNumber(analysis.frames.tMs[k]! / 1000, SECONDS_DECIMALS)];
    for (const m of TRC_MARKERS) {
      const l = f.landmarks?.[swapped[k] && m.otherLeg !== null ? m.otherLeg : m.index];
      const seen = l !== undefined && Number.isFinite(l.x) && Number.isFinite(l.y) && Number.isFinite(l.visibility) && l.visibility >= MIN_VISIBILITY;
      if (seen) cells.push(formatNumber(l.x * width * mmPerPx, MM_DECIMALS), formatNumber((1 - l.y) * height * mmPerPx, MM_DECIMALS), formatNumber(0, MM_DECIMALS));
      else cells.push('', '', '');
    }
    lines.push(cells.join(TAB) + TAB);
  });
  return ok(lines.join(LF) + LF);
}

interface MotColumn {
  name: string;
  view: ViewKind;
  series: (a: AngleSeriesJson) => readonly (number | null)[];
}

/**
 * The .mot columns. OpenSim coordinate names (Rajagopal 2015 full-body model, also used by
 * OpenCap) where one matches a GaitLens angle, with its sign; GaitLens names otherwise.
 * - hip_flexion: the thigh to vertical (hipFlexionDeg): OpenSim's hip flexion with the pelvis
 *   level (pelvis_tilt 0), since 2D landmarks do not give the pelvis tilt. + flexion.
 * - knee_angle: knee flexion, + flexed (Rajagopal 2015 range -10..120 deg). gait2392 counts knee
 *   flexion negative (range -120..10 deg): negate these columns for that model.
 * - ankle_angle: dorsiflexion (foot to shank, 0 at a right angle), + dorsiflexion. The zero is the
 *   landmarks' heel-to-toe line, not the model's neutral foot.
 * - pelvis_list: hip-to-hip line to horizontal in a rear/front view, + right hip lower (a positive
 *   rotation about OpenSim's forward x axis lowers the right side).
 * - hip_adduction: thigh to the pelvis perpendicular in a rear/front view, + adduction.
 */
const MOT_COLUMNS: readonly MotColumn[] = [
  { name: 'hip_flexion_r', view: 'sagittal', series: (a) => a.hipFlexionDeg.right },
  { name: 'hip_flexion_l', view: 'sagittal', series: (a) => a.hipFlexionDeg.left },
  { name: 'knee_angle_r', view: 'sagittal', series: (a) => a.kneeFlexionDeg.right },
  { name: 'knee_angle_l', view: 'sagittal', series: (a) => a.kneeFlexionDeg.left },
  { name: 'ankle_angle_r', view: 'sagittal', series: (a) => a.ankleDorsiflexionDeg.right },
  { name: 'ankle_angle_l', view: 'sagittal', series: (a) => a.ankleDorsiflexionDeg.left },
  { name: 'hip_flexion_to_trunk_r', view: 'sagittal', series: (a) => a.hipFlexionToTrunkDeg.right },
  { name: 'hip_flexion_to_trunk_l', view: 'sagittal', series: (a) => a.hipFlexionToTrunkDeg.left },
  { name: 'shank_angle_r', view: 'sagittal', series: (a) => a.shankAngleDeg.right },
  { name: 'shank_angle_l', view: 'sagittal', series: (a) => a.shankAngleDeg.left },
  { name: 'foot_angle_r', view: 'sagittal', series: (a) => a.footAngleDeg.right },
  { name: 'foot_angle_l', view: 'sagittal', series: (a) => a.footAngleDeg.left },
  { name: 'trunk_lean', view: 'sagittal', series: (a) => a.trunkLeanDeg },
  { name: 'pelvis_list', view: 'frontal', series: (a) => a.pelvicObliquityDeg },
  { name: 'hip_adduction_r', view: 'frontal', series: (a) => a.hipAdductionDeg.right },
  { name: 'hip_adduction_l', view: 'frontal', series: (a) => a.hipAdductionDeg.left },
  { name: 'knee_fppa_r', view: 'frontal', series: (a) => a.kneeFppaDeg.right },
  { name: 'knee_fppa_l', view: 'frontal', series: (a) => a.kneeFppaDeg.left },
];

/** A header line for the reader (no "=": OpenSim reads such lines as key-value metadata). */
const MOT_NOTE: Record<ViewKind, string> = {
  sagittal:
    'GaitLens joint angles from 2D side-view video. knee_angle: flexion positive (Rajagopal 2015). hip_flexion: thigh to vertical (pelvis tilt not measured). ankle_angle: dorsiflexion positive.',
  frontal: 'GaitLens joint angles from 2D rear or front view video. pelvis_list: positive with the right hip lower. hip_adduction: positive toward the midline.',
};

/** The .mot column names an analysis of this view gets, after `time`. */
export function motColumnNames(view: ViewKind): string[] {
  return MOT_COLUMNS.filter((c) => c.view === view).map((c) => c.name);
}

/**
 * The filtered joint angles as an OpenSim motion (.mot Storage file, inDegrees=yes): `time` in
 * seconds, then the columns of the analysis' view (motColumnNames). An unknown angle is `NaN`
 * (OpenSim's .mot reader parses every cell as a number, so a cell cannot be empty).
 */
export function motFromAnalysis(analysis: GaitAnalysis): string {
  const columns = MOT_COLUMNS.filter((c) => c.view === analysis.view.kind);
  const series = columns.map((c) => c.series(analysis.angles));
  const n = analysis.frames.frame.length;
  const lines = [
    'Coordinates',
    'version=1',
    `nRows=${n}`,
    `nColumns=${columns.length + 1}`,
    'inDegrees=yes',
    MOT_NOTE[analysis.view.kind],
    'endheader',
    ['time', ...columns.map((c) => c.name)].join(TAB),
  ];
  for (let k = 0; k < n; k++) {
    const cells = [formatNumber(analysis.frames.tMs[k]! / 1000, SECONDS_DECIMALS)];
    for (const s of series) cells.push(formatNumber(s[k], DEG_DECIMALS) || 'NaN');
    lines.push(cells.join(TAB));
  }
  return lines.join(LF) + LF;
}
