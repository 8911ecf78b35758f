/** Key frames: frames the clinician marked for the report, stored with their captured image. */
import { randomUUID } from 'node:crypto';
import type { KeyFrame } from '../../../shared/contract/entities.ts';
import { ServiceError } from '../../../shared/contract/dispatch.ts';
import type { Database } from './database.ts';

export interface KeyFrameInput {
  visitVideoId: string;
  frame: number;
  tMs: number;
  label: string;
  imageType: KeyFrame['imageType'];
  image: Uint8Array;
}

const COLUMNS = `k.id, vv.visit_id AS visitId, k.visit_video_id AS visitVideoId, k.frame, k.t_ms AS tMs, k.label,
  k.image_type AS imageType, k.width, k.height, k.created_at AS createdAt`;

export class KeyFrameRepository {
  private readonly db: Database;
  private readonly now: () => Date;

  constructor(db: Database, now: () => Date = () => new Date()) {
    this.db = db;
    this.now = now;
  }

  /** A visit's key frames in the order of its videos, then by frame. */
  list(visitId: string): KeyFrame[] {
    return this.db.read((db) => {
      if (!db.prepare('SELECT 1 FROM visits WHERE id = ?').get(visitId)) throw new ServiceError('not-found', 'This visit no longer exists.');
      return db
        .prepare(
          `SELECT ${COLUMNS} FROM key_frames k JOIN visit_videos vv ON vv.id = k.visit_video_id
           WHERE vv.visit_id = ? ORDER BY vv.attached_at, vv.rowid, k.frame, k.created_at`,
        )
        .all(visitId) as unknown as KeyFrame[];
    });
  }

  add(input: KeyFrameInput): KeyFrame {
    const size = imageSize(input.image, input.imageType);
    const id = randomUUID();
    this.db.write((db) => {
      if (!db.prepare('SELECT 1 FROM visit_videos WHERE id = ?').get(input.visitVideoId)) {
        throw new ServiceError('not-found', 'This video is no longer attached to the visit.');
      }
      db.prepare(
        `INSERT INTO key_frames (id, visit_video_id, frame, t_ms, label, image, image_type, width, height, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(id, input.visitVideoId, input.frame, input.tMs, input.label, input.image, input.imageType, size.width, size.height, this.now().toISOString());
    });
    return this.get(id);
  }

  get(id: string): KeyFrame {
    const row = this.db.read((db) =>
      db.prepare(`SELECT ${COLUMNS} FROM key_frames k JOIN visit_videos vv ON vv.id = k.visit_video_id WHERE k.id = ?`).get(id),
    );
    if (!row) throw new ServiceError('not-found', 'This key frame no longer exists.');
    return { ...row } as unknown as KeyFrame;
  }

  image(id: string): Uint8Array {
    const row = this.db.read((db) => db.prepare('SELECT image FROM key_frames WHERE id = ?').get(id) as { image: Uint8Array } | undefined);
    if (!row) throw new ServiceError('not-found', 'This key frame no longer exists.');
    return row.image;
  }

  remove(id: string): { id: string } {
    const changed = this.db.write((db) => db.prepare('DELETE FROM key_frames WHERE id = ?').run(id));
    if (changed.changes === 0) throw new ServiceError('not-found', 'This key frame no longer exists.');
    return { id };
  }
}

/** Width and height from a PNG's IHDR or a JPEG's SOF marker; refuses bytes that are not that image. */
export function imageSize(bytes: Uint8Array, type: KeyFrame['imageType']): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bad = () => new ServiceError('invalid-argument', `The captured image is not a valid ${type === 'image/png' ? 'PNG' : 'JPEG'} file.`);
  if (type === 'image/png') {
    const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
    if (bytes.length < 24 || signature.some((b, k) => bytes[k] !== b)) throw bad();
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) throw bad();
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) throw bad();
    const marker = bytes[at + 1]!;
    const length = view.getUint16(at + 2);
    const isFrameHeader = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrameHeader) return { width: view.getUint16(at + 7), height: view.getUint16(at + 5) };
    at += 2 + length;
  }
  throw bad();
}
