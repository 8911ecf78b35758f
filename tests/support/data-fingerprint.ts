/** Everything a data folder holds for the clinician, with content hashes of its files: equal fingerprints mean equal data. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Services } from '../../electron/services/services.ts';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export async function fingerprint(services: Services) {
  const { handlers } = services;
  const clients = await handlers['clients.list']({ query: '', includeArchived: true });
  const visits = [];
  const files: Record<string, string> = {};
  for (const client of clients) {
    for (const visit of await handlers['visits.list']({ clientId: client.id })) {
      visits.push(visit);
      for (const video of visit.videos) {
        files[`media ${video.mediaId}`] = sha256(readFileSync(services.media.locate(video.mediaId)!.path));
        if (video.analysis) files[`analysis ${video.analysis.id}`] = sha256(await handlers['analyses.track']({ analysisId: video.analysis.id }));
      }
    }
  }
  return { clients, visits, files };
}
