// Every failure the API or the network can produce, in the release build in headless
// Chromium: a specific message naming the cause, the page still usable, and a Retry that
// recovers once the cause is gone.

import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';

import { startApiServer } from '../api-server.mjs';
import { startWorld, openApp, connect, setBase, TEST_TOKEN } from './harness.mjs';

let world;
before(async () => { world = await startWorld(); });
after(async () => { await world?.close(); });
// A scenario a test queued and did not use up must not reach the next test.
afterEach(() => world.api.clearQueued());

const SCENARIOS = [
  { name: '401 token refused', scenario: 'org-401', title: 'The access token was refused (401)', detail: 'INVALID_TOKEN' },
  { name: '403 missing privilege', scenario: 'org-403', title: 'The access token is not allowed to do this (403)', detail: 'ACCESS_DENIED', advice: 'An API key can never call these endpoints' },
  { name: '404 unknown organization', scenario: { status: 404, json: { errorCode: 'ORGANIZATION_NOT_FOUND', message: 'Not here.' } }, title: 'Organization not found (404)', advice: 'region' },
  { name: '429 rate limited', scenario: 'org-429', title: 'Too many requests (429)', advice: 'wait 3 seconds', retriesItself: true },
  { name: '500 with an HTML body', scenario: 'org-500', title: "Coveo's server failed (500)" },
  { name: '502 from a gateway', scenario: { status: 502, html: '<html>Bad gateway</html>' }, title: "Coveo's server failed (502)" },
  { name: '503 with an HTML body', scenario: { status: 503, html: '<html><h1>Service Unavailable</h1></html>' }, title: "Coveo's server failed (503)" },
  { name: 'a list cut short', scenario: 'org-badjson', title: 'The answer was cut short', advice: 'connection dropped' },
  { name: 'a portal page instead of JSON', scenario: 'org-portal', title: 'The answer is not JSON', advice: 'captive portal' },
  { name: 'JSON of the wrong shape', scenario: 'org-wrongshape', title: 'The answer is not the expected list', advice: 'an object' },
  { name: 'no CORS headers', scenario: 'org-nocors', title: 'Could not reach 127.0.0.1', advice: 'same-origin proxy' },
];

for (const { name, scenario, title, detail, advice, retriesItself } of SCENARIOS) {
  test(`${name}: says so, then recovers on Retry`, async () => {
    const page = await openApp(world);
    world.api.failNext('testorg', scenario, { route: 'apikeys' });
    await connect(page, world);
    const error = page.getByTestId('error');
    await error.waitFor();
    const shown = await error.innerText();
    assert.ok(shown.includes(title), shown);
    if (detail) assert.ok(shown.includes(detail), shown);
    if (advice) assert.ok(shown.includes(advice), shown);
    assert.match(shown, /Request ID|not JSON|cut short|not the expected|Could not reach|\(50[023]\)/);

    // The rest of the page stays usable: the other view loaded fine.
    await page.getByRole('link', { name: 'Privilege explorer' }).click();
    await page.getByTestId('owner-group').first().waitFor();
    await page.getByRole('link', { name: 'Key lookup' }).click();

    if (retriesItself) {
      // Retry-After is honoured: no retry before the wait, then one by itself.
      const retry = page.getByRole('button', { name: /Retrying in \d s/ });
      assert.ok(await retry.isDisabled());
    } else {
      await page.getByRole('button', { name: 'Retry' }).click();
    }
    await page.getByTestId('list-count').filter({ hasText: '3 API keys' }).waitFor();
    assert.equal(await page.getByTestId('error').count(), 0);
    await page.context().close();
  });
}

test('429: the automatic retry waits out Retry-After', async () => {
  const page = await openApp(world);
  world.api.failNext('testorg', 'org-429', { route: 'apikeys' });
  const seen = world.api.requests.length;
  await connect(page, world);
  await page.getByTestId('error').waitFor();
  const failedAt = Date.now();
  await page.getByTestId('list-count').filter({ hasText: '3 API keys' }).waitFor();
  const retried = world.api.requests.slice(seen).filter((r) => r.path === '/rest/organizations/testorg/apikeys');
  assert.equal(retried.length, 2, 'one failed call, one retry');
  assert.ok(Date.now() - failedAt >= 2500, `retried after ${Date.now() - failedAt} ms`);
  await page.context().close();
});

test("429: one automatic retry, then Retry is the user's, however long Coveo keeps throttling", async () => {
  const page = await openApp(world);
  const throttled = { status: 429, headers: { 'Retry-After': '1' }, json: { errorCode: 'TOO_MANY_REQUESTS' } };
  world.api.failNext('testorg', throttled, { route: 'apikeys', times: 20 });
  const seen = world.api.requests.length;
  await connect(page, world);
  const calls = () => world.api.requests.slice(seen).filter((r) => r.path === '/rest/organizations/testorg/apikeys').length;
  const retry = page.getByRole('button', { name: 'Retry', exact: true });
  await page.waitForFunction(() => !document.querySelector('[data-testid=automatic-retry]'), null, { timeout: 10_000 });
  await retry.waitFor({ timeout: 10_000 });
  assert.ok(await retry.isEnabled());
  // An absence needs a wait: several times the 1 s Coveo asks for.
  await page.waitForTimeout(4_000);
  assert.equal(calls(), 2, 'the first call and one automatic retry');
  assert.equal(await page.getByRole('button', { name: 'Stop retrying' }).count(), 0);
  await page.context().close();
});

