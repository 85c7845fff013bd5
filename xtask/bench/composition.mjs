// What a wasm is made of: its functions' code by the crate they come from, and its data,
// read from the wasm's own name section (a build before wasm-opt, which drops the names:
// the `no-wasm-opt` build of xtask/run bench). Sizes are of the unoptimized code, so the
// shares, not the bytes, compare with the shipped wasm.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { ROOT } from '../e2e/harness.mjs';
import { leb } from '../wasm-names.mjs';
import { kb } from './measure.mjs';

/** The sections of `bytes`: [{ id, name, start, end }] (name for custom sections). */
function sections(bytes) {
  const found = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = leb(bytes, at + 1);
    let name;
    if (id === 0) {
      const [length, from] = leb(bytes, start);
      name = new TextDecoder().decode(bytes.subarray(from, from + length));
    }
    found.push({ id, name, start, end: start + size });
    at = start + size;
  }
  return found;
}

/** The crate a function's name belongs to: the first `crate[hash]::` in it, or a group. */
export function crateOf(name) {
  const match = /([a-z_][a-z0-9_]*)\[[0-9a-f]+\]::/.exec(name);
  if (match) return match[1];
  if (/^(__wbg|__wbindgen|wasm_bindgen)/.test(name)) return 'wasm_bindgen';
  return 'other';
}

/** A wasm file's composition: { total, parts: Map(group -> bytes) } where a group is a
 * crate (its functions' bodies), `data` (constant data) or `other` (imports, tables,
 * types, the rest). The name section itself is left out. */
export function composition(file) {
  const bytes = readFileSync(file);
  const all = sections(bytes);
  const parts = new Map();
  const add = (group, size) => parts.set(group, (parts.get(group) ?? 0) + size);
  let imported = 0;
  const names = new Map();
  const nameSection = all.find((s) => s.id === 0 && s.name === 'name');
  if (!nameSection) throw new Error(`${file} has no name section: measure a build before wasm-opt`);
  for (const s of all) {
    if (s.id === 2) {
      // Imports: count the imported functions, which come first in the index space.
      let [count, at] = leb(bytes, s.start);
      for (let n = 0; n < count; n++) {
        for (let k = 0; k < 2; k++) { const [len, from] = leb(bytes, at); at = from + len; }
        const kind = bytes[at++];
        if (kind === 0) { imported++; at = leb(bytes, at)[1]; }
        else if (kind === 1) { at += 1; const flags = bytes[at++]; at = leb(bytes, at)[1]; if (flags & 1) at = leb(bytes, at)[1]; }
        else if (kind === 2) { const flags = bytes[at++]; at = leb(bytes, at)[1]; if (flags & 1) at = leb(bytes, at)[1]; }
        else if (kind === 3) { at += 2; }
        else if (kind === 4) { at += 1; at = leb(bytes, at)[1]; }
      }
    }
  }
  // Function names: subsection 1 of the name section.
  let [length, at] = leb(bytes, nameSection.start);
  at += length;
  while (at < nameSection.end) {
    const kind = bytes[at];
    const [size, from] = leb(bytes, at + 1);
    if (kind === 1) {
      let [count, p] = leb(bytes, from);
      for (let n = 0; n < count; n++) {
        const [index, q] = leb(bytes, p);
        const [len, r] = leb(bytes, q);
        names.set(index, new TextDecoder().decode(bytes.subarray(r, r + len)));
        p = r + len;
      }
    }
    at = from + size;
  }
  let counted = 0;
  for (const s of all) {
    if (s.id === 10) {
      let [count, p] = leb(bytes, s.start);
      for (let n = 0; n < count; n++) {
        const [size, body] = leb(bytes, p);
        add(crateOf(names.get(imported + n) ?? ''), body + size - p);
        p = body + size;
      }
      counted += s.end - s.start;
    } else if (s.id === 11) {
      add('data', s.end - s.start);
      counted += s.end - s.start;
    } else if (s.id === 0 && s.name === 'name') {
      counted += 0;
    } else {
      add('other', s.end - s.start);
      counted += s.end - s.start;
    }
  }
  const total = [...parts.values()].reduce((a, b) => a + b, 0);
  return { total, parts };
}

/** The page wasm of the build in `dir` (its `*_bg.wasm`). */
function pageWasm(dir) {
  const name = readdirSync(dir).find((f) => f.endsWith('_bg.wasm'));
  if (!name) throw new Error(`no page wasm in ${dir}`);
  return path.join(dir, name);
}

/** Prints the table: this build (`target/bench/no-wasm-opt`) and, when
 * BENCH_BASELINE_NO_OPT names another build's folder (the baseline commit built with
 * KEY_EXPLORER_SKIP_STEP=wasm-opt), that one beside it. */
function main() {
  const builds = [['this build', path.join(ROOT, 'target', 'bench', 'no-wasm-opt')]];
  if (process.env.BENCH_BASELINE_NO_OPT) builds.push(['baseline', process.env.BENCH_BASELINE_NO_OPT]);
  const measured = builds.map(([name, dir]) => [name, composition(pageWasm(dir))]);
  const order = [...measured[0][1].parts].sort((a, b) => b[1] - a[1]).map(([group]) => group);
  for (const [, { parts }] of measured.slice(1)) {
    for (const group of parts.keys()) if (!order.includes(group)) order.push(group);
  }
  // Groups under 1% in every build are summed.
  const small = (group) => measured.every(([, { total, parts }]) => (parts.get(group) ?? 0) < total / 100);
  const rows = order.filter((group) => !small(group));
  const cell = ({ total, parts }, groups) => {
    const bytes = groups.reduce((sum, group) => sum + (parts.get(group) ?? 0), 0);
    return `${kb(bytes)} (${((bytes / total) * 100).toFixed(1)}%)`;
  };
  console.log("\n## What the page's wasm is made of\n");
  console.log('The first load\'s wasm by crate (its functions\' code), constant data and the rest (imports, tables, types), '
    + 'read from the name section of the build without wasm-opt (`target/bench/no-wasm-opt`): wasm-opt shrinks every part, '
    + 'so compare the shares. The app\'s own crates are `coveo_key_explorer` and `domain`.\n');
  console.log(`| part | ${measured.map(([name]) => name).join(' | ')} |`);
  console.log(`|---|${measured.map(() => '---|').join('')}`);
  for (const group of rows) console.log(`| ${group} | ${measured.map(([, m]) => cell(m, [group])).join(' | ')} |`);
  const rest = order.filter(small);
  console.log(`| ${rest.length} smaller crates | ${measured.map(([, m]) => cell(m, rest)).join(' | ')} |`);
  console.log(`| total | ${measured.map(([, m]) => kb(m.total)).join(' | ')} |`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
