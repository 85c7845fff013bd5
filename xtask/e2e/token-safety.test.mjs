// The token after a full session of use: only in its password field (and, when the user
// asks, in this tab's sessionStorage), and only ever sent to the chosen API base.

import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';

import { startWorld, openApp, connect, showForm, TEST_TOKEN } from './harness.mjs';

let world;
before(async () => { world = await startWorld(); });
after(async () => { await world?.close(); });
// A scenario a test queued and did not use up must not reach the next test.
afterEach(() => world.api.clearQueued());

async function everywhereButTheField(page) {
  return page.evaluate(async () => {
    const dbs = indexedDB.databases ? await indexedDB.databases() : [];
    const field = document.getElementById('access-token');
    const markup = document.documentElement.outerHTML;
    return {
      url: location.href,
      history: history.length,
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
      cookies: document.cookie,
      indexedDb: JSON.stringify(dbs),
      markup,
      text: document.body.innerText.replace(field?.value ?? '', ''),
    };
  });
}

test('after a full session, the token is nowhere but its field and its requests', async () => {
  const page = await openApp(world, '?view=privileges');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: world.site.url });
  const sentTo = new Set();
  page.on('request', (r) => {
    if (Object.values(r.headers()).some((v) => v.includes(TEST_TOKEN))) sentTo.add(new URL(r.url()).origin);
    assert.ok(!r.url().includes(TEST_TOKEN), `token in a request URL: ${r.url()}`);
  });
  await connect(page, world);
  await page.getByTestId('privilege-count').waitFor();
  await page.getByLabel('Filter privileges').fill('source');
  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  await page.getByRole('link', { name: 'Key lookup' }).click();
  await page.getByLabel('Filter keys').fill('my');
  world.api.failNext('testorg', 'org-401', { route: 'apikeys' });
  await showForm(page);
  await page.getByRole('button', { name: 'Retry' }).or(page.getByRole('button', { name: 'Load' })).first().click();
  await page.getByTestId('error').waitFor();

  const seen = await everywhereButTheField(page);
  for (const [where, value] of Object.entries(seen)) {
    assert.ok(!String(value).includes(TEST_TOKEN), `token found in ${where}`);
  }
  assert.equal(seen.session, '{}');
  assert.ok(!link.includes(TEST_TOKEN));
  assert.ok(!page.consoleMessages.join('\n').includes(TEST_TOKEN));
  assert.deepEqual([...sentTo], [world.api.url]);

  await page.reload();
  await page.getByLabel('Access token').waitFor();
  assert.equal(await page.getByLabel('Access token').inputValue(), '', 'memory only by default');
  await page.context().close();
});

test('"Remember for this tab" keeps the token in sessionStorage until "Forget token"', async () => {
  const page = await openApp(world);
  await page.getByLabel('Remember for this tab').check();
  await connect(page, world);
  await page.getByTestId('key-count').waitFor();
  assert.equal(await page.evaluate(() => sessionStorage.getItem('coveo-key-explorer.token')), TEST_TOKEN);
  assert.equal(await page.evaluate(() => localStorage.length), 0);

  await page.reload();
  await page.getByLabel('Access token').waitFor();
  assert.equal(await page.getByLabel('Access token').inputValue(), TEST_TOKEN);
  assert.ok(await page.getByLabel('Remember for this tab').isChecked());

  await page.getByRole('button', { name: 'Forget token' }).click();
  assert.equal(await page.getByLabel('Access token').inputValue(), '');
  assert.equal(await page.evaluate(() => sessionStorage.length), 0);
  await page.reload();
  await page.getByLabel('Access token').waitFor();
  assert.equal(await page.getByLabel('Access token').inputValue(), '');
  await page.context().close();
});

// Regression: every list kept its last request, token included, so Retry, the list switch
// and the automatic 429 retry went on sending a forgotten token. After "Forget token" the
// test API's log must not grow, whatever the user (or the page) does.
async function forgetThenExpectNoRequest(page, act) {
  await showForm(page);
  await page.getByRole('button', { name: 'Forget token' }).click();
  assert.equal(await page.getByLabel('Access token').inputValue(), '');
  const before = world.api.requests.length;
  await act();
  await page.getByTestId('error').filter({ hasText: 'An access token is needed' }).first().waitFor();
  assert.deepEqual(world.api.requests.slice(before), [], 'requests after "Forget token"');
}

test('after "Forget token", the custom-key switch sends nothing and says a token is needed', async () => {
  const page = await openApp(world, '?view=privileges');
  await connect(page, world);
  await page.getByTestId('privilege-count').filter({ hasText: '6 of 6' }).waitFor();
  await forgetThenExpectNoRequest(page, () => page.getByLabel('Only those allowed in a custom key').check());
  await page.getByLabel('Access token').fill(TEST_TOKEN);
  await page.getByRole('button', { name: 'Retry' }).click();
  await page.getByTestId('privilege-count').filter({ hasText: '4 of 4' }).waitFor();
  await page.context().close();
});

test('after "Forget token", Retry of a failed list sends nothing', async () => {
  const page = await openApp(world);
  world.api.failNext('testorg', 'org-500', { route: 'apikeys' });
  await connect(page, world);
  await page.getByTestId('error').waitFor();
  await forgetThenExpectNoRequest(page, () => page.getByRole('button', { name: 'Retry' }).click());
  await page.context().close();
});

test('after "Forget token", Retry of a refused list sends nothing, token check included', async () => {
  const page = await openApp(world);
  world.api.failNext('testorg', 'org-401', { route: 'apikeys' });
  await connect(page, world);
  await page.getByTestId('token-check').filter({ hasText: 'Token check:' }).waitFor();
  await forgetThenExpectNoRequest(page, () => page.getByRole('button', { name: 'Retry' }).click());
  assert.equal(await page.getByTestId('token-check').count(), 0);
  await page.context().close();
});

