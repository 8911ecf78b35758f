/**
 * A video's analysis as every screen shows it: the stored landmark track, analysed with the
 * clinician's saved corrections. The review, the report, the progress page and the comparison
 * all load through here, so they show the same numbers.
 */
import { fail, type Result } from '../../../shared/contract/result.ts';
import type { Visit, VisitVideo } from '../../../shared/contract/entities.ts';
import { analyseTrack } from '../../../shared/gait/analyse.ts';
import type { AnalysisOptions, ClientBody, GaitAnalysis } from '../../../shared/gait/types.ts';
import { summariseVisit, type VisitSummary } from '../../../shared/gait/visit-summary.ts';
import { measuredVideo } from '../../../shared/endurance/windows.ts';
import { decodeTrack } from '../../../shared/pose/track-codec.ts';
import type { LandmarkTrack } from '../../../shared/pose/track.ts';
import type { Host } from '../api/transport.ts';

export interface LoadedAnalysis {
  video: VisitVideo;
  track: LandmarkTrack;
  options: AnalysisOptions;
  analysis: GaitAnalysis;
}

/**
 * Null when the video has no analysis yet. `client` is the client's height and leg length on file,
 * which calibrate the video unless the clinician set a calibration.
 */
export async function loadAnalysis(host: Host, video: VisitVideo, client: ClientBody | null): Promise<Result<LoadedAnalysis | null>> {
  if (!video.analysis) return { ok: true, value: null };
  const [bytes, corrections] = await Promise.all([
    host.api['analyses.track']({ analysisId: video.analysis.id }),
    host.api['videos.corrections']({ visitVideoId: video.id }),
  ]);
  if (!bytes.ok) return bytes;
  if (!corrections.ok) return corrections;
  let track: LandmarkTrack;
  try {
    track = decodeTrack(bytes.value);
  } catch (error) {
    return fail('storage', `The landmarks of "${video.originalName}" cannot be read: ${(error as Error).message}`);
  }
  const options = corrections.value.options;
  return { ok: true, value: { video, track, options, analysis: analyseTrack(track, options, client) } };
}

export interface LoadedVisit {
  visit: Visit;
  analyses: LoadedAnalysis[];
  /** Null when no video of the visit is analysed. */
  summary: VisitSummary | null;
}

/** Every analysed video of a visit (a long run by its first window: measuredVideo), and their combined summary. */
export async function loadVisitAnalyses(host: Host, visit: Visit): Promise<Result<LoadedVisit>> {
  const client = await host.api['clients.get']({ id: visit.clientId });
  if (!client.ok) return client;
  const body = { heightCm: client.value.heightCm, legLengthCm: client.value.legLengthCm };
  const measured = visit.videos.map(measuredVideo).filter((v): v is VisitVideo => v !== null);
  const loaded = await Promise.all(measured.map((video) => loadAnalysis(host, video, body)));
  const analyses: LoadedAnalysis[] = [];
  for (const result of loaded) {
    if (!result.ok) return result;
    if (result.value) analyses.push(result.value);
  }
  const summary =
    analyses.length === 0
      ? null
      : summariseVisit(analyses.map((a) => ({ videoId: a.video.id, videoName: a.video.originalName, analysis: a.analysis })));
  return { ok: true, value: { visit, analyses, summary } };
}
