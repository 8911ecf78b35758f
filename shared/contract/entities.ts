/** The records the app keeps, as they cross the API. Dates are ISO strings (YYYY-MM-DD). */
import type { PoseModel } from '../pose/track.ts';

export interface Client {
  id: string;
  name: string;
  dateOfBirth: string | null;
  heightCm: number | null;
  notes: string;
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
  mediaId: string;
  originalName: string;
  sizeBytes: number;
  sha256: string;
  attachedAt: string;
  /** The rate the camera filmed at, when the clinician set it (slow motion is stored at a lower playback rate). */
  captureFps: number | null;
  /** The newest pose analysis of this video, if any. */
  analysis: AnalysisSummary | null;
}

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
