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
}

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
