/** The host's services on a fresh data folder (a real SQLite file), removed after the test; and a visit holding a video. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openServices, type HostAbilities, type Services } from '../../electron/services/services.ts';

export function tempServices(t: { after: (fn: () => void) => void }, name: string, host: Partial<HostAbilities> = {}, dir = mkdtempSync(join(tmpdir(), `gaitlens-${name}-`))) {
  const services = openServices(dir, { transport: 'http', appVersion: 'test', ...host });
  t.after(() => {
    services.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { services, dir };
}

/** A new client (Ann) with one visit, and the video at `path` attached to it. */
export async function visitWithVideo(services: Services, path: string, visitDate = '2026-12-07') {
  const client = await services.handlers['clients.create']({ name: 'Ann', dateOfBirth: null, heightCm: null, legLengthCm: null, dominantSide: null, notes: '' });
  const visit = await services.handlers['visits.create']({ clientId: client.id, visitDate, reason: '', notes: '' });
  const video = await services.handlers['visits.attachVideo']({ visitId: visit.id, source: { kind: 'path', path } });
  return { client, visit, video };
}
