// wasm-opt for release builds, run here rather than by Trunk: besides -Oz it shortens the
// names the wasm and its JavaScript glue share. wasm-bindgen names every import after its
// Rust path plus a hash (`__wbg_set_method_639e69af35614d36`, ~160 of them, each written
// in both files) and every import under the module "./coveo-key-explorer-<hash>_bg.js";
// hashes do not compress. wasm-opt renames them (`$`, `$a`...) and prints the mapping,
// which Trunk would swallow; this step applies it to the glue. It runs before the glue is
// minified, on wasm-bindgen's own formatting, and checks every name it rewrites.

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { sri } from './minify.mjs';

// binaryen's, pinned in package.json; by path, so a bare `trunk build` finds it too.
const WASM_OPT = fileURLToPath(new URL('./node_modules/.bin/wasm-opt', import.meta.url));

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Optimizes the build's wasm in `dir` for size and shortens its import and export names
 * in the wasm and its glue, and updates the Subresource Integrity hashes index.html holds
 * for both. */
export function optimizeWasm(dir) {
  const wasmName = readdirSync(dir).find((n) => n.endsWith('_bg.wasm'));
  const wasmFile = path.join(dir, wasmName);
  const glueFile = path.join(dir, wasmName.replace(/_bg\.wasm$/, '.js'));
  const before = readFileSync(wasmFile);

  const mapping = JSON.parse(
    execFileSync(
      WASM_OPT,
      [wasmFile, '-Oz', '--enable-reference-types', '--minify-imports-and-exports-and-modules',
        '--strip-producers', '--strip-target-features', '-o', wasmFile],
      { encoding: 'utf8', maxBuffer: 16 << 20 },
    ),
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
  writeFileSync(indexFile, html.replaceAll(sri(before), sri(after)).replaceAll(sri(glue), sri(renamed)));
}

/** The glue with wasm-opt's `mapping` applied: import keys and their module's name
 * (now `newModule`) in the imports object, and every `wasm.<export>`. Throws if a name is
 * not where expected. */
export function renameInGlue(glue, { imports, exports }, newModule) {
  const modules = new Set(imports.map(([module]) => module));
  if (modules.size !== 1) throw new Error(`expected one import module, got ${[...modules]}`);
  const [oldModule] = modules;
  const replaceOnce = (text, pattern, by, what) => {
    let found = 0;
    const out = text.replace(pattern, () => (found++, by));
    if (found !== 1) throw new Error(`${what}: found ${found} times in the glue, expected once`);
    return out;
  };

  let out = replaceOnce(glue, new RegExp(`"${escape(oldModule)}"(?=\\s*:)`, 'g'), JSON.stringify(newModule), oldModule);
  for (const [, name, short] of imports) {
    out = replaceOnce(out, new RegExp(`(?<![\\w$])${escape(name)}(?=\\s*:\\s*function)`, 'g'), short, name);
  }
  const renamed = new Map(exports);
  out = out.replace(/(?<![\w$])wasm\.([\w$]+)/g, (_, name) => {
    const short = renamed.get(name);
    if (short === undefined) throw new Error(`the glue uses wasm.${name}, which the wasm does not export`);
    return `wasm.${short}`;
  });
  return out;
}
