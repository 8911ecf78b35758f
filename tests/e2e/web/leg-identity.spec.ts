/**
 * Which leg is which (issue 21), on the real 60 fps treadmill clip, whose image cues do not
 * settle it: the review asks once with the leg called right drawn wide; "No, swap" moves every
 * per-leg value to the other side for the whole clip; the answer is kept over a reload and
 * undone like any correction; the report names the legs near and far until it is answered, and
 * left and right after. The shanks' pixels read by the analysis worker are in the stored track,
 * and where their crossings settle it (the heavy model on the same clip) the review does not ask.
 */
import type { Page } from '@playwright/test';
import { fromBase64 } from '../../../shared/contract/wire.ts';
import { analyseTrack } from '../../../shared/gait/analyse.ts';
import { decodeTrack } from '../../../shared/pose/track-codec.ts';
import { testVideo, VIDEOS } from '../../support/videos.ts';
import { analyseStored, apiCall, visitWithVideo } from './api.ts';
import { expect, test } from './fixtures.ts';

test.describe.configure({ timeout: 240_000 });

const cell = (app: Page, measure: string, side: 'left' | 'right') =>
  app.getByTestId('metrics-per-side').locator(`tr[data-measure="${measure}"] td`).nth(side === 'left' ? 0 : 1).locator('.number');

const MEASURES = ['kneeFlexionAtIcDeg', 'shankAngleAtIcDeg', 'contactTimeMs', 'hipExtensionAtToDeg'];

async function values(app: Page): Promise<Record<string, { left: string; right: string }>> {
  const out: Record<string, { left: string; right: string }> = {};
  for (const id of MEASURES) out[id] = { left: await cell(app, id, 'left').innerText(), right: await cell(app, id, 'right').innerText() };
  return out;
}

test('an uncertain side view asks which leg is the right one; the answer swaps every per-leg value, is kept over a reload and can be undone', async ({ app, bridge }, testInfo) => {
  const found = testVideo(VIDEOS.treadmillRight60);
  test.skip('skip' in found, 'skip' in found ? found.skip : '');
  if (!('path' in found)) return;
  const ids = await visitWithVideo(app, found.path);
  const outcome = await analyseStored(app, bridge.origin, { visitVideoId: ids.videoId, mediaId: ids.mediaId, model: 'full', startS: 3, endS: 6 });
  expect(outcome.status, outcome.message).toBe('saved');

  await app.goto(`${bridge.origin}/#/visits/${ids.visitId}/review/${ids.videoId}`);
  const question = app.getByTestId('leg-question');
  await expect(question).toBeVisible({ timeout: 60_000 });
  await expect(question).toContainText('Is the highlighted leg the client’s right leg?');
  // the analysis worker read the shanks' pixels from the real frames: their colours where apart, the overlap where they cross
  const video = (await apiCall(app, 'visits.get', { id: ids.visitId })).videos[0];
  const track = decodeTrack(fromBase64((await apiCall<{ $bytes: string }>(app, 'analyses.track', { analysisId: video.analysis.id })).$bytes));
  const posed = track.frames.filter((f) => f.landmarks);
  const apart = posed.filter((f) => f.shanks?.kind === 'apart').length;
  const crossing = posed.filter((f) => f.shanks?.kind === 'crossing').length;
  expect(apart, `${apart} of ${posed.length} frames read apart`).toBeGreaterThan(posed.length / 2);
  expect(crossing, 'frames read where the shanks cross').toBeGreaterThan(0);
  const corrections = await apiCall(app, 'videos.corrections', { visitVideoId: ids.videoId });
  const occlusion = analyseTrack(track, corrections.options).identity.nearFar!.cues.find((c) => c.id === 'occlusion')!;
  if (occlusion.crossings && occlusion.crossings.read > 0) {
    await expect(question).toContainText(`Where the shanks cross, the highlighted leg is drawn in front at ${occlusion.crossings.right} of ${occlusion.crossings.read} crossings read.`);
  }
  const path = testInfo.outputPath('leg-question.png');
  await app.screenshot({ path });
  await testInfo.attach('leg-question', { path, contentType: 'image/png' });
  const before = await values(app);

  await question.getByRole('button', { name: 'No, swap left and right' }).click();
  await expect(question).toBeHidden();
  await expect(app.getByTestId('leg-answer')).toContainText('exchanged from the model’s labels');
  const swapped = await values(app);
  for (const id of MEASURES) {
    expect(swapped[id], id).toEqual({ left: before[id]!.right, right: before[id]!.left });
  }

  await app.reload();
  await expect(app.getByTestId('leg-answer')).toBeVisible({ timeout: 60_000 });
  expect(await values(app)).toEqual(swapped);

  await app.getByRole('button', { name: 'Undo' }).click();
  await expect(app.getByTestId('leg-question')).toBeVisible();
  expect(await values(app)).toEqual(before);

  // unanswered, the report names the legs near and far, never left or right
  await app.goto(`${bridge.origin}/#/visits/${ids.visitId}/report`);
  await expect(app.locator('body[data-report-ready]')).toBeAttached({ timeout: 60_000 });
  const perLeg = app.getByRole('table', { name: 'Measures per leg, near and far' });
  await expect(perLeg.getByRole('columnheader')).toContainText(['Each leg in the side video (left and right not confirmed yet)', 'Far leg', 'Near leg']);
  await expect(app.getByRole('table', { name: 'Measures per leg', exact: true })).toHaveCount(0);
  const whatWeFound = app.getByRole('region', { name: 'What we found' });
  // (the line naming the video says which side of the runner faced the camera: geometry, not the legs' labels)
  for (const text of await whatWeFound.locator('.report-finding').allInnerTexts()) {
    for (const line of text.split('\n').filter((l) => !l.startsWith('Seen in the side view'))) expect(line).not.toMatch(/\b(left|right)\b/i);
  }
  const unanswered = testInfo.outputPath('report-unanswered.png');
  await app.screenshot({ path: unanswered, fullPage: true });
  await testInfo.attach('report-unanswered', { path: unanswered, contentType: 'image/png' });

  await app.goto(`${bridge.origin}/#/visits/${ids.visitId}/review/${ids.videoId}`);
  await app.getByTestId('leg-question').getByRole('button', { name: 'Yes, it is the right leg' }).click();
  await expect(app.getByTestId('leg-answer')).toContainText('as the model labelled them');
  expect(await values(app)).toEqual(before);

  // answered, left and right
  await app.goto(`${bridge.origin}/#/visits/${ids.visitId}/report`);
  await expect(app.locator('body[data-report-ready]')).toBeAttached({ timeout: 60_000 });
  await expect(app.getByRole('table', { name: 'Measures per leg', exact: true }).getByRole('columnheader')).toContainText(['Each leg', 'Left', 'Right']);
  await expect(app.getByRole('table', { name: 'Measures per leg, near and far' })).toHaveCount(0);
});

