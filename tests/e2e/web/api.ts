/** Setting up records through the app's own HTTP API from the page (faster than clicking through forms). */
import type { Page } from '@playwright/test';

export async function apiCall<T = any>(page: Page, channel: string, arg: unknown): Promise<T> {
  const result = await page.evaluate(
    async ([c, a]) => (await fetch(`api/${c}`, { method: 'POST', body: JSON.stringify(a) })).json(),
    [channel, arg] as const,
  );
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

/** A client with one visit holding the video at `path`; returns the ids. */
export async function visitWithVideo(page: Page, path: string) {
  const client = await apiCall(page, 'clients.create', { name: 'Maria Lopez', dateOfBirth: null, heightCm: 167, notes: '' });
  const visit = await apiCall(page, 'visits.create', { clientId: client.id, visitDate: '2026-11-20', reason: 'Hip pain', notes: '' });
  const video = await apiCall(page, 'visits.attachVideo', { visitId: visit.id, source: { kind: 'path', path } });
  return { clientId: client.id as string, visitId: visit.id as string, videoId: video.id as string, mediaId: video.mediaId as string };
}

/** Stores a video through the API (a new client and visit); returns its media URL for the engine. */
export async function mediaUrl(page: Page, path: string): Promise<string> {
  return `media/${encodeURIComponent((await visitWithVideo(page, path)).mediaId)}`;
}

/** Opens the engine page (headless.html) on the app's origin and stores a video for it; returns its media URL. */
export async function engineWith(page: Page, origin: string, path: string): Promise<string> {
  await page.goto(`${origin}/headless.html`);
  await page.locator('body[data-engine-ready]').waitFor();
  return mediaUrl(page, path);
}

/** The Analyse button's path for a stored video, run on the engine page (headless.html) of the app; returns the outcome. */
export async function analyseStored(
  page: Page,
  origin: string,
  options: { visitVideoId: string; mediaId: string; model: 'lite' | 'full' | 'heavy'; startS: number; endS: number; captureFps?: number | null; retryHeavy?: boolean },
): Promise<{ status: string; message?: string }> {
  await page.goto(`${origin}/headless.html`);
  await page.waitForSelector('body[data-engine-ready]', { state: 'attached' });
  return page.evaluate(
    (o) => (window as unknown as { gaitlensEngine: { analyseAndSave(o: unknown): Promise<{ status: string; message?: string }> } }).gaitlensEngine.analyseAndSave(o),
    { captureFps: null, ...options },
  );
}
