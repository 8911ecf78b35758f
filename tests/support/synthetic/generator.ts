/**
 * Synthetic landmark tracks from known kinematics: the ground truth for the gait analytics.
 *
 * A 3D stick figure (Winter 2009 proportions) runs or walks with the joint-angle curves of
 * curves.ts. The stance foot's lowest point (heel or toe) is held on the ground by setting the
 * pelvis height; in flight the pelvis follows a ballistic arc between toe-off and the next
 * initial contact, so initial contact and toe-off happen exactly at the curve phases 0 and
 * duty factor. A pinhole camera (side, rear or front) projects the figure into a LandmarkTrack
 * with 33 BlazePose landmarks; optional seeded jitter, outliers, dropouts and leg swaps mimic
 * what pose models do to real runners.
 */
import { LANDMARK_COUNT, Landmark } from '../../../shared/pose/track.ts';
import type { ImageLandmark, LandmarkTrack, PoseFrame, PoseModel } from '../../../shared/pose/track.ts';
import type { FrameStretch, Side } from '../../../shared/gait/types.ts';
import { RUNNING_CURVES, WALKING_CURVES, makeCurve } from './curves.ts';
import type { GaitCurves } from './curves.ts';
import { createRng } from './random.ts';

export type SyntheticView = 'sagittal-left' | 'sagittal-right' | 'rear' | 'front';

export interface SyntheticNoise {
  seed: number;
  /** SD of Gaussian landmark jitter in pixels (far leg x farJitterFactor in a side view). */
  jitterPx?: number;
  farJitterFactor?: number;
  /** Fraction of landmark samples replaced by a gross error (10-25% of leg length away). */
  outlierRate?: number;
  /** Fraction of frames without a pose, in bursts of 1-4 frames. */
  dropoutRate?: number;
  /** Visibility of the far leg in a side view (default 0.75). */
  farVisibility?: number;
  /**
   * Height of the heel landmark above the sole, cm (along the foot's normal). Real pose models
   * put the heel landmark on the heel bone, so a landed heel sits higher than a landed toe.
   */
  heelAboveSoleCm?: number;
  /** Fraction of side-view frames whose far knee, ankle, heel and toe collapse onto the near leg's (occlusion). */
  farCollapseRate?: number;
  /**
   * Frames that start a pose-model glitch (as on a real 60 fps treadmill clip): this frame has
   * its leg labels exchanged, and the next frame has both legs' knee, ankle, heel and toe merged
   * at their midpoint.
   */
  glitchFrames?: number[];
  /**
   * Height, cm, at which the foot hovers over the ground in the last 30% of swing while still
   * swinging forward (ankle, heel and toe landmarks lowered to it), as the near foot does on a
   * real 30 fps treadmill clip: low to the belt a few frames before it lands.
   */
  landingHoverCm?: number;
  /**
   * The heel landmark settling late: at contact it is drawn this many cm above the heel, the gap
   * closing linearly over heelSettleMs, as the heel landmark trails a blurred landing foot on
   * real 30 fps treadmill clips (its height settles 1-2 frames after the heel is down).
   */
  heelSettleCm?: number;
  heelSettleMs?: number;
}

export interface SyntheticSpec {
  gait: 'running' | 'walking';
  cadenceSpm: number;
  contactTimeMs: number;
  durationS: number;
  fps: number;
  /** The capture rate the track claims (a slow-motion file lies); default fps. */
  claimedCaptureFps?: number;
  view: SyntheticView;
  surface: 'treadmill' | 'overground';
  heightCm: number;
  cameraDistanceM: number;
  image?: { width: number; height: number };
  /** Focal length in pixels; default puts the body at 60% of the image height. */
  focalPx?: number;
  curves?: GaitCurves;
  /** Curves for the right leg when they differ (asymmetry); default the same as `curves`. */
  rightCurves?: GaitCurves;
  /** Peak contralateral pelvic drop during each foot's stance, deg. */
  pelvicDropDeg?: { left: number; right: number };
  trunkLeanDeg?: number;
  /** Phase of the left leg at t = 0 (0 = initial contact). */
  startPhase?: number;
  noise?: SyntheticNoise;
  /** Frames whose left and right leg labels are exchanged, as a pose model does. */
  swaps?: FrameStretch[];
  /**
   * The pose model the track stands for (default the app's, full), which decides where the toe
   * landmark is drawn: the heavy model at the shoe's tip; the full and lite models
   * TOE_BEHIND_TIP of the foot's length behind it.
   */
  model?: PoseModel;
}

