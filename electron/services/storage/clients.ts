import { randomUUID } from 'node:crypto';
import type { Client, ClientSummary } from '../../../shared/contract/entities.ts';
import { ServiceError } from '../../../shared/contract/dispatch.ts';
import type { Database } from './database.ts';

export interface ClientFields {
  name: string;
  dateOfBirth: string | null;
  heightCm: number | null;
  notes: string;
}

const COLUMNS = `c.id, c.name, c.date_of_birth AS dateOfBirth, c.height_cm AS heightCm, c.notes,
  c.created_at AS createdAt, c.updated_at AS updatedAt`;

export class ClientRepository {
  private readonly db: Database;
  private readonly now: () => Date;

  constructor(db: Database, now: () => Date = () => new Date()) {
    this.db = db;
    this.now = now;
  }

  /** Clients whose name or notes contain the query (case-insensitive), most recently seen first. */
  list(query: string): ClientSummary[] {
    const like = `%${query.trim().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    return this.db.read((db) =>
      db
        .prepare(
          `SELECT ${COLUMNS}, COUNT(v.id) AS visitCount, MAX(v.visit_date) AS lastVisitDate
           FROM clients c LEFT JOIN visits v ON v.client_id = c.id
           WHERE c.name LIKE ? ESCAPE '\\' OR c.notes LIKE ? ESCAPE '\\'
           GROUP BY c.id
           ORDER BY lastVisitDate IS NULL, lastVisitDate DESC, c.name COLLATE NOCASE`,
        )
        .all(like, like) as unknown as ClientSummary[],
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
          `INSERT INTO clients (id, name, date_of_birth, height_cm, notes, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, fields.name, fields.dateOfBirth, fields.heightCm, fields.notes, at, at),
    );
    return this.get(id);
  }

  update(id: string, fields: ClientFields): Client {
    const changed = this.db.write((db) =>
      db
        .prepare(
          `UPDATE clients SET name = ?, date_of_birth = ?, height_cm = ?, notes = ?, updated_at = ? WHERE id = ?`,
        )
        .run(fields.name, fields.dateOfBirth, fields.heightCm, fields.notes, this.now().toISOString(), id),
    );
    if (changed.changes === 0) throw new ServiceError('not-found', 'This client no longer exists.');
    return this.get(id);
  }
}
