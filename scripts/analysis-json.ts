/** The analysis.json written by the headless command (documented in docs/analysis-format.md). */
import type { AnalysisSummary } from '../shared/contract/entities.ts';
import type { GaitAnalysis } from '../shared/gait/types.ts';
import type { LandmarkTrack } from '../shared/pose/track.ts';

export const ANALYSIS_JSON_VERSION = 2;

export function analysisJson(file: string, track: LandmarkTrack, summary: AnalysisSummary, gait: GaitAnalysis) {
  const { video } = track;
  return {
    format: 'gaitlens-analysis',
    version: ANALYSIS_JSON_VERSION,
    video: {
      file,
      width: video.width,
      height: video.height,
      rotation: video.rotation,
      frames: video.frames,
      fileFps: video.fileFps,
      captureFps: video.captureFps,
      durationS: video.durationS,
    },
    pose: {
      model: track.model,
      framesWithPose: summary.framesWithPose,
      framesAnalysed: summary.frames,
      window: { startS: summary.startS, endS: summary.endS },
    },
    frames: track.frames.map((f) => ({
      i: f.i,
      tMs: f.tMs,
      landmarks: f.landmarks ? f.landmarks.map((l) => [l.x, l.y, l.z, l.visibility]) : null,
    })),
    view: { kind: gait.view.kind, side: gait.view.side, direction: gait.view.direction, detected: gait.view.detected },
    gait: gait.gait,
    calibration: gait.calibration,
    identity: gait.identity,
    footTracking: gait.footTracking,
    events: gait.events,
    strides: gait.strides,
    angles: gait.angles,
    metrics: gait.metrics,
    curveNotes: gait.curveNotes,
    findings: gait.findings,
    findingsNotEvaluated: gait.findingsNotEvaluated,
  };
}
