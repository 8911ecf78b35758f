/**
 * Pose analyses: each landmark track is a binary file beside the media (analyses/<id>.gltrack),
 * referenced from the database with its hash. The file is written completely before the row
 * that points to it, so an interrupted save leaves no analysis half-there.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AnalysisSummary } from '../../../shared/contract/entities.ts';
import { ServiceError } from '../../../shared/contract/dispatch.ts';
import { decodeTrack, TrackFormatError } from '../../../shared/pose/track-codec.ts';
import type { Database } from '../storage/database.ts';
import { ANALYSIS_COLUMNS } from '../storage/visit-videos.ts';

export class AnalysisStore {
  private readonly db: Database;
  readonly dir: string;
  private readonly now: () => Date;

  constructor(db: Database, dataDir: string, now: () => Date = () => new Date()) {
    this.db = db;
    this.dir = join(dataDir, 'analyses');
    this.now = now;
  }

  /** `runWindowId`: the analysis is that window's (an endurance run), not the video's newest. */
  async save(visitVideoId: string, bytes: Uint8Array, startS: number, endS: number, runWindowId: string | null = null): Promise<AnalysisSummary> {
    const video = this.db.read((db) => db.prepare('SELECT 1 FROM visit_videos WHERE id = ?').get(visitVideoId));
    if (!video) throw new ServiceError('not-found', 'This video is no longer attached to the visit.');
    if (endS <= startS) throw new ServiceError('invalid-argument', 'The analysed window must end after it starts.');
    if (runWindowId !== null) {
      const window = this.db.read((db) => db.prepare('SELECT 1 FROM run_windows WHERE id = ? AND visit_video_id = ?').get(runWindowId, visitVideoId));
      if (!window) throw new ServiceError('not-found', 'This window of the run no longer exists: it was changed while it was analysed. Analyse it again.');
    }
    let track;
    try {
      track = decodeTrack(bytes);
    } catch (error) {
      if (error instanceof TrackFormatError) throw new ServiceError('invalid-argument', error.message);
      throw error;
    }
    const { video: info } = track;
    const framesWithPose = track.frames.filter((f) => f.landmarks).length;
    const first = track.frames[0];
    const last = track.frames.at(-1);
    const frameMs = 1000 / info.captureFps;
    const analysedS = first && last ? (last.tMs - first.tMs + frameMs) / 1000 : 0;

    const id = randomUUID();
    const fileName = `${id}.gltrack`;
    const path = join(this.dir, fileName);
    try {
      await mkdir(this.dir, { recursive: true });
      await writeFile(`${path}.partial`, bytes, { flag: 'wx' });
      await rename(`${path}.partial`, path);
    } catch (error) {
      await rm(`${path}.partial`, { force: true });
      if ((error as NodeJS.ErrnoException).code === 'ENOSPC') {
        throw new ServiceError('storage', 'The disk is full: the analysis was not saved. Free some space and analyse again.');
      }
      throw error;
    }
    try {
      this.db.write((db) =>
        db
          .prepare(
            `INSERT INTO analyses (id, visit_video_id, model, track_file, track_sha256, track_bytes, frames, frames_with_pose,
               width, height, rotation, file_fps, capture_fps, start_s, end_s, analysed_s, created_at, run_window_id)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            id, visitVideoId, track.model, fileName, sha256(bytes), bytes.length, track.frames.length, framesWithPose,
            info.width, info.height, info.rotation, info.fileFps, info.captureFps, startS, endS, analysedS,
            this.now().toISOString(), runWindowId,
          ),
      );
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
    return this.summary(id);
  }

  summary(id: string): AnalysisSummary {
    const row = this.db.read((db) => db.prepare(`SELECT ${ANALYSIS_COLUMNS} FROM analyses a WHERE a.id = ?`).get(id));
    if (!row) throw new ServiceError('not-found', 'This analysis no longer exists.');
    return { ...row } as unknown as AnalysisSummary;
  }

  /** The stored track file, checked against the hash recorded when it was saved. */
  async track(id: string): Promise<Uint8Array> {
    const row = this.db.read(
      (db) =>
        db.prepare('SELECT track_file AS file, track_sha256 AS sha FROM analyses WHERE id = ?').get(id) as
          | { file: string; sha: string }
          | undefined,
    );
    if (!row) throw new ServiceError('not-found', 'This analysis no longer exists.');
    const path = join(this.dir, row.file);
    if (!existsSync(path)) {
      throw new ServiceError('storage', 'The landmark file of this analysis is missing from the data folder. Analyse the video again.');
    }
    const buffer = await readFile(path);
    if (sha256(buffer) !== row.sha) {
      throw new ServiceError('storage', 'The landmark file of this analysis is damaged (its content changed). Analyse the video again.');
    }
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
