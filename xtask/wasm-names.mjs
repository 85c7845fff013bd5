// Short names between the page's wasm and its glue, for release builds, before wasm-opt.
// wasm-bindgen names each import after its JavaScript function plus a 16-digit hash
// (`__wbg_setAttribute_3c5b…`), and each closure export after its whole Rust type; the
// names travel twice on the first load (in the wasm and as the glue's keys), and hashes do
// not compress. Each such name becomes a short one on both sides, and the module the
// imports come from becomes `w`.
//
// It also drops the exports of `wasm-streams` (`IntoUnderlyingSource`, `…Sink`,
// `…ByteSource`): Leptos links it for server functions, which this app has none of, and
// its exports would keep their code in the wasm. Their classes stay in the glue and are
// never constructed.
//
// Every rename must find its name exactly where wasm-bindgen writes it (an object key for
// an import, `X.name` for an export), once for an import: anything else fails the build,
// so a changed glue is found here, not in the page.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { repin } from './integrity.mjs';
import { buildFiles } from './wasm-split.mjs';

/** Exports no code of the app calls: `wasm-streams`' classes. */
const UNUSED_EXPORT = /^(__wbg_)?intounderlying(byte)?(source|sink)(_|$)/;
/** Exports renamed: wasm-bindgen's closure adapters, named after their Rust types (with
 * the crate's hash in a split build's second wasm-bindgen run, without in Trunk's). */
const LONG_EXPORT = /^wasm_bindgen_([0-9a-f]{16}__)?_convert__closures_/;
/** Imports renamed: the glue's functions, each named with a hash. */
const HASHED_IMPORT = /^__wbg_\w+_[0-9a-f]{16}$/;

/** Reads an unsigned LEB128 at `at`: [value, next offset]. */
export const leb = (bytes, at) => {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
};

const encodeLeb = (value) => {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
};

const encodeName = (name) => {
  const bytes = Buffer.from(name, 'utf8');
  return Buffer.concat([encodeLeb(bytes.length), bytes]);
};

const readName = (bytes, at) => {
  const [length, from] = leb(bytes, at);
  return [bytes.subarray(from, from + length).toString('utf8'), from + length];
};

/** The length of an import's description at `at` (after its kind byte). */
function descriptionEnd(bytes, kind, at) {
  const limits = (p) => {
    const flags = bytes[p++];
    p = leb(bytes, p)[1];
    return flags & 1 ? leb(bytes, p)[1] : p;
  };
  if (kind === 0) return leb(bytes, at)[1]; // function: type index
  if (kind === 1) return limits(at + 1); // table: element type, limits
  if (kind === 2) return limits(at); // memory: limits
  if (kind === 3) return at + 2; // global: value type, mutability
  if (kind === 4) return leb(bytes, at + 1)[1]; // tag: attribute, type index
  throw new Error(`xtask/wasm-names.mjs: unknown import kind ${kind}`);
}

/** Short names, in order: a..z, A..Z, then two letters and so on. */
function* shortNames() {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (let n = 0; ; n++) {
    let name = '';
    let k = n;
    do {
      name = letters[k % letters.length] + name;
      k = Math.floor(k / letters.length) - 1;
    } while (k >= 0);
    yield name;
  }
}

/** `wasm` with its import module `module` named `w`, the imports `renamed` maps renamed,
 * and its exports filtered and renamed by `exportName` (null drops one). */
