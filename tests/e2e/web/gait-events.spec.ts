/**
 * Gait events on a real clip against the by-eye annotations (tests/fixtures/validation,
 * docs/validation.md): the app's default pose pass (full model, two workers) in Chromium, then
 * shared/gait, compared as `npm run validate` compares. Timing IC from the heel's height, as
 * before, put it 1.9 frames late on average on the 30 fps clip's frames 0-100 (median 2).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { analyseTrack } from '../../../shared/gait/analyse.ts';
import type { LandmarkTrack } from '../../../shared/pose/track.ts';
import { annotatedContactMs, compareKind, contactErrorsMs, summariseErrors, type Annotation } from '../../../scripts/validation/compare.ts';
import { REPO_ROOT, testVideo, VIDEOS } from '../../support/videos.ts';
import { engineWith } from './api.ts';
import { expect, test } from './fixtures.ts';

test.describe.configure({ timeout: 180_000 });

const annotationOf = (video: string) =>
  JSON.parse(readFileSync(join(REPO_ROOT, 'tests', 'fixtures', 'validation', video.replace(/\.mp4$/, '.json')), 'utf8')) as Annotation;

/** The app's default pose pass on a clip, in Chromium. */
async function poseTrack(app: Page, origin: string, path: string): Promise<LandmarkTrack> {
  const url = await engineWith(app, origin, path);
  return app.evaluate((url) => window.gaitlensEngine!.analyseVideo({ url }), url);
}

/** The detected events against a clip's annotation, matched within maxGap frames, as `npm run validate` does. */
function compared(video: string, track: LandmarkTrack, maxGap: number) {
  const annotation = annotationOf(video);
  const analysis = analyseTrack(track);
  const detected = analysis.events.map((e) => ({ side: e.side, type: e.type, frame: e.frame }));
  const ic = compareKind(annotation, detected, 'IC', 1, maxGap);
  const to = compareKind(annotation, detected, 'TO', 1, maxGap);
  const icErrors = summariseErrors(ic);
  const toErrors = summariseErrors(to);
  // the contact time each leg shows (its mean over the app's strides) minus the annotated foot's mean
  const shownContactMs = (['left', 'right'] as const).map((side) => (analysis.metrics.perSide[side].contactTimeMs.mean ?? Number.NaN) - (annotatedContactMs(annotation, side) ?? Number.NaN));
  return {
    annotation,
    ic,
    to,
    icErrors,
    toErrors,
    shownContactMs,
    feet: analysis.footTracking,
    report: `IC ${JSON.stringify(icErrors)}, TO ${JSON.stringify(toErrors)}, extra IC ${ic.extra.map((e) => e.frame)}, shown contact time minus annotated L / R ${shownContactMs.map((v) => v.toFixed(0)).join(' / ')} ms`,
  };
}

test('the 30 fps treadmill clip: every initial contact found, within a frame at the median and half a frame on average, toe-offs within a frame, the contact time of each leg within 30 ms', async ({ app, bridge }) => {
  const found = testVideo(VIDEOS.treadmillLeft30);
  test.skip('skip' in found, 'skip' in found ? found.skip : '');
  if (!('path' in found)) return;
  // half a step (10.7 frames at 168 steps/min): the same event of the other foot is a step away
  const { ic, to, icErrors, toErrors, shownContactMs, feet, report } = compared(VIDEOS.treadmillLeft30, await poseTrack(app, bridge.origin, found.path), 5);
  // the pose model kept the feet (2.8% of readings off their path in validation): the timing values are not marked
  expect(feet.lost, JSON.stringify(feet)).toBe(false);
  expect(ic.missed, report).toBe(0);
  expect(ic.extra.length, report).toBeLessThanOrEqual(1);
  expect(icErrors.medianAbsFrames!, report).toBeLessThanOrEqual(1);
  // from the landmarks alone -0.73 frame (early in the last strides: docs/validation.md); with the shoes' pixels -0.21
  expect(Math.abs(icErrors.meanSignedFrames!), report).toBeLessThanOrEqual(0.5);
  expect(to.missed, report).toBe(0);
  expect(toErrors.medianAbsFrames!, report).toBeLessThanOrEqual(1);
  // issue 20's 30 ms at 30 fps, on what the clinician reads: -17 / -21 ms before toe-off allowed for where the full model draws the toe (+1 / -1 since)
  for (const error of shownContactMs) expect(Math.abs(error), report).toBeLessThanOrEqual(30);
});