/**
 * How far behind the shoe's tip the full (and lite) model draws the toe landmark, as a share of
 * the foot's length: on the two annotated treadmill clips the full model's heel-to-toe distance
 * is 9-11% shorter than the heavy model's on each foot (medians over the clip: 80.8 / 70.3 px
 * against 88.8 / 79.2 at 30 fps, 131.4 / 139.3 against 145.2 / 155.3 at 60 fps), with the shanks
 * within 4% (docs/validation.md, experiment 18).
 */
export const TOE_BEHIND_TIP = 0.1;

export interface SyntheticTruth {
  strideTimeMs: number;
  cadenceSpm: number;
  contactTimeMs: number;
  dutyFactor: number;
  /** Events inside the clip, in real time (ms). */
  events: { side: Side; type: 'IC' | 'TO'; tMs: number }[];
  /** Per frame, the kinematics that were put in. */
  kneeFlexionDeg: Record<Side, number[]>;
  hipFlexionDeg: Record<Side, number[]>;
  shankAngleDeg: Record<Side, number[]>;
  footAngleDeg: Record<Side, number[]>;
  /** Thigh to the pelvis perpendicular (the curve input plus the pelvic obliquity). */
  hipAdductionDeg: Record<Side, number[]>;
  trunkLeanDeg: number[];
  pelvicObliquityDeg: number[];
  pelvisHeightCm: number[];
  /** Pixels per cm in the runner's plane (pelvis depth). */
  pxPerCm: number;
  legLengthCm: number;
  /** Minimum foot clearance over frames when the foot should be in the air, cm. */
  minSwingClearanceCm: number;
}

const G = 9.81;

type V3 = [number, number, number];

interface Pose3D {
  pelvis: V3;
  points: Map<number, V3>;
  contactHeight: Record<Side, number>;
}