function rewriteWasm(wasm, module, renamed, exportName) {
  const parts = [wasm.subarray(0, 8)];
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, start] = leb(wasm, at + 1);
    const end = start + size;
    if (id === 2 || id === 7) {
      const entries = [];
      let [count, p] = leb(wasm, start);
      for (let n = 0; n < count; n++) {
        if (id === 2) {
          let [from, q] = readName(wasm, p);
          let [field, r] = readName(wasm, q);
          const kind = wasm[r];
          const next = descriptionEnd(wasm, kind, r + 1);
          if (from === module) {
            field = renamed.get(field) ?? field;
            from = 'w';
          }
          entries.push(Buffer.concat([encodeName(from), encodeName(field), wasm.subarray(r, next)]));
          p = next;
        } else {
          const [name, q] = readName(wasm, p);
          const next = leb(wasm, q + 1)[1];
          const kept = exportName(name);
          if (kept !== null) entries.push(Buffer.concat([encodeName(kept), wasm.subarray(q, next)]));
          p = next;
        }
      }
      const body = Buffer.concat([encodeLeb(entries.length), ...entries]);
      parts.push(Buffer.from([id]), encodeLeb(body.length), body);
    } else {
      parts.push(wasm.subarray(at, end));
    }
    at = end;
  }
  return Buffer.concat(parts);
}

/** `glue` with `from` replaced by `to` where it stands as a whole name, exactly `times`
 * times when given; throws otherwise. */
function replaceName(glue, from, to, times) {
  const pattern = new RegExp(`(?<![\\w$])${from.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
  const found = glue.match(pattern)?.length ?? 0;
  if (found === 0 || (times !== undefined && found !== times)) {
    throw new Error(`xtask/wasm-names.mjs: the glue names ${from} ${found} times; expected ${times ?? 'some'}`);
  }
  return glue.replace(pattern, to);
}

/** Shortens the names between the page's wasm and its glue in `dir`, and updates the
 * Subresource Integrity hashes index.html holds for both. */
export function shortenNames(dir) {
  const { wasm: wasmName, glue: glueName } = buildFiles(dir);
  const wasmFile = path.join(dir, wasmName);
  const glueFile = path.join(dir, glueName);
  const wasmBefore = readFileSync(wasmFile);
  const glueBefore = readFileSync(glueFile);
  const module = new WebAssembly.Module(wasmBefore);
  // The glue's own module: `./<crate>_bg.js` (Trunk's file names add a hash, its
  // imports' module name does not).
  const modules = new Set(WebAssembly.Module.imports(module).map((i) => i.module).filter((m) => m.endsWith('_bg.js')));
  if (modules.size !== 1) throw new Error(`xtask/wasm-names.mjs: expected one glue module, found ${[...modules].join(', ') || 'none'}`);
  const [bgModule] = modules;

  let glue = glueBefore.toString('utf8');
  const names = shortNames();
  const renamed = new Map();
  for (const { module: from, name } of WebAssembly.Module.imports(module)) {
    if (from !== bgModule || !HASHED_IMPORT.test(name)) continue;
    const short = `_${names.next().value}`;
    glue = replaceName(glue, name, short, 1);
    renamed.set(name, short);
  }
  const quoted = `"${bgModule}":`;
  if (glue.split(quoted).length !== 2) throw new Error(`xtask/wasm-names.mjs: the glue does not key its imports by ${bgModule}`);
  glue = glue.replace(quoted, 'w:');

  const exported = new Map();
  for (const { name } of WebAssembly.Module.exports(module)) {
    if (LONG_EXPORT.test(name)) {
      const short = `$${names.next().value}`;
      glue = replaceName(glue, name, short);
      exported.set(name, short);
    }
  }
  const exportName = (name) => (UNUSED_EXPORT.test(name) ? null : (exported.get(name) ?? name));

  const wasm = rewriteWasm(wasmBefore, bgModule, renamed, exportName);
  new WebAssembly.Module(wasm); // a wasm that does not compile fails the build here
  writeFileSync(wasmFile, wasm);
  writeFileSync(glueFile, glue);
  const indexFile = path.join(dir, 'index.html');
  let html = readFileSync(indexFile, 'utf8');
  html = repin(html, wasmName, wasmBefore, wasm);
  html = repin(html, glueName, glueBefore, Buffer.from(glue));
  writeFileSync(indexFile, html);
}
