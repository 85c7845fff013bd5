// Trunk's one post-build hook: the steps that finish a build, one after the other.
// (Trunk starts all the hooks of a stage at once, so separate hooks could compress
// index.html before its policy was written.)
//   every build: the Content-Security-Policy (csp.mjs)
//   release:     the wasm split into the page's part and chunks loaded on first use
//                (wasm-split.mjs), wasm-opt -Oz and short import/export names
//                (wasm-opt.mjs), minified JavaScript (minify.mjs), content-hashed chunk
//                names (wasm-split.mjs), then .br and .gz copies (precompress.mjs)

import { writePolicy } from './csp.mjs';
import { minifyScripts } from './minify.mjs';
import { optimizeWasm } from './wasm-opt.mjs';
import { nameChunks, splitWasm } from './wasm-split.mjs';
import { precompress } from './precompress.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (process.env.TRUNK_PROFILE === 'release') {
  const split = splitWasm(dir);
  optimizeWasm(dir);
  await minifyScripts(dir);
  if (split) nameChunks(dir);
}
writePolicy(dir);
if (process.env.TRUNK_PROFILE === 'release') await precompress(dir);