export function generateTrack(spec: SyntheticSpec): { track: LandmarkTrack; truth: SyntheticTruth } {
  const H = spec.heightCm / 100;
  const thigh = 0.245 * H;
  const shank = 0.246 * H;
  const footLen = 0.152 * H;
  const heelBack = 0.2 * footLen;
  const model = spec.model ?? 'full';
  const toeBehindTip = model === 'heavy' ? 0 : TOE_BEHIND_TIP;
  const ankleHeight = 0.039 * H;
  const trunkLen = 0.288 * H;
  const hipWidth = 0.1 * H;
  const shoulderWidth = 0.2 * H;
  const strideS = 120 / spec.cadenceSpm;
  const d = spec.contactTimeMs / 1000 / strideS;
  const baseCurves = spec.curves ?? (spec.gait === 'running' ? RUNNING_CURVES : WALKING_CURVES);
  const curvesFor = (s: Side) => (s === 'right' && spec.rightCurves ? spec.rightCurves : baseCurves);
  const fn = (s: Side) => {
    const c = curvesFor(s);
    return {
      hip: makeCurve(c.hipFlexionDeg, d),
      knee: makeCurve(c.kneeFlexionDeg, d),
      foot: makeCurve(c.footAngleDeg, d),
      add: makeCurve(c.hipAdductionDeg, d),
    };
  };
  const curves = { left: fn('left'), right: fn('right') };
  const rad = Math.PI / 180;
  const drop = spec.pelvicDropDeg ?? { left: 0, right: 0 };
  const lean = spec.trunkLeanDeg ?? 5;
  const startPhase = spec.startPhase ?? 0.1;
  const phaseOf = (s: Side, t: number) => {
    const p = t / strideS + startPhase + (s === 'right' ? 0.5 : 0);
    return p - Math.floor(p);
  };
  const obliquityAt = (t: number) => {
    const stanceDrop = (s: Side) => {
      const p = phaseOf(s, t);
      return p < d ? drop[s] * Math.sin((Math.PI * p) / d) : 0;
    };
    return stanceDrop('left') - stanceDrop('right');
  };

  /** Leg joint positions relative to the pelvis centre (X forward, Y up, Z right). */
  const leg = (s: Side, t: number, obliquityDeg: number) => {
    const p = phaseOf(s, t);
    const c = curves[s];
    const sigma = s === 'left' ? -1 : 1;
    const th = c.hip(p) * rad;
    const kn = c.knee(p) * rad;
    const ft = c.foot(p) * rad;
    const al = c.add(p) * rad;
    const ob = obliquityDeg * rad;
    const hip: V3 = [0, (-sigma * hipWidth * Math.sin(ob)) / 2, (sigma * hipWidth * Math.cos(ob)) / 2];
    const seg = (len: number, ang: number, from: V3): V3 => [
      from[0] + len * Math.sin(ang) * Math.cos(al),
      from[1] - len * Math.cos(ang) * Math.cos(al),
      from[2] - sigma * len * Math.sin(al),
    ];
    const knee = seg(thigh, th, hip);
    const ankle = seg(shank, th - kn, knee);
    const u: V3 = [Math.cos(ft), Math.sin(ft), 0];
    const nrm: V3 = [-Math.sin(ft), Math.cos(ft), 0];
    const heel: V3 = [ankle[0] - heelBack * u[0] - ankleHeight * nrm[0], ankle[1] - heelBack * u[1] - ankleHeight * nrm[1], ankle[2]];
    const toeAt = (along: number): V3 => [ankle[0] + along * u[0] - ankleHeight * nrm[0], ankle[1] + along * u[1] - ankleHeight * nrm[1], ankle[2]];
    const toe = toeAt(footLen - heelBack);
    // the landmark as the model draws it
    const toeMark = toeAt(footLen * (1 - toeBehindTip) - heelBack);
    return { p, hip, knee, ankle, heel, toe, toeMark, lowest: Math.min(heel[1], toe[1]), midX: (heel[0] + toe[0]) / 2, th, kn, ft, al };
  };
  const inStance = (s: Side, t: number) => phaseOf(s, t) < d;
  /** Pelvis height that puts the stance foot (or the higher-demanding one) on the ground. */
  const stanceHeight = (t: number): number | null => {
    const ob = obliquityAt(t);
    const hs = (['left', 'right'] as const).filter((s) => inStance(s, t)).map((s) => -leg(s, t, ob).lowest);
    return hs.length ? Math.max(...hs) : null;
  };
  const lastEventBefore = (t: number, side: Side, phase: number) => {
    const p = t / strideS + startPhase + (side === 'right' ? 0.5 : 0);
    const k = Math.floor(p - phase);
    return (k + phase - startPhase - (side === 'right' ? 0.5 : 0)) * strideS;
  };
  const pelvisHeight = (t: number): number => {
    const h = stanceHeight(t);
    if (h !== null) return h;
    const toTimes = (['left', 'right'] as const).map((s) => ({ s, t: lastEventBefore(t, s, d) }));
    const last = toTimes.reduce((a, b) => (a.t > b.t ? a : b));
    const icTimes = (['left', 'right'] as const).map((s) => ({ s, t: lastEventBefore(t, s, 0) + strideS }));
    const next = icTimes.reduce((a, b) => (a.t < b.t ? a : b));
    const eps = 1e-9;
    const ya = -leg(last.s, last.t - eps, obliquityAt(last.t - eps)).lowest;
    const yb = -leg(next.s, next.t + eps, obliquityAt(next.t + eps)).lowest;
    const tau = (t - last.t) / (next.t - last.t);
    return ya + (yb - ya) * tau + 0.5 * G * (t - last.t) * (next.t - t);
  };
  /**
   * Lateral pelvis shift that keeps the stance foot still on the ground while the hip adducts:
   * zero at each initial contact, following the stance foot, linear across flight.
   */
  const lateralShiftStance = (s: Side, t: number) => {
    const tIc = lastEventBefore(t, s, 0);
    return leg(s, tIc + 1e-9, obliquityAt(tIc + 1e-9)).heel[2] - leg(s, t, obliquityAt(t)).heel[2];
  };
  const pelvisLateral = (t: number): number => {
    const stance = (['left', 'right'] as const).filter((s) => inStance(s, t));
    if (stance.length) return stance.reduce((a, s) => a + lateralShiftStance(s, t), 0) / stance.length;
    const toTimes = (['left', 'right'] as const).map((s) => ({ s, t: lastEventBefore(t, s, d) }));
    const last = toTimes.reduce((a, b) => (a.t > b.t ? a : b));
    const next = Math.min(...(['left', 'right'] as const).map((s) => lastEventBefore(t, s, 0) + strideS));
    const za = lateralShiftStance(last.s, last.t - 1e-9);
    return za * (1 - (t - last.t) / (next - last.t));
  };
  const forwardSpeed = (() => {
    if (spec.surface === 'treadmill') return 0;
    const speeds = (['left', 'right'] as const).map((s) => {
      const t0 = (-startPhase - (s === 'right' ? 0.5 : 0) + 1) * strideS;
      const a = leg(s, t0 + 1e-9, 0).midX;
      const b = leg(s, t0 + d * strideS - 1e-9, 0).midX;
      return (a - b) / (d * strideS);
    });
    return (speeds[0]! + speeds[1]!) / 2;
  })();

  const fps = spec.fps;
  const n = Math.round(spec.durationS * fps);
  const image = spec.image ?? (spec.view.startsWith('sagittal') && spec.surface === 'overground' ? { width: 1280, height: 720 } : { width: 720, height: 1280 });
  const D = spec.cameraDistanceM;
  const f = spec.focalPx ?? (0.6 * image.height * D) / H;
  const camHeight = 0.53 * H;
  const totalTravel = forwardSpeed * spec.durationS;
  const camX = totalTravel / 2;

  const pose = (t: number): Pose3D => {
    const ob = obliquityAt(t);
    const py = pelvisHeight(t);
    const px = forwardSpeed * t;
    const pz = pelvisLateral(t);
    const pelvis: V3 = [px, py, pz];
    const pts = new Map<number, V3>();
    const add = (idx: number, v: V3) => pts.set(idx, [v[0] + px, v[1] + py, v[2] + pz]);
    const contactHeight = { left: 0, right: 0 };
    for (const s of ['left', 'right'] as const) {
      const g = leg(s, t, ob);
      const L = s === 'left';
      add(L ? Landmark.leftHip : Landmark.rightHip, g.hip);
      add(L ? Landmark.leftKnee : Landmark.rightKnee, g.knee);
      const hover = spec.noise?.landingHoverCm;
      const phase = phaseOf(s, t);
      const down = hover !== undefined && phase >= d + 0.7 * (1 - d) ? Math.max(0, g.lowest + py - hover / 100) : 0;
      add(L ? Landmark.leftAnkle : Landmark.rightAnkle, [g.ankle[0], g.ankle[1] - down, g.ankle[2]]);
      const settleS = (spec.noise?.heelSettleMs ?? 0) / 1000;
      const sinceContact = phase * strideS;
      const settle = phase < d && sinceContact < settleS ? ((spec.noise?.heelSettleCm ?? 0) / 100) * (1 - sinceContact / settleS) : 0;
      const lift = (spec.noise?.heelAboveSoleCm ?? 0) / 100 + settle;
      add(L ? Landmark.leftHeel : Landmark.rightHeel, [g.heel[0] - lift * Math.sin(g.ft), g.heel[1] + lift * Math.cos(g.ft) - down, g.heel[2]]);
      add(L ? Landmark.leftFootIndex : Landmark.rightFootIndex, [g.toeMark[0], g.toeMark[1] - down, g.toeMark[2]]);
      contactHeight[s] = g.lowest + py;
    }
    const leanNow = (lean + 1.5 * Math.sin(4 * Math.PI * phaseOf('left', t))) * rad;
    const sm: V3 = [trunkLen * Math.sin(leanNow), trunkLen * Math.cos(leanNow), 0];
    const shoulder = (s: Side): V3 => [sm[0], sm[1], ((s === 'left' ? -1 : 1) * shoulderWidth) / 2];
    add(Landmark.leftShoulder, shoulder('left'));
    add(Landmark.rightShoulder, shoulder('right'));
    const head: V3 = [sm[0] + 0.02 * H, sm[1] + 0.11 * H, 0];
    add(Landmark.nose, [head[0] + 0.05 * H, head[1], 0]);
    // eyes, ears and mouth around the nose (indices 1-10)
    const face: [number, V3][] = [
      [1, [0.045, 0.02, -0.015]], [2, [0.045, 0.02, -0.02]], [3, [0.04, 0.02, -0.03]],
      [4, [0.045, 0.02, 0.015]], [5, [0.045, 0.02, 0.02]], [6, [0.04, 0.02, 0.03]],
      [7, [0, 0.01, -0.045]], [8, [0, 0.01, 0.045]], [9, [0.045, -0.03, -0.012]], [10, [0.045, -0.03, 0.012]],
    ];
    for (const [idx, o] of face) add(idx, [head[0] + o[0] * H, head[1] + o[1] * H, o[2] * H]);
    for (const s of ['left', 'right'] as const) {
      const other = s === 'left' ? 'right' : 'left';
      const swing = 0.7 * (curves[other].hip(phaseOf(other, t)) - 8) * rad;
      const sh = shoulder(s);
      const upper = 0.186 * H;
      const fore = 0.146 * H;
      const elbow: V3 = [sh[0] + upper * Math.sin(swing), sh[1] - upper * Math.cos(swing), sh[2]];
      const fa = swing + 80 * rad;
      const wrist: V3 = [elbow[0] + fore * Math.sin(fa), elbow[1] - fore * Math.cos(fa), elbow[2]];
      const L = s === 'left';
      add(L ? Landmark.leftElbow : Landmark.rightElbow, elbow);
      add(L ? Landmark.leftWrist : Landmark.rightWrist, wrist);
      const hand = L ? [17, 19, 21] : [18, 20, 22];
      hand.forEach((idx, j) => add(idx, [wrist[0] + 0.03 * H * Math.sin(fa), wrist[1] - 0.03 * H * Math.cos(fa), wrist[2] + (j - 1) * 0.01]));
    }
    return { pelvis, points: pts, contactHeight };
  };

  const project = (v: V3, pelvis: V3): { x: number; y: number; z: number } => {
    let depth: number;
    let u: number;
    if (spec.view === 'sagittal-left') {
      depth = v[2] + D;
      u = image.width / 2 - (f * (v[0] - camX)) / depth;
    } else if (spec.view === 'sagittal-right') {
      depth = D - v[2];
      u = image.width / 2 + (f * (v[0] - camX)) / depth;
    } else if (spec.view === 'rear') {
      depth = v[0] - pelvis[0] + D;
      u = image.width / 2 + (f * v[2]) / depth;
    } else {
      depth = D - (v[0] - pelvis[0]);
      u = image.width / 2 - (f * v[2]) / depth;
    }
    const vv = image.height / 2 - (f * (v[1] - camHeight)) / depth;
    return { x: u / image.width, y: vv / image.height, z: ((depth - D) * f) / D / image.width };
  };

  const rng = createRng(spec.noise?.seed ?? 1);
  const noise = spec.noise;
  const claimed = spec.claimedCaptureFps ?? fps;
  const sideView = spec.view.startsWith('sagittal');
  const farSide: Side | null = spec.view === 'sagittal-left' ? 'right' : spec.view === 'sagittal-right' ? 'left' : null;
  const farIdx = new Set<number>(
    farSide === 'left'
      ? [Landmark.leftHip, Landmark.leftKnee, Landmark.leftAnkle, Landmark.leftHeel, Landmark.leftFootIndex, Landmark.leftShoulder, Landmark.leftElbow, Landmark.leftWrist]
      : farSide === 'right'
        ? [Landmark.rightHip, Landmark.rightKnee, Landmark.rightAnkle, Landmark.rightHeel, Landmark.rightFootIndex, Landmark.rightShoulder, Landmark.rightElbow, Landmark.rightWrist]
        : [],
  );
  const legPairs: [number, number][] = [
    [Landmark.leftHip, Landmark.rightHip], [Landmark.leftKnee, Landmark.rightKnee], [Landmark.leftAnkle, Landmark.rightAnkle],
    [Landmark.leftHeel, Landmark.rightHeel], [Landmark.leftFootIndex, Landmark.rightFootIndex],
  ];
  const legLenPx = ((thigh + shank) * f) / D;

  const truth: SyntheticTruth = {
    strideTimeMs: strideS * 1000,
    cadenceSpm: spec.cadenceSpm,
    contactTimeMs: spec.contactTimeMs,
    dutyFactor: d,
    events: [],
    kneeFlexionDeg: { left: [], right: [] },
    hipFlexionDeg: { left: [], right: [] },
    shankAngleDeg: { left: [], right: [] },
    footAngleDeg: { left: [], right: [] },
    hipAdductionDeg: { left: [], right: [] },
    trunkLeanDeg: [],
    pelvicObliquityDeg: [],
    pelvisHeightCm: [],
    pxPerCm: f / D / 100,
    legLengthCm: (thigh + shank) * 100,
    minSwingClearanceCm: Infinity,
  };
  for (const s of ['left', 'right'] as const) {
    for (const [type, ph] of [['IC', 0], ['TO', d]] as const) {
      for (let k = -1; ; k++) {
        const tS = (k + ph - startPhase - (s === 'right' ? 0.5 : 0)) * strideS;
        if (tS > (n - 1) / fps) break;
        if (tS >= 0) truth.events.push({ side: s, type, tMs: tS * 1000 });
      }
    }
  }
  truth.events.sort((a, b) => a.tMs - b.tMs);

  let dropoutLeft = 0;
  const frames: PoseFrame[] = [];
  for (let k = 0; k < n; k++) {
    const t = k / fps;
    const ps = pose(t);
    const ob = obliquityAt(t);
    for (const s of ['left', 'right'] as const) {
      const g = leg(s, t, ob);
      truth.kneeFlexionDeg[s].push(g.kn / rad);
      truth.hipFlexionDeg[s].push(g.th / rad);
      truth.shankAngleDeg[s].push((g.th - g.kn) / rad);
      truth.footAngleDeg[s].push(g.ft / rad);
      truth.hipAdductionDeg[s].push(g.al / rad + (s === 'left' ? ob : -ob));
      if (!inStance(s, t)) truth.minSwingClearanceCm = Math.min(truth.minSwingClearanceCm, ps.contactHeight[s] * 100);
    }
    truth.trunkLeanDeg.push(lean + 1.5 * Math.sin(4 * Math.PI * phaseOf('left', t)));
    truth.pelvicObliquityDeg.push(ob);
    truth.pelvisHeightCm.push(ps.pelvis[1] * 100);

    if (noise?.dropoutRate && dropoutLeft === 0 && rng.uniform() < noise.dropoutRate / 2.5) dropoutLeft = 1 + Math.floor(rng.uniform() * 4);
    if (dropoutLeft > 0) {
      dropoutLeft--;
      frames.push({ i: k, tMs: (k * 1000) / claimed, landmarks: null, world: null });
      continue;
    }
    const lms: ImageLandmark[] = [];
    for (let idx = 0; idx < LANDMARK_COUNT; idx++) {
      const v = ps.points.get(idx)!;
      const pr = project(v, ps.pelvis);
      const far = farIdx.has(idx);
      let x = pr.x * image.width;
      let y = pr.y * image.height;
      if (noise?.jitterPx) {
        const sdPx = noise.jitterPx * (far ? (noise.farJitterFactor ?? 1.5) : 1);
        x += sdPx * rng.gaussian();
        y += sdPx * rng.gaussian();
      }
      if (noise?.outlierRate && rng.uniform() < noise.outlierRate) {
        const a = rng.uniform() * 2 * Math.PI;
        const r = (0.1 + 0.15 * rng.uniform()) * legLenPx;
        x += r * Math.cos(a);
        y += r * Math.sin(a);
      }
      const visibility = far && sideView ? (noise?.farVisibility ?? 0.75) : 0.97;
      lms.push({ x: x / image.width, y: y / image.height, z: pr.z, visibility, presence: 0.99 });
    }
    if (farSide && noise?.farCollapseRate && rng.uniform() < noise.farCollapseRate) {
      for (const [a, b] of legPairs.slice(1)) {
        const [far, near] = farSide === 'left' ? [a, b] : [b, a];
        lms[far] = { ...lms[near]!, visibility: lms[far]!.visibility };
      }
    }
    if (noise?.glitchFrames?.includes(k - 1)) {
      for (const [a, b] of legPairs.slice(1)) {
        const pa = lms[a]!;
        const pb = lms[b]!;
        const mid = { ...pa, x: (pa.x + pb.x) / 2, y: (pa.y + pb.y) / 2 };
        lms[a] = mid;
        lms[b] = { ...mid, visibility: pb.visibility };
      }
    }
    if (spec.swaps?.some((sw) => k >= sw.startFrame && k <= sw.endFrame) || noise?.glitchFrames?.includes(k)) {
      for (const [a, b] of legPairs) {
        const tmp = lms[a]!;
        lms[a] = lms[b]!;
        lms[b] = tmp;
      }
    }
    frames.push({ i: k, tMs: (k * 1000) / claimed, landmarks: lms, world: null });
  }
  const track: LandmarkTrack = {
    video: { width: image.width, height: image.height, rotation: 0, frames: n, fileFps: claimed, captureFps: claimed, durationS: n / claimed },
    model,
    frames,
  };
  return { track, truth };
}

/** A typical treadmill side-view running clip; override any field. */
export function runningSpec(overrides: Partial<SyntheticSpec> = {}): SyntheticSpec {
  return {
    gait: 'running',
    cadenceSpm: 170,
    contactTimeMs: 250,
    durationS: 8,
    fps: 120,
    view: 'sagittal-right',
    surface: 'treadmill',
    heightCm: 178,
    cameraDistanceM: 3,
    ...overrides,
  };
}
