/**
 * The report's summary says what the video shows: a visit filmed walking is not described as
 * running.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseTrack } from '../../../shared/gait/analyse.ts';
import { summariseVisit } from '../../../shared/gait/visit-summary.ts';
import { plainSummary, redFlagState } from '../../../renderer/src/report/model.ts';
import { generateTrack, runningSpec } from '../../support/synthetic/generator.ts';

const summaryOf = (gait: 'running' | 'walking') => {
  const spec = gait === 'walking' ? runningSpec({ fps: 60, gait: 'walking', cadenceSpm: 110, contactTimeMs: 650 }) : runningSpec({ fps: 60 });
  const analysis = analyseTrack(generateTrack(spec).track);
  assert.equal(analysis.gait.kind, gait);
  return plainSummary(summariseVisit([{ videoId: 'v', videoName: 'side.mp4', analysis }]), null, redFlagState(null));
};

test('a walking video is described as walked, with no word of how the client runs', () => {
  const lines = summaryOf('walking');
  assert.equal(lines[0], 'We filmed you walking from the side and measured how you move at each step.');
  assert.ok(!lines.some((l) => /you run\b|running from/.test(l)), lines.join(' | '));
  assert.ok(lines.some((l) => /this clip shows walking/.test(l)), lines.join(' | '));
});

test('a running video is described as run', () => {
  assert.equal(summaryOf('running')[0], 'We filmed you running from the side and measured how you move at each step.');
});
