/**
 * Backup and restore through the Data screen: a client with two visits (two real clips, one
 * analysis) is backed up, then restored by upload into a second app on an empty data folder,
 * which gives back the same clients, visits, analyses and videos (compared by content hashes).
 */
import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { toBase64 } from '../../../shared/contract/wire.ts';
import { encodeTrack } from '../../../shared/pose/track-codec.ts';
import { removeDataDir, startBridgeProcess } from '../../support/bridge-process.ts';
import { sampleTrack } from '../../support/sample-track.ts';
import { testVideo, VIDEOS } from '../../support/videos.ts';
import { expect, test } from './fixtures.ts';

async function call<T = any>(page: Page, channel: string, arg: unknown): Promise<T> {
  const result = await page.evaluate(
    async ([c, a]) => (await fetch(`api/${c}`, { method: 'POST', body: JSON.stringify(a) })).json(),
    [channel, arg] as const,
  );
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

/** Every client, visit, video and analysis, with the SHA-256 of each stored video and landmark file. */
async function fingerprint(page: Page) {
  const clients = await call<{ id: string }[]>(page, 'clients.list', { query: '' });
  const visits = [];
  const files: Record<string, string> = {};
  for (const client of clients) {
    for (const visit of await call<any[]>(page, 'visits.list', { clientId: client.id })) {
      visits.push(visit);
      for (const video of visit.videos) {
        files[video.mediaId] = await page.evaluate(async (id) => {
          const digest = await crypto.subtle.digest('SHA-256', await (await fetch(`media/${id}`)).arrayBuffer());
          return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
        }, video.mediaId);
        expect(files[video.mediaId]).toBe(video.sha256);
        if (video.analysis) {
          const track = await call<{ $bytes: string }>(page, 'analyses.track', { analysisId: video.analysis.id });
          files[video.analysis.id] = createHash('sha256').update(Buffer.from(track.$bytes, 'base64')).digest('hex');
        }
      }
    }
  }
  return { clients, visits, files };
}

test('back up, then restore into an empty data folder: the same clients, visits, analyses and videos', async ({ app, browser }) => {
  const side = testVideo(VIDEOS.treadmillLeft30);
  const other = testVideo(VIDEOS.overgroundRun);
  for (const video of [side, other]) test.skip('skip' in video, 'skip' in video ? video.skip : '');
  if ('skip' in side || 'skip' in other) return;

  const client = await call(app, 'clients.create', { name: 'Maria Lopez', dateOfBirth: '1991-06-14', heightCm: 167, notes: 'Hip' });
  for (const [date, clip] of [['2026-10-01', side.path], ['2026-11-01', other.path]] as const) {
    const visit = await call(app, 'visits.create', { clientId: client.id, visitDate: date, reason: 'Hip pain', notes: '' });
    const video = await call(app, 'visits.attachVideo', { visitId: visit.id, source: { kind: 'path', path: clip } });
    await call(app, 'analyses.save', { visitVideoId: video.id, track: { $bytes: toBase64(encodeTrack(sampleTrack(60))) }, startS: 0, endS: 2 });
  }
  const original = await fingerprint(app);

  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data' }).click();
  await app.getByRole('button', { name: 'Back up now' }).click();
  const saved = app.getByTestId('backup-result');
  await expect(saved).toContainText('1 client, 2 visits, 2 videos, 2 analyses');
  const archive = (await saved.locator('.file-name').textContent())!;

  const empty = await startBridgeProcess();
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 } });
  try {
    const page = await context.newPage();
    await page.goto(empty.url);
    await expect(page.getByTestId('app-ready')).toBeVisible();
    await page.goto(`${empty.origin}/#/data`);
    await page.getByRole('button', { name: 'Restore from backup…' }).click();
    await page.getByTestId('backup-file-input').setInputFiles(archive);
    const confirm = page.getByRole('alertdialog', { name: 'Confirm restore' });
    await expect(confirm).toContainText('Replace all data here');
    await confirm.getByRole('button', { name: 'Restore' }).click();
    await expect(page.getByTestId('restore-result')).toContainText('1 client, 2 visits, 2 videos, 2 analyses');
    expect(await fingerprint(page)).toEqual(original);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
    await expect(page.getByRole('link', { name: 'Maria Lopez' })).toBeVisible();
  } finally {
    await context.close();
    await empty.stop();
    removeDataDir(empty.dataDir);
  }
});
