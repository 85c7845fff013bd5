// The source checker catches what it is for: an import cycle, a memo that writes.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { check } from './check-src.mjs';

function tree(files) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'check-src-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function checked(files) {
  const dir = tree(files);
  try {
    return check(dir);
  } finally {
    rmSync(dir, { recursive: true });
  }
}

test('a tree without cycles or writing memos passes', () => {
  assert.deepEqual(checked({
    'lib.rs': 'pub mod a;\npub mod views;\nuse crate::a::A;\n',
    'a.rs': 'pub struct A;\n',
    'views/mod.rs': 'mod row;\nuse row::Row;\nuse crate::a::A;\n',
    'views/row.rs': 'use super::super::a::A;\nfn f() { let t = token.expose(); }\n'.replace('token.expose()', '1'),
    'api.rs': 'fn send(t: &Token) { t.expose(); t.authorization(); }\n',
  }), []);
});

test('a cycle through use trees, inline paths, super and child modules is found', () => {
  const problems = checked({
    'lib.rs': 'pub mod chunks;\npub mod views;\n',
    'chunks.rs': 'use crate::views::{key_lookup::KeyBrowser, other};\n',
    'views/mod.rs': 'pub mod key_lookup;\n',
    'views/key_lookup/mod.rs': 'mod row;\npub use row::Row;\n',
    'views/key_lookup/row.rs': 'fn f() { crate::chunks::preload(); }\n',
  });
  assert.deepEqual(problems, [
    'import cycle: chunks.rs -> views/key_lookup/mod.rs -> views/key_lookup/row.rs -> chunks.rs',
  ]);
  assert.deepEqual(checked({
    'lib.rs': 'pub mod a;\n',
    'a/mod.rs': 'mod b;\nuse b::X;\n',
    'a/b.rs': 'use super::Y;\n',
  }), ['import cycle: a/b.rs -> a/mod.rs -> a/b.rs']);
});

test('paths in comments and strings are not dependencies', () => {
  assert.deepEqual(checked({
    'lib.rs': 'pub mod a;\npub mod b;\n',
    'a.rs': '// uses crate::b::B\nconst S: &str = "crate::b::B";\n',
    'b.rs': 'use crate::a::A;\n',
  }), []);
});

test('a memo that writes state is refused; one that reads is fine', () => {
  const problems = checked({
    'lib.rs': '',
    'view.rs': [
      'fn ok() { let m = Memo::new(move |_| query.with(|q| q.len())); }',
      'fn bad() {',
      '    let m = Memo::new(move |_| {',
      '        last.set_value(Some(1));',
      '        1',
      '    });',
      '}',
    ].join('\n'),
  });
  assert.deepEqual(problems, ['view.rs:3: a memo that writes state']);
});
