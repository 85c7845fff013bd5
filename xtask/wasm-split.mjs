// Splits a release build's wasm into the page's part and chunks downloaded on first use
// (src/split.rs): the key browser, the privilege browser, and the code both share. Only
// builds compiled with `--cfg key_explorer_split` (xtask/run's release builds) have
// split points; for any other build this step does nothing.
//
// Trunk runs wasm-bindgen on the wasm cargo built, but wasm-split-cli must see that wasm
// before wasm-bindgen does (with its relocations, `-Clink-arg=--emit-relocs`). So this
// step splits cargo's wasm again, runs wasm-bindgen (the same version Trunk ran) on the
// main part, and puts the result in place of Trunk's, under Trunk's names.
//
// Afterwards, wasm-opt.mjs optimizes every part and minify.mjs the JavaScript; then
// `nameChunks` gives the chunks and the loader that fetches them content-hashed names,
// pins each chunk's hash in the loader (a fetched chunk must match it), and updates
// index.html's Subresource Integrity hashes.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { repin, sri } from './integrity.mjs';
import { escape, rewrite } from './rewrite.mjs';

/** The module wasm_split_helpers imports its loaders from, before splitting. */
const PLACEHOLDER_MODULE = '__wasm_split_placeholder__';
/** The loader wasm-split-cli writes, as the glue and the wasm first name it. */
export const LOADER = '__wasm_split.js';
const CRATE = 'coveo-key-explorer';

/** Whether `wasm` (bytes) has split points. */
export function hasSplitPoints(wasm) {
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(wasm));
  return imports.some((i) => i.module === PLACEHOLDER_MODULE);
}

/** cargo's own wasm for this build, before wasm-bindgen. */
function cargoWasm(sourceDir) {
  const metadata = JSON.parse(
    execFileSync('cargo', ['metadata', '--no-deps', '--format-version', '1'], {
      cwd: sourceDir,
      encoding: 'utf8',
      maxBuffer: 16 << 20,
    }),
  );
  return path.join(metadata.target_directory, 'wasm32-unknown-unknown', 'release', `${CRATE}.wasm`);
}

/** The build's wasm and glue in `dir`: `{ stem, wasm, glue }` (file names). */
export function buildFiles(dir) {
  const wasm = readdirSync(dir).find((n) => n.endsWith('_bg.wasm'));
  const stem = wasm.replace(/_bg\.wasm$/, '');
  return { stem, wasm, glue: `${stem}.js` };
}

