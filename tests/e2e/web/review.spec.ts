/**
 * The review screen on a real clip (the 30 fps treadmill side view, portrait 720x1280): analysed
 * with the lite model over 4 s, then stepped with the keyboard, an event found and moved, a
 * stretch swapped, the corrections kept over a reload, and undone; key frames captured.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { apiCall, visitWithVideo } from './api.ts';
import { testVideo, VIDEOS } from '../../support/videos.ts';

async function analysedReview(app: Page, origin: string) {
  const video = testVideo(VIDEOS.treadmillLeft30);
  test.skip('skip' in video, 'skip' in video ? video.skip : '');
  if ('skip' in video) throw new Error('unreachable');
  const ids = await visitWithVideo(app, video.path);
  await app.goto(`${origin}/#/visits/${ids.visitId}`);
  const panel = app.getByLabel(`Analysis of ${VIDEOS.treadmillLeft30}`);
  await panel.getByLabel('Pose model').selectOption('lite');
  await panel.getByLabel('From (s)').fill('2');
  await panel.getByLabel('To (s)').fill('6');
  await panel.getByRole('button', { name: 'Analyse' }).click();
  await expect(panel.getByTestId('analysis-summary')).toBeVisible({ timeout: 120_000 });
  await app.getByRole('link', { name: 'Review' }).click();
  await expect(app).toHaveURL(new RegExp(`#/visits/${ids.visitId}/review/${ids.videoId}$`));
  await expect(app.getByTestId('review')).toBeVisible();
  // the player lands on the window's first frame (2 s at 30 fps)
  await expect(frameNumber(app)).toHaveText('60');
  return ids;
}

const frameNumber = (app: Page) => app.getByTestId('frame-number');
const kneeCursor = (app: Page) => app.getByTestId('chart-knee').getByTestId('chart-cursor');
const revision = (app: Page) => app.getByTestId('corrections-revision');
const metricCell = (app: Page, measure: string, side: 'left' | 'right') =>
  app.getByTestId('metrics-per-side').locator(`tr[data-measure="${measure}"] td`).nth(side === 'left' ? 0 : 1);

/** The frames of the timeline's marks, from their labels ("Left toe-off, frame 97"). */
async function markFrames(app: Page, name: RegExp): Promise<number[]> {
  const labels = await app.getByRole('button', { name }).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  return labels.map((l) => Number(/frame (\d+)/.exec(l)![1])).sort((a, b) => a - b);
}

