/**
 * electron-builder packs the unpacked app (--dir): app.asar holds the built app and nothing else,
 * and the bundled ffmpeg that converts videos sits beside it in resources/ffmpeg and runs.
 */
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listPackage } from '@electron/asar';
import { electronBinary } from '../../support/electron-binary.ts';
import { REPO_ROOT } from '../../support/videos.ts';

const binary = electronBinary();
test.skip('skip' in binary, 'skip' in binary ? binary.skip : '');

test('the unpacked app contains the built main process, preload and renderer', async () => {
  if ('skip' in binary) return;
  test.setTimeout(300_000);
  const out = mkdtempSync(join(tmpdir(), 'gaitlens-pack-'));
  try {
    execFileSync(
      process.execPath,
      [join(REPO_ROOT, 'node_modules', 'electron-builder', 'cli.js'), '--dir', `-c.electronDist=${binary.distDir}`, `-c.directories.output=${out}`],
      { cwd: REPO_ROOT, stdio: 'inherit' },
    );
    const asar = join(out, 'linux-unpacked', 'resources', 'app.asar');
    const files = listPackage(asar, { isPack: false }).map((f) => f.replaceAll('\\', '/'));
    expect(files).toContain('/package.json');
    expect(files).toContain('/dist/electron/main.cjs');
    expect(files).toContain('/dist/electron/preload.cjs');
    expect(files).toContain('/dist/renderer/index.html');
    expect(files.filter((f) => f.startsWith('/node_modules/'))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => /\.(ts|tsx)$/.test(f))).toEqual([]);
    const ffmpeg = join(out, 'linux-unpacked', 'resources', 'ffmpeg', 'ffmpeg');
    expect(execFileSync(ffmpeg, ['-hide_banner', '-encoders'], { encoding: 'utf8' })).toContain('libx264');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
