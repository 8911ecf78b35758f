import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { open as openFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { ServiceError } from '../../../shared/contract/dispatch.ts';
import { encodeTrack } from '../../../shared/pose/track-codec.ts';
import {
  createBackup,
  MANIFEST_FILE,
  RESTORE_JOURNAL,
  restoreBackup,
  verifyBackup,
  type BackupManifest,
} from '../../../electron/services/backup/backup.ts';
import { readEntry, tarEntries, TarWriter } from '../../../electron/services/backup/tar.ts';
import { openServices, type Services } from '../../../electron/services/services.ts';
import { DATABASE_FILE, SCHEMA_VERSION } from '../../../electron/services/storage/database.ts';
import { fingerprint } from '../../support/data-fingerprint.ts';
import { sampleTrack } from '../../support/sample-track.ts';

type T = { after: (fn: () => void) => void };

function tempDir(t: T, prefix = 'gaitlens-backup-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function open(t: T, dir: string): Services {
  const services = openServices(dir, { transport: 'http', appVersion: 'test' });
  t.after(() => services.close());
  return services;
}

/** A file that passes the container check (an MP4 "ftyp" box) with random content after it. */
function fakeVideo(dir: string, name: string, bytes: number): string {
  const path = join(dir, name);
  const data = randomBytes(bytes);
  Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d]).copy(data);
  writeFileSync(path, data);
  return path;
}

/** Two clients, three visits, two videos (one in two visits), two analyses. */
async function populate(services: Services, scratch: string): Promise<void> {
  const h = services.handlers;
  const ann = await h['clients.create']({ name: 'Ann Runner', dateOfBirth: '1988-04-12', heightCm: 168, legLengthCm: null, dominantSide: null, notes: 'Left hip' });
  const bo = await h['clients.create']({ name: 'Bo Strider', dateOfBirth: null, heightCm: null, legLengthCm: null, dominantSide: null, notes: '' });
  const first = await h['visits.create']({ clientId: ann.id, visitDate: '2026-10-01', reason: 'Hip pain', notes: '' });
  const second = await h['visits.create']({ clientId: ann.id, visitDate: '2026-11-01', reason: 'Review', notes: 'Better' });
  const third = await h['visits.create']({ clientId: bo.id, visitDate: '2026-11-02', reason: '', notes: '' });
  const side = fakeVideo(scratch, 'side.mp4', 3 * 1024 * 1024 + 17);
  const rear = fakeVideo(scratch, 'rear.mp4', 200_000);
  const a = await h['visits.attachVideo']({ visitId: first.id, source: { kind: 'path', path: side } });
  await h['visits.attachVideo']({ visitId: second.id, source: { kind: 'path', path: side } });
  const c = await h['visits.attachVideo']({ visitId: third.id, source: { kind: 'path', path: rear } });
  await h['analyses.save']({ visitVideoId: a.id, track: encodeTrack(sampleTrack(40)), startS: 0, endS: 2 });
  await h['analyses.save']({ visitVideoId: c.id, track: encodeTrack(sampleTrack(25)), startS: 1, endS: 3 });
}

async function populated(t: T) {
  const root = tempDir(t);
  const dataDir = join(root, 'data');
  const services = open(t, dataDir);
  await populate(services, root);
  return { root, dataDir, services };
}

/** Reads every entry of an archive into memory (test archives are small). */
async function readArchive(file: string): Promise<Map<string, Buffer>> {
  const handle = await openFile(file, 'r');
  try {
    const entries = new Map<string, Buffer>();
    for await (const entry of tarEntries(handle)) {
      const chunks: Buffer[] = [];
      await readEntry(handle, entry, async (chunk) => void chunks.push(Buffer.from(chunk)));
      entries.set(entry.name, Buffer.concat(chunks));
    }
    return entries;
  } finally {
    await handle.close();
  }
}

async function writeArchive(file: string, entries: Map<string, Buffer>): Promise<void> {
  const handle = await openFile(file, 'w');
  try {
    const writer = new TarWriter(handle);
    for (const [name, bytes] of entries) await writer.addBytes(name, bytes, 0);
    await writer.finish();
  } finally {
    await handle.close();
  }
}

const rejectsWith = (promise: Promise<unknown>, pattern: RegExp) =>
  assert.rejects(promise, (e: unknown) => e instanceof ServiceError && pattern.test(e.message) && /Nothing was changed/.test(e.message));

