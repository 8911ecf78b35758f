/**
 * Conversions of attached videos to H.264, one job per visit video, run by the host and polled by
 * the UI (both transports poll the same way). A job counts the source's frames, converts, checks
 * that the copy has every frame, then stores it as the file review and analysis use. Cancelling
 * or failing leaves the attached file exactly as it was.
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { VideoConversion, VisitVideo } from '../../../shared/contract/entities.ts';
import { ServiceError } from '../../../shared/contract/dispatch.ts';
import { convertToH264, countFrames } from './ffmpeg.ts';
import type { MediaStore } from './media-store.ts';

interface Job {
  status: VideoConversion;
  startedAt: number;
  abort: AbortController;
  done: Promise<VideoConversion>;
}

export class Conversions {
  private readonly jobs = new Map<string, Job>();
  private readonly media: MediaStore;
  private readonly ffmpeg: string | null;
  private readonly video: (id: string) => VisitVideo;

  constructor(media: MediaStore, ffmpeg: string | null, video: (id: string) => VisitVideo) {
    this.media = media;
    this.ffmpeg = ffmpeg;
    this.video = video;
  }

  /** Starts converting (or reports the conversion already running). */
  start(videoId: string): VideoConversion {
    const running = this.jobs.get(videoId);
    if (running?.status.state === 'running') return this.status(videoId);
    const video = this.video(videoId);
    if (video.original) throw new ServiceError('conflict', `"${video.originalName}" has already been converted.`);
    if (this.ffmpeg === null) {
      throw new ServiceError('unavailable', 'The video converter is missing from this installation of GaitLens. Reinstalling GaitLens should restore it.');
    }
    const stored = this.media.locate(video.mediaId);
    if (!stored) throw new ServiceError('not-found', 'The video file is no longer in the data folder.');
    const abort = new AbortController();
    const job: Job = {
      status: { state: 'running', framesDone: 0, framesTotal: null, elapsedS: 0 },
      startedAt: performance.now(),
      abort,
      done: Promise.resolve({ state: 'idle' }),
    };
    job.done = this.run(job, this.ffmpeg, videoId, stored.path, video.originalName);
    this.jobs.set(videoId, job);
    return this.status(videoId);
  }

  /** The conversion's state, with its time so far while it runs. */
  status(videoId: string): VideoConversion {
    const job = this.jobs.get(videoId);
    if (!job) return { state: 'idle' };
    return job.status.state === 'running' ? { ...job.status, elapsedS: (performance.now() - job.startedAt) / 1000 } : job.status;
  }

  /** Stops a running conversion; its partial copy is removed. */
  async cancel(videoId: string): Promise<VideoConversion> {
    const job = this.jobs.get(videoId);
    if (job?.status.state === 'running') {
      job.abort.abort();
      await job.done;
    }
    return this.status(videoId);
  }

  /** Resolves when the video's conversion ends (for the headless command and the tests). */
  async finished(videoId: string): Promise<VideoConversion> {
    return (await this.jobs.get(videoId)?.done) ?? { state: 'idle' };
  }

  /** Stops every running conversion (the host is closing); each removes its partial copy. */
  abortAll(): void {
    for (const job of this.jobs.values()) job.abort.abort();
  }

  private async run(job: Job, ffmpeg: string, videoId: string, source: string, name: string): Promise<VideoConversion> {
    const output = join(await this.media.workDir(), `${randomUUID()}.mp4`);
    const elapsedS = () => (performance.now() - job.startedAt) / 1000;
    const progress = (framesDone: number, framesTotal: number | null) => {
      if (job.status.state === 'running') job.status = { state: 'running', framesDone, framesTotal, elapsedS: elapsedS() };
    };
    try {
      const framesTotal = await countFrames(ffmpeg, source, name, job.abort.signal);
      progress(0, framesTotal);
      const frames = await convertToH264(ffmpeg, source, output, name, {
        signal: job.abort.signal,
        onFrames: (done) => progress(Math.min(done, framesTotal), framesTotal),
      });
      const written = await countFrames(ffmpeg, output, name, job.abort.signal);
      if (frames !== framesTotal || written !== framesTotal) {
        throw new ServiceError(
          'media',
          `Converting "${name}" would not keep every frame (${framesTotal} in the file, ${written} in the copy), so it was not used. The original video is kept as it was.`,
        );
      }
      const video = await this.media.storeConverted(videoId, output);
      job.status = { state: 'done', frames: written, elapsedS: elapsedS(), video };
    } catch (error) {
      await rm(output, { force: true });
      if (error instanceof ServiceError && error.code === 'cancelled') job.status = { state: 'cancelled' };
      else job.status = { state: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
    return job.status;
  }
}
