/**
 * Feet lost (docs/validation.md, experiment 15): where the pose model's foot landmarks leave
 * their path in more than 12% of readings, every value timed from the feet is marked not
 * reliable in this clip; trunk lean is kept.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseTrack } from '../../../shared/gait/analyse.ts';
import { FEET_LOST_GAIT_REASON, footTracking, FEET_LOST_SHARE, heavyKeptBetter, heavyRetryText } from '../../../shared/gait/foot-tracking.ts';
import { extractBody } from '../../../shared/gait/body.ts';
import { SIDE_MEASURES } from '../../../shared/gait/measures.ts';
import { SOURCES } from '../../../shared/gait/references.ts';
import { summariseVisit } from '../../../shared/gait/visit-summary.ts';
import { Landmark, type LandmarkTrack } from '../../../shared/pose/track.ts';
import { plainSummary, redFlagState } from '../../../renderer/src/report/model.ts';
import { generateTrack, runningSpec } from '../../support/synthetic/generator.ts';

const LEFT_FOOT = [Landmark.leftAnkle, Landmark.leftHeel, Landmark.leftFootIndex];
const RIGHT_FOOT = [Landmark.rightAnkle, Landmark.rightHeel, Landmark.rightFootIndex];

/** The left foot's landmarks put on the right foot in every `every`-th frame, as the full model does on a small runner. */
function leftFootOnRight(track: LandmarkTrack, every: number): LandmarkTrack {
  return {
    ...track,
    frames: track.frames.map((f, k) => {
      if (!f.landmarks || k % every !== 0) return f;
      const landmarks = f.landmarks.map((l) => ({ ...l }));
      LEFT_FOOT.forEach((index, j) => (landmarks[index] = { ...landmarks[RIGHT_FOOT[j]!]! }));
      return { ...f, landmarks };
    }),
  };
}

test('a clean running track keeps its feet, at 24 to 240 fps', () => {
  for (const fps of [24, 30, 60, 240]) {
    const { track } = generateTrack(runningSpec({ fps, durationS: 4, noise: { seed: 3, jitterPx: 2 } }));
    const a = analyseTrack(track);
    assert.equal(a.footTracking.lost, false, `${fps} fps: ${a.footTracking.offPathPct}% off`);
    assert.ok(a.footTracking.offPathPct < 2, `${fps} fps: ${a.footTracking.offPathPct}%`);
    assert.ok(a.footTracking.readings > 100 * fps * 0.9 * 6 / 30, `${fps} fps: ${a.footTracking.readings} readings`);
    for (const id of SIDE_MEASURES) assert.ok(!a.metrics.perSide.right[id].notReliable?.why.includes('lost the feet'), id);
  }
});

test('the left foot jumping to the right one in every 4th frame: the feet are lost, and every value timed from them is marked', () => {
  const { track } = generateTrack(runningSpec({ fps: 60, durationS: 6, noise: { seed: 5, jitterPx: 1 } }));
  const lost = leftFootOnRight(track, 4);
  const a = analyseTrack(lost);
  assert.equal(a.footTracking.lost, true, `${a.footTracking.offPathPct}% off`);
  assert.ok(a.footTracking.offPathPct > FEET_LOST_SHARE * 100, `${a.footTracking.offPathPct}%`);
  const cadence = a.metrics.cadenceSpm;
  assert.notEqual(cadence.mean, null, 'the value is still shown, marked');
  assert.match(cadence.notReliable!.why, /^The pose model lost the feet in \d+(\.\d)?% of their readings in this clip/);
  assert.deepEqual(cadence.notReliable!.sources, ['novacheck1998', 'gaitlensFootTracking']);
  for (const s of cadence.notReliable!.sources) assert.ok(s in SOURCES);
  for (const id of ['stepTimeMs', 'strideTimeMs'] as const) assert.match(a.metrics[id].notReliable!.why, /lost the feet/, id);
  for (const side of ['left', 'right'] as const) {
    for (const id of SIDE_MEASURES) {
      const m = a.metrics.perSide[side][id];
      if (m.mean !== null) assert.match(m.notReliable?.why ?? '', /lost the feet/, `${side} ${id}`);
    }
  }
  assert.equal(a.metrics.trunkLeanDeg.notReliable, null, 'trunk lean, averaged over whole strides, is kept');
  assert.deepEqual([a.gait.kind, a.gait.reason], ['unknown', FEET_LOST_GAIT_REASON], 'running or walking is not told from a duty factor timed from lost feet');
  assert.ok(a.findingsNotEvaluated.some((n) => n.ruleId === 'overstriding' && n.reason === FEET_LOST_GAIT_REASON));
  assert.deepEqual(
    a.findings.filter((f) => f.triggeringValues.some((v) => v.measureId !== 'trunkLeanDeg')).map((f) => f.id),
    [],
    'no finding from a value timed from lost feet',
  );
  // the visit summary (and so the report and progress) has no value for it, and says why
  const summary = summariseVisit([{ videoId: 'v', videoName: 'side.mp4', analysis: a }]);
  assert.equal(summary.overall.cadenceSpm.summary.mean, null);
  assert.match(summary.overall.cadenceSpm.summary.reasonIfAbsent!, /^Not reliable in this clip: The pose model lost the feet/);

  // the clinician may still include a value, once seen on the video
  const included = analyseTrack(lost, { includedValues: [{ measureId: 'cadenceSpm', side: null }] });
  assert.equal(included.metrics.cadenceSpm.notReliable!.included, true);
  assert.equal(summariseVisit([{ videoId: 'v', videoName: 'side.mp4', analysis: included }]).overall.cadenceSpm.summary.mean, cadence.mean);
});

