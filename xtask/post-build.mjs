// Trunk's one post-build hook: the steps that finish a build, one after the other.
// (Trunk starts all the hooks of a stage at once, so separate hooks could compress
// index.html before its policy was written.)
//   every build: the Content-Security-Policy (csp.mjs), with Node.js alone
//   release:     the wasm split into the page's part and chunks loaded on first use
//                (wasm-split.mjs), short names between the wasm and its glue
//                (wasm-names.mjs), wasm-opt -Oz (wasm-opt.mjs), minified JavaScript
//                (minify.mjs), content-hashed chunk names (wasm-split.mjs), then .br and
//                .gz copies (precompress.mjs)
// The release steps use xtask's npm packages, loaded only by release builds: a
// development build (`trunk serve`) needs no `npm ci`. BENCHMARKS.md says what each step
// saves; KEY_EXPLORER_SKIP_STEP=names|wasm-opt|minify leaves one out, for that table.

import { writePolicy } from './csp.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
const release = process.env.TRUNK_PROFILE === 'release';
const skip = process.env.KEY_EXPLORER_SKIP_STEP ?? '';

/** Imports a release step, saying what to install when its npm packages are missing. */
async function releaseStep(module) {
  try {
    return await import(module);
  } catch (error) {
    if (error.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    console.error(
      `xtask/post-build.mjs: a release build needs xtask's npm packages (${error.message}).\n` +
        'Run `npm ci` in xtask/ once, or build with `xtask/run build`, which installs them.',
    );
    process.exit(1);
  }
}

if (release) {
  const { nameChunks, splitWasm } = await import('./wasm-split.mjs');
  const { shortenNames } = await import('./wasm-names.mjs');
  const { optimizeWasm } = await releaseStep('./wasm-opt.mjs');
  const { minifyScripts } = await releaseStep('./minify.mjs');
  const split = splitWasm(dir);
  if (skip !== 'names') shortenNames(dir);
  if (skip !== 'wasm-opt') optimizeWasm(dir);
  if (skip !== 'minify') await minifyScripts(dir);
  if (split) nameChunks(dir);
}
writePolicy(dir);
if (release) {
  const { precompress } = await releaseStep('./precompress.mjs');
  await precompress(dir);
}
