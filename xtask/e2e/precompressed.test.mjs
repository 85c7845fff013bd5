// Pre-compressed delivery: every file of the release build has `.br` and `.gz` copies
// that decompress to exactly the file, and a host serving them (as nginx `brotli_static`
// does) delivers a page that loads and works.

import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readdir, readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

import { gzip } from '../precompress.mjs';

import { startApiServer } from '../api-server.mjs';
import { connect, launchBrowser, ROOT } from './harness.mjs';

const DIST = path.join(ROOT, 'dist');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };

/** A static server that sends `file.br` or `file.gz` when the browser accepts it. */
async function servePrecompressed(dir) {
  const served = [];
  const server = http.createServer(async (req, res) => {
    const name = new URL(req.url, 'http://x').pathname.replace(/^\/$/, '/index.html');
    const file = path.join(dir, path.normalize(name));
    const accepts = req.headers['accept-encoding'] ?? '';
    const encoding = accepts.includes('br') ? 'br' : accepts.includes('gzip') ? 'gzip' : null;
    const suffix = { br: '.br', gzip: '.gz' }[encoding] ?? '';
    try {
      const body = await readFile(file + suffix);
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        ...(encoding ? { 'Content-Encoding': encoding, Vary: 'Accept-Encoding' } : {}),
      });
      served.push({ name, encoding, bytes: body.length });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${server.address().port}`, served, close: () => server.close() };
}

let world;
before(async () => {
  const [api, site, browser] = await Promise.all([startApiServer(), servePrecompressed(DIST), launchBrowser()]);
  world = { api, site, browser };
});
after(async () => {
  await world?.browser.close();
  await Promise.all([world?.api.close(), world?.site.close()]);
});

test('every built file has .br and .gz copies that decompress to exactly the file', async () => {
  const files = (await readdir(DIST)).filter((f) => /\.(wasm|js|css|html)$/.test(f));
  assert.ok(files.some((f) => f.endsWith('.wasm')) && files.includes('index.html'), files.join(' '));
  for (const file of files) {
    const original = await readFile(path.join(DIST, file));
    assert.ok(brotliDecompressSync(await readFile(path.join(DIST, `${file}.br`))).equals(original), `${file}.br`);
    assert.ok(gunzipSync(await readFile(path.join(DIST, `${file}.gz`))).equals(original), `${file}.gz`);
  }
});

test('the .gz copy of the wasm is smaller than gzip -9 makes it (Zopfli)', async () => {
  const wasm = (await readdir(DIST)).find((f) => f.endsWith('.wasm'));
  const shipped = (await readFile(path.join(DIST, `${wasm}.gz`))).length;
  const level9 = gzip(await readFile(path.join(DIST, wasm))).length;
  assert.ok(shipped < level9, `.gz ${shipped} bytes, gzip -9 ${level9} bytes`);
});

for (const [encoding, acceptEncoding] of [['br', null], ['gzip', 'gzip']]) {
  test(`served pre-compressed (Content-Encoding: ${encoding}), the page loads and works`, async () => {
    world.site.served.length = 0;
    const context = await world.browser.newContext(
      acceptEncoding ? { extraHTTPHeaders: { 'Accept-Encoding': acceptEncoding } } : {},
    );
    const page = await context.newPage();
    await page.goto(`${world.site.url}/?org=testorg`);
    await connect(page, world);
    await page.getByTestId('key-count').filter({ hasText: '3 of 3 keys' }).waitFor();
    const wasm = world.site.served.find((s) => s.name.endsWith('.wasm'));
    assert.equal(wasm?.encoding, encoding, JSON.stringify(world.site.served));
    assert.ok(world.site.served.every((s) => s.encoding === encoding), JSON.stringify(world.site.served));
    await context.close();
  });
}