test('where the crossings of the shanks settle it, the review does not ask and says how many showed the near leg in front', async ({ app, bridge }, testInfo) => {
  const found = testVideo(VIDEOS.treadmillRight60);
  test.skip('skip' in found, 'skip' in found ? found.skip : '');
  if (!('path' in found)) return;
  const ids = await visitWithVideo(app, found.path);
  // with the full model (the default) the 60 fps clip's shank crossings all show the leg labelled right in front since its
  // frames reach the model scaled down (9 of 9; the heavy model's 11 of 15 leave it asking, docs/validation.md)
  const outcome = await analyseStored(app, bridge.origin, { visitVideoId: ids.videoId, mediaId: ids.mediaId, model: 'full', startS: 0, endS: 7 });
  expect(outcome.status, outcome.message).toBe('saved');
  const video = (await apiCall(app, 'visits.get', { id: ids.visitId })).videos[0];
  const track = decodeTrack(fromBase64((await apiCall<{ $bytes: string }>(app, 'analyses.track', { analysisId: video.analysis.id })).$bytes));
  const corrections = await apiCall(app, 'videos.corrections', { visitVideoId: ids.videoId });
  const call = analyseTrack(track, corrections.options).identity.nearFar!;
  const occlusion = call.cues.find((c) => c.id === 'occlusion')!;
  expect(occlusion.near, occlusion.text).toBe('right');
  expect(occlusion.strength, occlusion.text).toBeGreaterThan(0);

  await app.goto(`${bridge.origin}/#/visits/${ids.visitId}/review/${ids.videoId}`);
  const answer = app.getByTestId('leg-answer');
  await expect(answer).toBeVisible({ timeout: 60_000 });
  await expect(app.getByTestId('leg-question')).toHaveCount(0);
  await expect(answer).toContainText(
    `Left and right decided from the picture (confidence ${call.confidence.toFixed(2)}; the near leg drawn over the far one at ${occlusion.crossings!.right} of ${occlusion.crossings!.read} crossings of the shanks).`,
  );
  const path = testInfo.outputPath('leg-decided.png');
  await app.screenshot({ path });
  await testInfo.attach('leg-decided', { path, contentType: 'image/png' });
});
