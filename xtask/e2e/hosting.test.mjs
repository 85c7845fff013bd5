// Static hosting: the release build copied under a sub-path of a plain static file server
// with no rewrite or fallback rules; shared links to both views, opened cold, work.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { startApiServer } from '../api-server.mjs';
import { connect, launchBrowser, ROOT, serveStatic } from './harness.mjs';

const SUB_PATH = '/tools/key-explorer/';
let world;
let root;

before(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'key-explorer-host-'));
  await cp(path.join(ROOT, 'dist'), path.join(root, ...SUB_PATH.split('/').filter(Boolean)), { recursive: true });
  const [api, site, browser] = await Promise.all([startApiServer(), serveStatic(root), launchBrowser()]);
  world = { api, site, browser };
});
after(async () => {
  await world?.browser.close();
  await Promise.all([world?.api.close(), world?.site.close()]);
  await rm(root, { recursive: true, force: true });
});

async function openCold(query) {
  const context = await world.browser.newContext();
  const page = await context.newPage();
  const failures = [];
  page.on('response', (r) => {
    if (r.url().startsWith(world.site.url) && r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(`${world.site.url}${SUB_PATH}${query}`);
  await page.getByLabel('Organization ID').waitFor();
  return { page, failures };
}

test('a shared privilege explorer link works under a sub-path', async () => {
  const { page, failures } = await openCold('?view=privileges&org=testorg&pq=source&pick=PLATFORM.SOURCE.VIEW');
  await page.getByRole('heading', { name: 'Privilege explorer' }).waitFor();
  await connect(page, world);
  await page.getByTestId('privilege-count').filter({ hasText: '1 of 6' }).waitFor();
  assert.match(await page.getByTestId('builder-json').innerText(), /"targetDomain": "SOURCE"/);
  const keyLookup = await page.getByRole('link', { name: 'Key lookup' }).getAttribute('href');
  assert.ok(keyLookup.startsWith(SUB_PATH), keyLookup);
  assert.deepEqual(failures, []);
  await page.context().close();
});

test('a shared key lookup link works under a sub-path, and so does reloading it', async () => {
  const { page, failures } = await openCold('index.html?org=testorg&q=source&key=wduuqg3ip2c3i3gpopapxhcgxe');
  await connect(page, world);
  await page.getByTestId('key-details').waitFor();
  assert.equal(await page.getByTestId('key-count').innerText(), '1 of 3 keys');
  await page.getByRole('link', { name: 'Privilege explorer' }).click();
  await page.waitForURL(/view=privileges/);
  await page.reload();
  await page.getByRole('heading', { name: 'Privilege explorer' }).waitFor();
  assert.ok(new URL(page.url()).pathname.startsWith(SUB_PATH));
  assert.deepEqual(failures, []);
  await page.context().close();
});

test('the build is minified, and every integrity hash in index.html is that of the file it names', async () => {
  const dist = path.join(ROOT, 'dist');
  const html = await readFile(path.join(dist, 'index.html'), 'utf8');
  const pinned = [...html.matchAll(/<link\b[^>]*>/g)]
    .map(([tag]) => [/href="?\.\/([^" >]+)/.exec(tag)?.[1], /integrity="?(sha384-[^" >]+)/.exec(tag)?.[1]])
    .filter(([file, hash]) => file && hash);
  assert.ok(pinned.some(([file]) => file.endsWith('.js')), 'the JavaScript is pinned');
  for (const [file, hash] of pinned) {
    const bytes = await readFile(path.join(dist, file));
    assert.equal(`sha384-${createHash('sha384').update(bytes).digest('base64')}`, hash, file);
    if (file.endsWith('.js')) assert.ok(bytes.toString().split('\n').length < 40, `${file} is minified`);
  }
});
