/** The headless command of the README: `npm run analyze -- <video> ... --pdf FILE`, run as a newcomer would. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { REPO_ROOT, testVideo, VIDEOS } from '../../support/videos.ts';

const analyze = (args: string[]) =>
  spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'analyze.ts'), ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 170_000 });

test('npm run analyze writes analysis.json and the report PDF with the same calibrated numbers, and never replaces a PDF unasked', async () => {
  test.setTimeout(360_000);
  const video = testVideo(VIDEOS.treadmillLeft30);
  test.skip('skip' in video, 'skip' in video ? video.skip : '');
  if ('skip' in video) return;
  const out = mkdtempSync(join(tmpdir(), 'gaitlens-headless-'));
  try {
    const pdf = join(out, 'report.pdf');
    const args = [video.path, '--model', 'lite', '--start', '2', '--end', '5', '--height', '175', '--out', out, '--pdf', pdf];
    const run = analyze(args);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`report -> ${pdf}`);

    const result = JSON.parse(readFileSync(join(out, 'analysis.json'), 'utf8'));
    expect(result.format).toBe('gaitlens-analysis');
    expect(result.pose.framesAnalysed).toBe(90);
    expect(result.calibration.method).toBe('height');
    const cadence = result.metrics.cadenceSpm.mean as number;
    expect(cadence).toBeGreaterThan(140);
    const oscillation = result.metrics.perSide.left.verticalOscillationCm.mean as number;

    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Headless analysis');
    expect(text).toContain(`You took about ${Math.round(cadence)} steps per minute.`);
    expect(text).toContain(`${oscillation.toFixed(1)} cm`);

    const before = statSync(pdf).mtimeMs;
    const again = analyze(args);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists: nothing was analysed. Add --overwrite to replace it.');
    expect(statSync(pdf).mtimeMs).toBe(before);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
