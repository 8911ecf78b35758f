import { randomUUID } from 'node:crypto';
import type { Client, ClientSummary } from '../../../shared/contract/entities.ts';
import { ServiceError } from '../../../shared/contract/dispatch.ts';
import type { Database } from './database.ts';

export interface ClientFields {
  name: string;
  dateOfBirth: string | null;
  heightCm: number | null;
  legLengthCm: number | null;
  dominantSide: 'left' | 'right' | null;
  notes: string;
}

const COLUMNS = `c.id, c.name, c.date_of_birth AS dateOfBirth, c.height_cm AS heightCm, c.leg_length_cm AS legLengthCm,
  c.dominant_side AS dominantSide, c.notes, c.archived_at AS archivedAt, c.created_at AS createdAt, c.updated_at AS updatedAt`;

export class ClientRepository {
  private readonly db: Database;
  private readonly now: () => Date;

  constructor(db: Database, now: () => Date = () => new Date()) {
    this.db = db;
    this.now = now;
  }

  /** Clients whose name or notes contain the query (case-insensitive), most recently seen first; archived ones on request. */
  list(query: string, includeArchived = false): ClientSummary[] {
    const like = `%${query.trim().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    return this.db.read((db) =>
      db
        .prepare(
          `SELECT ${COLUMNS}, COUNT(v.id) AS visitCount, MAX(v.visit_date) AS lastVisitDate
           FROM clients c LEFT JOIN visits v ON v.client_id = c.id
           WHERE (c.name LIKE ? ESCAPE '\\' OR c.notes LIKE ? ESCAPE '\\') AND (? OR c.archived_at IS NULL)
           GROUP BY c.id
           ORDER BY lastVisitDate IS NULL, lastVisitDate DESC, c.name COLLATE NOCASE`,
        )
        .all(like, like, includeArchived ? 1 : 0) as unknown as ClientSummary[],
    );
  }

  get(id: string): Client {
    const row = this.db.read((db) => db.prepare(`SELECT ${COLUMNS} FROM clients c WHERE c.id = ?`).get(id));
    if (!row) throw new ServiceError('not-found', 'This client no longer exists.');
    return row as unknown as Client;
  }

  create(fields: ClientFields): Client {
    const id = randomUUID();
    const at = this.now().toISOString();
    this.db.write((db) =>
      db
        .prepare(
          `INSERT INTO clients (id, name, date_of_birth, height_cm, leg_length_cm, dominant_side, notes, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, fields.name, fields.dateOfBirth, fields.heightCm, fields.legLengthCm, fields.dominantSide, fields.notes, at, at),
    );
    return this.get(id);
  }

  update(id: string, fields: ClientFields): Client {
    const changed = this.db.write((db) =>
      db
        .prepare(
          `UPDATE clients SET name = ?, date_of_birth = ?, height_cm = ?, leg_length_cm = ?, dominant_side = ?, notes = ?,
             updated_at = ? WHERE id = ?`,
        )
        .run(
          fields.name, fields.dateOfBirth, fields.heightCm, fields.legLengthCm, fields.dominantSide, fields.notes,
          this.now().toISOString(), id,
        ),
    );
    if (changed.changes === 0) throw new ServiceError('not-found', 'This client no longer exists.');
    return this.get(id);
  }

  /** Archived clients leave the client list (search with "show archived" finds them) and keep every record. */
  archive(id: string, archived: boolean): Client {
    const at = this.now().toISOString();
    const changed = this.db.write((db) =>
      db.prepare('UPDATE clients SET archived_at = ?, updated_at = ? WHERE id = ?').run(archived ? at : null, at, id),
    );
    if (changed.changes === 0) throw new ServiceError('not-found', 'This client no longer exists.');
    return this.get(id);
  }
}
