/**
 * A visit's run as the review and the report show it: each analysed window's landmark track,
 * analysed with its video's saved corrections (the view, calibration, capture rate and leg answer
 * set once for a long clip hold for all its windows), and the drift over the windows.
 */
import { fail, type Result } from '../../../shared/contract/result.ts';
import type { Visit } from '../../../shared/contract/entities.ts';
import { driftOf, type RunDrift, type RunWindowInput } from '../../../shared/endurance/drift.ts';
import { runWindowsOf, type RunWindowRef } from '../../../shared/endurance/windows.ts';
import { analyseTrack } from '../../../shared/gait/analyse.ts';
import type { AnalysisOptions, GaitAnalysis } from '../../../shared/gait/types.ts';
import { decodeTrack } from '../../../shared/pose/track-codec.ts';
import type { Host } from '../api/transport.ts';

export interface LoadedRunWindow {
  ref: RunWindowRef;
  analysis: GaitAnalysis;
}

export interface LoadedRun {
  windows: LoadedRunWindow[];
  drift: RunDrift;
}

/** Null when the visit has no analysed window of a run. */
export async function loadRun(host: Host, visit: Visit): Promise<Result<LoadedRun | null>> {
  const refs = runWindowsOf(visit);
  if (refs.length === 0) return { ok: true, value: null };
  const client = await host.api['clients.get']({ id: visit.clientId });
  if (!client.ok) return client;
  const body = { heightCm: client.value.heightCm, legLengthCm: client.value.legLengthCm };
  const options = new Map<string, AnalysisOptions>();
  for (const videoId of new Set(refs.map((r) => r.videoId))) {
    const corrections = await host.api['videos.corrections']({ visitVideoId: videoId });
    if (!corrections.ok) return corrections;
    options.set(videoId, corrections.value.options);
  }
  const windows: LoadedRunWindow[] = [];
  for (const ref of refs) {
    const bytes = await host.api['analyses.track']({ analysisId: ref.analysis.id });
    if (!bytes.ok) return bytes;
    let analysis: GaitAnalysis;
    try {
      analysis = analyseTrack(decodeTrack(bytes.value), options.get(ref.videoId), body);
    } catch (error) {
      return fail('storage', `The landmarks of "${ref.videoName}" cannot be read: ${(error as Error).message}`);
    }
    windows.push({ ref, analysis });
  }
  const inputs: RunWindowInput[] = windows.map(({ ref, analysis }) => ({
    id: ref.key,
    startS: ref.runStartS,
    endS: ref.runEndS,
    analysis: { id: ref.analysis.id, view: { kind: analysis.view.kind, side: analysis.view.side }, metrics: analysis.metrics },
    sidesKnown: analysis.identity.sides !== 'unconfirmed',
  }));
  return { ok: true, value: { windows, drift: driftOf(inputs) } };
}
