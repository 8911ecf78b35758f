/**
 * A video's part in an endurance run: where it starts in the run, and the windows of a long clip
 * that are analysed on their own. Setting the windows keeps a window given again unchanged (with
 * its analysis) and removes the others with their analyses, in one transaction; the landmark files
 * of removed analyses go after the commit (as deleting a client does).
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { VisitVideo } from '../../../shared/contract/entities.ts';
import { ServiceError } from '../../../shared/contract/dispatch.ts';
import type { Database } from './database.ts';
import type { VisitVideoRepository } from './visits.ts';

/** The same window when its ends agree within this (seconds): the UI rounds to tenths. */
const SAME_S = 0.05;

export class RunRepository {
  private readonly db: Database;
  private readonly analysesDir: string;
  private readonly videos: VisitVideoRepository;
  private readonly now: () => Date;

  constructor(db: Database, analysesDir: string, videos: VisitVideoRepository, now: () => Date = () => new Date()) {
    this.db = db;
    this.analysesDir = analysesDir;
    this.videos = videos;
    this.now = now;
  }

  setRunStart(visitVideoId: string, runStartS: number | null): VisitVideo {
    const changed = this.db.write((db) => db.prepare('UPDATE visit_videos SET run_start_s = ? WHERE id = ?').run(runStartS, visitVideoId));
    if (changed.changes === 0) throw new ServiceError('not-found', 'This video is no longer attached to the visit.');
    return this.videos.get(visitVideoId);
  }

  /** Replaces the video's windows (file seconds, any order; they may not overlap). */
  async setWindows(visitVideoId: string, windows: { startS: number; endS: number }[]): Promise<VisitVideo> {
    const sorted = [...windows].sort((a, b) => a.startS - b.startS);
    for (const [k, w] of sorted.entries()) {
      if (!(w.endS > w.startS)) throw new ServiceError('invalid-argument', 'Each window must end after it starts.');
      const next = sorted[k + 1];
      if (next && next.startS < w.endS - SAME_S) throw new ServiceError('invalid-argument', 'The windows overlap: each stretch of the run can be in one window only.');
    }
    const files = this.db.write((db) => {
      if (!db.prepare('SELECT 1 FROM visit_videos WHERE id = ?').get(visitVideoId)) throw new ServiceError('not-found', 'This video is no longer attached to the visit.');
      const existing = db.prepare('SELECT id, start_s AS startS, end_s AS endS FROM run_windows WHERE visit_video_id = ?').all(visitVideoId) as {
        id: string;
        startS: number;
        endS: number;
      }[];
      const kept = new Set<string>();
      const insert = db.prepare('INSERT INTO run_windows (id, visit_video_id, start_s, end_s, created_at) VALUES (?, ?, ?, ?, ?)');
      for (const w of sorted) {
        const same = existing.find((e) => !kept.has(e.id) && Math.abs(e.startS - w.startS) <= SAME_S && Math.abs(e.endS - w.endS) <= SAME_S);
        if (same) kept.add(same.id);
        else insert.run(randomUUID(), visitVideoId, w.startS, w.endS, this.now().toISOString());
      }
      const removed = existing.filter((e) => !kept.has(e.id));
      const trackOf = db.prepare('SELECT track_file AS file FROM analyses WHERE run_window_id = ?');
      const remove = db.prepare('DELETE FROM run_windows WHERE id = ?');
      const out: string[] = [];
      for (const e of removed) {
        out.push(...(trackOf.all(e.id) as { file: string }[]).map((t) => join(this.analysesDir, t.file)));
        remove.run(e.id);
      }
      return out;
    });
    // an unremovable file is only an unreferenced file: the record is already gone
    await Promise.all(files.map((f) => rm(f, { force: true }).catch(() => undefined)));
    return this.videos.get(visitVideoId);
  }
}
