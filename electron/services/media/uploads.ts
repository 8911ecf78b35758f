/**
 * Files a browser sends to the local bridge before they are attached (the browser cannot hand
 * over a path). Kept in the data folder until attached, then removed.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ServiceError } from '../../../shared/contract/dispatch.ts';

export class UploadStore {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'uploads');
  }

  async receive(body: Readable): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    const id = randomUUID();
    const path = join(this.dir, id);
    try {
      await pipeline(body, createWriteStream(path, { flags: 'wx' }));
    } catch (error) {
      await rm(path, { force: true });
      if ((error as NodeJS.ErrnoException).code === 'ENOSPC') {
        throw new ServiceError('storage', 'The disk is full: the video was not received. Free some space and try again.');
      }
      throw error;
    }
    return id;
  }

  /** The received file for an upload id (ids are UUIDs validated by the contract, so no path tricks). */
  async path(id: string): Promise<string> {
    const path = join(this.dir, id);
    const found = await stat(path).catch(() => null);
    if (!found?.isFile()) throw new ServiceError('not-found', 'The uploaded video is no longer there. Choose the file again.');
    return path;
  }

  async discard(id: string): Promise<void> {
    await rm(join(this.dir, id), { force: true });
  }
}
