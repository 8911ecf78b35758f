import { defineConfig } from 'vite';

/** The renderer: served from the app's own origin (gaitlens://app/ or the local bridge), so paths are relative. */
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
  },
  worker: { format: 'es' },
  assetsInclude: ['**/*.task'],
  oxc: { jsx: { runtime: 'automatic' } },
});
