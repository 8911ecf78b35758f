/**
 * Landmark tracks of video files from the app's own engine (the renderer's workers in Chromium,
 * through the local bridge), cached on disk by the video's content and the engine's settings,
 * so that re-running the validation after a change to the analytics costs no pose detection.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type {} from '../../renderer/src/headless.ts';
import type { PoseDelegate } from '../../renderer/src/analysis/delegate.ts';
import type { PoseMode } from '../../renderer/src/analysis/protocol.ts';
import { startBridge, type Bridge } from '../../electron/bridge/server.ts';
import { decodeTrack, encodeTrack, TRACK_FORMAT_VERSION } from '../../shared/pose/track-codec.ts';
import type { LandmarkTrack, PoseModel } from '../../shared/pose/track.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface PoseSettings {
  model: PoseModel;
  mode: PoseMode;
  /** One worker keeps the landmarker's tracking over the whole clip. */
  workers: 1 | 2;
  /** The rate the clip was filmed at, as the clinician would set it (the landmarker's timestamps follow it). */
  captureFps: number;
  /** Where the model runs: the CPU unless asked (the app's automatic choice would depend on the machine). */
  delegate: PoseDelegate;
}

export const sha256File = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** What the cached track depends on besides the video: the engine's settings, its pinned packages, the track format, how the pixels are read and what the model is given. */
function engineKey(settings: PoseSettings): string {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
  const versions = ['@mediapipe/tasks-vision', 'mediabunny'].map((name) => `${name}@${lock.packages[`node_modules/${name}`]?.version}`);
  const pixels = createHash('sha256');
  for (const file of ['shared/pose/shank-pixels.ts', 'shared/pose/foot-motion.ts', 'renderer/src/analysis/model-input.ts']) pixels.update(readFileSync(join(ROOT, file)));
  // the GPU named only when used, so that the CPU's tracks keep their keys
  return [settings.model, settings.mode, `w${settings.workers}`, `${settings.captureFps}fps`, ...(settings.delegate === 'GPU' ? ['GPU'] : []), ...versions, `track v${TRACK_FORMAT_VERSION}`, `pixels ${pixels.digest('hex').slice(0, 12)}`].join(' ');
}

export class PoseRunner {
  private readonly bridge: Bridge;
  private readonly browser: Browser;
  private readonly page: Page;
  private readonly dataDir: string;
  readonly cacheDir: string;

  private constructor(bridge: Bridge, browser: Browser, page: Page, dataDir: string, cacheDir: string) {
    this.bridge = bridge;
    this.browser = browser;
    this.page = page;
    this.dataDir = dataDir;
    this.cacheDir = cacheDir;
  }

  /** `gpu`: the browser may use a graphics processor (for the GPU delegate); otherwise WebGL is drawn in software, as on a machine without one. */
  static async start(gpu = false, cacheDir = process.env.GAITLENS_VALIDATION_CACHE ?? join(homedir(), '.cache', 'gaitlens-validation')): Promise<PoseRunner> {
    const rendererDir = join(ROOT, 'dist', 'renderer');
    if (!existsSync(join(rendererDir, 'headless.html'))) throw new Error('the app is not built: run "npm run build" first.');
    mkdirSync(cacheDir, { recursive: true });
    const dataDir = mkdtempSync(join(tmpdir(), 'gaitlens-validate-'));
    const bridge = await startBridge({ dataDir, rendererDir, appVersion: 'validate' });
    const browser = await chromium.launch({
      executablePath: process.env.GAITLENS_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', ...(gpu ? [] : ['--disable-gpu']), '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith(`${bridge.origin}/`) ? route.continue() : route.abort('blockedbyclient')));
    await page.goto(bridge.url);
    await page.goto(`${bridge.origin}/headless.html`);
    await page.waitForSelector('body[data-engine-ready]', { state: 'attached' });
    return new PoseRunner(bridge, browser, page, dataDir, cacheDir);
  }

  /** The track of the whole file, from the cache when this video was analysed with these settings before. */
  async track(videoPath: string, settings: PoseSettings, log: (line: string) => void = () => {}): Promise<LandmarkTrack> {
    const key = createHash('sha256').update(`${sha256File(videoPath)} ${engineKey(settings)}`).digest('hex').slice(0, 32);
    const cached = join(this.cacheDir, `${key}.gltrack`);
    if (existsSync(cached)) return decodeTrack(readFileSync(cached));
    const api = this.bridge.services.handlers;
    const client = await api['clients.create']({ name: 'Validation', dateOfBirth: null, heightCm: null, legLengthCm: null, dominantSide: null, notes: '' });
    const visit = await api['visits.create']({ clientId: client.id, visitDate: '2026-01-01', reason: '', notes: '' });
    const video = await api['visits.attachVideo']({ visitId: visit.id, source: { kind: 'path', path: videoPath } });
    const started = Date.now();
    const track = await this.page.evaluate(
      ({ url, model, poseMode, workers, captureFps, delegate }) => window.gaitlensEngine!.analyseVideo({ url, model, poseMode, workers, captureFps, delegate }),
      { url: `media/${encodeURIComponent(video.mediaId)}`, model: settings.model, poseMode: settings.mode, workers: settings.workers, captureFps: settings.captureFps, delegate: settings.delegate },
    );
    log(`pose: ${videoPath.split('/').pop()} (${track.frames.length} frames, ${settings.model}, ${settings.mode}) in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    writeFileSync(cached, encodeTrack(track));
    return track;
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.bridge.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
