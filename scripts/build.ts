/**
 * Builds the renderer (Vite) with the pose engine's runtime files beside it (MediaPipe's WASM and
 * the three verified model bundles), and the Electron main process and preload (esbuild, CommonJS).
 *
 *   node scripts/build.ts [--quiet] [--if-stale]
 *
 * --quiet prints nothing unless the build fails (the headless command runs it first);
 * --if-stale skips the build when dist/ is newer than every input (build-stamp.ts).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { build as esbuild, type BuildOptions } from 'esbuild';
import { build as vite } from 'vite';
import { channels } from '../shared/contract/api.ts';
import { buildIsCurrent, writeBuildStamp } from './build-stamp.ts';
import { buildModels } from './models/build.ts';

const { values } = parseArgs({ options: { quiet: { type: 'boolean', default: false }, 'if-stale': { type: 'boolean', default: false } } });
const quiet = values.quiet;
if (values['if-stale'] && buildIsCurrent()) process.exit(0);

await vite({ configFile: 'vite.config.ts', logLevel: quiet ? 'error' : 'warn' });

// The analysis workers are ES modules: tasks-vision loads its WASM loader there with import(),
// so the loader must be the ES-module build, which sets globalThis.ModuleFactory (SIMD).
mkdirSync('dist/renderer/mediapipe', { recursive: true });
for (const file of ['vision_wasm_module_internal.js', 'vision_wasm_module_internal.wasm']) {
  copyFileSync(`node_modules/@mediapipe/tasks-vision/wasm/${file}`, `dist/renderer/mediapipe/${file}`);
}
buildModels({ outDir: 'dist/renderer/models', cacheDir: '.cache/models' });

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  external: ['electron'],
  sourcemap: true,
  logLevel: quiet ? 'error' : 'warning',
};
await esbuild({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs' });
// The preload runs in a sandboxed renderer: one CommonJS file, no imports but electron.
await esbuild({
  ...common,
  entryPoints: ['electron/preload/preload.ts'],
  outfile: 'dist/electron/preload.cjs',
  define: { GAITLENS_CHANNELS: JSON.stringify(channels) },
});
writeBuildStamp();
if (!quiet) console.log('Built dist/renderer and dist/electron.');