test('429: an absurd Retry-After is clamped to 120 s', async () => {
  const page = await openApp(world);
  const throttled = { status: 429, headers: { 'Retry-After': '4294967295' }, json: { errorCode: 'TOO_MANY_REQUESTS' } };
  world.api.failNext('testorg', throttled, { route: 'apikeys' });
  await connect(page, world);
  const waiting = page.getByRole('button', { name: /Retrying in \d+ s/ });
  await waiting.waitFor();
  const seconds = Number((await waiting.innerText()).match(/\d+/)[0]);
  assert.ok(seconds <= 120 && seconds >= 115, `${seconds} s`);
  assert.ok((await page.getByTestId('error').innerText()).includes('wait 120 seconds'));
  await page.context().close();
});

test('429: the automatic retry ends when an input changes', async () => {
  const page = await openApp(world);
  const throttled = { status: 429, headers: { 'Retry-After': '2' }, json: { errorCode: 'TOO_MANY_REQUESTS' } };
  world.api.failNext('testorg', throttled, { route: 'apikeys' });
  const seen = world.api.requests.length;
  await connect(page, world);
  await page.getByTestId('automatic-retry').waitFor();
  // The token changes (the organization and host do not): the retry is not sent for it.
  await page.getByLabel('Access token').fill(`${TEST_TOKEN}x`);
  const retry = page.getByRole('button', { name: 'Retry', exact: true });
  await retry.waitFor();
  assert.ok(await retry.isEnabled());
  assert.equal(await page.getByTestId('automatic-retry').count(), 0);
  await page.waitForTimeout(3_000);
  assert.equal(world.api.requests.slice(seen).filter((r) => r.path === '/rest/organizations/testorg/apikeys').length, 1);
  await page.context().close();
});

test('429: "Stop retrying" ends the countdown, and Retry is for the user', async () => {
  const page = await openApp(world);
  world.api.failNext('testorg', 'org-429', { route: 'apikeys' });
  const seen = world.api.requests.length;
  await connect(page, world);
  await page.getByRole('button', { name: 'Stop retrying' }).click();
  const retry = page.getByRole('button', { name: 'Retry', exact: true });
  assert.ok(await retry.isEnabled());
  // An absence needs a wait: past the 3 s Coveo asked for.
  await page.waitForTimeout(3_500);
  assert.equal(world.api.requests.slice(seen).filter((r) => r.path === '/rest/organizations/testorg/apikeys').length, 1);
  await retry.click();
  await page.getByTestId('list-count').filter({ hasText: '3 API keys' }).waitFor();
  await page.context().close();
});

test('connection refused: names the host, then recovers once the server is up', async () => {
  const probe = await startApiServer();
  const port = probe.port;
  await probe.close();

  const page = await openApp(world);
  await connect(page, world);
  await page.getByTestId('list-count').filter({ hasText: '3 API keys' }).waitFor();
  await setBase(page, `http://127.0.0.1:${port}`);
  await page.getByRole('button', { name: 'Load' }).click();
  const error = page.getByTestId('error').first();
  await error.waitFor();
  assert.match(await error.innerText(), new RegExp(`Could not reach 127\\.0\\.0\\.1:${port} \\(network or CORS\\)`));

  const revived = await startApiServer({ port });
  try {
    await page.getByRole('button', { name: 'Retry' }).first().click();
    await page.getByTestId('list-count').filter({ hasText: '3 API keys' }).waitFor();
  } finally {
    await revived.close();
  }
  await page.context().close();
});

test('timeout: a response slower than 20 s is abandoned with a message, and Retry recovers', async () => {
  const page = await openApp(world);
  world.api.failNext('testorg', { delayMs: 23_000 }, { route: 'apikeys' });
  await connect(page, world);
  await page.getByTestId('loading').filter({ hasText: /… 5 s/ }).waitFor({ timeout: 10_000 });
  const error = page.getByTestId('error');
  await error.waitFor({ timeout: 25_000 });
  assert.match(await error.innerText(), /No answer after 20 seconds/);
  await page.getByRole('button', { name: 'Retry' }).click();
  await page.getByTestId('list-count').filter({ hasText: '3 API keys' }).waitFor();
  await page.context().close();
});

// Regression: the countdown lived in the error panel: "Stop retrying", a switch to the
// other view and back started it again and sent the request; a throttled list whose view
// was not shown never retried.
test('429: "Stop retrying" holds across view switches, and a list retries whether or not its view is shown', async () => {
  const page = await openApp(world);
  world.api.failNext('testorg', 'org-429', { route: 'apikeys' });
  const seen = world.api.requests.length;
  await connect(page, world);
  await page.getByRole('button', { name: 'Stop retrying' }).click();
  for (const view of ['Privilege explorer', 'Key lookup', 'Privilege explorer', 'Key lookup']) {
    await page.getByRole('link', { name: view }).click();
  }
  assert.equal(await page.getByRole('button', { name: /Retrying in/ }).count(), 0);
  // An absence needs a wait: past the 3 s Coveo asked for.
  await page.waitForTimeout(3_500);
  const keyLists = () => world.api.requests.slice(seen).filter((r) => r.path === '/rest/organizations/testorg/apikeys');
  assert.equal(keyLists().length, 1, 'no request after "Stop retrying"');

  // Throttled again, and the other view shown throughout the wait: it retries, once.
  world.api.failNext('testorg', { status: 429, headers: { 'Retry-After': '1' }, json: { errorCode: 'TOO_MANY_REQUESTS' } }, { route: 'apikeys' });
  await page.getByRole('button', { name: 'Retry', exact: true }).click();
  await page.getByRole('button', { name: /Retrying in \d s/ }).waitFor();
  await page.getByRole('link', { name: 'Privilege explorer' }).click();
  await page.waitForTimeout(2_500);
  assert.equal(keyLists().length, 3, 'the user\'s Retry, then the automatic one');
  await page.getByRole('link', { name: 'Key lookup' }).click();
  await page.getByTestId('list-count').filter({ hasText: '3 API keys' }).waitFor();
  await page.context().close();
});
