// wasm-opt for release builds, run here rather than by Trunk: besides -Oz it shortens the
// names the wasm and its JavaScript glue share. wasm-bindgen names every import after its
// Rust path plus a hash (`__wbg_set_method_639e69af35614d36`, ~160 of them, each written
// in both files) and every import under the module "./coveo-key-explorer-<hash>_bg.js";
// hashes do not compress. wasm-opt renames them (`$`, `$a`...) and prints the mapping,
// which Trunk would swallow; this step applies it to the glue (and, in a split build, to
// the chunk loader, which hands the chunks some of the wasm's exports). It runs before
// the JavaScript is minified, on the formatting of the tools that wrote it, and checks
// every name it rewrites. A split build's chunks get -Oz alone: their imports are the
// loader's names, not the wasm's.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { repin } from './minify.mjs';
import { escape, rewrite } from './rewrite.mjs';
import { LOADER, buildFiles, chunkFiles } from './wasm-split.mjs';

// binaryen's, pinned in package.json; by path, so a bare `trunk build` finds it too.
const WASM_OPT = fileURLToPath(new URL('./node_modules/.bin/wasm-opt', import.meta.url));

const OPTIMIZE = ['-Oz', '--enable-reference-types', '--strip-producers', '--strip-target-features'];

/** Optimizes the build's wasm in `dir` for size and shortens its import and export names
 * in the wasm and its glue (and in the chunk loader of a split build, wasm-split.mjs),
 * updates the Subresource Integrity hashes index.html holds for both, and optimizes the
 * chunks. */
export function optimizeWasm(dir) {
  const { wasm: wasmName, glue: glueName } = buildFiles(dir);
  const wasmFile = path.join(dir, wasmName);
  const glueFile = path.join(dir, glueName);
  const before = readFileSync(wasmFile);

  const mapping = JSON.parse(
    execFileSync(WASM_OPT, [wasmFile, ...OPTIMIZE, '--minify-imports-and-exports-and-modules', '-o', wasmFile], {
      encoding: 'utf8',
      maxBuffer: 16 << 20,
    }),
  );
  // The mapping names each import's old module, not the one module they now share.
  const after = readFileSync(wasmFile);
  const modules = new Set(WebAssembly.Module.imports(new WebAssembly.Module(after)).map((i) => i.module));
  if (modules.size !== 1) throw new Error(`expected the imports under one module, got ${[...modules]}`);
  const glue = readFileSync(glueFile);
  const renamed = Buffer.from(renameInGlue(glue.toString('utf8'), mapping, [...modules][0]));
  writeFileSync(glueFile, renamed);

  const indexFile = path.join(dir, 'index.html');
  const html = readFileSync(indexFile, 'utf8');
  writeFileSync(indexFile, repin(repin(html, wasmName, before, after), glueName, glue, renamed));

  const loaderFile = path.join(dir, LOADER);
  if (existsSync(loaderFile)) {
    writeFileSync(loaderFile, renameInLoader(readFileSync(loaderFile, 'utf8'), mapping));
    // A chunk's imports are the loader's own names for the main part's exports: kept.
    for (const chunk of chunkFiles(dir)) {
      const file = path.join(dir, chunk);
      const { status, stderr } = spawnSync(WASM_OPT, [file, ...OPTIMIZE, '-o', file], { encoding: 'utf8' });
      // wasm-split-cli writes a names subsection binaryen does not know; the names go anyway.
      const news = stderr.split('\n').filter((l) => l && !/unknown name subsection/.test(l));
      if (news.length > 0) console.error(news.join('\n'));
      if (status !== 0) throw new Error(`wasm-opt failed on ${chunk} (exit ${status})`);
    }
  }
}

/** The loader with the main part's exports it hands to the chunks under their new
 * names: `const { memory, ... } = initSync(...)` becomes `const { a: memory, ... }`. */
export function renameInLoader(loader, { exports }) {
  const renamed = new Map(exports);
  const [out, found] = rewrite(loader, /const\s*\{([^}]*)\}\s*=\s*initSync\(/g, (_, names) => {
    const fields = names.split(',').map((n) => n.trim()).filter(Boolean).map((name) => {
      const short = renamed.get(name);
      if (short === undefined) throw new Error(`the loader uses ${name}, which the wasm does not export`);
      return `${short}: ${name}`;
    });
    return `const { ${fields.join(', ')} } = initSync(`;
  });
  if (found !== 1) throw new Error(`the loader reads initSync's exports ${found} times, expected once`);
  return out;
}

/** The glue with wasm-opt's `mapping` applied: import keys and their module's name
 * (now `newModule`) in the imports object, and every `wasm.<export>`. In a split build,
 * the loader's functions join the one module too. Throws if a name is not where
 * expected. */
export function renameInGlue(glue, { imports, exports }, newModule) {
  const fromLoader = imports.filter(([module]) => module.endsWith(`/${LOADER}`));
  const own = imports.filter(([module]) => !module.endsWith(`/${LOADER}`));
  const modules = new Set(own.map(([module]) => module));
  if (modules.size !== 1) throw new Error(`expected one import module, got ${[...modules]}`);
  const [oldModule] = modules;
  const replaceOnce = (text, pattern, by, what) => {
    const [out, found] = rewrite(text, pattern, by);
    if (found !== 1) throw new Error(`${what}: found ${found} times in the glue, expected once`);
    return out;
  };

  let out = replaceOnce(glue, new RegExp(`"${escape(oldModule)}"(?=\\s*:)`, 'g'), JSON.stringify(newModule), oldModule);
  for (const [, name, short] of own) {
    out = replaceOnce(out, new RegExp(`(?<![\\w$])${escape(name)}(?=\\s*:\\s*function)`, 'g'), short, name);
  }
  if (fromLoader.length > 0) {
    // `"./__wasm_split.js": importN` entries (one per function, one namespace) go; the
    // functions join the shared module's object under their short names.
    let namespace;
    out = out.replace(new RegExp(`\\s*"${escape(fromLoader[0][0])}"\\s*:\\s*([\\w$]+),?`, 'g'), (_, ns) => {
      namespace = ns;
      return '';
    });
    if (namespace === undefined) throw new Error(`${fromLoader[0][0]}: not in the glue's imports`);
    const members = fromLoader.map(([, name, short]) => `${short}: ${namespace}.${name}`).join(', ');
    out = replaceOnce(
      out,
      new RegExp(`(${escape(JSON.stringify(newModule))}\\s*:\\s*)([\\w$]+)`, 'g'),
      (_, key, own) => `${key}{ ...${own}, ${members} }`,
      `the ${newModule} module`,
    );
  }
  const renamed = new Map(exports);
  out = out.replace(/(?<![\w$])wasm\.([\w$]+)/g, (_, name) => {
    const short = renamed.get(name);
    if (short === undefined) throw new Error(`the glue uses wasm.${name}, which the wasm does not export`);
    return `wasm.${short}`;
  });
  return out;
}