test('a jump in every 20th frame (5% of frames) is the noise the validation clips have: the feet are kept', () => {
  const { track } = generateTrack(runningSpec({ fps: 60, durationS: 6, noise: { seed: 5, jitterPx: 1 } }));
  const a = analyseTrack(leftFootOnRight(track, 20));
  assert.equal(a.footTracking.lost, false, `${a.footTracking.offPathPct}% off`);
  assert.ok(a.footTracking.offPathPct > 1, `the jumps are counted: ${a.footTracking.offPathPct}%`);
});

test('too few readings to tell, or no leg length: not called lost', () => {
  const { track } = generateTrack(runningSpec({ fps: 30, durationS: 0.7, noise: { seed: 5, jitterPx: 1 } }));
  const body = extractBody(leftFootOnRight(track, 3));
  const short = footTracking(body, 200, 30);
  assert.ok(short.readings < 150 && short.offPathPct > 12, `${short.readings} readings, ${short.offPathPct}% off`);
  assert.equal(short.lost, false);
  assert.deepEqual(footTracking(body, 0, 30), { readings: 0, offPathPct: 0, lost: false });
});

test('the report\'s summary says the steps could not be timed from a video that lost the feet, and never that nothing stood out in the way the client runs', () => {
  const { track } = generateTrack(runningSpec({ fps: 60, durationS: 6, noise: { seed: 5, jitterPx: 1 } }));
  const lostLines = plainSummary(summariseVisit([{ videoId: 'v', videoName: 'side.mp4', analysis: analyseTrack(leftFootOnRight(track, 4)) }]), null, redFlagState(null));
  assert.deepEqual(lostLines, [
    'We filmed you running from the side.',
    'In the video from the side your feet could not be followed clearly enough to time your steps, so no step measurements are taken from it.',
    'Nothing stood out in what could be measured.',
  ]);
  const keptLines = plainSummary(summariseVisit([{ videoId: 'v', videoName: 'side.mp4', analysis: analyseTrack(track) }]), null, redFlagState(null));
  assert.equal(keptLines[0], 'We filmed you running from the side and measured how you move at each step.');
  assert.ok(!keptLines.some((l) => /could not be followed|what could be measured/.test(l)), keptLines.join(' | '));
});

test('the second pass with the heavy model is told as it went: kept, no better, or not finished', () => {
  const lost = { readings: 5598, offPathPct: 25.8, lost: true };
  const first = { model: 'full' as const, feet: lost };
  assert.equal(
    heavyRetryText({ first, heavy: { readings: 5598, offPathPct: 4.8, lost: false }, kept: 'heavy' }),
    "The Full pose model lost the runner's feet (25.8% of their readings off their path), so the video was analysed again with the Heavy model, which kept them better (4.8% off): its analysis is saved.",
  );
  assert.match(heavyRetryText({ first, heavy: { readings: 5598, offPathPct: 14, lost: true }, kept: 'heavy' }), /its analysis is saved\. It lost them too, so the timing values are still marked not reliable\.$/);
  assert.equal(
    heavyRetryText({ first, heavy: { readings: 186, offPathPct: 30, lost: true }, kept: 'full' }),
    "The Full pose model lost the runner's feet (25.8% of their readings off their path). Analysed again with the Heavy model it did no better (30% off), so the Full model's analysis is saved, with its timing values marked not reliable.",
  );
  assert.match(heavyRetryText({ first, heavy: null, kept: 'full' }), /analysing it again with the Heavy model did not finish, so the Full model's analysis is saved/);
});

test('the heavy model\'s pass is kept only where it kept more of the foot readings on their path', () => {
  const first = { readings: 5598, offPathPct: 25.8, lost: true };
  assert.equal(heavyKeptBetter(first, { readings: 5598, offPathPct: 4.8, lost: false }), true);
  assert.equal(heavyKeptBetter(first, { readings: 5598, offPathPct: 25.8, lost: true }), false);
  assert.equal(heavyKeptBetter(first, null), false, 'cancelled or no pose');
});
