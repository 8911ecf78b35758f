/** The same first flow as the web suite, in the real Electron app (skips where the binary is absent). */
import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronBinary } from '../../support/electron-binary.ts';
import { videoFormats } from '../../support/video-formats.ts';
import { REPO_ROOT, testVideo, VIDEOS } from '../../support/videos.ts';

const binary = electronBinary();
test.skip('skip' in binary, 'skip' in binary ? binary.skip : '');

test('the desktop app: create a client and a visit, attach a real video through the OS dialog, restart and find them', async () => {
  if ('skip' in binary) return;
  const video = testVideo(VIDEOS.treadmillLeft30);
  test.skip('skip' in video, 'skip' in video ? video.skip : '');
  if ('skip' in video) return;
  const dataDir = mkdtempSync(join(tmpdir(), 'gaitlens-electron-'));
  const launch = () =>
    electron.launch({ executablePath: binary.path, args: [REPO_ROOT], env: { ...process.env, GAITLENS_DATA_DIR: dataDir } });
  try {
    let app = await launch();
    let page = await app.firstWindow();
    await expect(page.getByTestId('app-ready')).toBeVisible();
    expect(await page.evaluate(() => [typeof (window as { require?: unknown }).require, typeof (window as { process?: unknown }).process])).toEqual([
      'undefined',
      'undefined',
    ]);
    await app.evaluate(({ dialog }, path) => {
      dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [path] })) as typeof dialog.showOpenDialog;
    }, video.path);

    await page.getByRole('button', { name: 'New client' }).click();
    await page.getByRole('form', { name: 'New client' }).getByLabel('Full name').fill('Maria Lopez');
    await page.getByRole('button', { name: 'Add client' }).click();
    await page.getByRole('button', { name: 'New visit' }).click();
    await page.getByRole('form', { name: 'New visit' }).getByLabel('Date').fill('2026-11-20');
    await page.getByRole('button', { name: 'Choose video…' }).click();
    await page.getByRole('button', { name: 'Save visit' }).click();
    await expect(page.getByRole('list', { name: 'Attached videos' })).toContainText(VIDEOS.treadmillLeft30);
    await app.close();

    app = await launch();
    page = await app.firstWindow();
    await expect(page.getByTestId('app-ready')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Client list' })).toContainText('Maria Lopez');
    await page.getByRole('link', { name: 'Maria Lopez' }).click();
    await page.getByRole('list', { name: 'Visits' }).getByRole('link').first().click();
    const player = page.locator('video');
    await expect.poll(() => player.evaluate((v: HTMLVideoElement) => v.videoWidth)).toBe(720);
    await app.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('the desktop app opens an iPhone HEVC clip: played as it is where the platform decodes HEVC, else converted with the bundled ffmpeg', async () => {
  if ('skip' in binary) return;
  test.setTimeout(180_000);
  const formats = videoFormats();
  test.skip('skip' in formats, 'skip' in formats ? formats.skip : '');
  if ('skip' in formats) return;
  const dataDir = mkdtempSync(join(tmpdir(), 'gaitlens-electron-'));
  try {
    const app = await electron.launch({ executablePath: binary.path, args: [REPO_ROOT], env: { ...process.env, GAITLENS_DATA_DIR: dataDir } });
    const page = await app.firstWindow();
    await expect(page.getByTestId('app-ready')).toBeVisible();
    await app.evaluate(({ dialog }, path) => {
      dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [path] })) as typeof dialog.showOpenDialog;
    }, formats.path('hevc8Mov'));
    await page.getByRole('button', { name: 'New client' }).click();
    await page.getByRole('form', { name: 'New client' }).getByLabel('Full name').fill('Maria Lopez');
    await page.getByRole('button', { name: 'Add client' }).click();
    await page.getByRole('button', { name: 'New visit' }).click();
    await page.getByRole('form', { name: 'New visit' }).getByLabel('Date').fill('2026-12-07');
    await page.getByRole('button', { name: 'Choose video…' }).click();
    await page.getByRole('button', { name: 'Save visit' }).click();
    const card = page.getByRole('list', { name: 'Attached videos' }).getByRole('listitem');
    await expect(card).toContainText('60 frames · 30 fps', { timeout: 120_000 });
    await expect.poll(() => card.locator('video').evaluate((v: HTMLVideoElement) => v.videoWidth)).toBe(720);
    await app.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
