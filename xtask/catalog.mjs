// The privilege catalog's copy in this repository (domain/catalog/), kept equal to the
// shared reference files it comes from. The build compacts the copy (domain/build.rs);
// this script only copies and compares, so the copy is never edited by hand.
//
//   node xtask/catalog.mjs sync    copy the shared files over domain/catalog/
//   node xtask/catalog.mjs check   fail when the copy and the shared files disagree
//
// The shared files are looked for in $KEY_EXPLORER_CATALOG, else in
// ../shared/reference/privilege-catalog next to the repository.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const FILES = ['domains.json', 'endpoints.json'];
export const COPY = join(ROOT, 'domain', 'catalog');

export function sharedCatalog(env = process.env) {
  return env.KEY_EXPLORER_CATALOG || resolve(ROOT, '..', 'shared', 'reference', 'privilege-catalog');
}

/** The files whose copy differs from the shared one (missing counts as differing). */
export function differences(shared, copy = COPY) {
  return FILES.filter((file) => {
    const theirs = join(shared, file);
    const ours = join(copy, file);
    return !existsSync(ours) || !readFileSync(theirs).equals(readFileSync(ours));
  });
}

function main([command, ...rest]) {
  const shared = sharedCatalog();
  const present = FILES.every((file) => existsSync(join(shared, file)));
  if (command === 'sync') {
    if (!present) throw new Error(`no privilege catalog at ${shared} (set KEY_EXPLORER_CATALOG)`);
    for (const file of FILES) writeFileSync(join(COPY, file), readFileSync(join(shared, file)));
    console.log(`Copied ${FILES.join(', ')} from ${shared} to ${COPY}.`);
  } else if (command === 'check') {
    if (!present) {
      // A clone elsewhere has only the copy; domain/tests/catalog.rs still checks it.
      console.log(`Catalog check skipped: no shared catalog at ${shared} (set KEY_EXPLORER_CATALOG).`);
      return;
    }
    const stale = differences(shared);
    if (stale.length) {
      console.error(`domain/catalog/ differs from ${shared}: ${stale.join(', ')}. Run: node xtask/catalog.mjs sync`);
      process.exitCode = 1;
    } else {
      console.log(`domain/catalog/ matches ${shared}.`);
    }
  } else {
    console.error('usage: node xtask/catalog.mjs sync|check');
    process.exitCode = 2;
  }
  void rest;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
