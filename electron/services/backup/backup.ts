/**
 * Backup and restore of a GaitLens data folder (docs/backup.md).
 *
 * A backup is one tar file: a consistent snapshot of the database taken with SQLite's online
 * backup, every video and landmark file the snapshot refers to, and a manifest (last) with the
 * SHA-256 and size of every entry. A restore checks the whole archive while unpacking it into a
 * folder inside the data folder, and only then swaps it in, guided by a journal so that an
 * interruption at any point is finished when GaitLens next starts. The data it replaces is kept.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeSync } from 'node:fs';
import { mkdir, mkdtemp, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { backup, DatabaseSync } from 'node:sqlite';
import type { BackupSummary, RestoreSummary } from '../../../shared/contract/entities.ts';
import { ServiceError } from '../../../shared/contract/dispatch.ts';
import { DATABASE_FILE, SCHEMA_VERSION, type Database } from '../storage/database.ts';
import { readEntry, tarEntries, TarFormatError, TarWriter, type EntryDigest, type TarEntry } from './tar.ts';

export const BACKUP_FORMAT = 'gaitlens-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_EXTENSION = '.gaitlens-backup';
export const MANIFEST_FILE = 'manifest.json';
export const RESTORE_JOURNAL = 'restore-journal.json';

const MEDIA = 'media';
const ANALYSES = 'analyses';
/** The backup's page count per step: all of them, so the copy is one read transaction that never restarts. */
const ALL_PAGES = 2 ** 31 - 1;
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
const ENTRY_NAME = /^(?:media|analyses)\/[A-Za-z0-9][A-Za-z0-9._-]*$/;

export interface ManifestEntry {
  path: string;
  size: number;
  sha256: string;
}

export interface BackupCounts {
  clients: number;
  visits: number;
  videos: number;
  analyses: number;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  appVersion: string;
  schemaVersion: number;
  createdAt: string;
  counts: BackupCounts;
  entries: ManifestEntry[];
}

/** A file the database refers to, with what the database recorded about it. */
interface ReferencedFile extends ManifestEntry {
  /** What the clinician knows it by. */
  label: string;
}

export interface BackupOptions {
  appVersion: string;
  now?: () => Date;
}

/** "GaitLens backup 2026-11-20 14-05-09.gaitlens-backup" (local time). */
export function backupFileName(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
  return `GaitLens backup ${day} ${two(date.getHours())}-${two(date.getMinutes())}-${two(date.getSeconds())}${BACKUP_EXTENSION}`;
}

/** Writes the data folder into one archive at outFile (replacing it only once the archive is complete). */
export async function createBackup(dataDir: string, outFile: string, options: BackupOptions): Promise<BackupSummary> {
  const dbPath = join(dataDir, DATABASE_FILE);
  if (!existsSync(dbPath)) throw new ServiceError('not-found', `There is nothing to back up: ${dataDir} holds no GaitLens database.`);
  const createdAt = (options.now ?? (() => new Date()))().toISOString();
  const partial = `${outFile}.partial`;
  const snapshotPath = `${outFile}.snapshot.db`;
  try {
    await mkdir(dirname(outFile), { recursive: true });
    await snapshotDatabase(dbPath, snapshotPath);
    const snapshot = describeSnapshot(snapshotPath);
    const out = await open(partial, 'w');
    let manifest: BackupManifest;
    let sizeBytes: number;
    try {
      const writer = new TarWriter(out);
      const entries: ManifestEntry[] = [{ path: DATABASE_FILE, ...(await writer.addFile(DATABASE_FILE, snapshotPath)) }];
      for (const file of snapshot.files) {
        const digest = await writer.addFile(file.path, join(dataDir, file.path)).catch((error: unknown) => {
          throw (error as NodeJS.ErrnoException).code === 'ENOENT'
            ? new ServiceError('storage', `${file.label} is missing from the data folder, so no backup was written.`)
            : error;
        });
        if (digest.sha256 !== file.sha256 || digest.size !== file.size) {
          throw new ServiceError(
            'storage',
            `${file.label} in the data folder is damaged (its content changed since it was stored), so no backup was written.`,
          );
        }
        entries.push({ path: file.path, ...digest });
      }
      manifest = {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        appVersion: options.appVersion,
        schemaVersion: snapshot.schemaVersion,
        createdAt,
        counts: snapshot.counts,
        entries,
      };
      await writer.addBytes(MANIFEST_FILE, Buffer.from(JSON.stringify(manifest, null, 2)), Date.parse(createdAt) / 1000);
      await writer.finish();
      await out.sync();
      sizeBytes = writer.bytesWritten;
    } finally {
      await out.close();
    }
    await rename(partial, outFile);
    return summaryOf(outFile, sizeBytes, manifest);
  } catch (error) {
    await rm(partial, { force: true });
    throw explainFileError(error, `GaitLens could not write the backup to ${outFile}`);
  } finally {
    await rm(snapshotPath, { force: true });
  }
}

