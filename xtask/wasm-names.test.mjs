// The short-names step on a small wasm and glue made here: what it renames, what it drops,
// and that a glue it does not recognise fails the build.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import test from 'node:test';

import { sri } from './integrity.mjs';
import { shortenNames } from './wasm-names.mjs';

const IMPORT = '__wbg_setAttribute_0123456789abcdef';
const CLOSURE = 'wasm_bindgen_0123456789abcdef___convert__closures_____invoke_______true_';
/** The same adapter as Trunk's own wasm-bindgen run names it (no crate hash). */
const PLAIN_CLOSURE = 'wasm_bindgen__convert__closures_____invoke___wasm_bindgen__JsValue______true_';

const name = (text) => [text.length, ...Buffer.from(text)];
const leb = (n) => (n < 0x80 ? [n] : [(n & 0x7f) | 0x80, ...leb(n >> 7)]);
const section = (id, ...body) => [id, ...leb(body.length), ...body];

/** A module importing `IMPORT` from `./x_bg.js` (its glue module, named without the
 * files' hash), exporting a stream class's method, a closure adapter and `main`. */
function wasm() {
  return Buffer.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, 1, 0x60, 0, 0),
    ...section(2, 1, ...name('./x_bg.js'), ...name(IMPORT), 0, 0),
    ...section(3, 4, 0, 0, 0, 0),
    ...section(7, 4, ...name('intounderlyingsink_write'), 0, 1, ...name(CLOSURE), 0, 2, ...name(PLAIN_CLOSURE), 0, 3, ...name('main'), 0, 4),
    ...section(10, 4, 2, 0, 0x0b, 2, 0, 0x0b, 2, 0, 0x0b, 2, 0, 0x0b),
  ]);
}

/** A build in a new folder: its files named with a hash, as Trunk names them. */
function build(glue) {
  const dir = mkdtempSync(path.join(tmpdir(), 'wasm-names-'));
  writeFileSync(path.join(dir, 'x-0123abcd_bg.wasm'), wasm());
  writeFileSync(path.join(dir, 'x-0123abcd.js'), glue);
  writeFileSync(
    path.join(dir, 'index.html'),
    `<link href=./x-0123abcd.js integrity=${sri(Buffer.from(glue))}><link href=./x-0123abcd_bg.wasm integrity=${sri(wasm())}>`,
  );
  return dir;
}

const GLUE = `const i={"./x_bg.js":{${IMPORT}:function(e){}}};W.${CLOSURE}(1);W.${CLOSURE}(2);W.${PLAIN_CLOSURE}();W.main();`;

test('imports and closure exports get short names on both sides; the stream exports go', () => {
  const dir = build(GLUE);
  shortenNames(dir);
  const module = new WebAssembly.Module(readFileSync(path.join(dir, 'x-0123abcd_bg.wasm')));
  const imports = WebAssembly.Module.imports(module);
  assert.deepEqual(imports, [{ module: 'w', name: '_a', kind: 'function' }]);
  assert.deepEqual(WebAssembly.Module.exports(module).map((e) => e.name), ['$b', '$c', 'main']);
  const glue = readFileSync(path.join(dir, 'x-0123abcd.js'), 'utf8');
  assert.equal(glue, 'const i={w:{_a:function(e){}}};W.$b(1);W.$b(2);W.$c();W.main();');
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
  assert.ok(html.includes(sri(Buffer.from(glue))), 'the glue is pinned at its new bytes');
  assert.ok(html.includes(sri(readFileSync(path.join(dir, 'x-0123abcd_bg.wasm')))), 'the wasm is pinned at its new bytes');
});

test('a glue that names an import other than once, or keys its imports otherwise, fails the build', () => {
  assert.throws(() => shortenNames(build(`${GLUE}${IMPORT};`)), /names __wbg_setAttribute_0123456789abcdef 2 times/);
  assert.throws(() => shortenNames(build(GLUE.replace('"./x_bg.js"', 'bg'))), /does not key its imports/);
  assert.throws(() => shortenNames(build(GLUE.replaceAll(`W.${CLOSURE}`, 'W.other'))), /names wasm_bindgen_/);
});
