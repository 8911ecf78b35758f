/**
 * The report in the real Electron app (skips where the binary is absent): a real clip analysed on
 * the visit screen, a plan drafted, and Export PDF printed by a hidden window with printToPDF and
 * saved where the (stubbed) OS save dialog says. The PDF is read back with pdftotext.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyseTrack } from '../../../shared/gait/analyse.ts';
import { summariseVisit } from '../../../shared/gait/visit-summary.ts';
import { decodeTrack } from '../../../shared/pose/track-codec.ts';
import { electronBinary } from '../../support/electron-binary.ts';
import { REPO_ROOT, testVideo, VIDEOS } from '../../support/videos.ts';

const binary = electronBinary();
test.skip('skip' in binary, 'skip' in binary ? binary.skip : '');

type Api = Record<string, (arg: unknown) => Promise<{ ok: boolean; value?: any; error?: { message: string } }>>;

test('the desktop app prints the report with printToPDF and saves it where the save dialog says', async () => {
  if ('skip' in binary) return;
  const video = testVideo(VIDEOS.treadmillLeft30);
  test.skip('skip' in video, 'skip' in video ? video.skip : '');
  if ('skip' in video) return;
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'gaitlens-electron-'));
  const outDir = mkdtempSync(join(tmpdir(), 'gaitlens-electron-pdf-'));
  const pdf = join(outDir, 'report.pdf');
  const app = await electron.launch({ executablePath: binary.path, args: [REPO_ROOT], env: { ...process.env, GAITLENS_DATA_DIR: dataDir } });
  try {
    const page = await app.firstWindow();
    await expect(page.getByTestId('app-ready')).toBeVisible();
    const ids = await page.evaluate(async (path) => {
      const api = (window as unknown as { gaitlens: Api }).gaitlens;
      const client = await api['clients.create']!({ name: 'Maria Lopez', dateOfBirth: null, heightCm: 167, legLengthCm: null, dominantSide: null, notes: '' });
      const visit = await api['visits.create']!({ clientId: client.value.id, visitDate: '2026-11-20', reason: 'Hip pain', notes: '' });
      await api['visits.attachVideo']!({ visitId: visit.value.id, source: { kind: 'path', path } });
      return { visitId: visit.value.id as string };
    }, video.path);

    await page.evaluate((hash) => (window.location.hash = hash), `#/visits/${ids.visitId}`);
    const panel = page.getByLabel(`Analysis of ${VIDEOS.treadmillLeft30}`);
    await panel.getByLabel('Pose model').selectOption('lite');
    await panel.getByLabel('From (s)').fill('2');
    await panel.getByLabel('To (s)').fill('4');
    await panel.getByRole('button', { name: 'Analyse' }).click();
    await expect(panel.getByTestId('analysis-summary')).toBeVisible({ timeout: 120_000 });

    await page.getByRole('link', { name: 'Draft plan' }).click();
    await page.getByRole('button', { name: 'Draft plan' }).click();
    await page.getByRole('button', { name: 'Save plan' }).click();
    await expect(page.getByText('Plan saved.')).toBeVisible();
    await page.getByRole('link', { name: 'Open report' }).click();
    await expect(page.locator('body[data-report-ready]')).toBeAttached({ timeout: 60_000 });

    await app.evaluate(({ dialog }, path) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: path })) as typeof dialog.showSaveDialog;
    }, pdf);
    await page.getByRole('button', { name: 'Export PDF' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Saved to ${pdf}` })).toBeVisible({ timeout: 90_000 });

    const stored = await page.evaluate(async (visitId) => {
      const api = (window as unknown as { gaitlens: Api }).gaitlens;
      const visit = (await api['visits.get']!({ id: visitId })).value;
      const v = visit.videos[0];
      const track = (await api['analyses.track']!({ analysisId: v.analysis.id })).value as Uint8Array;
      const corrections = (await api['videos.corrections']!({ visitVideoId: v.id })).value;
      const client = (await api['clients.get']!({ id: visit.clientId })).value;
      return {
        plan: visit.plan as { items: { name: string }[] },
        videoId: v.id as string,
        name: v.originalName as string,
        track: Array.from(track),
        options: corrections.options,
        client: { heightCm: client.heightCm as number | null, legLengthCm: client.legLengthCm as number | null },
      };
    }, ids.visitId);
    const analysis = analyseTrack(decodeTrack(new Uint8Array(stored.track)), stored.options, stored.client);
    const summary = summariseVisit([{ videoId: stored.videoId, videoName: stored.name, analysis }]);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Maria Lopez');
    expect(text).toContain(`You took about ${Math.round(summary.overall.cadenceSpm.summary.mean!)} steps per minute.`);
    for (const { finding } of summary.findings) expect(text, finding.title).toContain(finding.title.replace(/\s+/g, ' '));
    for (const item of stored.plan.items) expect(text, item.name).toContain(item.name.replace(/\s+/g, ' '));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThanOrEqual(3);
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  }
});
