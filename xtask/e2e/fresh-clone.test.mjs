// A Leptos developer's first minutes: plain `trunk build` in a fresh copy of the tree,
// with no npm package installed, gives a working page; a release build there says what
// to install instead of failing obscurely.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { launchBrowser, serveStatic, ROOT } from './harness.mjs';

let copy;
before(() => {
  copy = mkdtempSync(path.join(os.tmpdir(), 'key-explorer-clone-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT })
    .toString()
    .split('\0')
    .filter((f) => f && existsSync(path.join(ROOT, f)));
  for (const file of files) {
    mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    cpSync(path.join(ROOT, file), path.join(copy, file));
  }
  assert.ok(!existsSync(path.join(copy, 'xtask', 'node_modules')));
});
after(() => rmSync(copy, { recursive: true, force: true }));

test('plain `trunk build` in a fresh copy, with no npm package, gives a working page', async () => {
  // The compiled crates are shared with the other tests' builds: only the app compiles.
  const build = spawnSync('trunk', ['build'], {
    cwd: copy,
    env: { ...process.env, CARGO_TARGET_DIR: path.join(ROOT, 'target') },
    encoding: 'utf8',
  });
  assert.equal(build.status, 0, build.stderr + build.stdout);
  const html = readFileSync(path.join(copy, 'dist', 'index.html'), 'utf8');
  assert.match(html, /http-equiv="Content-Security-Policy"/, 'the development hook wrote the policy');

  const [site, browser] = await Promise.all([serveStatic(path.join(copy, 'dist')), launchBrowser()]);
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${site.url}/`);
    await page.getByRole('button', { name: 'Try with sample data' }).click();
    await page.getByTestId('key-count').filter({ hasText: '7 of 7 keys' }).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await site.close();
  }
});

test("a release build's steps, without xtask's npm packages, say what to install", () => {
  const staging = path.join(copy, 'staging');
  mkdirSync(staging);
  writeFileSync(path.join(staging, 'index.html'), '<!DOCTYPE html><html><head><meta charset="utf-8"/></head><body></body></html>');
  const hook = spawnSync('node', [path.join(copy, 'xtask', 'post-build.mjs')], {
    cwd: copy,
    env: { ...process.env, TRUNK_PROFILE: 'release', TRUNK_STAGING_DIR: staging, TRUNK_SOURCE_DIR: copy },
    encoding: 'utf8',
  });
  assert.notEqual(hook.status, 0);
  assert.match(hook.stderr, /a release build needs xtask's npm packages/);
  assert.match(hook.stderr, /Run `npm ci` in xtask\//);
});