test('backup then restore into an empty data folder gives back the same clients, visits, analyses and media', async (t) => {
  const { root, dataDir, services } = await populated(t);
  const archive = join(root, 'out', 'clinic.gaitlens-backup');
  const started = performance.now();
  const written = await createBackup(dataDir, archive, { appVersion: '9.9.9' });
  const backupMs = performance.now() - started;
  assert.deepEqual(
    { clients: written.clients, visits: written.visits, videos: written.videos, analyses: written.analyses },
    { clients: 2, visits: 3, videos: 3, analyses: 2 },
  );
  assert.equal(written.schemaVersion, SCHEMA_VERSION);
  assert.equal(written.sizeBytes, readFileSync(archive).length);
  assert.deepEqual(readdirSync(join(root, 'out')), ['clinic.gaitlens-backup'], 'no temporary files are left beside it');

  const entries = await readArchive(archive);
  assert.equal([...entries.keys()].at(-1), MANIFEST_FILE);
  assert.equal([...entries.keys()].filter((name) => name.startsWith('media/')).length, 2, 'a video in two visits is stored once');
  const manifest = JSON.parse(entries.get(MANIFEST_FILE)!.toString()) as BackupManifest;
  assert.equal(manifest.appVersion, '9.9.9');
  assert.equal(manifest.entries.length, entries.size - 1);

  assert.deepEqual(await verifyBackup(archive), written);

  const target = join(root, 'restored');
  const restored = await restoreBackup(archive, target);
  assert.equal(restored.previousDataKeptAt, null, 'an empty folder has nothing to keep');
  assert.deepEqual(readdirSync(target).sort(), ['analyses', DATABASE_FILE, 'media']);
  assert.deepEqual(await fingerprint(open(t, target)), await fingerprint(services));
  console.log(`backup of ${written.sizeBytes} bytes written in ${backupMs.toFixed(0)} ms`);
});

