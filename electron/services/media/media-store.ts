/**
 * Video files kept in the data folder: copied in once, named by content hash, so the same file
 * attached twice is stored once. The database records which visit holds which file and its
 * original name.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { VisitVideo } from '../../../shared/contract/entities.ts';
import { ServiceError } from '../../../shared/contract/dispatch.ts';
import type { Database } from '../storage/database.ts';
import { selectVideos } from '../storage/visit-videos.ts';
import { HEADER_BYTES, sniffContainer, type Container } from './container.ts';

export interface StoredMedia {
  id: string;
  path: string;
  container: Container;
  sizeBytes: number;
}

export class MediaStore {
  private readonly db: Database;
  readonly dir: string;
  private readonly now: () => Date;

  constructor(db: Database, dataDir: string, now: () => Date = () => new Date()) {
    this.db = db;
    this.dir = join(dataDir, 'media');
    this.now = now;
  }

  /** Copies a video file into the data folder and attaches it to a visit. */
  async attach(visitId: string, sourcePath: string, originalName: string = basename(sourcePath)): Promise<VisitVideo> {
    const visit = this.db.read((db) => db.prepare('SELECT 1 FROM visits WHERE id = ?').get(visitId));
    if (!visit) throw new ServiceError('not-found', 'This visit no longer exists.');
    const container = await readContainer(sourcePath, originalName);

    const incoming = join(await this.workDir(), randomUUID());
    let copied: { sha256: string; sizeBytes: number };
    try {
      copied = await copyHashing(sourcePath, incoming);
    } catch (error) {
      await rm(incoming, { force: true });
      throw explainFileError(error, originalName);
    }

    const videoId = randomUUID();
    await this.store(incoming, { ...copied, container }, (db, mediaId) => {
      const duplicate = db
        .prepare('SELECT 1 FROM visit_videos WHERE visit_id = ? AND (media_id = ? OR original_media_id = ?)')
        .get(visitId, mediaId, mediaId);
      if (duplicate) throw new ServiceError('conflict', `"${originalName}" is already attached to this visit.`);
      db.prepare(
        'INSERT INTO visit_videos (id, visit_id, media_id, original_name, attached_at) VALUES (?, ?, ?, ?, ?)',
      ).run(videoId, visitId, mediaId, originalName, this.now().toISOString());
    });
    const [video] = this.db.read((db) => selectVideos(db, 'vv.id = ?', videoId));
    return video!;
  }

  /** A folder on the media folder's disk for files being made (a rename then moves them in). */
  async workDir(): Promise<string> {
    const dir = join(this.dir, '.incoming');
    await mkdir(dir, { recursive: true });
    return dir;
  }

  /**
   * Stores the H.264 copy made of a video (moved in from the work folder) and makes it the file
   * the visit video uses; the attached file stays stored as its original.
   */
  async storeConverted(videoId: string, convertedPath: string): Promise<VisitVideo> {
    await this.store(convertedPath, { ...(await hashFile(convertedPath)), container: 'mp4' }, (db, mediaId) => {
      const video = db.prepare('SELECT original_media_id AS original FROM visit_videos WHERE id = ?').get(videoId) as
        | { original: string | null }
        | undefined;
      if (!video) throw new ServiceError('not-found', 'This video is no longer attached to the visit.');
      if (video.original !== null) throw new ServiceError('conflict', 'This video has already been converted.');
      db.prepare('UPDATE visit_videos SET original_media_id = media_id, media_id = ? WHERE id = ?').run(mediaId, videoId);
    });
    const [video] = this.db.read((db) => selectVideos(db, 'vv.id = ?', videoId));
    return video!;
  }

  /**
   * Moves a file into the media folder under its content hash (same name, same content: a copy
   * already there is kept) and, in one transaction, finds or adds its media row and runs `link`
   * with its id. When that fails, the file goes again unless a media row still refers to it.
   */
  private async store(
    path: string,
    file: { sha256: string; sizeBytes: number; container: Container },
    link: (db: DatabaseSync, mediaId: string) => void,
  ): Promise<void> {
    const fileName = `${file.sha256}.${file.container}`;
    const finalPath = join(this.dir, fileName);
    if (existsSync(finalPath)) await rm(path, { force: true });
    else await rename(path, finalPath);
    try {
      this.db.write((db) => {
        const known = db.prepare('SELECT id FROM media WHERE sha256 = ?').get(file.sha256) as { id: string } | undefined;
        const mediaId = known?.id ?? randomUUID();
        if (!known) {
          db.prepare(
            'INSERT INTO media (id, sha256, size_bytes, file_name, container, created_at) VALUES (?, ?, ?, ?, ?, ?)',
          ).run(mediaId, file.sha256, file.sizeBytes, fileName, file.container, this.now().toISOString());
        }
        link(db, mediaId);
      });
    } catch (error) {
      const referenced = this.db.read((db) => db.prepare('SELECT 1 FROM media WHERE file_name = ?').get(fileName));
      if (!referenced) await rm(finalPath, { force: true });
      throw error;
    }
  }

  /** Where a stored video lives, for serving it to the player. */
  locate(mediaId: string): StoredMedia | null {
    const row = this.db.read(
      (db) =>
        db.prepare('SELECT id, file_name AS fileName, container, size_bytes AS sizeBytes FROM media WHERE id = ?').get(
          mediaId,
        ) as { id: string; fileName: string; container: Container; sizeBytes: number } | undefined,
    );
    return row ? { id: row.id, path: join(this.dir, row.fileName), container: row.container, sizeBytes: row.sizeBytes } : null;
  }
}

async function readContainer(path: string, name: string): Promise<Container> {
  let header: Uint8Array;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ServiceError('media', `"${name}" is not a file.`);
    if (info.size === 0) throw new ServiceError('media', `"${name}" is empty (0 bytes): it is not a video.`);
    const handle = await open(path, 'r');
    try {
      header = new Uint8Array(HEADER_BYTES);
      const { bytesRead } = await handle.read(header, 0, HEADER_BYTES, 0);
      header = header.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw explainFileError(error, name);
  }
  const container = sniffContainer(header);
  if (!container) {
    throw new ServiceError(
      'media',
      `"${name}" is not a video file GaitLens can read. Use an MP4, MOV, WebM, MKV, AVI or MPEG-TS video (as phones and cameras record them).`,
    );
  }
  return container;
}

async function hashFile(path: string): Promise<{ sha256: string; sizeBytes: number }> {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    sizeBytes += chunk.length;
  }
  return { sha256: hash.digest('hex'), sizeBytes };
}

async function copyHashing(from: string, to: string): Promise<{ sha256: string; sizeBytes: number }> {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      sizeBytes += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(createReadStream(from), tap, createWriteStream(to, { flags: 'wx' }));
  return { sha256: hash.digest('hex'), sizeBytes };
}

function explainFileError(error: unknown, name: string): unknown {
  if (error instanceof ServiceError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return new ServiceError('media', `"${name}" was not found. It may have been moved or deleted.`);
    case 'EACCES':
    case 'EPERM':
      return new ServiceError('media', `GaitLens is not allowed to read "${name}" or to write its data folder.`);
    case 'ENOSPC':
      return new ServiceError('storage', `The disk is full: "${name}" was not stored and nothing was changed. Free some space and try again.`);
    case 'EISDIR':
      return new ServiceError('media', `"${name}" is a folder, not a video file.`);
    default:
      return error;
  }
}
