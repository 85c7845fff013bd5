// A hostile or broken API, in the release build in headless Chromium: redirects, echoed
// tokens, huge bodies, absurd nesting, a refused API base, framing by another origin.
// The page stays usable and says what happened, and nothing reaches another host.

import assert from 'node:assert/strict';
import http from 'node:http';
import { after, afterEach, before, test } from 'node:test';

import { HOSTILE_ORG_PAGES, ORGANIZATION_LIST, startApiServer } from '../api-server.mjs';
import { startWorld, openApp, connect, setBase, showForm, useTestApi, TEST_TOKEN } from './harness.mjs';

let world;
before(async () => { world = await startWorld(); });
after(async () => { await world?.close(); });
afterEach(() => world.api.clearQueued());

test('a redirect to another origin is not followed, and the message names it', async () => {
  const elsewhere = await startApiServer();
  try {
    const page = await openApp(world);
    world.api.failNext('testorg', {
      status: 302,
      headers: { Location: `${elsewhere.url}/rest/organizations/testorg/apikeys` },
      json: {},
    }, { route: 'apikeys' });
    await connect(page, world);
    const error = page.getByTestId('error');
    await error.waitFor();
    const shown = await error.innerText();
    assert.match(shown, /answered with a redirect, which is not followed/);
    assert.deepEqual(elsewhere.requests, [], 'the redirect target was never asked');
    await page.getByRole('button', { name: 'Retry' }).click();
    await page.getByTestId('list-count').filter({ hasText: '3 API keys' }).waitFor();
    await page.context().close();
  } finally {
    await elsewhere.close();
  }
});

