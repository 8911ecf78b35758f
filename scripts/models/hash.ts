import { createHash } from 'node:crypto';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export class HashMismatchError extends Error {
  readonly file: string;
  readonly expected: string;
  readonly actual: string;

  constructor(file: string, expected: string, actual: string) {
    super(
      `sha256 mismatch for ${file}\n  expected ${expected}\n  actual   ${actual}\n` +
        'The pinned input changed or the build is not reproducible: do not ship this file.',
    );
    this.name = 'HashMismatchError';
    this.file = file;
    this.expected = expected;
    this.actual = actual;
  }
}

/** Throws a HashMismatchError naming `file` unless `bytes` hash to `expected`. */
export function verifySha256(file: string, bytes: Uint8Array, expected: string): void {
  const actual = sha256(bytes);
  if (actual !== expected) throw new HashMismatchError(file, expected, actual);
}
