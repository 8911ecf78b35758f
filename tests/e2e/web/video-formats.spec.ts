/**
 * Clinic formats (docs/video-formats.md), made from a shared clip with the bundled ffmpeg
 * (tests/support/video-formats.ts): attached in the app, where what this Chromium cannot decode is
 * converted with progress and a cancel button, and analysed with the headless command, which
 * converts the same way; the landmarks match the H.264 original's. A phone's capture rate is read
 * from the file, proposed in the app and used and printed by the headless command.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { apiCall } from './api.ts';
import { FORMATS, videoFormats, type FormatName, type FormatSet } from '../../support/video-formats.ts';
import { REPO_ROOT } from '../../support/videos.ts';

function formats(): FormatSet | null {
  const set = videoFormats();
  test.skip('skip' in set, 'skip' in set ? set.skip : '');
  return 'skip' in set ? null : set;
}

interface AnalysisJson {
  video: { frames: number; captureFps: number; fileFps: number };
  frames: { tMs: number; landmarks: number[][] | null }[];
}

/** Runs the headless command on a file (with any further options); returns its output and analysis.json. */
function analyze(path: string, out: string, options: string[] = []): { stdout: string; stderr: string; result: AnalysisJson } {
  const run = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'analyze.ts'), path, '--out', out, '--quiet', ...options], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 170_000,
  });
  expect(run.status, `${path}: ${run.stderr}`).toBe(0);
  return { stdout: run.stdout, stderr: run.stderr, result: JSON.parse(readFileSync(join(out, 'analysis.json'), 'utf8')) as AnalysisJson };
}

/** The mean distance (fractions of the frame's width and height) between the two analyses' landmarks, frame by frame. */
function meanLandmarkDistance(a: AnalysisJson, b: AnalysisJson): number {
  let sum = 0;
  let n = 0;
  a.frames.forEach((frame, i) => {
    const other = b.frames[i]!.landmarks;
    frame.landmarks?.forEach((l, j) => {
      if (!other) return;
      sum += Math.hypot(l[0]! - other[j]![0]!, l[1]! - other[j]![1]!);
      n += 1;
    });
  });
  return sum / n;
}

const CONVERTED: FormatName[] = ['hevc8Mov', 'hevc10Mov', 'mjpegAvi', 'mpeg4Avi', 'h264Mkv', 'h264Ts'];

