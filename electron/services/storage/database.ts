/**
 * The SQLite database in the data folder (node:sqlite: no native module to rebuild for Electron).
 * WAL, foreign keys on, numbered migrations applied at open, schema version in PRAGMA user_version.
 */
import { DatabaseSync } from 'node:sqlite';
import { existsSync } from 'node:fs';
import { ServiceError } from '../../../shared/contract/dispatch.ts';
import { migrations } from './migrations.ts';

export const DATABASE_FILE = 'gaitlens.db';
export const SCHEMA_VERSION = migrations.length;

export interface OpenOptions {
  /** How long a write waits for another process holding the database before giving up. */
  busyTimeoutMs?: number;
}

interface SqliteError extends Error {
  errcode?: number;
  errstr?: string;
}

const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;
const SQLITE_READONLY = 8;
const SQLITE_IOERR = 10;
const SQLITE_CORRUPT = 11;
const SQLITE_FULL = 13;
const SQLITE_CANTOPEN = 14;
const SQLITE_NOTADB = 26;

/** Turns SQLite's errors into messages a clinician can act on; anything else passes through. */
export function explainSqliteError(error: unknown, dbPath: string): unknown {
  if (error instanceof ServiceError) return error;
  const code = (error as SqliteError | undefined)?.errcode;
  if (code === undefined) return error;
  const primary = code & 0xff;
  switch (primary) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return new ServiceError(
        'storage',
        'The GaitLens database is busy: another GaitLens window or program is using it. Nothing was saved; close the other program and try again.',
      );
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return new ServiceError(
        'storage',
        `The GaitLens database at ${dbPath} is damaged or is not a GaitLens database. Nothing was changed; restore it from a backup or move it aside to start a new one.`,
      );
    case SQLITE_FULL:
      return new ServiceError('storage', 'The disk is full. Nothing was saved; free some space and try again.');
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
      return new ServiceError(
        'storage',
        `GaitLens cannot write its database at ${dbPath} (${(error as SqliteError).errstr ?? 'input/output error'}). Check that the folder exists, is writable and the disk is connected.`,
      );
    default:
      return error;
  }
}

export class Database {
  readonly path: string;
  readonly schemaVersion: number;
  private readonly options: OpenOptions;
  private db: DatabaseSync;

  private constructor(path: string, db: DatabaseSync, options: OpenOptions) {
    this.path = path;
    this.db = db;
    this.options = options;
    this.schemaVersion = SCHEMA_VERSION;
  }

  static open(path: string, options: OpenOptions = {}): Database {
    return new Database(path, connect(path, options), options);
  }

  /** Runs fn (which may replace the database file) with the connection closed, then opens it again. */
  closeWhile<T>(fn: () => T): T {
    this.close();
    try {
      return fn();
    } finally {
      this.db = connect(this.path, this.options);
    }
  }

  /** Runs fn in one write transaction (BEGIN IMMEDIATE): all of it is saved, or none. */
  write<T>(fn: (db: DatabaseSync) => T): T {
    return this.guard(() => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = fn(this.db);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.isTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  read<T>(fn: (db: DatabaseSync) => T): T {
    return this.guard(() => fn(this.db));
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }

  private guard<T>(fn: () => T): T {
    if (!this.db.isOpen) {
      throw new ServiceError('storage', `The GaitLens database at ${this.path} could not be opened again. Close GaitLens and start it again.`);
    }
    try {
      return fn();
    } catch (error) {
      throw explainSqliteError(error, this.path);
    }
  }
}

/** Opens a connection: WAL, foreign keys on, refused when the schema is newer than this app, migrated. */
function connect(path: string, options: OpenOptions): DatabaseSync {
  let db: DatabaseSync | undefined;
  try {
    db = new DatabaseSync(path, { enableForeignKeyConstraints: true, timeout: options.busyTimeoutMs ?? 3000 });
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
    const version = readUserVersion(db);
    if (version > SCHEMA_VERSION) {
      throw new ServiceError(
        'storage',
        `This data folder was written by a newer version of GaitLens (database schema ${version}; this app knows up to ${SCHEMA_VERSION}). Nothing was changed; update GaitLens to open it.`,
      );
    }
    migrate(db, version);
    return db;
  } catch (error) {
    db?.close();
    if (!existsSync(path) && !(error instanceof ServiceError)) {
      throw new ServiceError('storage', `GaitLens cannot create its database at ${path}. Check that the folder is writable.`);
    }
    throw explainSqliteError(error, path);
  }
}

function readUserVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number } | undefined;
  return row?.user_version ?? 0;
}

function migrate(db: DatabaseSync, from: number): void {
  for (let version = from + 1; version <= migrations.length; version++) {
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(migrations[version - 1]!);
      db.exec(`PRAGMA user_version = ${version}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
}
