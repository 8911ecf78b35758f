import { randomUUID } from 'node:crypto';
import type { Visit, VisitVideo } from '../../../shared/contract/entities.ts';
import { ServiceError } from '../../../shared/contract/dispatch.ts';
import type { Database } from './database.ts';

export interface VisitFields {
  visitDate: string;
  reason: string;
  notes: string;
}

type VisitRow = Omit<Visit, 'videos'>;

const VISIT_COLUMNS = `id, client_id AS clientId, visit_date AS visitDate, reason, notes, created_at AS createdAt`;
const VIDEO_COLUMNS = `vv.id, vv.visit_id AS visitId, vv.media_id AS mediaId, vv.original_name AS originalName,
  m.size_bytes AS sizeBytes, m.sha256, vv.attached_at AS attachedAt`;

export class VisitRepository {
  private readonly db: Database;
  private readonly now: () => Date;

  constructor(db: Database, now: () => Date = () => new Date()) {
    this.db = db;
    this.now = now;
  }

  /** A client's visits, newest first, each with its videos. */
  list(clientId: string): Visit[] {
    return this.db.read((db) => {
      const client = db.prepare('SELECT 1 FROM clients WHERE id = ?').get(clientId);
      if (!client) throw new ServiceError('not-found', 'This client no longer exists.');
      const rows = db
        .prepare(`SELECT ${VISIT_COLUMNS} FROM visits WHERE client_id = ? ORDER BY visit_date DESC, created_at DESC`)
        .all(clientId) as unknown as VisitRow[];
      const videos = db
        .prepare(
          `SELECT ${VIDEO_COLUMNS} FROM visit_videos vv JOIN media m ON m.id = vv.media_id
           JOIN visits v ON v.id = vv.visit_id WHERE v.client_id = ? ORDER BY vv.attached_at`,
        )
        .all(clientId) as unknown as VisitVideo[];
      return rows.map((row) => ({ ...row, videos: videos.filter((video) => video.visitId === row.id) }));
    });
  }

  get(id: string): Visit {
    return this.db.read((db) => {
      const row = db.prepare(`SELECT ${VISIT_COLUMNS} FROM visits WHERE id = ?`).get(id) as VisitRow | undefined;
      if (!row) throw new ServiceError('not-found', 'This visit no longer exists.');
      const videos = db
        .prepare(
          `SELECT ${VIDEO_COLUMNS} FROM visit_videos vv JOIN media m ON m.id = vv.media_id
           WHERE vv.visit_id = ? ORDER BY vv.attached_at`,
        )
        .all(id) as unknown as VisitVideo[];
      return { ...row, videos };
    });
  }

  create(clientId: string, fields: VisitFields): Visit {
    const id = randomUUID();
    this.db.write((db) => {
      const client = db.prepare('SELECT 1 FROM clients WHERE id = ?').get(clientId);
      if (!client) throw new ServiceError('not-found', 'This client no longer exists.');
      db.prepare(
        `INSERT INTO visits (id, client_id, visit_date, reason, notes, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(id, clientId, fields.visitDate, fields.reason, fields.notes, this.now().toISOString());
    });
    return this.get(id);
  }

  update(id: string, fields: VisitFields): Visit {
    const changed = this.db.write((db) =>
      db
        .prepare('UPDATE visits SET visit_date = ?, reason = ?, notes = ? WHERE id = ?')
        .run(fields.visitDate, fields.reason, fields.notes, id),
    );
    if (changed.changes === 0) throw new ServiceError('not-found', 'This visit no longer exists.');
    return this.get(id);
  }
}