/** Serves one page, `html`, from another loopback origin than the app's. */
async function otherOrigin(html) {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(html);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

// Regression: a page on another origin framed the app at 1% opacity, and a click through
// it ticked "Remember for this tab".
test('framed by another origin, the app draws no input and links to itself', async () => {
  const app = `${world.site.url}/?org=testorg&view=privileges`;
  const framer = await otherOrigin(`<!doctype html><title>framer</title><iframe src="${app}" style="opacity:0.01;width:1200px;height:800px"></iframe>`);
  try {
    const context = await world.browser.newContext();
    const page = await context.newPage();
    await page.goto(framer.url);
    const frame = page.frameLocator('iframe');
    const notice = frame.getByTestId('framed');
    await notice.waitFor();
    assert.match(await notice.innerText(), /does not run inside another page/);
    const link = notice.getByRole('link', { name: 'Open Coveo Key Explorer on its own' });
    assert.equal(await link.getAttribute('href'), app);
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.match(await link.getAttribute('rel'), /noopener/);
    // The app's wasm has run (its chunk loader and the glue are fetched) and drew nothing:
    // an absence needs a wait, longer than the app takes to show its form top-level.
    await page.waitForTimeout(2_000);
    assert.equal(await frame.locator('input, select, button').count(), 0);
    assert.equal(await frame.getByTestId('framed').count(), 1);

    // The same page opened on its own works.
    const own = await context.newPage();
    await own.goto(app);
    await own.getByLabel('Organization ID').waitFor();
    assert.equal(await own.getByLabel('Organization ID').inputValue(), 'testorg');
    await context.close();
  } finally {
    await framer.close();
  }
});

// Regression: only exact copies of the token were redacted.
test('a server echoing the token in any form shows none of it', async () => {
  const page = await openApp(world);
  world.api.failNext('testorg', 'org-echo', { route: 'apikeys' });
  await connect(page, world);
  const error = page.getByTestId('error');
  await error.waitFor();
  const shown = (await error.innerText()).toLowerCase();
  assert.match(shown, /refused: \[token\]/);
  for (let at = 0; at + 12 <= TEST_TOKEN.length; at++) {
    assert.ok(!shown.includes(TEST_TOKEN.slice(at, at + 12).toLowerCase()), `a run of the token at ${at}`);
  }
  const base64 = Buffer.from(`Bearer ${TEST_TOKEN}`).toString('base64');
  assert.ok(!shown.includes(base64.slice(12, 24).toLowerCase()), 'its base64');
  await page.context().close();
});

test('entries too large or nested too deeply are left out and counted; the list still loads', async () => {
  const page = await openApp(world);
  world.api.failNext('testorg', 'org-bigentries', { route: 'apikeys' });
  await connect(page, world);
  await page.getByTestId('list-count').filter({ hasText: '3 API keys' }).waitFor();
  assert.match(await page.getByTestId('skipped').innerText(), /3 over 1 MB, the most one entry may take/);

  world.api.failNext('testorg', 'org-deep', { route: 'apikeys' });
  await showForm(page);
  await page.getByRole('button', { name: 'Load' }).click();
  await page.getByTestId('list-count').filter({ hasText: '2 API keys' }).waitFor();
  assert.match(await page.getByTestId('skipped').innerText(), /1 entry was not readable/);
  await page.context().close();
});

// Regression: a 1.1 GB body grew the wasm memory to 2 GB.
test('a body over 64 MB is refused as too large, and Retry recovers', async () => {
  const page = await openApp(world);
  world.api.failNext('testorg', 'org-hugebody', { route: 'apikeys' });
  await connect(page, world);
  const error = page.getByTestId('error');
  await error.waitFor({ timeout: 30_000 });
  assert.match(await error.innerText(), /The answer is too large \(over 64 MB\)/);
  await page.getByRole('button', { name: 'Retry' }).click();
  await page.getByTestId('list-count').filter({ hasText: '3 API keys' }).waitFor();
  await page.context().close();
});

// Regression: an API base the CSP refuses ended in "network or CORS" while the page said
// the token was sent there.
test('an API base the page policy refuses is refused at Load, naming the policy, and nothing is sent', async () => {
  const page = await openApp(world);
  const seen = world.api.requests.length;
  // The test build's policy allows loopback as 127.0.0.1 only: localhost is the same
  // server under a name the policy does not list.
  const refused = world.api.url.replace('127.0.0.1', 'localhost');
  await page.getByLabel('Organization ID').fill('testorg');
  await setBase(page, refused);
  await page.getByLabel('Access token').fill(TEST_TOKEN);
  const destination = await page.getByTestId('destination').innerText();
  assert.match(destination, /Content-Security-Policy \(connect-src\) does not allow localhost:\d+/);
  await page.getByRole('button', { name: 'Load' }).click();
  const problem = await page.getByTestId('form-error').innerText();
  assert.match(problem, /allows connections only to this page's own server, https:\/\/platform\.cloud\.coveo\.com/);
  assert.match(problem, /http:\/\/127\.0\.0\.1:\*/);
  await page.waitForTimeout(500);
  assert.deepEqual(world.api.requests.slice(seen), [], 'nothing was sent');
  assert.equal(await page.getByTestId('error').count(), 0, 'no network failure either');
  await page.context().close();
});

// Regression: 100,000 owners, types or targets froze the tab for minutes; a 1 MB name
// matching the filter made a million `<mark>`s.
test('hostile sizes show paged chips and clipped texts, each whole one click away', async () => {
  const page = await openApp(world, '?view=privileges');
  await connect(page, world, { org: 'hostile-owners' });
  await page.getByTestId('owner-group').first().waitFor({ timeout: 60_000 });
  const owners = page.getByRole('group', { name: 'Owner' });
  assert.equal(await owners.locator('.chip-toggle').count(), 40);
  // The row shows what fits; "More" unfolds the rest, and the next page of chips.
  await page.locator('.chip-row', { has: owners }).getByRole('button', { name: /^More \(\d+\)$/ }).click();
  await owners.getByRole('button', { name: 'Show 40 more of 100,000' }).click();
  assert.equal(await owners.locator('.chip-toggle').count(), 80);
  assert.match(await page.getByTestId('privilege-count').innerText(), /100,000 of 100,000 privileges/);
  // A section per owner, 40 at a time.
  assert.equal(await page.getByTestId('owner-group').count(), 40);
  assert.match(await page.locator('.more-rows').innerText(), /Showing 40 of 100,000 target domains/);
  await page.getByRole('button', { name: 'Show more', exact: true }).click();
  await page.locator('.more-rows').filter({ hasText: 'Showing 80 of 100,000' }).waitFor();
  assert.equal(await page.getByTestId('owner-group').count(), 80);

  await showForm(page);
  await page.getByLabel('Organization ID').fill('hostile-types');
  await page.getByRole('button', { name: 'Load' }).click();
  const row = page.getByTestId('owner-group').first().locator('tbody tr').first();
  await row.getByRole('button', { name: 'Show 24 more of 20,000 types' }).waitFor({ timeout: 60_000 });
  assert.equal(await row.locator('.type-chip').count(), 24);

  await showForm(page);
  await page.getByLabel('Organization ID').fill('hostile-targets');
  await page.getByRole('button', { name: 'Load' }).click();
  const targets = page.getByTestId('owner-group').first().locator('td.targets').first();
  const more = targets.getByRole('button', { name: 'Show 1,000 more of 100,000' });
  await more.waitFor({ timeout: 60_000 });
  assert.ok((await targets.innerText()).length < 1_000);
  await more.click();
  await targets.filter({ hasText: 'source-001019…' }).waitFor();
  assert.doesNotMatch(await targets.innerText(), /source-001020/);
  await page.context().close();
});

test('a 900 KB name is clipped in the list, its matches marked a few dozen times, whole in the details', async () => {
  const page = await openApp(world);
  await connect(page, world, { org: 'hostile-name' });
  await page.getByTestId('key-table').waitFor();
  await page.getByLabel('Filter keys').fill('ab');
  const name = page.locator('[data-testid=key-table] td.name button').first();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=key-table] td.name mark').length > 0);
  assert.ok((await name.innerText()).length <= 201);
  assert.ok(await page.locator('mark').count() <= 64, 'marks are capped');
  await name.click();
  const details = page.getByTestId('key-details');
  await details.getByRole('button', { name: 'Show all 900,000 characters' }).click();
  assert.equal((await details.locator('h3').innerText()).trim().length, 'ab '.repeat(300_000).trim().length);
  await page.context().close();
});

test('a key limited to 20,000 resources opens with its targets clipped, a thousand more a click', async () => {
  const page = await openApp(world);
  await connect(page, world, { org: 'hostile-resources' });
  await page.locator('[data-testid=key-table] td.name button').first().click();
  const details = page.getByTestId('key-details');
  await details.waitFor();
  const targets = details.locator('.resource-targets li').first();
  assert.match(await targets.innerText(), /^Content · Sources · Edit \(PLATFORM\.SOURCE\.EDIT\): source-00000, source-00001/);
  // A thousand more a click, to the last: 20 shown, then 19 clicks of 1,000 and one of 980.
  for (let click = 0; click < 19; click++) {
    await targets.getByRole('button', { name: 'Show 1,000 more of 20,000', exact: true }).click();
  }
  await targets.getByRole('button', { name: 'Show 980 more of 20,000', exact: true }).click();
  assert.match(await targets.innerText(), /source-19999$/);
  assert.equal(await targets.getByRole('button').count(), 0);
  await page.context().close();
});

// Regression: redaction ran after clipping, so 11 characters of the token after a
// 989-character message were shown, and a 200,000-character request id header whole.
test('a long message that ends with the token shows none of it, and a huge request id is clipped', async () => {
  const page = await openApp(world);
  world.api.failNext('testorg', 'org-echo-long', { route: 'apikeys' });
  await connect(page, world);
  const error = page.getByTestId('error');
  await error.waitFor();
  const shown = await error.innerText();
  // The message's 989 characters, then the token's place: none of its characters follow.
  assert.match(shown, /m{989}\[token\] is/);
  assert.ok(!shown.includes('0123'), 'a run of the token');
  // The request id header: its first 1,000 characters.
  assert.match(shown, /rx{999}…/);
  assert.ok(shown.length < 2_600, `${shown.length} characters shown`);
  await page.context().close();
});

test('a list that echoes the token shows, exports and links it redacted', async () => {
  const page = await openApp(world);
  world.api.failNext('testorg', 'org-echo-list', { route: 'apikeys' });
  await connect(page, world);
  await page.getByTestId('key-table').getByText('Named [token]').waitFor();
  const text = await page.evaluate(() => document.body.innerText);
  assert.ok(!text.includes(TEST_TOKEN), 'on screen');
  assert.match(text, /Echoes \[token\]/);
  const saved = async (name) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    const chunks = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk);
    return Buffer.concat(chunks).toString();
  };
  for (const name of ['Export CSV', 'Export JSON']) {
    const file = await saved(name);
    assert.ok(!file.toLowerCase().includes(TEST_TOKEN.slice(0, 12)), `${name} holds the token`);
    assert.ok(file.includes('[token]'), `${name}: ${file.slice(0, 200)}`);
  }
  // Opening the key whose id held the token puts no id in the address bar.
  await page.getByRole('button', { name: /Named \[token\]/ }).first().click();
  await page.getByTestId('key-details').waitFor();
  assert.ok(!page.url().includes('token'), page.url());
  assert.ok(!decodeURIComponent(page.url()).includes(TEST_TOKEN));
  await page.context().close();
});

