import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { ServiceError } from '../../../shared/contract/dispatch.ts';
import { ClientRepository } from '../../../electron/services/storage/clients.ts';
import { DATABASE_FILE, Database, SCHEMA_VERSION } from '../../../electron/services/storage/database.ts';
import { VisitRepository } from '../../../electron/services/storage/visits.ts';

function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'gaitlens-storage-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const ann = { name: 'Ann Runner', dateOfBirth: '1988-04-12', heightCm: 168, legLengthCm: null, dominantSide: null, notes: 'Left lateral hip pain' };

test('a new database is migrated to the current schema, in WAL mode, with foreign keys on', (t) => {
  const path = join(tempDir(t), DATABASE_FILE);
  const db = Database.open(path);
  t.after(() => db.close());
  assert.equal(db.schemaVersion, SCHEMA_VERSION);
  const raw = new DatabaseSync(path);
  t.after(() => raw.close());
  assert.equal((raw.prepare('PRAGMA user_version').get() as { user_version: number }).user_version, SCHEMA_VERSION);
  assert.equal((raw.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode, 'wal');
  const tables = (raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map(
    (r) => r.name,
  );
  assert.deepEqual(tables, ['analyses', 'clients', 'clinic_settings', 'key_frames', 'media', 'run_windows', 'video_corrections', 'visit_videos', 'visits']);
  assert.equal(db.read((d) => (d.prepare('PRAGMA foreign_keys').get() as { foreign_keys: number }).foreign_keys), 1);
});

test('a client and a visit survive closing and reopening the database', (t) => {
  const path = join(tempDir(t), DATABASE_FILE);
  let db = Database.open(path);
  const client = new ClientRepository(db).create(ann);
  const visit = new VisitRepository(db).create(client.id, { visitDate: '2026-11-20', reason: 'Hip pain', notes: 'First visit' });
  db.close();

  db = Database.open(path);
  t.after(() => db.close());
  assert.deepEqual(new ClientRepository(db).get(client.id), client);
  const visits = new VisitRepository(db).list(client.id);
  assert.deepEqual(visits, [{ ...visit, videos: [] }]);
  const [summary] = new ClientRepository(db).list('');
  assert.equal(summary?.visitCount, 1);
  assert.equal(summary?.lastVisitDate, '2026-11-20');
});

test('the schema refuses what the contract would refuse, even written directly', (t) => {
  const db = Database.open(join(tempDir(t), DATABASE_FILE));
  t.after(() => db.close());
  const insertClient = (name: string, dob: string | null, height: number | null) =>
    db.write((d) =>
      d.prepare('INSERT INTO clients (id, name, date_of_birth, height_cm, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        crypto.randomUUID(), name, dob, height, '', 'x', 'x',
      ),
    );
  assert.throws(() => insertClient('   ', null, null), /CHECK constraint failed/);
  assert.throws(() => insertClient('Ann', '2026-02-30', null), /CHECK constraint failed/);
  assert.throws(() => insertClient('Ann', null, 400), /CHECK constraint failed/);
  assert.throws(
    () =>
      db.write((d) =>
        d.prepare('INSERT INTO visits (id, client_id, visit_date, created_at) VALUES (?, ?, ?, ?)').run('v', 'no-such-client', '2026-01-01', 'x'),
      ),
    /FOREIGN KEY constraint failed/,
  );
  assert.equal(db.read((d) => (d.prepare('SELECT COUNT(*) AS n FROM clients').get() as { n: number }).n), 0);
});

test('a failed write leaves nothing behind (one transaction)', (t) => {
  const db = Database.open(join(tempDir(t), DATABASE_FILE));
  t.after(() => db.close());
  const clients = new ClientRepository(db);
  assert.throws(() =>
    db.write((d) => {
      d.prepare("INSERT INTO clients (id, name, notes, created_at, updated_at) VALUES ('a', 'Ann', '', 'x', 'x')").run();
      d.prepare("INSERT INTO clients (id, name, notes, created_at, updated_at) VALUES ('a', 'Ann again', '', 'x', 'x')").run();
    }),
  );
  assert.deepEqual(clients.list(''), []);
});

test('search matches name or notes, case-insensitively, and treats % and _ literally', (t) => {
  const db = Database.open(join(tempDir(t), DATABASE_FILE));
  t.after(() => db.close());
  const clients = new ClientRepository(db);
  clients.create(ann);
  clients.create({ name: 'Bo_b 100%', dateOfBirth: null, heightCm: null, legLengthCm: null, dominantSide: null, notes: '' });
  assert.deepEqual(clients.list('ann').map((c) => c.name), ['Ann Runner']);
  assert.deepEqual(clients.list('HIP').map((c) => c.name), ['Ann Runner']);
  assert.deepEqual(clients.list('%').map((c) => c.name), ['Bo_b 100%']);
  assert.deepEqual(clients.list('o_b').map((c) => c.name), ['Bo_b 100%']);
  assert.equal(clients.list('').length, 2);
});

test('a database written by a newer GaitLens is refused with a clear message and left untouched', (t) => {
  const path = join(tempDir(t), DATABASE_FILE);
  const raw = new DatabaseSync(path);
  raw.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 5}`);
  raw.close();
  assert.throws(
    () => Database.open(path),
    (error: unknown) =>
      error instanceof ServiceError && error.code === 'storage' && /newer version of GaitLens/.test(error.message),
  );
  const again = new DatabaseSync(path);
  assert.equal((again.prepare('PRAGMA user_version').get() as { user_version: number }).user_version, SCHEMA_VERSION + 5);
  again.close();
});

test('a damaged database file gets a clear message', (t) => {
  const path = join(tempDir(t), DATABASE_FILE);
  writeFileSync(path, 'this is not an SQLite database, just some text that happens to be long enough to be read'.repeat(50));
  assert.throws(
    () => Database.open(path),
    (error: unknown) => error instanceof ServiceError && /damaged or is not a GaitLens database/.test(error.message),
  );
});

test('a database locked by another program gets a clear message and the write is not applied', (t) => {
  const path = join(tempDir(t), DATABASE_FILE);
  const db = Database.open(path, { busyTimeoutMs: 50 });
  t.after(() => db.close());
  const other = new DatabaseSync(path);
  other.exec('BEGIN EXCLUSIVE');
  assert.throws(
    () => new ClientRepository(db).create(ann),
    (error: unknown) => error instanceof ServiceError && /database is busy/.test(error.message),
  );
  other.exec('ROLLBACK');
  other.close();
  assert.deepEqual(new ClientRepository(db).list(''), []);
});
