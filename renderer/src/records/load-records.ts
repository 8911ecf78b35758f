/**
 * A client's visits with their analysed videos, as the progress page and the comparison read
 * them: each video's stored landmarks analysed with the clinician's corrections (load-analysis),
 * and the per-visit input of the change rule (shared/progress).
 */
import type { Client, Visit } from '../../../shared/contract/entities.ts';
import { ok, type Result } from '../../../shared/contract/result.ts';
import type { VisitInput } from '../../../shared/progress/change.ts';
import type { Host } from '../api/transport.ts';
import { loadVisitAnalyses, type LoadedVisit } from '../app/load-analysis.ts';
import { isMeasured } from '../../../shared/endurance/windows.ts';

export interface ClientRecords {
  client: Client;
  /** Every visit, oldest first. */
  visits: Visit[];
  /** The visits with at least one analysed video, oldest first. */
  analysed: LoadedVisit[];
  /** The same visits as the change rule reads them. */
  inputs: VisitInput[];
}

export const visitInput = (loaded: LoadedVisit): VisitInput => ({
  id: loaded.visit.id,
  date: loaded.visit.visitDate,
  analyses: loaded.analyses.map((a) => ({ id: a.video.id, view: a.analysis.view, metrics: a.analysis.metrics })),
});

/** Date order, and by id within a day: the order shared/progress puts the visits in. */
export const oldestFirst = (a: Visit, b: Visit): number => (a.visitDate < b.visitDate ? -1 : a.visitDate > b.visitDate ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export async function loadClientRecords(host: Host, clientId: string): Promise<Result<ClientRecords>> {
  const [client, visits] = await Promise.all([host.api['clients.get']({ id: clientId }), host.api['visits.list']({ clientId })]);
  if (!client.ok) return client;
  if (!visits.ok) return visits;
  const ordered = [...visits.value].sort(oldestFirst);
  const analysed: LoadedVisit[] = [];
  // one visit after another: each decodes its landmark tracks and runs the analysis
  for (const visit of ordered.filter(isMeasured)) {
    const loaded = await loadVisitAnalyses(host, visit);
    if (!loaded.ok) return loaded;
    if (loaded.value.analyses.length > 0) analysed.push(loaded.value);
  }
  return ok({ client: client.value, visits: ordered, analysed, inputs: analysed.map(visitInput) });
}

/** Visit labels in the given order: the date, and a number when one day holds more than one visit. */
export function visitLabels(visits: readonly { id: string; visitDate: string }[], formatDate: (iso: string) => string): Map<string, string> {
  const labels = new Map<string, string>();
  for (const visit of visits) {
    const sameDay = visits.filter((v) => v.visitDate === visit.visitDate);
    const date = formatDate(visit.visitDate);
    labels.set(visit.id, sameDay.length > 1 ? `${date} (${sameDay.indexOf(visit) + 1})` : date);
  }
  return labels;
}
