import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const page = (file: string) => fileURLToPath(new URL(`renderer/${file}`, import.meta.url));

/**
 * The renderer: served from the app's own origin (gaitlens://app/ or the local bridge), so paths are relative.
 * Two pages: the app, and headless.html (the analysis engine alone, for automation and benchmarks).
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: 'public',
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    target: 'chrome140',
    sourcemap: true,
    rolldownOptions: { input: { main: page('index.html'), headless: page('headless.html') } },
  },
  worker: { format: 'es' },
  assetsInclude: ['**/*.task'],
  oxc: { jsx: { runtime: 'automatic' } },
});