/** A copy of the database at one committed state, even while the app (or another process) writes. */
async function snapshotDatabase(dbPath: string, snapshotPath: string): Promise<void> {
  const source = new DatabaseSync(dbPath, { timeout: 5000 });
  try {
    await backup(source, snapshotPath, { rate: ALL_PAGES });
  } finally {
    source.close();
  }
  const copy = new DatabaseSync(snapshotPath);
  try {
    copy.exec('PRAGMA journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

function describeSnapshot(path: string): { schemaVersion: number; counts: BackupCounts; files: ReferencedFile[] } {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    return { schemaVersion: userVersion(db), counts: countRecords(db), files: referencedFiles(db) };
  } finally {
    db.close();
  }
}

const userVersion = (db: DatabaseSync) => (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;

const hasTable = (db: DatabaseSync, name: string) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

function countRecords(db: DatabaseSync): BackupCounts {
  const count = (table: string) => (hasTable(db, table) ? (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n : 0);
  return { clients: count('clients'), visits: count('visits'), videos: count('visit_videos'), analyses: count('analyses') };
}

function referencedFiles(db: DatabaseSync): ReferencedFile[] {
  const media = db
    .prepare(
      `SELECT '${MEDIA}/' || m.file_name AS path, m.size_bytes AS size, m.sha256 AS sha256,
         coalesce((SELECT original_name FROM visit_videos WHERE media_id = m.id OR original_media_id = m.id LIMIT 1), m.file_name) AS name
       FROM media m ORDER BY m.file_name`,
    )
    .all() as unknown as (ManifestEntry & { name: string })[];
  const analyses = hasTable(db, 'analyses')
    ? (db
        .prepare(
          `SELECT '${ANALYSES}/' || a.track_file AS path, a.track_bytes AS size, a.track_sha256 AS sha256, vv.original_name AS name
           FROM analyses a JOIN visit_videos vv ON vv.id = a.visit_video_id ORDER BY a.track_file`,
        )
        .all() as unknown as (ManifestEntry & { name: string })[])
    : [];
  return [
    ...media.map(({ name, ...file }) => ({ ...file, label: `The video "${name}"` })),
    ...analyses.map(({ name, ...file }) => ({ ...file, label: `The pose analysis of "${name}"` })),
  ];
}

/** Checks a backup completely (every entry's hash, the manifest, the database) without changing anything. */
export async function verifyBackup(file: string): Promise<BackupSummary> {
  return inspectBackup(file, null);
}

/**
 * Reads the whole archive once. With `into`, every entry is written there (a folder that must not
 * exist yet); without, only the database is, to a temporary folder, to be checked.
 */
async function inspectBackup(file: string, into: string | null): Promise<BackupSummary> {
  const unusable = (reason: string) =>
    new ServiceError('invalid-argument', `The backup "${basename(file)}" cannot be used: ${reason}. Nothing was changed.`);
  let archive: FileHandle;
  try {
    archive = await open(file, 'r');
  } catch (error) {
    throw explainFileError(error, `GaitLens could not read the backup "${basename(file)}"`);
  }
  const scratch = into ?? (await mkdtemp(join(tmpdir(), 'gaitlens-verify-')));
  try {
    if (into) await mkdir(into);
    const found = new Map<string, EntryDigest>();
    let manifestText: string | null = null;
    try {
      for await (const entry of tarEntries(archive)) {
        if (manifestText !== null) throw unusable('it holds files after its manifest');
        if (found.has(entry.name)) throw unusable(`it holds "${entry.name}" twice`);
        if (entry.name === MANIFEST_FILE) {
          if (entry.size > MAX_MANIFEST_BYTES) throw unusable('its manifest is too large');
          const chunks: Buffer[] = [];
          await readEntry(archive, entry, async (chunk) => void chunks.push(Buffer.from(chunk)));
          manifestText = Buffer.concat(chunks).toString('utf8');
        } else if (entry.name === DATABASE_FILE || ENTRY_NAME.test(entry.name)) {
          const keep = entry.name === DATABASE_FILE || into !== null;
          found.set(entry.name, await copyEntry(archive, entry, keep ? join(scratch, entry.name) : null));
        } else {
          throw unusable(`it holds a file GaitLens does not know ("${entry.name}")`);
        }
      }
    } catch (error) {
      if (error instanceof TarFormatError) throw unusable(`it is not a complete GaitLens backup (${error.message})`);
      throw error;
    }
    if (manifestText === null) throw unusable('it has no manifest (it is incomplete, or not a GaitLens backup)');
    const manifest = parseManifest(manifestText, unusable);
    if (manifest.schemaVersion > SCHEMA_VERSION) {
      throw new ServiceError(
        'invalid-argument',
        `The backup "${basename(file)}" was made by a newer version of GaitLens (database schema ${manifest.schemaVersion}; this app knows up to ${SCHEMA_VERSION}). Nothing was changed; update GaitLens to restore it.`,
      );
    }
    for (const entry of manifest.entries) {
      const digest = found.get(entry.path);
      if (!digest) throw unusable(`"${entry.path}" is missing from it`);
      if (digest.size !== entry.size || digest.sha256 !== entry.sha256) throw unusable(`"${entry.path}" is damaged (its content does not match the manifest)`);
    }
    if (found.size !== manifest.entries.length) throw unusable('it holds files its manifest does not list');
    if (!found.has(DATABASE_FILE)) throw unusable('it holds no database');
    checkDatabase(join(scratch, DATABASE_FILE), manifest, found, unusable);
    if (into) {
      await mkdir(join(into, MEDIA), { recursive: true });
      await mkdir(join(into, ANALYSES), { recursive: true });
    }
    return summaryOf(file, (await archive.stat()).size, manifest);
  } finally {
    await archive.close();
    if (!into) await rm(scratch, { recursive: true, force: true });
  }
}

async function copyEntry(archive: FileHandle, entry: TarEntry, target: string | null): Promise<EntryDigest> {
  if (!target) return readEntry(archive, entry);
  await mkdir(dirname(target), { recursive: true });
  const out = await open(target, 'wx');
  try {
    return await readEntry(archive, entry, async (chunk) => {
      let done = 0;
      while (done < chunk.length) done += (await out.write(chunk, done, chunk.length - done)).bytesWritten;
    });
  } finally {
    await out.close();
  }
}

function parseManifest(text: string, unusable: (reason: string) => ServiceError): BackupManifest {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(text) as BackupManifest;
  } catch {
    throw unusable('its manifest is damaged');
  }
  if (manifest?.format !== BACKUP_FORMAT) throw unusable('it is not a GaitLens backup');
  if (manifest.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw unusable(`it is written in a backup format this version of GaitLens does not know (${manifest.formatVersion})`);
  }
  const wellFormed =
    Number.isInteger(manifest.schemaVersion) &&
    typeof manifest.createdAt === 'string' &&
    typeof manifest.appVersion === 'string' &&
    Array.isArray(manifest.entries) &&
    manifest.entries.every((e) => typeof e?.path === 'string' && Number.isInteger(e.size) && typeof e.sha256 === 'string');
  if (!wellFormed) throw unusable('its manifest is damaged');
  return manifest;
}

function checkDatabase(
  path: string,
  manifest: BackupManifest,
  found: Map<string, EntryDigest>,
  unusable: (reason: string) => ServiceError,
): void {
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(path, { readOnly: true });
  } catch {
    throw unusable('its database cannot be opened');
  }
  try {
    let files: ReferencedFile[];
    let counts: BackupCounts;
    try {
      const integrity = db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[];
      if (integrity.length !== 1 || integrity[0]!.integrity_check !== 'ok') throw unusable('its database is damaged');
      if (db.prepare('PRAGMA foreign_key_check').all().length > 0) throw unusable('its database has records that refer to missing records');
      if (userVersion(db) !== manifest.schemaVersion) throw unusable('its database does not match its manifest');
      files = referencedFiles(db);
      counts = countRecords(db);
    } catch (error) {
      if (error instanceof ServiceError) throw error;
      throw unusable('its database is damaged');
    }
    const listed = manifest.counts;
    if (!listed || (Object.keys(counts) as (keyof BackupCounts)[]).some((key) => counts[key] !== listed[key])) {
      throw unusable('its database does not match its manifest');
    }
    for (const file of files) {
      const digest = found.get(file.path);
      if (!digest) throw unusable(`${file.label} is missing from it`);
      if (digest.sha256 !== file.sha256 || digest.size !== file.size) throw unusable(`${file.label} in it is damaged`);
    }
  } finally {
    db.close();
  }
}

export interface RestoreOptions {
  /** The app's open database: closed for the swap, opened again on the restored data. */
  database?: Database;
  now?: () => Date;
}

interface RestoreJournal {
  incoming: string;
  previous: string;
}

/**
 * Replaces the data folder's database, videos and analyses with a backup's. The archive is
 * checked completely (while it is unpacked) before anything is replaced; the replaced data is
 * kept in the data folder as before-restore-<time>/, a complete data folder of its own.
 */
export async function restoreBackup(file: string, dataDir: string, options: RestoreOptions = {}): Promise<RestoreSummary> {
  await mkdir(dataDir, { recursive: true });
  finishRestore(dataDir);
  const stamp = (options.now ?? (() => new Date()))().toISOString().replace(/[:.]/g, '-');
  const incoming = join(dataDir, `restore-${stamp}.incoming`);
  let summary: BackupSummary;
  try {
    summary = await inspectBackup(file, incoming);
  } catch (error) {
    await rm(incoming, { recursive: true, force: true });
    throw explainFileError(error, 'GaitLens could not unpack the backup into the data folder');
  }
  const swap = () => {
    if (existsSync(join(dataDir, `${DATABASE_FILE}-wal`))) {
      throw new ServiceError(
        'conflict',
        'Another GaitLens window or program is using this data folder, so nothing was restored and nothing was changed. Close it and restore again.',
      );
    }
    writeJournal(dataDir, { incoming: basename(incoming), previous: `before-restore-${stamp}` });
    return finishRestore(dataDir);
  };
  try {
    const kept = options.database ? options.database.closeWhile(swap) : (settleDatabase(dataDir), swap());
    return { ...summary, previousDataKeptAt: kept };
  } catch (error) {
    if (existsSync(join(dataDir, RESTORE_JOURNAL))) {
      throw new ServiceError(
        'storage',
        `The restore could not finish (${(error as Error).message}). Close GaitLens and start it again: it finishes the restore when it starts.`,
      );
    }
    await rm(incoming, { recursive: true, force: true });
    throw error;
  }
}

/** With no connection open, merges a left-over write-ahead log into the database file (SQLite then removes it). */
function settleDatabase(dataDir: string): void {
  const path = join(dataDir, DATABASE_FILE);
  if (!existsSync(path)) return;
  const db = new DatabaseSync(path, { timeout: 5000 });
  try {
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

function writeJournal(dataDir: string, journal: RestoreJournal): void {
  const path = join(dataDir, RESTORE_JOURNAL);
  const fd = openSync(`${path}.partial`, 'w');
  try {
    writeSync(fd, JSON.stringify(journal));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(`${path}.partial`, path);
}

/**
 * Finishes a restore whose journal is in the data folder (right after it is written, or at the
 * next start if GaitLens stopped half-way): each step moves one item and can be repeated, so it
 * picks up wherever it stopped. Returns where the replaced data is kept, or null.
 */
export function finishRestore(dataDir: string): string | null {
  const journalPath = join(dataDir, RESTORE_JOURNAL);
  if (!existsSync(journalPath)) return null;
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as RestoreJournal;
  const incoming = join(dataDir, journal.incoming);
  const previous = join(dataDir, journal.previous);
  mkdirSync(previous, { recursive: true });
  for (const name of [`${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`]) moveIfPresent(join(dataDir, name), join(previous, name));
  for (const name of [DATABASE_FILE, MEDIA, ANALYSES]) {
    if (!existsSync(join(incoming, name))) continue;
    moveIfPresent(join(dataDir, name), join(previous, name));
    renameSync(join(incoming, name), join(dataDir, name));
  }
  rmSync(incoming, { recursive: true, force: true });
  rmSync(journalPath);
  if (readdirSync(previous).length > 0) return previous;
  rmdirSync(previous);
  return null;
}

function moveIfPresent(from: string, to: string): void {
  if (existsSync(from)) renameSync(from, to);
}

function summaryOf(file: string, sizeBytes: number, manifest: BackupManifest): BackupSummary {
  return {
    file,
    sizeBytes,
    createdAt: manifest.createdAt,
    appVersion: manifest.appVersion,
    schemaVersion: manifest.schemaVersion,
    ...manifest.counts,
  };
}

function explainFileError(error: unknown, what: string): unknown {
  if (error instanceof ServiceError) return error;
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'ENOENT':
      return new ServiceError('not-found', `${what}: the file or folder was not found.`);
    case 'EACCES':
    case 'EPERM':
      return new ServiceError('storage', `${what}: GaitLens is not allowed to use that file or folder.`);
    case 'ENOSPC':
      return new ServiceError('storage', `${what}: the disk is full. Nothing was changed; free some space and try again.`);
    case 'EISDIR':
      return new ServiceError('invalid-argument', `${what}: that is a folder, not a backup file.`);
    default:
      return error;
  }
}
