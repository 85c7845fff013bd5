// Structural checks of the app's source (src/), run by `xtask/run test`:
// - no import cycle between its files (a `crate::` or `super::` path is an edge);
// - memos are pure: no `Memo::new(...)` writes a signal or a stored value.
// Function length and who reads the token or the pasted key value are clippy's lints
// (`too_many_lines`, `disallowed_methods`: Cargo.toml and clippy.toml).
// Plain text scanning, good enough for code that rustfmt keeps tidy.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';


/** Every `.rs` file under `dir`, as paths relative to it with `/`. */
export function rustFiles(dir, prefix = '') {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(full).isDirectory()) return rustFiles(full, rel);
    return name.endsWith('.rs') ? [rel] : [];
  });
}

/** The code of `text` without comments, strings and char literals (same line count). */
export function codeOnly(text) {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const skipped = text.slice(i, end < 0 ? text.length : end + 2);
      out += skipped.replace(/[^\n]/g, '');
      i += skipped.length - 1;
    } else if (c === '"' || (c === 'r' && /^r#*"/.test(text.slice(i, i + 8)) && !/\w/.test(text[i - 1] ?? ''))) {
      const hashes = c === 'r' ? /^r(#*)"/.exec(text.slice(i))[1] : null;
      let j = c === 'r' ? i + hashes.length + 2 : i + 1;
      const close = hashes === null ? '"' : `"${hashes}`;
      while (j < text.length) {
        if (hashes === null && text[j] === '\\') { j += 2; continue; }
        if (text.startsWith(close, j)) break;
        j++;
      }
      out += '""' + text.slice(i, j).replace(/[^\n]/g, '');
      i = j + close.length - 1;
    } else if (c === "'" && /^'(\\.|[^\\'])'/.test(text.slice(i, i + 4))) {
      const len = text[i + 1] === '\\' ? 4 : 3;
      out += "' '";
      i += len - 1;
    } else {
      out += c;
    }
  }
  return out;
}

/** The module path of a file (`views/key_lookup/mod.rs` -> `views::key_lookup`). */
function modulePath(file) {
  const parts = file.replace(/\.rs$/, '').split('/');
  if (['mod', 'lib', 'main'].includes(parts.at(-1))) parts.pop();
  return parts;
}

/** The files `file` depends on, through `crate::` and `super::` paths. */
export function dependencies(file, code, files) {
  const byModule = new Map(files.map((f) => [modulePath(f).join('::'), f]));
  const here = modulePath(file);
  const deps = new Set();
  const resolve = (segments) => {
    for (let n = segments.length; n >= 0; n--) {
      const target = byModule.get(segments.slice(0, n).join('::'));
      if (target !== undefined) return target;
    }
    return undefined;
  };
  const children = new Set(
    [...code.matchAll(/^\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+(\w+)\s*;/gm)].map((m) => m[1]),
  );
  const local = (first) => ['crate', 'super', 'self'].includes(first) || children.has(first);
  const paths = [];
  // `use` trees: `use crate::a::{b::C, d}` gives `crate::a::b::C` and `crate::a::d`.
  const tree = /\buse\s+(\w+(?:::\w+)*)::\{([^;]*)\}\s*;/g;
  for (const m of code.matchAll(tree)) {
    for (const item of m[2].split(',').map((s) => s.trim()).filter(Boolean)) {
      paths.push(`${m[1]}::${item.replace(/\s+as\s+\w+$/, '').replace(/::\{.*$/, '')}`);
    }
  }
  // Any other path: `use crate::a::B;`, `crate::clock::now()`, `row::Row`.
  for (const m of code.replace(tree, '').matchAll(/(?<![\w:])(\w+(?:::\w+)+)/g)) paths.push(m[1]);
  for (const p of paths) {
    const segments = p.split('::');
    if (!local(segments[0])) continue;
    let base = here; // `self::`, or a child module declared here
    let rest = children.has(segments[0]) ? segments : segments.slice(1);
    if (segments[0] === 'crate') base = [];
    if (segments[0] === 'super') base = here.slice(0, -1);
    while (rest[0] === 'super') { base = base.slice(0, -1); rest = rest.slice(1); }
    const target = resolve([...base, ...rest]);
    if (target !== undefined && target !== file) deps.add(target);
  }
  return deps;
}

/** The cycles of a dependency graph (Map file -> Set of files), each as a list of files. */
export function cycles(graph) {
  const found = [];
  const state = new Map();
  const stack = [];
  const visit = (node) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return found;
}

/** Memos that write (`.set(`, `.update(`, `.set_value(`...): [{ line }]. */
export function impureMemos(code) {
  const found = [];
  for (const m of code.matchAll(/Memo::new\(/g)) {
    let depth = 0;
    let end = m.index + m[0].length - 1;
    for (; end < code.length; end++) {
      if (code[end] === '(') depth++;
      if (code[end] === ')' && --depth === 0) break;
    }
    const body = code.slice(m.index, end);
    if (/\.(set|update|set_value|update_value|try_update_value|try_set|write)\(/.test(body)) {
      found.push({ line: code.slice(0, m.index).split('\n').length });
    }
  }
  return found;
}

/** Every problem found in the tree at `srcDir`, as lines of text. */
export function check(srcDir) {
  const files = rustFiles(srcDir);
  const problems = [];
  const graph = new Map();
  for (const file of files) {
    const code = codeOnly(readFileSync(path.join(srcDir, file), 'utf8'));
    graph.set(file, dependencies(file, code, files));
    for (const memo of impureMemos(code)) problems.push(`${file}:${memo.line}: a memo that writes state`);
  }
  for (const cycle of cycles(graph)) problems.push(`import cycle: ${cycle.join(' -> ')}`);
  return problems;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const problems = check(path.join(root, 'src'));
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  console.log('src/: no import cycle, pure memos');
}
