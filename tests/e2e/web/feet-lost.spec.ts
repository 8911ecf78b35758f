/**
 * Feet lost (shared/gait/foot-tracking.ts, docs/validation.md experiment 15): on the slow-motion
 * lab clip the full model's foot landmarks leave their path in about a fifth of their readings,
 * and its gait events miss the annotations by several frames. The review says so above the
 * measures and marks every value timed from the feet; the report leaves them out, says why in
 * plain words and draws no stride charts from those strides. Analysed from the visit screen, the
 * window is analysed again with the heavy model, which keeps the feet there, and its analysis is
 * saved.
 */
import { analyseTrack } from '../../../shared/gait/analyse.ts';
import { fromBase64 } from '../../../shared/contract/wire.ts';
import { decodeTrack } from '../../../shared/pose/track-codec.ts';
import { testVideo, VIDEOS } from '../../support/videos.ts';
import { analyseStored, apiCall, visitWithVideo } from './api.ts';
import { expect, test } from './fixtures.ts';

test.describe.configure({ timeout: 240_000 });

test('the slow-motion clip with the full model: the review says the feet were lost and marks the timing values, the report leaves them out and says why', async ({ app, bridge }, testInfo) => {
  const found = testVideo(VIDEOS.treadmillSlowmo);
  test.skip('skip' in found, 'skip' in found ? found.skip : '');
  if (!('path' in found)) return;
  const ids = await visitWithVideo(app, found.path);
  await apiCall(app, 'videos.setCaptureFps', { visitVideoId: ids.videoId, captureFps: 240 });
  // the whole clip: 4 s of running at 240 fps, 4 strides of each foot; the full model's analysis kept (no second pass with the heavy model)
  const outcome = await analyseStored(app, bridge.origin, { visitVideoId: ids.videoId, mediaId: ids.mediaId, model: 'full', startS: 0, endS: 31.6, captureFps: 240, retryHeavy: false });
  expect(outcome.status, outcome.message).toBe('saved');
  const video = (await apiCall(app, 'visits.get', { id: ids.visitId })).videos[0];
  const track = decodeTrack(fromBase64((await apiCall<{ $bytes: string }>(app, 'analyses.track', { analysisId: video.analysis.id })).$bytes));
  const feet = analyseTrack(track).footTracking;
  expect(feet.lost, JSON.stringify(feet)).toBe(true);

  // the visit screen's key numbers withhold the timing values and say why
  await app.goto(`${bridge.origin}/#/visits/${ids.visitId}`);
  await expect(app.getByTestId('video-key-numbers')).toContainText(/Cadence — · contact time (near|far|left|right) —, (near|far|left|right) —/);
  await expect(app.getByTestId('key-numbers-feet-lost')).toContainText(`The pose model lost the runner’s feet in this analysis (${feet.offPathPct}% of their readings off their path)`);

  await app.goto(`${bridge.origin}/#/visits/${ids.visitId}/review/${ids.videoId}`);
  const notice = app.getByTestId('feet-lost');
  await expect(notice).toBeVisible({ timeout: 60_000 });
  await expect(notice).toContainText(`The pose model lost the runner’s feet in this clip. ${feet.offPathPct}% of the foot landmarks’ readings leave their path`);
  await expect(notice).toContainText('Where the Heavy pose model has not been tried on this video, analyse it again with it');
  await expect(notice).toContainText('GaitLens foot-tracking check');
  const cadence = app.getByTestId('metrics-overall').locator('tr[data-measure="cadenceSpm"]');
  // said in full once, above; each value points to it
  await expect(cadence.getByTestId('not-reliable')).toContainText('Not reliable in this clip: the pose model lost the feet (said above the video).');
  // every per-leg value shown is marked, for the same reason
  const perLeg = app.getByTestId('metrics-per-side');
  const values = await perLeg.locator('.number').count();
  expect(values).toBeGreaterThan(0);
  await expect(perLeg.getByTestId('not-reliable')).toHaveCount(values);
  for (const mark of await perLeg.getByTestId('not-reliable').all()) await expect(mark).toContainText('lost the feet');
  await expect(app.getByTestId('metrics-overall').locator('tr[data-measure="trunkLeanDeg"]').getByTestId('not-reliable')).toHaveCount(0);
  const shot = testInfo.outputPath('feet-lost-review.png');
  await app.screenshot({ path: shot, fullPage: true });
  await testInfo.attach('feet-lost-review', { path: shot, contentType: 'image/png' });

  await app.goto(`${bridge.origin}/#/visits/${ids.visitId}/report`);
  await expect(app.locator('body[data-report-ready]')).toBeAttached({ timeout: 60_000 });
  const summary = app.getByRole('region', { name: 'Summary' });
  await expect(summary).toContainText('We filmed you running from the side.');
  await expect(summary).toContainText('In the video from the side your feet could not be followed clearly enough to time your steps');
  await expect(summary).not.toContainText('Nothing in the way you run stood out');
  await expect(app.getByRole('region', { name: 'Joint angles' })).toHaveCount(0);
  await expect(app.getByRole('region', { name: 'Measurements' })).toContainText('Not reliable in this clip: The pose model lost the feet');
  const report = testInfo.outputPath('feet-lost-report.png');
  await app.screenshot({ path: report, fullPage: true });
  await testInfo.attach('feet-lost-report', { path: report, contentType: 'image/png' });
});

test('analysed from the visit screen with the full model, the slow-motion clip is analysed again with the heavy model, which keeps the feet, and that analysis is saved', async ({ app, bridge }, testInfo) => {
  const found = testVideo(VIDEOS.treadmillSlowmo);
  test.skip('skip' in found, 'skip' in found ? found.skip : '');
  if (!('path' in found)) return;
  const ids = await visitWithVideo(app, found.path);
  await app.goto(`${bridge.origin}/#/visits/${ids.visitId}`);
  const panel = app.getByLabel(`Analysis of ${VIDEOS.treadmillSlowmo}`);
  await panel.getByLabel('Filmed at (fps)').fill('240');
  await panel.getByLabel('Pose model').selectOption('full');
  // 16 s of the file: 2 s of running at 240 fps
  await panel.getByLabel('To (s)').fill('16');
  await panel.getByRole('button', { name: 'Analyse' }).click();
  const retrying = panel.getByTestId('pose-retry');
  await expect(retrying).toContainText(/^The Full pose model lost the runner’s feet \(\d+(\.\d)?% of their readings off their path\): analysing the window again with the Heavy model/, { timeout: 120_000 });
  const summary = panel.getByTestId('analysis-summary');
  await expect(summary).toContainText('with the heavy model', { timeout: 180_000 });
  await expect(panel.getByRole('status')).toContainText(/so the video was analysed again with the Heavy model, which kept them better \(\d+(\.\d)?% off\): its analysis is saved\./);
  const shot = testInfo.outputPath('heavy-retry.png');
  await app.screenshot({ path: shot, fullPage: true });

  // the saved track is the heavy model's, and it kept the feet
  const video = (await apiCall(app, 'visits.get', { id: ids.visitId })).videos[0];
  const track = decodeTrack(fromBase64((await apiCall<{ $bytes: string }>(app, 'analyses.track', { analysisId: video.analysis.id })).$bytes));
  expect(track.model).toBe('heavy');
  const feet = analyseTrack(track).footTracking;
  expect(feet.lost, JSON.stringify(feet)).toBe(false);
});
