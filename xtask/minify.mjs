// Minifies a release build's JavaScript (wasm-bindgen's glue, which Trunk leaves as it
// is: 7.7 -> 6.0 KB gzip) and updates the Subresource Integrity hashes index.html
// holds for it, so the browser still accepts it.

import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { minify } from 'terser';

/** The Subresource Integrity hash of `bytes`, as index.html pins a file with it. */
export const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** `html` pinning file `name` at its new bytes `after` instead of `before`. Throws if
 * `html` did not pin `before`: a file changed behind the build's back. */
export function repin(html, name, before, after) {
  if (!html.includes(sri(before))) throw new Error(`index.html does not pin ${name} as built`);
  return html.replaceAll(sri(before), sri(after));
}

/** Minifies every `.js` file of `dir` (an ES module each) in place. */
export async function minifyScripts(dir) {
  const indexFile = path.join(dir, 'index.html');
  let html = readFileSync(indexFile, 'utf8');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.js'))) {
    const file = path.join(dir, name);
    const source = readFileSync(file);
    const { code } = await minify(source.toString('utf8'), { module: true, compress: true, mangle: true });
    writeFileSync(file, code);
    // Not every script is pinned yet: a split build's chunk loader is, after its renaming.
    html = html.replaceAll(sri(source), sri(Buffer.from(code)));
  }
  writeFileSync(indexFile, html);
}
