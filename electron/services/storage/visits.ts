import { randomUUID } from 'node:crypto';
import type { Visit, VisitVideo } from '../../../shared/contract/entities.ts';
import { upgradeIntake, type Intake } from '../../../shared/plan/intake.ts';
import type { Plan } from '../../../shared/plan/types.ts';
import { ServiceError } from '../../../shared/contract/dispatch.ts';
import type { Database } from './database.ts';
import { selectVideos } from './visit-videos.ts';

export interface VisitFields {
  visitDate: string;
  reason: string;
  notes: string;
}

type VisitRow = Omit<Visit, 'videos' | 'intake' | 'plan'> & { intakeJson: string | null; planJson: string | null };

const VISIT_COLUMNS = `id, client_id AS clientId, visit_date AS visitDate, reason, notes, created_at AS createdAt,
  intake_json AS intakeJson, plan_json AS planJson`;

const toVisit = ({ intakeJson, planJson, ...row }: VisitRow, videos: VisitVideo[]): Visit => ({
  ...row,
  videos,
  intake: intakeJson === null ? null : upgradeIntake(JSON.parse(intakeJson)),
  plan: planJson === null ? null : (JSON.parse(planJson) as Plan),
});

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
      const videos = selectVideos(db, 'vv.visit_id IN (SELECT id FROM visits WHERE client_id = ?)', clientId);
      return rows.map((row) => toVisit(row, videos.filter((video) => video.visitId === row.id)));
    });
  }

  get(id: string): Visit {
    return this.db.read((db) => {
      const row = db.prepare(`SELECT ${VISIT_COLUMNS} FROM visits WHERE id = ?`).get(id) as VisitRow | undefined;
      if (!row) throw new ServiceError('not-found', 'This visit no longer exists.');
      return toVisit(row, selectVideos(db, 'vv.visit_id = ?', id));
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

  setIntake(id: string, intake: Intake): Visit {
    return this.setJson(id, 'intake_json', JSON.stringify(intake));
  }

  setPlan(id: string, plan: Plan | null): Visit {
    return this.setJson(id, 'plan_json', plan === null ? null : JSON.stringify(plan));
  }

  private setJson(id: string, column: 'intake_json' | 'plan_json', json: string | null): Visit {
    const changed = this.db.write((db) => db.prepare(`UPDATE visits SET ${column} = ? WHERE id = ?`).run(json, id));
    if (changed.changes === 0) throw new ServiceError('not-found', 'This visit no longer exists.');
    return this.get(id);
  }
}

export class VisitVideoRepository {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  get(id: string): VisitVideo {
    const [video] = this.db.read((db) => selectVideos(db, 'vv.id = ?', id));
    if (!video) throw new ServiceError('not-found', 'This video is no longer attached to the visit.');
    return video;
  }

  setCaptureFps(id: string, captureFps: number | null): VisitVideo {
    const changed = this.db.write((db) => db.prepare('UPDATE visit_videos SET capture_fps = ? WHERE id = ?').run(captureFps, id));
    if (changed.changes === 0) throw new ServiceError('not-found', 'This video is no longer attached to the visit.');
    return this.get(id);
  }
}
