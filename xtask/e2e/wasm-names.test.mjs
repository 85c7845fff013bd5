// Short import and export names (xtask/wasm-opt.mjs): the release build's wasm carries
// them, its glue supplies every one, and the renaming refuses a glue it cannot match.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';

import { renameInGlue } from '../wasm-opt.mjs';
import { buildFiles } from '../wasm-split.mjs';
import { ROOT } from './harness.mjs';

const DIST = path.join(ROOT, 'dist');

test("the built wasm's imports and exports have short names, and the glue supplies each import", async () => {
  const files = buildFiles(DIST);
  const wasm = new WebAssembly.Module(await readFile(path.join(DIST, files.wasm)));
  const glue = await readFile(path.join(DIST, files.glue), 'utf8');
  const imports = WebAssembly.Module.imports(wasm);
  assert.ok(imports.length > 50, `${imports.length} imports`);
  for (const { module, name } of imports) {
    assert.ok(module.length <= 2 && name.length <= 3, `import ${module} ${name}`);
    const key = name.replace(/\$/g, '\\$');
    assert.match(glue, new RegExp(`[{,]"?${key}"?:`), `the glue supplies ${name}`);
  }
  for (const { name } of WebAssembly.Module.exports(wasm)) assert.ok(name.length <= 3, `export ${name}`);
  assert.ok(!glue.includes('_bg.js'), 'the glue no longer names the long import module');
});

const GLUE = `
function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
        __wbg_tagName_775bb05619a5c52f: function(arg0, arg1) {
            const ret = getStringFromWasm0(wasm.__wbindgen_malloc(arg0), arg1);
        },
        __wbindgen_cast_0000000000000001: function(arg0) { return arg0; },
    };
    return { __proto__: null, "./app_bg.js": import0 };
}
export function wasm_memory_bytes() { return wasm.wasm_memory_bytes() >>> 0; }
`;
const MAPPING = {
  imports: [
    ['./app_bg.js', '__wbg_tagName_775bb05619a5c52f', '$'],
    ['./app_bg.js', '__wbindgen_cast_0000000000000001', '$a'],
  ],
  exports: [
    ['__wbindgen_malloc', 'a'],
    ['wasm_memory_bytes', 'b'],
  ],
};

test('the glue gets the short names: import keys, their module, and every wasm.<export>', () => {
  const out = renameInGlue(GLUE, MAPPING, 'a');
  assert.match(out, /\$: function\(arg0, arg1\)/);
  assert.match(out, /\$a: function\(arg0\)/);
  assert.match(out, /"a": import0/);
  assert.match(out, /wasm\.a\(arg0\)/);
  assert.match(out, /export function wasm_memory_bytes\(\) \{ return wasm\.b\(\)/);
  assert.ok(!/__wbg_tagName|__wbindgen_cast|app_bg|__wbindgen_malloc/.test(out), out);
});

test('the renaming refuses a glue that does not match the wasm', () => {
  const missingImport = { ...MAPPING, imports: [...MAPPING.imports, ['./app_bg.js', '__wbg_gone_1234', '$b']] };
  assert.throws(() => renameInGlue(GLUE, missingImport, 'a'), /__wbg_gone_1234: found 0 times/);
  const missingExport = { ...MAPPING, exports: MAPPING.exports.slice(1) };
  assert.throws(() => renameInGlue(GLUE, missingExport, 'a'), /wasm\.__wbindgen_malloc, which the wasm does not export/);
});
