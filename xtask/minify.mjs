// Minifies a release build's JavaScript (wasm-bindgen's glue and the chunk loader, which
// Trunk leaves as they are) and updates the Subresource Integrity hashes index.html holds
// for them, so the browser still accepts them.

import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { minify } from 'terser';

import { sri } from './integrity.mjs';

/** Minifies every `.js` file of `dir` (an ES module each) in place. */
export async function minifyScripts(dir) {
  const indexFile = path.join(dir, 'index.html');
  let html = readFileSync(indexFile, 'utf8');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.js'))) {
    const file = path.join(dir, name);
    const source = readFileSync(file);
    const { code } = await minify(source.toString('utf8'), { module: true, compress: true, mangle: true });
    writeFileSync(file, code);
    // Not every script is pinned yet: a split build's chunk loader is pinned later.
    html = html.replaceAll(sri(source), sri(Buffer.from(code)));
  }
  writeFileSync(indexFile, html);
}
