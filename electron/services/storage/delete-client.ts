/**
 * Deleting a client: the records go in one transaction (visits, videos, analyses, corrections and
 * key frames follow by ON DELETE CASCADE), together with the media rows no other client's visit
 * uses; the files go after the commit, so a crash in between leaves only unreferenced files, never
 * a record pointing at a missing one.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ClientDeletion } from '../../../shared/contract/entities.ts';
import { ServiceError } from '../../../shared/contract/dispatch.ts';
import type { Database } from './database.ts';

export interface DataFolders {
  mediaDir: string;
  analysesDir: string;
}

export async function deleteClient(db: Database, folders: DataFolders, clientId: string): Promise<ClientDeletion> {
  const removed = db.write((tx) => {
    const client = tx.prepare('SELECT 1 FROM clients WHERE id = ?').get(clientId);
    if (!client) throw new ServiceError('not-found', 'This client no longer exists.');
    const count = (sql: string) => (tx.prepare(sql).get(clientId) as { n: number }).n;
    const visits = count('SELECT count(*) AS n FROM visits WHERE client_id = ?');
    const videos = count('SELECT count(*) AS n FROM visit_videos vv JOIN visits v ON v.id = vv.visit_id WHERE v.client_id = ?');
    const tracks = tx
      .prepare(
        `SELECT a.track_file AS file FROM analyses a JOIN visit_videos vv ON vv.id = a.visit_video_id
         JOIN visits v ON v.id = vv.visit_id WHERE v.client_id = ?`,
      )
      .all(clientId) as { file: string }[];
    const media = tx
      .prepare(
        `SELECT DISTINCT m.id, m.file_name AS file FROM media m
         JOIN visit_videos vv ON vv.media_id = m.id OR vv.original_media_id = m.id
         JOIN visits v ON v.id = vv.visit_id WHERE v.client_id = ?
           AND NOT EXISTS (SELECT 1 FROM visit_videos o JOIN visits ov ON ov.id = o.visit_id
                           WHERE (o.media_id = m.id OR o.original_media_id = m.id) AND ov.client_id <> ?)`,
      )
      .all(clientId, clientId) as { id: string; file: string }[];
    tx.prepare('DELETE FROM clients WHERE id = ?').run(clientId);
    const deleteMedia = tx.prepare('DELETE FROM media WHERE id = ?');
    for (const m of media) deleteMedia.run(m.id);
    return {
      visits,
      videos,
      files: [...media.map((m) => join(folders.mediaDir, m.file)), ...tracks.map((t) => join(folders.analysesDir, t.file))],
    };
  });

  const filesLeft: string[] = [];
  for (const file of removed.files) {
    try {
      await rm(file, { force: true });
    } catch {
      filesLeft.push(file);
    }
  }
  return {
    clientId,
    visits: removed.visits,
    videos: removed.videos,
    filesRemoved: removed.files.length - filesLeft.length,
    filesLeft,
  };
}
