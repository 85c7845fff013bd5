// wasm-opt -Oz for release builds, on the page's wasm and on every chunk. Run here rather
// than by Trunk because a split build's wasm is made after Trunk's own step
// (wasm-split.mjs). binaryen comes from npm, pinned in package.json: Debian's older
// binaryen builds a wasm that does not start.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { repin } from './integrity.mjs';
import { buildFiles, chunkFiles } from './wasm-split.mjs';

// By path, so a bare `trunk build --release` finds it too.
const WASM_OPT = fileURLToPath(new URL('./node_modules/.bin/wasm-opt', import.meta.url));

const OPTIMIZE = ['-Oz', '--enable-reference-types', '--strip-producers', '--strip-target-features'];

/** Optimizes the build's wasm in `dir` for size, updates the Subresource Integrity hash
 * index.html holds for it, and optimizes the chunks of a split build. */
export function optimizeWasm(dir) {
  if (!existsSync(WASM_OPT)) {
    throw new Error("xtask/wasm-opt.mjs: no wasm-opt in xtask/node_modules: run `npm ci` in xtask/ once");
  }
  const { wasm: wasmName } = buildFiles(dir);
  const wasmFile = path.join(dir, wasmName);
  const before = readFileSync(wasmFile);
  execFileSync(WASM_OPT, [wasmFile, ...OPTIMIZE, '-o', wasmFile], { stdio: ['ignore', 'ignore', 'inherit'] });
  const indexFile = path.join(dir, 'index.html');
  writeFileSync(indexFile, repin(readFileSync(indexFile, 'utf8'), wasmName, before, readFileSync(wasmFile)));

  for (const chunk of chunkFiles(dir)) {
    const file = path.join(dir, chunk);
    const { status, stderr } = spawnSync(WASM_OPT, [file, ...OPTIMIZE, '-o', file], { encoding: 'utf8' });
    // wasm-split-cli writes a names subsection binaryen does not know; the names go anyway.
    const news = stderr.split('\n').filter((l) => l && !/unknown name subsection/.test(l));
    if (news.length > 0) console.error(news.join('\n'));
    if (status !== 0) throw new Error(`wasm-opt failed on ${chunk} (exit ${status})`);
  }
}
