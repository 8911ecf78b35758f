/** Builds the renderer (Vite) and the Electron main process and preload (esbuild, CommonJS). */
import { build as esbuild, type BuildOptions } from 'esbuild';
import { build as vite } from 'vite';
import { channels } from '../shared/contract/api.ts';

await vite({ configFile: 'vite.config.ts', logLevel: 'warn' });

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  external: ['electron'],
  sourcemap: true,
  logLevel: 'warning',
};
await esbuild({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs' });
// The preload runs in a sandboxed renderer: one CommonJS file, no imports but electron.
await esbuild({
  ...common,
  entryPoints: ['electron/preload/preload.ts'],
  outfile: 'dist/electron/preload.cjs',
  define: { GAITLENS_CHANNELS: JSON.stringify(channels) },
});
console.log('Built dist/renderer and dist/electron.');