test('each clinic format is analysed headless with the same frames and landmarks within 1% of the frame of the H.264 original', async () => {
  test.setTimeout(600_000);
  const set = formats();
  if (!set) return;
  const dir = mkdtempSync(join(tmpdir(), 'gaitlens-formats-run-'));
  try {
    const reference = analyze(set.path('reference'), join(dir, 'reference')).result;
    expect(reference.frames).toHaveLength(60);
    for (const name of CONVERTED) {
      const { stdout, result } = analyze(set.path(name), join(dir, name));
      const file = FORMATS[name].file;
      if (name === 'h264Mkv') expect(stdout, 'H.264 in MKV opens as it is').not.toContain('converted');
      else expect(stdout).toMatch(new RegExp(`${file.replace('.', '\\.')}: converted to H\\.264 in [\\d.]+ s \\(60 frames, every one kept\\): this Chromium cannot decode .+`));
      expect(result.video.frames, file).toBe(60);
      // Matroska keeps times in whole milliseconds
      result.frames.forEach((frame, i) => expect(Math.abs(frame.tMs - reference.frames[i]!.tMs), `${file} frame ${i}`).toBeLessThan(1));
      const distance = meanLandmarkDistance(result, reference);
      console.log(`${file}: mean landmark distance from the H.264 original ${(distance * 100).toFixed(2)}% of the frame`);
      expect(distance, file).toBeLessThan(0.01);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the headless command uses and prints the capture rate a phone wrote into the file, unless --capture-fps says otherwise", async () => {
  test.setTimeout(300_000);
  const set = formats();
  if (!set) return;
  const dir = mkdtempSync(join(tmpdir(), 'gaitlens-formats-run-'));
  try {
    const android = analyze(set.path('android240'), join(dir, 'android'));
    expect(android.stdout).toContain("capture rate 240 fps, read from the file: the file says it was filmed at 240 fps (Android's capture-rate tag) and plays at 30 fps");
    expect(android.result.video).toMatchObject({ captureFps: 240, fileFps: 30 });
    // 60 frames filmed at 240 fps span a quarter of a second
    expect(android.result.frames.at(-1)!.tMs).toBeCloseTo((59 * 1000) / 240, 1);

    const iphone = analyze(set.path('iphone240'), join(dir, 'iphone'));
    expect(iphone.stdout).toContain('capture rate 240 fps, read from the file: the file stores every frame at 240 fps (an iPhone slow-motion original)');
    expect(iphone.result.video).toMatchObject({ captureFps: 240, fileFps: 240 });

    const given = analyze(set.path('android240'), join(dir, 'given'), ['--capture-fps', '120']);
    expect(given.stdout).toContain('capture rate 120 fps, as given (--capture-fps; the file plays at 30 fps)');
    expect(given.result.video).toMatchObject({ captureFps: 120, fileFps: 30 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('in the app: iPhone HEVC clips and AVI files are converted with progress and a cancel button, an MKV opens, and a phone capture rate is proposed', async ({ app }, testInfo) => {
  test.setTimeout(300_000);
  const set = formats();
  if (!set) return;
  const client = await apiCall(app, 'clients.create', { name: 'Maria Lopez', dateOfBirth: null, heightCm: 167, notes: '' });
  const visit = await apiCall(app, 'visits.create', { clientId: client.id, visitDate: '2026-12-07', reason: 'Knee pain', notes: '' });
  await app.goto(`${new URL(app.url()).origin}/#/visits/${visit.id}`);
  const files: FormatName[] = ['hevc8Mov', 'hevc10Mov', 'mjpegAviLong', 'mpeg4Avi', 'h264Mkv', 'avchdMts', 'android240'];
  await app.getByTestId('video-file-input').setInputFiles(files.map((name) => set.path(name)));
  await app.getByRole('button', { name: `Attach ${files.length} videos` }).click();
  const cards = app.getByRole('list', { name: 'Attached videos' }).getByRole('listitem');
  await expect(cards).toHaveCount(files.length);
  const card = (file: string) => cards.filter({ hasText: file });

  // the long AVI: progress with frames and time left, cancelled, then converted on request
  const avi = card(FORMATS.mjpegAviLong.file);
  await expect(avi).toContainText('This computer cannot decode videos in AVI files');
  await expect(avi.getByRole('img', { name: `${FORMATS.mjpegAviLong.file} cannot be played here` })).toBeVisible();
  const progress = avi.getByRole('status', { name: 'Conversion progress' });
  await expect(progress).toContainText(/Converting: frame \d+ of 360/);
  await testInfo.attach('converting', { body: await app.screenshot({ fullPage: true }), contentType: 'image/png' });
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(avi).toContainText('Conversion cancelled. This video cannot be played or analysed on this computer until it is converted.');
  await avi.getByRole('button', { name: 'Convert to H.264' }).click();
  await expect(avi).toContainText(/Converted to H\.264 to play and analyse here; the file as attached \(AVI, [\d.]+ MB\) is kept unchanged\./, { timeout: 120_000 });
  await expect(avi).toContainText('720×1280 · H.264 · 360 frames · 30 fps · 12.0 s');

  // the others converted on their own (H.264 in MKV opens as it is), each playable in its card
  for (const [name, container] of [['hevc8Mov', 'MOV'], ['hevc10Mov', 'MOV'], ['mpeg4Avi', 'AVI'], ['avchdMts', 'TS'], ['h264Mkv', null]] as const) {
    const other = card(FORMATS[name].file);
    if (container) await expect(other).toContainText(new RegExp(`the file as attached \\(${container}, \\d+ KB\\) is kept unchanged`), { timeout: 60_000 });
    else await expect(other).not.toContainText('Converted');
    // Matroska keeps whole milliseconds: 29.99 fps
    await expect(other).toContainText(/H\.264 · 60 frames · 30(\.00)? fps/);
    const player = other.locator('video');
    await expect.poll(() => player.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(1);
    expect(await player.evaluate((v: HTMLVideoElement) => [v.videoWidth, v.videoHeight])).toEqual([720, 1280]);
  }

  // the Android slow-motion clip: 240 fps proposed from the file, used once the clinician analyses
  const slowmo = card(FORMATS.android240.file);
  await expect(slowmo.getByTestId('capture-rate-proposal')).toContainText("the file says it was filmed at 240 fps (Android's capture-rate tag) and plays at 30 fps");
  await expect(slowmo.getByLabel('Filmed at (fps)')).toHaveValue('240');
  await testInfo.attach('converted', { body: await app.screenshot({ fullPage: true }), contentType: 'image/png' });
  await slowmo.getByRole('button', { name: 'Analyse' }).click();
  await expect(slowmo.getByTestId('analysis-summary')).toContainText('running at 240 fps (file plays at 30 fps)', { timeout: 120_000 });
  const stored = await apiCall(app, 'visits.get', { id: visit.id });
  expect(stored.videos.map((v: { originalName: string; captureFps: number | null; original: { container: string } | null }) => [v.originalName, v.captureFps, v.original?.container ?? null])).toEqual([
    [FORMATS.hevc8Mov.file, null, 'mov'],
    [FORMATS.hevc10Mov.file, null, 'mov'],
    [FORMATS.mjpegAviLong.file, null, 'avi'],
    [FORMATS.mpeg4Avi.file, null, 'avi'],
    [FORMATS.h264Mkv.file, null, null],
    [FORMATS.avchdMts.file, null, 'ts'],
    [FORMATS.android240.file, 240, null],
  ]);
});
