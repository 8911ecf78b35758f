/**
 * Which leg is which (issue 21), on the real 60 fps treadmill clip, whose image cues do not
 * settle it: the review asks once with the leg called right drawn wide; "No, swap" moves every
 * per-leg value to the other side for the whole clip; the answer is kept over a reload and
 * undone like any correction; the report names the legs near and far until it is answered, and
 * left and right after.
 */
import type { Page } from '@playwright/test';
import { testVideo, VIDEOS } from '../../support/videos.ts';
import { analyseStored, visitWithVideo } from './api.ts';
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
