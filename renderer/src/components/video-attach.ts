/** Attaching chosen videos to a visit, the same way in both hosts. */
import type { VisitVideo } from '../../../shared/contract/entities.ts';
import type { VideoSource } from '../../../shared/contract/schemas.ts';
import type { Result } from '../../../shared/contract/result.ts';
import type { Host } from '../api/transport.ts';

/** A video the clinician chose, not yet stored. */
export interface PendingVideo {
  key: string;
  name: string;
  sizeBytes: number | null;
  /** Browser: the file still has to be sent to the host. */
  file?: File;
  source?: VideoSource;
}

export interface AttachOutcome {
  name: string;
  result: Result<VisitVideo>;
}

export async function attachVideos(
  host: Host,
  visitId: string,
  videos: PendingVideo[],
  onProgress: (name: string, fraction: number) => void,
): Promise<AttachOutcome[]> {
  const outcomes: AttachOutcome[] = [];
  for (const video of videos) {
    let source: Result<VideoSource>;
    if (video.source) source = { ok: true, value: video.source };
    else if (video.file && host.stageFile) source = await host.stageFile(video.file, (f) => onProgress(video.name, f * 0.9));
    else continue;
    const result = source.ok ? await host.api['visits.attachVideo']({ visitId, source: source.value }) : source;
    onProgress(video.name, 1);
    outcomes.push({ name: video.name, result });
  }
  return outcomes;
}

export const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;
