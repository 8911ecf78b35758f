/**
 * Everything the report shows, loaded through the API: the visit and its client, the clinic's
 * settings, the visit's analyses (with the clinician's corrections), its key frames with their
 * images, the windows of its run (form late in the run), and the client's previous visit with an
 * analysis, for the progress section.
 */
import type { Client, ClinicSettings, KeyFrame, Visit } from '../../../shared/contract/entities.ts';
import type { Result } from '../../../shared/contract/result.ts';
import type { Host } from '../api/transport.ts';
import { loadVisitAnalyses, type LoadedVisit } from '../app/load-analysis.ts';
import { loadRun, type LoadedRun } from '../app/load-run.ts';
import { isMeasured } from '../../../shared/endurance/windows.ts';

export interface KeyFrameImage {
  keyFrame: KeyFrame;
  bytes: Uint8Array;
}

export interface ReportInput {
  client: Client;
  settings: ClinicSettings;
  current: LoadedVisit;
  keyFrames: KeyFrameImage[];
  /** The windows of the visit's run and their drift (issue 27); null when no window is analysed. */
  run: LoadedRun | null;
  /** The client's latest earlier visit with an analysed video; null when there is none. */
  previous: LoadedVisit | null;
}

/** Earlier: an earlier date, or the same date and created before. */
const before = (a: Visit, b: Visit): boolean => a.visitDate < b.visitDate || (a.visitDate === b.visitDate && a.createdAt < b.createdAt);

export async function loadReport(host: Host, visitId: string): Promise<Result<ReportInput>> {
  const { api } = host;
  const visit = await api['visits.get']({ id: visitId });
  if (!visit.ok) return visit;
  const [client, settings, visits, keyFrames, current, run] = await Promise.all([
    api['clients.get']({ id: visit.value.clientId }),
    api['settings.get']({}),
    api['visits.list']({ clientId: visit.value.clientId }),
    api['keyFrames.list']({ visitId }),
    loadVisitAnalyses(host, visit.value),
    loadRun(host, visit.value),
  ]);
  if (!client.ok) return client;
  if (!settings.ok) return settings;
  if (!visits.ok) return visits;
  if (!keyFrames.ok) return keyFrames;
  if (!current.ok) return current;
  if (!run.ok) return run;

  const images: KeyFrameImage[] = [];
  for (const keyFrame of keyFrames.value) {
    const bytes = await api['keyFrames.image']({ id: keyFrame.id });
    if (!bytes.ok) return bytes;
    images.push({ keyFrame, bytes: bytes.value });
  }

  const earlier = visits.value
    .filter((v) => v.id !== visitId && before(v, visit.value) && isMeasured(v))
    .sort((a, b) => (before(a, b) ? 1 : -1));
  let previous: LoadedVisit | null = null;
  const latest = earlier[0];
  if (latest) {
    const loaded = await loadVisitAnalyses(host, latest);
    if (!loaded.ok) return loaded;
    previous = loaded.value;
  }
  return { ok: true, value: { client: client.value, settings: settings.value, current: current.value, keyFrames: images, run: run.value, previous } };
}