test('step, jump to events, move an event, swap a stretch; corrections survive a reload and undo', async ({ app, bridge }) => {
  test.setTimeout(240_000);
  await analysedReview(app, bridge.origin);
  await expect(app.getByTestId('shortcut-hint')).toContainText('previous/next event');

  // keyboard stepping moves the frame number and the chart cursor
  const cursorAt60 = await kneeCursor(app).getAttribute('x1');
  await app.keyboard.press('ArrowRight');
  await expect(frameNumber(app)).toHaveText('61');
  await app.keyboard.press('Shift+ArrowRight');
  await expect(frameNumber(app)).toHaveText('71');
  await expect(kneeCursor(app)).toHaveAttribute('data-t', '2.367');
  expect(Number(await kneeCursor(app).getAttribute('x1'))).toBeGreaterThan(Number(cursorAt60));
  await app.keyboard.press('ArrowLeft');
  await expect(frameNumber(app)).toHaveText('70');
  await app.keyboard.press('End');
  await expect(frameNumber(app)).toHaveText('179');
  await app.keyboard.press('Home');
  await expect(frameNumber(app)).toHaveText('60');

  // next / previous event with the keys
  const events = await markFrames(app, /(initial contact|toe-off), frame/);
  expect(events.length).toBeGreaterThan(8);
  const [first, second] = events.filter((f) => f > 60);
  await app.keyboard.press('.');
  await expect(frameNumber(app)).toHaveText(String(first));
  // the event jumped to is selected, ready to move or delete
  await expect(app.getByTestId('selected-event')).toContainText(`frame ${first} (detected)`);
  await app.keyboard.press('.');
  await expect(frameNumber(app)).toHaveText(String(second));
  await expect(app.getByTestId('selected-event')).toContainText(`frame ${second} (detected)`);
  await app.keyboard.press(',');
  await expect(frameNumber(app)).toHaveText(String(first));
  await expect(app.getByTestId('selected-event')).toContainText(`frame ${first} (detected)`);

  // clicking a chart moves the video there
  const chart = app.getByTestId('chart-knee').locator('.chart-hit');
  const box = (await chart.boundingBox())!;
  await chart.click({ position: { x: box.width * 0.75, y: box.height / 2 } });
  // 75% of 2.0-5.967 s is 4.975 s: frame 149
  await expect(frameNumber(app)).toHaveText(/^1(4[6-9]|5[0-2])$/);
  await expect(kneeCursor(app)).toHaveAttribute('data-t', /^4\.9/);

  // select the near (left) leg's second toe-off, step 3 frames later and move it there: contact time changes
  const contactBefore = (await metricCell(app, 'contactTimeMs', 'left').textContent())!;
  const toeOffs = await markFrames(app, /^Left toe-off, frame/);
  const to = toeOffs[1]!;
  await app.getByRole('button', { name: `Left toe-off, frame ${to}` }).click();
  await expect(frameNumber(app)).toHaveText(String(to));
  await expect(app.getByTestId('selected-event')).toContainText(`Left toe-off · frame ${to} (detected)`);
  for (let k = 0; k < 3; k++) await app.keyboard.press('ArrowRight');
  await expect(frameNumber(app)).toHaveText(String(to + 3));
  await app.getByRole('button', { name: `Move to frame ${to + 3}` }).click();
  await expect(app.getByTestId('selected-event')).toContainText(`Left toe-off · frame ${to + 3} (edited)`);
  await expect(metricCell(app, 'contactTimeMs', 'left')).not.toHaveText(contactBefore);
  const contactMoved = (await metricCell(app, 'contactTimeMs', 'left').textContent())!;
  await expect(revision(app)).toContainText('revision 1');

  // swap left and right for frames 100-110: the measures change and the stretch is shaded on the timeline
  const measuresBefore = await app.getByTestId('metrics-per-side').innerText();
  await app.getByLabel('From frame', { exact: true }).fill('100');
  await app.getByLabel('to frame', { exact: true }).fill('110');
  await app.getByRole('button', { name: 'Swap left/right' }).click();
  await expect(app.getByRole('list', { name: 'Swapped stretches' })).toContainText('Frames 100–110 swapped');
  await expect(app.locator('.timeline-swap')).toHaveCount(1);
  await expect(revision(app)).toContainText('revision 2');
  expect(await app.getByTestId('metrics-per-side').innerText()).not.toBe(measuresBefore);

  // the corrections were saved with the visit
  await app.reload();
  await expect(app.getByTestId('review')).toBeVisible();
  await expect(revision(app)).toContainText('revision 2');
  await expect(app.getByRole('list', { name: 'Swapped stretches' })).toContainText('Frames 100–110 swapped');
  await expect(app.getByRole('button', { name: `Left toe-off, frame ${to + 3} (edited)` })).toBeVisible();
  await expect(metricCell(app, 'contactTimeMs', 'left')).not.toHaveText(contactBefore);

  // undo with the keys: the swap goes, then the move; redo brings the move back
  await app.locator('body').click({ position: { x: 5, y: 5 } });
  await app.keyboard.press('Control+z');
  await expect(revision(app)).toContainText('revision 1 of 2');
  await expect(app.getByRole('list', { name: 'Swapped stretches' })).toHaveCount(0);
  await expect(metricCell(app, 'contactTimeMs', 'left')).toHaveText(contactMoved);
  await app.getByRole('button', { name: 'Undo' }).click();
  await expect(revision(app)).toHaveText('No corrections');
  await expect(metricCell(app, 'contactTimeMs', 'left')).toHaveText(contactBefore);
  await expect(app.getByRole('button', { name: `Left toe-off, frame ${to}`, exact: true })).toBeVisible();
  await app.keyboard.press('Control+Shift+z');
  await expect(revision(app)).toContainText('revision 1 of 2');
  await expect(metricCell(app, 'contactTimeMs', 'left')).toHaveText(contactMoved);
});

