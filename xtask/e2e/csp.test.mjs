// The Content-Security-Policy of the build: scripts from the page's origin only, and
// connections only to the page's origin, Coveo's hosts and (in the test build only)
// loopback's 127.0.0.1. Any other host is refused by the browser.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { COVEO_HOSTS, policy, withPolicy } from '../csp.mjs';
import { startWorld, openApp, connect, ROOT } from './harness.mjs';

let world;
before(async () => { world = await startWorld(); });
after(async () => { await world?.close(); });

function builtPolicy() {
  const html = readFileSync(path.join(ROOT, 'dist', 'index.html'), 'utf8');
  return /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)[1];
}

test('the policy goes right after the charset, as written or as minified; no charset fails the build', () => {
  const loader = '<script type=module>init()</script>';
  for (const charset of ['<meta charset="utf-8" />', '<meta charset=utf-8>']) {
    const html = withPolicy(`<!doctype html><html><head>${charset}<title>t</title>${loader}</head></html>`);
    assert.ok(html.indexOf('Content-Security-Policy') > html.indexOf(charset), charset);
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'), charset);
  }
  assert.throws(() => withPolicy(`<html><head>${loader}</head></html>`), /no <meta charset>/);
});

test('the test build differs from the release policy only by loopback', () => {
  const built = builtPolicy();
  const hashes = [...built.matchAll(/'sha256-([^']+)'/g)].map((m) => m[1]);
  assert.equal(hashes.length, 2, "the page guard and Trunk's loader, both inline");
  assert.equal(built, policy(hashes, ['http://127.0.0.1:*']));
  const release = policy(hashes);
  assert.match(release, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.equal(release.match(/connect-src ([^;]+)/)[1], `'self' ${COVEO_HOSTS.join(' ')}`);
  assert.doesNotMatch(release, /127\.0\.0\.1|localhost|unsafe-inline|\*/);
});

test('the policy allows exactly the hosts the app offers as regions', async () => {
  const page = await openApp(world);
  // Each region the select offers, and where the destination line says it sends.
  const hosts = [];
  for (const code of await page.locator('#region option').evaluateAll((os) => os.map((o) => o.value))) {
    await page.locator('#region').selectOption(code);
    hosts.push(await page.getByTestId('destination').innerText());
  }
  assert.equal(hosts.length, 5);
  assert.deepEqual(builtPolicy().match(/connect-src 'self' ([^;]+)/)[1].split(' ').filter((h) => h.startsWith('https://')), hosts);
  await page.context().close();
});

test('a connection to any other host is refused by the policy', async () => {
  const page = await openApp(world);
  await page.evaluate(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  const seen = world.api.requests.length;
  await connect(page, world);
  await page.getByTestId('key-count').waitFor();

  // Same test server, other host name: not in the policy.
  // The app itself refuses such a base before sending (hostile.test.mjs); the browser
  // refuses any script's request there too.
  const other = world.api.url.replace('127.0.0.1', 'localhost');
  const outcome = await page.evaluate(
    (url) => fetch(url).then(() => 'reached', () => 'refused'),
    `${other}/rest/organizations/testorg/apikeys`,
  );
  assert.equal(outcome, 'refused');
  const violations = await page.evaluate(() => window.__violations);
  assert.ok(violations.some((v) => v.startsWith('connect-src') && v.includes('localhost')), JSON.stringify(violations));
  const reached = world.api.requests.slice(seen);
  assert.ok(reached.some((r) => r.host.startsWith('127.0.0.1:')), 'the allowed host was reached');
  assert.deepEqual(reached.filter((r) => !r.host.startsWith('127.0.0.1:')), [], 'no other host was reached');
  await page.context().close();
});
