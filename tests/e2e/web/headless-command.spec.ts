/**
 * The headless command of the README (docs/headless.md), run as a newcomer would: analysis.json
 * and the report PDF with the same calibrated numbers; --plan drafts the plan into the PDF, marked
 * as a draft; --intake with a red flag holds it and gives the referral advice; every failure is one
 * line on stderr with its exit code (2 bad input, 3 no runner, 1 internal), a stack trace only
 * with --verbose; progress on stderr unless --quiet; the build step before it silent and skipped
 * when current.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { emptyIntake, RED_FLAGS, type Intake } from '../../../shared/plan/intake.ts';
import { REPO_ROOT, testVideo, VIDEOS } from '../../support/videos.ts';
import type { RunDrift } from '../../../shared/endurance/drift.ts';
import { LATE_SLOWDOWN, longRunClip } from '../../support/long-run.ts';

const analyze = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'analyze.ts'), ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 170_000, env: { ...process.env, ...env } });

const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

const PAIN_AT_NIGHT = RED_FLAGS.find((f) => f.id === 'painAtRestOrNight')!;

/** Runs `body` with the 30 fps treadmill clip and a fresh folder (removed afterwards); skips, saying why, without the clip. */
async function withClip(body: (video: string, dir: string) => Promise<void>): Promise<void> {
  const video = testVideo(VIDEOS.treadmillLeft30);
  test.skip('skip' in video, 'skip' in video ? video.skip : '');
  if ('skip' in video) return;
  const dir = mkdtempSync(join(tmpdir(), 'gaitlens-headless-'));
  try {
    await body(video.path, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('npm run analyze writes analysis.json and the report PDF with the same calibrated numbers and a draft plan, shows progress, and never replaces a PDF unasked', async () => {
  test.setTimeout(360_000);
  await withClip(async (video, out) => {
    const pdf = join(out, 'report.pdf');
    const args = [video, '--model', 'lite', '--start', '2', '--end', '5', '--height', '175', '--out', out, '--pdf', pdf, '--plan'];
    const run = analyze(args);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`report -> ${pdf}`);
    expect(run.stdout).toMatch(/plan: drafted for the clinician to review \(\d+ exercises, \d+ running cues?\)/);
    // not a terminal: progress lines on stderr, the last at 100%
    expect(run.stderr).toMatch(/^analyze: 90\/90 frames \(100%\)/m);

    const result = JSON.parse(readFileSync(join(out, 'analysis.json'), 'utf8'));
    expect(result.format).toBe('gaitlens-analysis');
    expect(result.pose.framesAnalysed).toBe(90);
    expect(result.calibration).toMatchObject({ method: 'height', origin: 'clientRecord', referenceCm: 175 });
    const cadence = result.metrics.cadenceSpm.mean as number;
    expect(cadence).toBeGreaterThan(140);
    const oscillation = result.metrics.perSide.left.verticalOscillationCm.mean as number;

    const text = pdfText(pdf);
    expect(text).toContain('Headless analysis');
    expect(text).toContain(`You took about ${Math.round(cadence)} steps per minute.`);
    expect(text).toContain(`${oscillation.toFixed(1)} cm`);
    expect(text).toContain('Draft plan, not yet reviewed by your clinician.');
    expect(text).toContain('Strength exercises');

    const before = statSync(pdf).mtimeMs;
    const again = analyze(args);
    expect(again.status).toBe(2);
    expect(again.stderr.trim()).toBe(`analyze: ${pdf} already exists: nothing was analysed. Add --overwrite to replace it.`);
    expect(statSync(pdf).mtimeMs).toBe(before);
  });
});

test('--intake with an unreviewed red flag: the plan is held and the PDF gives the referral advice; --quiet prints no progress; without --plan the PDF says how to get one', async () => {
  test.setTimeout(360_000);
  await withClip(async (video, out) => {
    const intake: Intake = { ...emptyIntake(), reason: 'Pain at the front of the right knee after 8 km', weeklyDistanceKm: 35, redFlags: { ...emptyIntake().redFlags, painAtRestOrNight: true } };
    const intakeFile = join(out, 'intake.json');
    writeFileSync(intakeFile, JSON.stringify(intake));
    const held = join(out, 'held.pdf');
    const run = analyze([video, '--model', 'lite', '--start', '2', '--end', '4', '--out', out, '--pdf', held, '--plan', '--intake', intakeFile, '--quiet']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('plan: on hold for the red flags in the intake (painAtRestOrNight)');
    const text = pdfText(held);
    expect(text).toContain('Your plan is on hold.');
    expect(text).toContain(PAIN_AT_NIGHT.referral);
    expect(text).toContain('Pain at the front of the right knee after 8 km');
    expect(text).not.toContain('Strength exercises');

    const plain = join(out, 'plain.pdf');
    const noPlan = analyze([video, '--model', 'lite', '--start', '2', '--end', '4', '--out', out, '--pdf', plain, '--quiet']);
    expect(noPlan.status, noPlan.stderr).toBe(0);
    expect(pdfText(plain)).toContain('a report made with the headless command drafts one when run with --plan');
  });
});

test('every failure is one line with what to do and its exit code: 2 bad input, 3 no runner, 1 internal; a stack trace only with --verbose', async () => {
  test.setTimeout(360_000);
  await withClip(async (video, dir) => {
    const file = (name: string, bytes: Buffer | string) => {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      return path;
    };
    const empty = file('empty.mp4', '');
    const truncated = file('truncated.mp4', readFileSync(video).subarray(0, 300_000));
    const text = file('notes.mp4', 'Session notes, not a video.\n');
    const random = file('random.mp4', Buffer.from(Array.from({ length: 200_000 }, (_, k) => (k * 7919 + 13) % 251)));
    const existing = file('existing.pdf', '%PDF-1.4 earlier report');
    const badIntake = file('intake.json', JSON.stringify({ ...emptyIntake(), painScore: 12 }));
    const out = join(dir, 'out');
    const cases: { name: string; args: string[]; code: number; message: RegExp; env?: Record<string, string> }[] = [
      { name: 'missing file', args: [join(dir, 'missing.mp4')], code: 2, message: /missing\.mp4 does not exist: check the path\.$/ },
      { name: 'empty file', args: [empty], code: 2, message: /is empty \(0 bytes\): it is not a video\.$/ },
      { name: 'truncated file', args: [truncated, '--model', 'lite'], code: 2, message: /incomplete: it was probably cut short/ },
      { name: 'renamed text', args: [text, '--model', 'lite'], code: 2, message: /"notes\.mp4" is not a video file GaitLens can read/ },
      { name: 'random bytes', args: [random, '--model', 'lite'], code: 2, message: /"random\.mp4" is not a video file GaitLens can read/ },
      { name: 'unknown option', args: [video, '--colour'], code: 2, message: /unknown option '--colour'\. Run "npm run analyze -- --help" for the options\.$/ },
      { name: 'malformed option', args: [video, '--start', 'abc'], code: 2, message: /--start "abc" is not valid: it must be seconds, 0 or more\.$/ },
      { name: 'option without its value', args: [video, '--model'], code: 2, message: /--model needs a value \(--model <value>\)\. Run/ },
      { name: 'unwritable output folder', args: [video, '--out', join(text, 'sub')], code: 2, message: /cannot write to .*notes\.mp4\/sub \(ENOTDIR\): choose another --out folder\.$/ },
      { name: 'existing PDF', args: [video, '--out', out, '--pdf', existing], code: 2, message: /existing\.pdf already exists: nothing was analysed\. Add --overwrite to replace it\.$/ },
      { name: 'malformed windows', args: [video, '--windows', '0:00-1:00,late'], code: 2, message: /--windows: "late" is not a window: write it as start-end in m:ss or seconds/ },
      { name: 'windows and a stretch', args: [video, '--windows', 'auto', '--start', '2'], code: 2, message: /--windows and --start\/--end both choose what to analyse: give one of them\.$/ },
      { name: 'invalid intake', args: [video, '--out', out, '--intake', badIntake], code: 2, message: /--intake .*intake\.json: painScore: The pain score must be from 0 to 10\./ },
      { name: 'no runner', args: [join(REPO_ROOT, 'tests', 'fixtures', 'empty-scene-vp8.webm'), '--model', 'lite', '--out', out], code: 3, message: /no runner was found in any of the 60 frames analysed/ },
      { name: 'internal error', args: [video, '--out', out], code: 1, message: /Chromium is not at \/nonexistent: install it/, env: { GAITLENS_CHROMIUM: '/nonexistent' } },
    ];
    for (const c of cases) {
      const run = analyze([...c.args, '--quiet'], c.env);
      const lines = run.stderr.trim().split('\n');
      expect(run.status, `${c.name}: ${run.stderr}`).toBe(c.code);
      expect(lines, `${c.name}: one line`).toHaveLength(1);
      expect(lines[0], c.name).toMatch(/^analyze: /);
      expect(lines[0], c.name).toMatch(c.message);
    }
    expect(readFileSync(existing, 'utf8')).toBe('%PDF-1.4 earlier report');
    const verbose = analyze([video, '--out', out, '--verbose'], { GAITLENS_CHROMIUM: '/nonexistent' });
    expect(verbose.status).toBe(1);
    expect(verbose.stderr).toMatch(/\n\s+at /);
  });
});

test('the build before the headless command prints nothing, and is skipped when its output is current', () => {
  test.setTimeout(240_000);
  const stamp = join(REPO_ROOT, 'dist', '.build-stamp');
  const index = join(REPO_ROOT, 'dist', 'renderer', 'index.html');
  const build = () => spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.ts'), '--quiet', '--if-stale'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 200_000 });
  // stale (the stamp older than the sources): it builds, silently
  utimesSync(stamp, new Date(0), new Date(0));
  const rebuilt = build();
  expect(rebuilt.status, rebuilt.stderr).toBe(0);
  expect(rebuilt.stdout + rebuilt.stderr).toBe('');
  expect(statSync(stamp).mtimeMs).toBeGreaterThan(Date.now() - 200_000);
  // current: skipped, nothing written
  const before = { stamp: statSync(stamp).mtimeMs, index: statSync(index).mtimeMs };
  const run = build();
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout + run.stderr).toBe('');
  expect(statSync(stamp).mtimeMs).toBe(before.stamp);
  expect(statSync(index).mtimeMs).toBe(before.index);
  expect(JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).scripts.analyze).toBe('node scripts/build.ts --quiet --if-stale && node scripts/analyze.ts');
});

test('--windows: a long run analysed in windows only; run.json holds the drift, analysis.json the first window, and the PDF the run', async () => {
  test.setTimeout(360_000);
  const run = longRunClip();
  test.skip('skip' in run, 'skip' in run ? run.skip : '');
  if (!('path' in run)) return;
  const out = mkdtempSync(join(tmpdir(), 'gaitlens-headless-'));
  try {
    const pdf = join(out, 'report.pdf');
    const result = analyze([run.path, '--windows', `0-5,${run.endS - 5}-${run.endS}`, '--out', out, '--pdf', pdf, '--plan', '--quiet']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/long-run\.mp4: 2 window\(s\) of the run analysed \(0:00-0:05, 0:11-0:16\); \d+ drift finding\(s\): .*Cadence falls during the run/);
    const drift = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')).drift as RunDrift;
    const cadence = drift.measures.find((m) => m.measureId === 'cadenceSpm')!;
    expect(cadence.change.verdict).toBe('decreased');
    expect(Math.abs(cadence.points[1]!.mean! / cadence.points[0]!.mean! - 1 / LATE_SLOWDOWN)).toBeLessThan(0.03);
    const first = JSON.parse(readFileSync(join(out, 'analysis.json'), 'utf8'));
    expect(first.pose.window).toEqual({ startS: 0, endS: 5 });
    expect(first.pose.framesAnalysed).toBe(150);
    const text = pdfText(pdf);
    expect(text).toContain('During your run');
    for (const f of drift.findings) expect(text).toContain(f.plainText);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