test('a backup is a consistent snapshot while another process keeps writing', async (t) => {
  const { root, dataDir } = await populated(t);
  // Each transaction adds one client with exactly two visits: any committed state has visits = 2 x clients (plus the first three).
  const writer = spawn(
    process.execPath,
    [
      '-e',
      `const { DatabaseSync } = require('node:sqlite');
       const { randomUUID } = require('node:crypto');
       const db = new DatabaseSync(process.argv[1], { timeout: 5000 });
       const now = new Date().toISOString();
       for (let n = 0; ; n++) {
         db.exec('BEGIN IMMEDIATE');
         const id = randomUUID();
         db.prepare("INSERT INTO clients (id, name, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?)").run(id, 'Writer ' + n, 'x'.repeat(2000), now, now);
         for (const day of ['2026-01-01', '2026-01-02'])
           db.prepare("INSERT INTO visits (id, client_id, visit_date, created_at) VALUES (?, ?, ?, ?)").run(randomUUID(), id, day, now);
         db.exec('COMMIT');
         if (n === 200) console.log('writing');
       }`,
      join(dataDir, DATABASE_FILE),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  t.after(() => writer.kill('SIGKILL'));
  await new Promise<void>((resolve) => writer.stdout!.once('data', () => resolve()));

  const seen: number[] = [];
  for (let k = 0; k < 4; k++) {
    const archive = join(root, `during-${k}.gaitlens-backup`);
    const summary = await createBackup(dataDir, archive, { appVersion: 'test' });
    assert.equal(summary.visits - 3, 2 * (summary.clients - 2), `backup ${k}: the snapshot is one committed state`);
    const target = join(root, `restored-${k}`);
    await restoreBackup(archive, target);
    const db = new DatabaseSync(join(target, DATABASE_FILE));
    const halfWritten = db
      .prepare("SELECT count(*) AS n FROM clients c WHERE c.name LIKE 'Writer %' AND (SELECT count(*) FROM visits v WHERE v.client_id = c.id) != 2")
      .get() as { n: number };
    db.close();
    assert.equal(halfWritten.n, 0);
    seen.push(summary.clients);
  }
  assert.ok(seen.every((n, k) => k === 0 || n > seen[k - 1]!), `the writer kept writing between backups (${seen.join(', ')} clients)`);
});

test('verify finds a flipped byte, a missing entry, a truncated archive, a newer schema and a file that is not a backup', async (t) => {
  const { root, dataDir } = await populated(t);
  const archive = join(root, 'good.gaitlens-backup');
  await createBackup(dataDir, archive, { appVersion: 'test' });
  const entries = await readArchive(archive);
  const video = [...entries.keys()].find((name) => name.startsWith('media/'))!;

  const flipped = join(root, 'flipped.gaitlens-backup');
  const bytes = readFileSync(archive);
  const handle = await openFile(archive, 'r');
  let offset = 0;
  for await (const entry of tarEntries(handle)) if (entry.name === video) offset = entry.offset + 1000;
  await handle.close();
  bytes[offset] = bytes[offset]! ^ 0x01;
  writeFileSync(flipped, bytes);
  await rejectsWith(verifyBackup(flipped), new RegExp(`"${video}" is damaged`));

  const missing = join(root, 'missing.gaitlens-backup');
  await writeArchive(missing, new Map([...entries].filter(([name]) => name !== video)));
  await rejectsWith(verifyBackup(missing), new RegExp(`"${video}" is missing`));

  const truncated = join(root, 'truncated.gaitlens-backup');
  writeFileSync(truncated, readFileSync(archive).subarray(0, 2_000_000));
  await rejectsWith(verifyBackup(truncated), /incomplete/);

  const newer = join(root, 'newer.gaitlens-backup');
  const dbFile = join(root, 'newer.db');
  writeFileSync(dbFile, entries.get(DATABASE_FILE)!);
  const db = new DatabaseSync(dbFile);
  db.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
  db.close();
  const manifest = JSON.parse(entries.get(MANIFEST_FILE)!.toString()) as BackupManifest;
  manifest.schemaVersion = SCHEMA_VERSION + 1;
  await writeArchive(newer, new Map([...entries, [DATABASE_FILE, readFileSync(dbFile)], [MANIFEST_FILE, Buffer.from(JSON.stringify(manifest))]]));
  await rejectsWith(verifyBackup(newer), /newer version of GaitLens/);

  const notBackup = join(root, 'notes.gaitlens-backup');
  writeFileSync(notBackup, 'shopping list\n'.repeat(100));
  await rejectsWith(verifyBackup(notBackup), /not a complete GaitLens backup/);
});

test('a failed restore leaves the previous data as it was; a good one replaces it and keeps the old data', async (t) => {
  const { root, dataDir, services } = await populated(t);
  const before = await fingerprint(services);
  const archive = join(root, 'good.gaitlens-backup');
  await createBackup(dataDir, archive, { appVersion: 'test' });

  const damaged = join(root, 'damaged.gaitlens-backup');
  const bytes = readFileSync(archive);
  bytes[bytes.length - 3000] = bytes[bytes.length - 3000]! ^ 0xff;
  writeFileSync(damaged, bytes);
  const result = await services.handlers['backup.restore']({ source: { kind: 'path', path: damaged } }).catch((e: unknown) => e);
  assert.ok(result instanceof ServiceError && /Nothing was changed/.test(result.message), String(result));
  const missing = await services.handlers['backup.restore']({ source: { kind: 'path', path: join(root, 'nope.gaitlens-backup') } }).catch((e: unknown) => e);
  assert.ok(missing instanceof ServiceError && /not found/.test(missing.message), String(missing));
  assert.deepEqual(await fingerprint(services), before);
  assert.deepEqual(readdirSync(dataDir).sort(), ['analyses', DATABASE_FILE, `${DATABASE_FILE}-shm`, `${DATABASE_FILE}-wal`, 'media']);

  // Another program holding the database: the restore refuses before replacing anything.
  const other = new DatabaseSync(join(dataDir, DATABASE_FILE));
  other.prepare('SELECT count(*) FROM clients').get();
  await assert.rejects(services.handlers['backup.restore']({ source: { kind: 'path', path: archive } }), /Another GaitLens window/);
  other.close();
  assert.deepEqual(await fingerprint(services), before);

  // A good restore while the services are open: new records since the backup are replaced, and kept aside.
  const later = await services.handlers['clients.create']({ name: 'After The Backup', dateOfBirth: null, heightCm: null, legLengthCm: null, dominantSide: null, notes: '' });
  const restored = await services.handlers['backup.restore']({ source: { kind: 'path', path: archive } });
  assert.ok(restored.previousDataKeptAt?.startsWith(join(dataDir, 'before-restore-')));
  assert.deepEqual(await fingerprint(services), before, 'the open services now read the restored data');
  const kept = open(t, restored.previousDataKeptAt!);
  assert.ok((await kept.handlers['clients.list']({ query: '', includeArchived: true })).some((c) => c.id === later.id), 'the replaced data is kept whole');
  await services.handlers['clients.create']({ name: 'Still Writable', dateOfBirth: null, heightCm: null, legLengthCm: null, dominantSide: null, notes: '' });
});

test('a restore interrupted half-way is finished when the data folder is next opened', async (t) => {
  const { root, dataDir, services } = await populated(t);
  const expected = await fingerprint(services);
  const archive = join(root, 'good.gaitlens-backup');
  await createBackup(dataDir, archive, { appVersion: 'test' });
  services.close();

  // The state a crash leaves after the journal was written and the database was swapped, before the videos were.
  const target = join(root, 'target');
  const replaced = open(t, target);
  await populate(replaced, root);
  replaced.close();
  const unpacked = join(root, 'unpacked');
  await restoreBackup(archive, unpacked);
  const incoming = join(target, 'restore-x.incoming');
  mkdirSync(join(target, 'before-restore-x'));
  renameSync(join(target, DATABASE_FILE), join(target, 'before-restore-x', DATABASE_FILE));
  renameSync(join(unpacked, DATABASE_FILE), join(target, DATABASE_FILE));
  renameSync(unpacked, incoming);
  writeFileSync(join(target, RESTORE_JOURNAL), JSON.stringify({ incoming: 'restore-x.incoming', previous: 'before-restore-x' }));

  const reopened = openServices(target, { transport: 'http', appVersion: 'test' });
  t.after(() => reopened.close());
  assert.deepEqual(await fingerprint(reopened), expected);
  assert.ok(!existsSync(incoming) && !existsSync(join(target, RESTORE_JOURNAL)));
  assert.deepEqual(readdirSync(join(target, 'before-restore-x')).sort(), ['analyses', DATABASE_FILE, 'media']);
});