test('the 60 fps treadmill clip: every initial contact found, initial contacts and toe-offs within a frame, contact time within 15 ms on average and on each leg', async ({ app, bridge }) => {
  // a heel landmark off the ground for 3 frames mid-stance (frames 81-83) ended one stance early: a toe-off 11 frames
  // early (counted as missed) and contact time 22 ms short on average, beyond issue 20's 15 ms at 60 fps;
  // from the landmarks alone the near foot's initial contacts came 2.2 frames late (median |error| 2, mean +0.56)
  const found = testVideo(VIDEOS.treadmillRight60);
  test.skip('skip' in found, 'skip' in found ? found.skip : '');
  if (!('path' in found)) return;
  // half a step (21 frames at 168 steps/min): the same event of the other foot is a step away
  const { annotation, ic, to, icErrors, toErrors, shownContactMs, feet, report: events } = compared(VIDEOS.treadmillRight60, await poseTrack(app, bridge.origin, found.path), 10);
  expect(feet.lost, JSON.stringify(feet)).toBe(false);
  const contactMs = contactErrorsMs(ic, to, annotation, 1, 60);
  const meanContactMs = contactMs.reduce((a, b) => a + b, 0) / contactMs.length;
  const report = `${events}, contact time mean error ${meanContactMs.toFixed(1)} ms over ${contactMs.length}`;
  expect(ic.missed, report).toBe(0);
  // the first toe-off (frame 4) ends a stance that began before the clip: with no landing and no forward extreme of
  // the foot in the clip it is found or not as the pose pass's noise goes (found from full-size frames, not from the
  // frames scaled down for the model, docs/speed.md); issue 19 allows one missed event in 30
  expect(to.missed, report).toBeLessThanOrEqual(1);
  expect(icErrors.medianAbsFrames!, report).toBeLessThanOrEqual(1);
  expect(Math.abs(icErrors.meanSignedFrames!), report).toBeLessThanOrEqual(0.5);
  expect(toErrors.medianAbsFrames!, report).toBeLessThanOrEqual(1);
  expect(Math.abs(toErrors.meanSignedFrames!), report).toBeLessThanOrEqual(0.5);
  expect(contactMs.length, report).toBeGreaterThanOrEqual(15);
  expect(Math.abs(meanContactMs), report).toBeLessThanOrEqual(15);
  // what the clinician reads per leg: +16 / -21 ms before the far foot's unread landings were bridged and toe-off allowed for where the full model draws the toe (-5 / -4 since)
  for (const error of shownContactMs) expect(Math.abs(error), report).toBeLessThanOrEqual(15);
});

test('the slow-motion lab clip at its file rate (no capture rate given): asked to check the capture rate, not called walking', async ({ app, bridge }) => {
  // bridging every gap in a stance once gave this clip, whose leg labels flicker, a 77% duty factor and a walking verdict
  // (docs/analytics.md); gaps up to 6% of a stride are bridged now
  const found = testVideo(VIDEOS.treadmillSlowmo);
  test.skip('skip' in found, 'skip' in found ? found.skip : '');
  if (!('path' in found)) return;
  const a = analyseTrack(await poseTrack(app, bridge.origin, found.path));
  const ids = a.findings.map((f) => f.id);
  const duty = (['left', 'right'] as const).map((s) => a.metrics.perSide[s].dutyFactorPct.mean);
  expect(ids, `findings ${ids}, duty factor ${duty}`).toContain('check-capture-rate');
  expect(ids).not.toContain('walking-gait');
  // a leg whose strides are too few once the implausible stances are dropped has no value (docs/validation.md, experiment 16)
  const known = duty.filter((d): d is number => d !== null);
  expect(known.length, `duty factor ${duty}`).toBeGreaterThan(0);
  for (const d of known) expect(d, `duty factor ${duty}`).toBeLessThan(50);
  expect(a.gait.kind, a.gait.reason).toBe('running');
});