test('after "Forget token", a throttled list stops retrying by itself', async () => {
  const page = await openApp(world);
  const throttled = { status: 429, headers: { 'Retry-After': '2' }, json: { errorCode: 'TOO_MANY_REQUESTS' } };
  world.api.failNext('testorg', throttled, { route: 'apikeys', times: 10 });
  const seen = world.api.requests.length;
  await connect(page, world);
  await page.getByRole('button', { name: /Retrying in \d s/ }).waitFor();
  await forgetThenExpectNoRequest(page, async () => {});
  // An absence needs a wait: over twice the 2 s Coveo asked for.
  await page.waitForTimeout(4_500);
  assert.equal(world.api.requests.slice(seen).filter((r) => r.path === '/rest/organizations/testorg/apikeys').length, 1);
  await page.context().close();
});

test('"Forget token" aborts what follows the key list in flight: the templates and the region', async () => {
  const page = await openApp(world);
  const slow = { delayMs: 4_000 };
  world.api.failNext('testorg', slow, { route: 'templates/apikeys' });
  world.api.failNext('testorg', slow, { route: 'global' });
  const aborted = new Set();
  page.on('requestfailed', (r) => aborted.add(new URL(r.url()).pathname));
  const finished = new Set();
  page.on('requestfinished', (r) => finished.add(new URL(r.url()).pathname));
  await connect(page, world);
  await page.getByTestId('key-count').waitFor();
  await showForm(page);
  await page.getByRole('button', { name: 'Forget token' }).click();
  const followers = ['/rest/organizations/testorg/templates/apikeys', '/rest/global/organizations/testorg'];
  for (const path of followers) {
    await expectSoon(() => aborted.has(path), `${path} aborted by "Forget token"`);
    assert.ok(!finished.has(path), `${path} finished after "Forget token"`);
  }
  // The keys already loaded stay.
  await page.getByTestId('key-count').waitFor();
  await page.context().close();
});

/** Waits up to 5 s for `ok()`. */
async function expectSoon(ok, what) {
  for (let i = 0; i < 50 && !ok(); i++) await new Promise((r) => setTimeout(r, 100));
  assert.ok(ok(), what);
}

/** Every address the page has written or links to: the address bar, each history entry
 * (walked back and forth), "Copy link", and every link's href. */
async function everyLink(page) {
  const links = await page.evaluate(() => [location.href, ...[...document.querySelectorAll('a[href]')].map((a) => a.href)]);
  const copy = page.getByRole('button', { name: 'Copy link' });
  if (await copy.count()) {
    await copy.first().click();
    links.push(await page.evaluate(() => navigator.clipboard.readText()));
  }
  const entries = await page.evaluate(() => history.length);
  for (let i = 1; i < entries; i++) {
    await page.goBack({ waitUntil: 'commit' }).catch(() => {});
    links.push(page.url());
  }
  return links;
}

test('no link, history entry or copied link carries the token or a key value, wherever it was typed', async () => {
  const page = await openApp(world, '?view=privileges');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: world.site.url });
  await connect(page, world);
  await page.getByTestId('privilege-count').waitFor();
  const keyValue = 'xx8c1b2a3d-4e5f-6a7b-8c9d-0e1f2a3b1b3e';
  // A call copied from a log, credentials and all.
  await page.getByLabel('Find by API operation').fill(
    `GET https://platform.cloud.coveo.com/rest/organizations/testorg/sources/${keyValue}?access_token=${TEST_TOKEN}`,
  );
  await page.getByLabel('Filter privileges').fill(`source ${TEST_TOKEN}`);
  await page.waitForFunction(() => location.search.includes('op='));
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('op'), 'GET /rest/organizations/testorg/sources/{value}');
  assert.equal(url.searchParams.get('pq'), 'source');
  // The key filter, given a key value, points to "Which key is this value?".
  await page.getByRole('link', { name: 'Key lookup' }).click();
  await page.getByLabel('Filter keys').fill(keyValue);
  const hint = page.getByTestId('key-value-in-filter');
  await hint.waitFor();
  await page.waitForTimeout(400); // past the URL's typing pause
  const links = await everyLink(page);
  for (const link of links) {
    assert.ok(!link.includes(TEST_TOKEN), `token in ${link}`);
    assert.ok(!decodeURIComponent(link).toLowerCase().includes('8c1b2a3d-4e5f'), `key value in ${link}`);
    assert.ok(!link.includes('access_token'), `the call's query string in ${link}`);
  }
  assert.ok(links.length >= 5, `${links.length} addresses looked at`);
  await page.goForward({ waitUntil: 'commit' }).catch(() => {});
  await page.context().close();
});

test('a key value typed in "Filter keys" moves to "Which key is this value?" in one click', async () => {
  const page = await openApp(world);
  await connect(page, world);
  await page.getByTestId('key-count').waitFor();
  const keyValue = 'xx8c1b2a3d-4e5f-6a7b-8c9d-0e1f2a3b1b3e';
  await page.getByLabel('Filter keys').fill(`  ${keyValue}`);
  await page.getByTestId('key-value-in-filter').getByRole('button').click();
  assert.equal(await page.getByLabel('Identify a key by its value').inputValue(), keyValue);
  assert.equal(await page.getByLabel('Filter keys').inputValue(), '');
  await page.getByTestId('identify-result').waitFor();
  assert.equal(await page.getByTestId('key-value-in-filter').count(), 0);
  assert.ok(!page.url().includes('8c1b2a3d'));
  await page.context().close();
});