// Regression: 50 pages of 20,000 organizations made one 9.6 s task and held each page
// whole; 100,000 templates a 3.4 s task and 100,000 buttons.
test('a million organizations: the first 10,000 kept, a page of 1,000 at most, the picker still searches', async () => {
  const page = await openApp(world);
  world.api.failNext(ORGANIZATION_LIST, { hostile: 'orgs' }, { times: HOSTILE_ORG_PAGES });
  const seen = world.api.requests.length;
  await useTestApi(page, world);
  await page.getByLabel('Access token').fill(TEST_TOKEN);
  await page.getByLabel('Access token').press('Tab');
  const line = page.getByTestId('org-directory');
  await line.filter({ hasText: 'The first 10,000 of 1,000,000 organizations this token can reach' }).waitFor({ timeout: 60_000 });
  const pages = world.api.requests.slice(seen).filter((r) => r.path === '/rest/organizations');
  assert.equal(pages.length, 10, 'pages asked until 10,000 were kept');
  // Each page gave its first 1,000: organization 20,005 is the sixth of the second page.
  await page.getByLabel('Organization ID').fill('20005');
  const options = page.locator('#org-options').getByRole('option');
  assert.deepEqual(await options.allInnerTexts(), ['Organization 20005 of a host that lists far too many hostileorg0020005']);
  await page.context().close();
});

test('100,000 templates: the first 1,000 read, 20 offered, more a click', async () => {
  const page = await openApp(world, '?view=privileges');
  await connect(page, world, { org: 'hostile-templates' });
  const start = page.getByTestId('template-start');
  await start.waitFor({ timeout: 60_000 });
  assert.equal(await start.locator('li').count(), 20);
  assert.match(await start.innerText(), /99,000 more templates, which are not read/);
  await start.getByRole('button', { name: 'Show 100 more of 1,000' }).click();
  assert.equal(await start.locator('li').count(), 120);
  await page.context().close();
});