test('play and pause; a key frame is captured with the overlay, kept, and removed; a stride is left out; the capture rate corrected', async ({ app, bridge }) => {
  test.setTimeout(240_000);
  const { visitId } = await analysedReview(app, bridge.origin);

  await app.keyboard.press('Space');
  await expect(app.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(async () => Number(await frameNumber(app).textContent()), { timeout: 10_000 }).toBeGreaterThan(66);
  await app.keyboard.press('Space');
  await expect(app.getByRole('button', { name: 'Play' })).toBeVisible();
  await app.waitForTimeout(300);
  const paused = await frameNumber(app).textContent();
  await app.waitForTimeout(500);
  await expect(frameNumber(app)).toHaveText(paused!);

  // the first left initial contact as a key frame
  const ic = (await markFrames(app, /^Left initial contact, frame/))[0]!;
  const icMark = app.getByRole('button', { name: `Left initial contact, frame ${ic}` });
  await icMark.click();
  await expect(frameNumber(app)).toHaveText(String(ic));
  // with the mark focused, Space still plays and pauses (and does not press the mark)
  await app.keyboard.press('Space');
  await expect(app.getByRole('button', { name: 'Pause' })).toBeVisible();
  await app.keyboard.press('Space');
  await expect(app.getByRole('button', { name: 'Play' })).toBeVisible();
  await icMark.click();
  await expect(frameNumber(app)).toHaveText(String(ic));
  await app.getByRole('button', { name: `Mark frame ${ic}` }).click();
  const list = app.getByTestId('key-frames');
  await expect(list.locator('img[alt="Left initial contact"]')).toBeVisible();
  const saved = await apiCall(app, 'keyFrames.list', { visitId });
  expect(saved).toHaveLength(1);
  expect(saved[0]).toMatchObject({ frame: ic, label: 'Left initial contact', width: 720, height: 1280 });
  await app.reload();
  await expect(app.getByTestId('key-frames').locator('img[alt="Left initial contact"]')).toBeVisible();
  await app.getByRole('button', { name: 'Remove key frame Left initial contact' }).click();
  await expect(app.getByTestId('key-frames')).toHaveCount(0);
  expect(await apiCall(app, 'keyFrames.list', { visitId })).toHaveLength(0);

  // leaving a stride out lowers n of the stride time
  const strideBefore = await app.getByTestId('metrics-overall').locator('tr[data-measure="strideTimeMs"] td').innerText();
  const n = Number(/\(n (\d+)\)/.exec(strideBefore)![1]);
  await app.getByRole('checkbox').first().uncheck();
  await expect(app.getByTestId('metrics-overall').locator('tr[data-measure="strideTimeMs"] td')).toContainText(`(n ${n - 1})`);
  await expect(app.locator('.timeline-excluded')).toHaveCount(1);

  // filmed at 60 fps, not 30: every time halves, and the video keeps the rate for a new analysis
  const strideMs = Number(/^(\d+)/.exec((await app.getByTestId('metrics-overall').locator('tr[data-measure="strideTimeMs"] td').textContent())!)![1]);
  await app.getByLabel('Filmed at (fps)').fill('60');
  await app.getByRole('button', { name: 'Apply' }).click();
  const frame = Number(await frameNumber(app).textContent());
  await expect(app.getByTestId('frame-readout')).toContainText(`${(frame / 60).toFixed(3)} s`);
  await expect
    .poll(async () => Number(/^(\d+)/.exec((await app.getByTestId('metrics-overall').locator('tr[data-measure="strideTimeMs"] td').textContent())!)![1]))
    .toBeCloseTo(strideMs / 2, -1);
  await expect.poll(async () => (await apiCall(app, 'visits.get', { id: visitId })).videos[0].captureFps).toBe(60);
  // undone, the video goes back to the file's rate too
  await app.keyboard.press('Control+z');
  await expect(app.getByTestId('frame-readout')).toContainText(`${(frame / 30).toFixed(3)} s`);
  await expect.poll(async () => (await apiCall(app, 'visits.get', { id: visitId })).videos[0].captureFps).toBe(null);
});
