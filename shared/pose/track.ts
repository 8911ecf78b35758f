/**
 * The landmark track: what pose detection produces for one video, frame by frame.
 * MediaPipe PoseLandmarker (BlazePose) topology, 33 landmarks.
 * Image landmarks: x, y normalised to the (rotation-corrected) frame width and height,
 * origin top-left, y down; z relative depth (same scale as x); visibility and presence 0..1.
 * World landmarks: metres, origin between the hips, y down.
 */

export const LANDMARK_COUNT = 33;

export const Landmark = {
  nose: 0,
  leftShoulder: 11,
  rightShoulder: 12,
  leftElbow: 13,
  rightElbow: 14,
  leftWrist: 15,
  rightWrist: 16,
  leftHip: 23,
  rightHip: 24,
  leftKnee: 25,
  rightKnee: 26,
  leftAnkle: 27,
  rightAnkle: 28,
  leftHeel: 29,
  rightHeel: 30,
  leftFootIndex: 31,
  rightFootIndex: 32,
} as const;
export type LandmarkName = keyof typeof Landmark;

export interface ImageLandmark {
  x: number;
  y: number;
  z: number;
  visibility: number;
  presence: number;
}

export interface WorldLandmark {
  x: number;
  y: number;
  z: number;
}

export interface PoseFrame {
  /** 0-based frame index in decode (presentation) order. */
  i: number;
  /** Capture time in ms from the start of the clip (file time scaled by fileFps / captureFps). */
  tMs: number;
  /** 33 image landmarks, or null when no pose was found in this frame. */
  landmarks: ImageLandmark[] | null;
  /** 33 world landmarks, or null when no pose was found in this frame. */
  world: WorldLandmark[] | null;
  /** The shanks' colours read from this frame's pixels (shank-pixels.ts), where they could be read. */
  shanks?: ShankPixels;
  /** How each labelled foot's shoe moved from the previous frame to this one, read from the pixels (foot-motion.ts), where it could be read. */
  feet?: Partial<Record<'left' | 'right', FootMotion>>;
}

/** A shoe patch's displacement between two frames (pixels of the upright frame, x right, y down) and its correlation (-1 to 1). */
export interface FootMotion {
  dx: number;
  dy: number;
  score: number;
}

/** A colour: red, green and blue, 0-255. */
export type Rgb = [number, number, number];

/**
 * Pixels of the two labelled shanks (knee to ankle) in one frame: each shank's mean colour while
 * they are apart in the image, or a sample of the pixels where they cross (the near shank's,
 * whichever label it carries).
 */
export type ShankPixels = { kind: 'apart'; left: Rgb; right: Rgb } | { kind: 'crossing'; pixels: Rgb[] };

export type PoseModel = 'lite' | 'full' | 'heavy';

export interface VideoInfo {
  /** Width and height after rotation, as the clinician sees the frame. */
  width: number;
  height: number;
  rotation: 0 | 90 | 180 | 270;
  frames: number;
  fileFps: number;
  captureFps: number;
  durationS: number;
}

export interface LandmarkTrack {
  video: VideoInfo;
  model: PoseModel;
  frames: PoseFrame[];
}