/** Splits the build in `dir` when it has split points; returns whether it did. */
export function splitWasm(dir, sourceDir = process.env.TRUNK_SOURCE_DIR ?? process.cwd()) {
  const input = cargoWasm(sourceDir);
  if (!hasSplitPoints(readFileSync(input))) return false;

  const { stem, wasm, glue } = buildFiles(dir);
  const work = mkdtempSync(path.join(tmpdir(), 'wasm-split-'));
  try {
    // The loader imports `initSync` from the glue, by the name it has in dist.
    execFileSync('wasm-split-cli', [input, work, '--out-name', stem], { stdio: ['ignore', 'ignore', 'inherit'] });
    const bindgen = path.join(work, 'bindgen');
    // --keep-lld-exports: the chunks link to the main part's function table and globals.
    execFileSync(
      'wasm-bindgen',
      ['--target=web', '--no-typescript', '--keep-lld-exports', `--out-dir=${bindgen}`, `--out-name=${stem}`,
        path.join(work, `${stem}.wasm`)],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );

    const indexFile = path.join(dir, 'index.html');
    let html = readFileSync(indexFile, 'utf8');
    for (const [from, to] of [[`${stem}_bg.wasm`, wasm], [`${stem}.js`, glue]]) {
      const before = readFileSync(path.join(dir, to));
      const after = readFileSync(path.join(bindgen, from));
      html = repin(html, to, before, after);
      writeFileSync(path.join(dir, to), after);
    }
    writeFileSync(indexFile, html);

    const loader = readFileSync(path.join(work, LOADER), 'utf8');
    writeFileSync(path.join(dir, LOADER), withInstantiateFallback(loader));
    for (const name of readdirSync(work)) {
      if (name.endsWith('.wasm') && name !== `${stem}.wasm`) renameSync(path.join(work, name), path.join(dir, name));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return true;
}

/** `loader` compiling a chunk even when the host serves `.wasm` files with another type
 * than `application/wasm`, which `instantiateStreaming` refuses (wasm-bindgen's glue
 * falls back the same way for the main part). */
export function withInstantiateFallback(loader) {
  const [out, found] = rewrite(loader, /WebAssembly\.instantiateStreaming\(/g, 'instantiateChunk(');
  if (found === 0) throw new Error('the loader does not instantiate any chunk');
  return `${out}
async function instantiateChunk(fetched, imports) {
    const response = await fetched;
    if (response.headers.get('Content-Type')?.startsWith('application/wasm')) {
        return WebAssembly.instantiateStreaming(response, imports);
    }
    return WebAssembly.instantiate(await response.arrayBuffer(), imports);
}
`;
}

/** The chunks wasm-split-cli wrote into `dir` (every wasm but the main part). */
export function chunkFiles(dir) {
  const { wasm } = buildFiles(dir);
  return readdirSync(dir).filter((n) => n.endsWith('.wasm') && n !== wasm);
}

const contentName = (base, bytes, ext) =>
  `${base}-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}${ext}`;

/** Gives the chunks and their loader content-hashed names (a new build never meets an
 * old chunk in a cache), makes the loader check each chunk's hash, and points the glue
 * at the renamed loader. Runs last, on the final bytes. */
export function nameChunks(dir) {
  const { stem, glue: glueName } = buildFiles(dir);
  const loaderFile = path.join(dir, LOADER);
  let loader = readFileSync(loaderFile, 'utf8');
  for (const chunk of chunkFiles(dir)) {
    const bytes = readFileSync(path.join(dir, chunk));
    const named = contentName(`${stem}-${chunk.replace(/\.wasm$/, '')}`, bytes, '.wasm');
    renameSync(path.join(dir, chunk), path.join(dir, named));
    loader = replaceFetch(loader, chunk, named, sri(bytes));
  }
  const loaderName = contentName(`${stem}-chunks`, loader, '.js');
  writeFileSync(path.join(dir, loaderName), loader);
  rmSync(loaderFile);

  const glueFile = path.join(dir, glueName);
  const glue = readFileSync(glueFile);
  const renamed = replaceLoaderImport(glue.toString('utf8'), loaderName);
  writeFileSync(glueFile, renamed);
  const indexFile = path.join(dir, 'index.html');
  const html = readFileSync(indexFile, 'utf8');
  // The glue imports the loader: preloaded with the glue, rather than found one round
  // trip later, and pinned like it.
  writeFileSync(indexFile, preloadLoader(repin(html, glueName, glue, renamed), loaderName, sri(loader)));
}

/** `html` with a `modulepreload` of the loader, pinned by `integrity`, after the glue's. */
export function preloadLoader(html, loaderName, integrity) {
  const link = `<link crossorigin href=./${loaderName} integrity=${integrity} rel=modulepreload>`;
  const [out, found] = rewrite(html, /<link [^>]*rel="?modulepreload"?[^>]*>/g, (glueLink) => `${glueLink}${link}`);
  if (found !== 1) throw new Error(`index.html has ${found} modulepreload links, expected the glue's alone`);
  return out;
}

/** `loader` fetching chunk `named` instead of `chunk`, and only with that `integrity`. */
export function replaceFetch(loader, chunk, named, integrity) {
  const [out, found] = rewrite(
    loader,
    new RegExp(`fetch\\(new URL\\((["'])\\./${escape(chunk)}\\1,\\s*import\\.meta\\.url\\)\\)`, 'g'),
    `fetch(new URL("./${named}",import.meta.url),{integrity:"${integrity}"})`,
  );
  if (found !== 1) throw new Error(`${chunk}: fetched ${found} times in the loader, expected once`);
  return out;
}

/** `glue` importing the loader under its final name. Only the `import` statement: the
 * module name the wasm imports the loader's functions under (a key of the glue's imports
 * object) stays as the wasm has it. */
export function replaceLoaderImport(glue, loaderName) {
  const [out, found] = rewrite(
    glue,
    new RegExp(`(\\bfrom\\s*)(["'])\\./${escape(LOADER)}\\2`, 'g'),
    (_, from, q) => `${from}${q}./${loaderName}${q}`,
  );
  if (found === 0) throw new Error('the glue does not import the chunk loader');
  return out;
}
