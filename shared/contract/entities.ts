/** The records the app keeps, as they cross the API. Dates are ISO strings (YYYY-MM-DD). */
import type { AnalysisOptions } from '../gait/types.ts';
import type { Intake } from '../plan/intake.ts';
import type { Plan } from '../plan/types.ts';
import type { PoseModel } from '../pose/track.ts';

export interface Client {
  id: string;
  name: string;
  dateOfBirth: string | null;
  heightCm: number | null;
  /** Measured leg length (greater trochanter to floor or ASIS to medial malleolus), when the clinician measured it. */
  legLengthCm: number | null;
  dominantSide: 'left' | 'right' | null;
  notes: string;
  /** When the client was archived (hidden from the list, kept with every visit), or null. */
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ClientSummary extends Client {
  visitCount: number;
  lastVisitDate: string | null;
}

export interface VisitVideo {
  id: string;
  visitId: string;
  /** The file review and analysis use: the attached file, or its H.264 copy when it was converted. */
  mediaId: string;
  /** Its container as recognised from its first bytes. */
  container: VideoContainer;
  originalName: string;
  sizeBytes: number;
  sha256: string;
  attachedAt: string;
  /** The file as attached, kept unchanged, when the platform could not decode it and it was converted. */
  original: { mediaId: string; container: VideoContainer; sizeBytes: number } | null;
  /** The rate the camera filmed at, when the clinician set it (slow motion is stored at a lower playback rate). */
  captureFps: number | null;
  /** The newest pose analysis of this video, if any (the windows of a run have their own). */
  analysis: AnalysisSummary | null;
  /**
   * Seconds into the client's run at which this video starts, when it was filmed during one run
   * for the endurance comparison (issue 27); null when it is not part of one.
   */
  runStartS: number | null;
  /** Windows of this video analysed for the endurance comparison (a long clip's first and last minutes), in order. */
  runWindows: RunWindow[];
}

/** A stretch of a long clip analysed on its own for the endurance comparison, in file seconds. */
export interface RunWindow {
  id: string;
  visitVideoId: string;
  startS: number;
  endS: number;
  /** The newest pose analysis of this window, if any. */
  analysis: AnalysisSummary | null;
  createdAt: string;
}

export type VideoContainer = 'mp4' | 'mov' | 'webm' | 'mkv' | 'avi' | 'ts';

/** A conversion to H.264 (of a video this computer cannot decode), as the host runs it. */
export type VideoConversion =
  | { state: 'idle' }
  | { state: 'running'; framesDone: number; framesTotal: number | null; elapsedS: number }
  | { state: 'done'; frames: number; elapsedS: number; video: VisitVideo }
  | { state: 'failed'; message: string }
  | { state: 'cancelled' };

/** A stored pose analysis: the landmark track file and what it covers. */
export interface AnalysisSummary {
  id: string;
  visitVideoId: string;
  model: PoseModel;
  frames: number;
  framesWithPose: number;
  width: number;
  height: number;
  rotation: 0 | 90 | 180 | 270;
  fileFps: number;
  captureFps: number;
  /** The analysed window, in file seconds. */
  startS: number;
  endS: number;
  /** Length of the analysed window in capture (real) time. */
  analysedS: number;
  trackBytes: number;
  createdAt: string;
}

export interface Visit {
  id: string;
  clientId: string;
  visitDate: string;
  reason: string;
  notes: string;
  createdAt: string;
  videos: VisitVideo[];
  /** The intake form (pain, training, red-flag screen), once filled in. */
  intake: Intake | null;
  /** The strengthening and mobility plan as the clinician edited it, once drafted. */
  plan: Plan | null;
}

export interface AppInfo {
  name: string;
  version: string;
  dataDir: string;
  schemaVersion: number;
  transport: 'electron' | 'http';
}

/** What a backup archive holds (its manifest), as written or as checked before a restore. */
export interface BackupSummary {
  /** The archive file on this computer. */
  file: string;
  sizeBytes: number;
  createdAt: string;
  appVersion: string;
  schemaVersion: number;
  clients: number;
  visits: number;
  videos: number;
  analyses: number;
}

export interface RestoreSummary extends BackupSummary {
  /** Where the data that was replaced is kept (inside the data folder), or null when there was none. */
  previousDataKeptAt: string | null;
}

/** The clinician's corrections of one video's analysis: the current revision and whether undo/redo can move. */
export interface CorrectionsState {
  visitVideoId: string;
  options: AnalysisOptions;
  /** 0 = no corrections. */
  revision: number;
  latestRevision: number;
  canUndo: boolean;
  canRedo: boolean;
}

/** A frame the clinician marked for the report, captured with the overlay. */
export interface KeyFrame {
  id: string;
  visitId: string;
  visitVideoId: string;
  frame: number;
  tMs: number;
  label: string;
  imageType: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
  createdAt: string;
}

/** What the report's header shows: kept in the app's settings. */
export interface ClinicSettings {
  clinicName: string;
  clinicianName: string;
  /** Address or contact line under the clinic name. */
  contactLine: string;
  logo: { imageType: 'image/png' | 'image/jpeg'; bytes: Uint8Array } | null;
}

/** What deleting a client removed. */
export interface ClientDeletion {
  clientId: string;
  visits: number;
  videos: number;
  /** Files removed from the data folder (videos no other client uses, landmark tracks). */
  filesRemoved: number;
  /** Files that could not be removed (left in the data folder; named so they can be removed by hand). */
  filesLeft: string[];
}
