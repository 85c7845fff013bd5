// The catalog check: it names a copy that differs from the shared files, or is missing.

import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { COPY, differences, FILES } from './catalog.mjs';

test('the copy in the repository agrees with itself', () => {
  assert.deepEqual(differences(COPY), []);
});

test('a changed or missing file is named', async () => {
  const shared = await mkdtemp(path.join(os.tmpdir(), 'catalog-shared-'));
  const copy = await mkdtemp(path.join(os.tmpdir(), 'catalog-copy-'));
  try {
    for (const file of FILES) {
      await writeFile(path.join(shared, file), '[]\n');
    }
    await writeFile(path.join(copy, FILES[0]), '[]\n');
    assert.deepEqual(differences(shared, copy), [FILES[1]], 'a missing file differs');
    await writeFile(path.join(copy, FILES[1]), '[ ]\n');
    assert.deepEqual(differences(shared, copy), [FILES[1]], 'one byte differs');
    await writeFile(path.join(copy, FILES[1]), '[]\n');
    assert.deepEqual(differences(shared, copy), []);
  } finally {
    await rm(shared, { recursive: true });
    await rm(copy, { recursive: true });
  }
});
