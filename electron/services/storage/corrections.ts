/**
 * The clinician's corrections of a video's analysis, kept as numbered revisions: setting writes a
 * new revision (dropping any that were undone), undo and redo move the video's current revision.
 * Revision 0 is the analysis as detected, without corrections.
 */
import type { CorrectionsState } from '../../../shared/contract/entities.ts';
import { ServiceError } from '../../../shared/contract/dispatch.ts';
import type { AnalysisOptions } from '../../../shared/gait/types.ts';
import type { DatabaseSync } from 'node:sqlite';
import type { Database } from './database.ts';

export class CorrectionsRepository {
  private readonly db: Database;
  private readonly now: () => Date;

  constructor(db: Database, now: () => Date = () => new Date()) {
    this.db = db;
    this.now = now;
  }

  get(visitVideoId: string): CorrectionsState {
    return this.db.read((db) => state(db, visitVideoId));
  }

  set(visitVideoId: string, options: AnalysisOptions): CorrectionsState {
    return this.db.write((db) => {
      const { revision } = current(db, visitVideoId);
      db.prepare('DELETE FROM video_corrections WHERE visit_video_id = ? AND revision > ?').run(visitVideoId, revision);
      db.prepare('INSERT INTO video_corrections (visit_video_id, revision, options_json, created_at) VALUES (?, ?, ?, ?)').run(
        visitVideoId, revision + 1, JSON.stringify(options), this.now().toISOString(),
      );
      db.prepare('UPDATE visit_videos SET corrections_revision = ? WHERE id = ?').run(revision + 1, visitVideoId);
      return state(db, visitVideoId);
    });
  }

  undo(visitVideoId: string): CorrectionsState {
    return this.move(visitVideoId, -1);
  }

  redo(visitVideoId: string): CorrectionsState {
    return this.move(visitVideoId, +1);
  }

  private move(visitVideoId: string, step: -1 | 1): CorrectionsState {
    return this.db.write((db) => {
      const { revision, latest } = current(db, visitVideoId);
      const target = revision + step;
      if (target < 0 || target > latest) {
        throw new ServiceError('conflict', step < 0 ? 'There is no correction to undo.' : 'There is no correction to redo.');
      }
      db.prepare('UPDATE visit_videos SET corrections_revision = ? WHERE id = ?').run(target, visitVideoId);
      return state(db, visitVideoId);
    });
  }
}

function current(db: DatabaseSync, visitVideoId: string): { revision: number; latest: number } {
  const row = db
    .prepare(
      `SELECT corrections_revision AS revision,
         (SELECT coalesce(max(revision), 0) FROM video_corrections WHERE visit_video_id = vv.id) AS latest
       FROM visit_videos vv WHERE vv.id = ?`,
    )
    .get(visitVideoId) as { revision: number; latest: number } | undefined;
  if (!row) throw new ServiceError('not-found', 'This video is no longer attached to the visit.');
  return row;
}

function state(db: DatabaseSync, visitVideoId: string): CorrectionsState {
  const { revision, latest } = current(db, visitVideoId);
  const row =
    revision === 0
      ? undefined
      : (db
          .prepare('SELECT options_json AS json FROM video_corrections WHERE visit_video_id = ? AND revision = ?')
          .get(visitVideoId, revision) as { json: string } | undefined);
  return {
    visitVideoId,
    options: row ? (JSON.parse(row.json) as AnalysisOptions) : {},
    revision,
    latestRevision: latest,
    canUndo: revision > 0,
    canRedo: revision < latest,
  };
}
