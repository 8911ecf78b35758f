/** Reading a visit's videos with their capture rate and newest analysis, in one query shape. */
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { AnalysisSummary, RunWindow, VideoContainer, VisitVideo } from '../../../shared/contract/entities.ts';

export const ANALYSIS_COLUMNS = `a.id, a.visit_video_id AS visitVideoId, a.model, a.frames, a.frames_with_pose AS framesWithPose,
  a.width, a.height, a.rotation, a.file_fps AS fileFps, a.capture_fps AS captureFps, a.start_s AS startS, a.end_s AS endS,
  a.analysed_s AS analysedS, a.track_bytes AS trackBytes, a.created_at AS createdAt`;

const SELECT = `SELECT vv.id, vv.visit_id AS visitId, vv.media_id AS mediaId, m.container, vv.original_name AS originalName,
    m.size_bytes AS sizeBytes, m.sha256, vv.attached_at AS attachedAt, vv.capture_fps AS captureFps, vv.run_start_s AS runStartS, a.id AS analysisId,
    o.id AS originalMediaId, o.container AS originalContainer, o.size_bytes AS originalSizeBytes
  FROM visit_videos vv
  JOIN media m ON m.id = vv.media_id
  LEFT JOIN media o ON o.id = vv.original_media_id
  LEFT JOIN analyses a ON a.id = (
    SELECT id FROM analyses WHERE visit_video_id = vv.id AND run_window_id IS NULL ORDER BY created_at DESC, rowid DESC LIMIT 1)`;

const WINDOWS = `SELECT w.id, w.visit_video_id AS visitVideoId, w.start_s AS startS, w.end_s AS endS, w.created_at AS createdAt,
    (SELECT id FROM analyses WHERE run_window_id = w.id ORDER BY created_at DESC, rowid DESC LIMIT 1) AS analysisId
  FROM run_windows w WHERE w.visit_video_id = ? ORDER BY w.start_s, w.rowid`;

type Row = Omit<VisitVideo, 'analysis' | 'original' | 'runWindows'> & {
  analysisId: string | null;
  originalMediaId: string | null;
  originalContainer: VideoContainer | null;
  originalSizeBytes: number | null;
};

/** Videos matching a WHERE clause over vv (visit_videos), in the order they were attached. */
export function selectVideos(db: DatabaseSync, where: string, ...params: SQLInputValue[]): VisitVideo[] {
  const rows = db.prepare(`${SELECT} WHERE ${where} ORDER BY vv.attached_at, vv.rowid`).all(...params) as unknown as Row[];
  const analysis = db.prepare(`SELECT ${ANALYSIS_COLUMNS} FROM analyses a WHERE a.id = ?`);
  const summary = (id: string | null) => (id ? ({ ...analysis.get(id) } as unknown as AnalysisSummary) : null);
  const windows = db.prepare(WINDOWS);
  return rows.map(({ analysisId, originalMediaId, originalContainer, originalSizeBytes, ...video }) => ({
    ...video,
    original: originalMediaId ? { mediaId: originalMediaId, container: originalContainer!, sizeBytes: originalSizeBytes! } : null,
    analysis: summary(analysisId),
    runWindows: (windows.all(video.id) as unknown as (Omit<RunWindow, 'analysis'> & { analysisId: string | null })[]).map(({ analysisId: windowAnalysis, ...w }) => ({
      ...w,
      analysis: summary(windowAnalysis),
    })),
  }));
}
