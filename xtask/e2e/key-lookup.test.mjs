// Key lookup in the release build: copy to the clipboard, keyboard shortcuts, a shared
// link opened cold, and the token check after a refusal.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { startWorld, openApp, connect, showForm, TEST_TOKEN } from './harness.mjs';

let world;
before(async () => { world = await startWorld(); });
after(async () => { await world?.close(); });

test('"Copy key ID" puts the id on the clipboard and says so, by mouse and by keyboard', async () => {
  const page = await openApp(world);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: world.site.url });
  await connect(page, world);
  await page.getByTestId('key-count').filter({ hasText: '3 of 3 keys' }).waitFor();

  const row = page.getByRole('row').filter({ hasText: 'My Source API Key' });
  await row.getByRole('button', { name: 'Copy key ID' }).click();
  await row.getByRole('status').filter({ hasText: 'Copied' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'wduuqg3ip2c3i3gpopapxhcgxe');

  const other = page.getByRole('row').filter({ hasText: 'Search page (public)' });
  await other.getByRole('button', { name: 'Copy key ID' }).focus();
  await page.keyboard.press('Enter');
  await other.getByRole('status').filter({ hasText: 'Copied' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'q8n2k4vb6xw3zt7cm5rp9hjyda');
  await page.context().close();
});

test('"/" focuses the filter and Escape clears it', async () => {
  const page = await openApp(world);
  await page.getByRole('button', { name: 'Try with sample data' }).click();
  await page.getByTestId('key-count').waitFor();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  const filter = page.getByLabel('Filter keys');
  assert.ok(await filter.evaluate((el) => el === document.activeElement));
  await page.keyboard.type('legacy');
  await page.getByTestId('key-count').filter({ hasText: '1 of 7 keys' }).waitFor();
  await page.keyboard.press('Escape');
  await page.getByTestId('key-count').filter({ hasText: '7 of 7 keys' }).waitFor();
  assert.equal(await filter.inputValue(), '');
  await page.context().close();
});

test('a shared key lookup link, opened cold, restores filter, sort and the open key', async () => {
  const page = await openApp(world, '?org=testorg&q=source&sort=-created&key=wduuqg3ip2c3i3gpopapxhcgxe');
  await connect(page, world);
  await page.getByTestId('key-details').waitFor();
  assert.equal(await page.getByLabel('Filter keys').inputValue(), 'source');
  assert.equal(await page.getByTestId('details-id').innerText(), 'wduuqg3ip2c3i3gpopapxhcgxe');
  assert.equal(await page.getByRole('columnheader', { name: 'Created', exact: true }).getAttribute('aria-sort'), 'descending');
  assert.equal(await page.getByTestId('key-count').innerText(), '1 of 3 keys');

  // Escape closes the details; Back reopens them.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Escape');
  await page.getByTestId('key-details').waitFor({ state: 'detached' });
  assert.doesNotMatch(page.url(), /key=/);
  await page.goBack();
  await page.getByTestId('key-details').waitFor();
  await page.context().close();
});

test('Key lookup has "Copy link": the link holds the view, never the token, and opened cold says what it opens', async () => {
  const page = await openApp(world);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: world.site.url });
  await connect(page, world);
  await page.getByTestId('key-count').filter({ hasText: '3 of 3 keys' }).waitFor();
  await page.getByLabel('Filter keys').fill('source');
  await page.getByRole('button', { name: 'My Source API Key' }).click();
  await page.getByTestId('key-details').waitFor();
  await page.getByRole('button', { name: 'Copy link' }).first().click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(!link.includes(TEST_TOKEN), 'no token in the link');
  assert.match(link, /[?&]q=source\b/);
  assert.match(link, /[?&]key=wduuqg3ip2c3i3gpopapxhcgxe\b/);
  await page.context().close();

  const cold = await (await world.browser.newContext()).newPage();
  await cold.goto(link);
  await cold.getByTestId('link-opens').filter({ hasText: 'Key lookup of testorg: keys matching “source” · the details of key wduuqg3ip2c3i3gpopapxhcgxe' }).waitFor();
  await connect(cold, world);
  await cold.getByTestId('key-details').waitFor();
  assert.equal(await cold.getByTestId('details-id').innerText(), 'wduuqg3ip2c3i3gpopapxhcgxe');
  await cold.context().close();
});

test('after a 403, the token check says the token lacks Organization · API keys · View', async () => {
  const page = await openApp(world);
  world.api.failNext('testorg', 'org-403', { route: 'apikeys' });
  world.api.failNext('testorg', { status: 200, json: [{ owner: 'SEARCH_API', targetDomain: 'EXECUTE_QUERY' }] }, { route: 'privileges/me' });
  await connect(page, world);
  const check = page.getByTestId('token-check');
  await check.filter({ hasText: 'lacks Organization · API keys · View (PLATFORM.API_KEY.VIEW)' }).waitFor();
  assert.match(await check.innerText(), /holds 1 other privilege in this organization/);
  await page.context().close();
});

test('after a 403 with the privilege present, the token check points elsewhere', async () => {
  const page = await openApp(world);
  world.api.failNext('testorg', 'org-403', { route: 'apikeys' });
  await connect(page, world);
  await page.getByTestId('token-check').filter({ hasText: 'does hold Organization · API keys · View (PLATFORM.API_KEY.VIEW)' }).waitFor();
  await page.context().close();
});

test('after a 401, the token check says it could not check either', async () => {
  const page = await openApp(world);
  await connect(page, world, { token: 'expired-token' });
  await page.getByTestId('token-check').filter({ hasText: 'could not be checked either (The access token was refused (401))' }).waitFor();
  await page.context().close();
});

test('statuses show their Console names (codes on hover and in the details), privileges their names beside their codes, and a key says what it can call', async () => {
  const page = await openApp(world);
  await connect(page, world);
  await page.getByTestId('key-count').filter({ hasText: '3 of 3 keys' }).waitFor();
  const row = page.getByRole('row').filter({ hasText: 'My Source API Key' });
  assert.equal(await row.locator('.status').innerText(), 'Enabled');
  assert.equal(await row.locator('.status').getAttribute('title'), 'ENABLED');
  const chip = page.getByRole('group', { name: 'Status' }).getByRole('button', { name: 'Disabled (1)' });
  assert.equal(await chip.getAttribute('title'), 'DISABLED');

  await row.getByRole('button', { name: 'My Source API Key' }).click();
  const details = page.getByTestId('key-details');
  assert.match(await details.locator('.status').innerText(), /^Enabled ENABLED$/);
  const privileges = await details.locator('.privilege-groups').innerText();
  assert.match(privileges, /Content · Sources · View PLATFORM\.SOURCE\.VIEW/);
  assert.match(privileges, /Content · Sources · Edit PLATFORM\.SOURCE\.EDIT/);

  // Source View and Edit on every source allow Source API operations, and no search.
  const count = await details.getByTestId('callable-count').innerText();
  assert.match(count, /^Allows \d+ API operations in \d+ APIs?\.$/);
  const apis = await details.locator('.api-group summary').allInnerTexts();
  assert.ok(apis.some((a) => a.startsWith('Source · ')), apis.join(' | '));
  assert.ok(!apis.some((a) => a.startsWith('Search · ')), apis.join(' | '));
  await details.locator('.api-group summary').filter({ hasText: /^Source · / }).click();
  // The list is built when the group opens.
  await details.locator('.api-group[open] .operations').waitFor();
  assert.match(
    await details.locator('.api-group[open]').innerText(),
    /PUT \/rest\/organizations\/\{organizationId\}\/sources\/\{sourceId\} Update a Source from Simple Configuration/,
  );
  await page.context().close();
});

// Regression: the check ran when its line was drawn, so a keystroke in the token field
// after a 401, or each switch between the views, sent the half-typed token.
test('the token check is asked once per refused key list, never while the token is typed or the views switch', async () => {
  const page = await openApp(world);
  world.api.failNext('testorg', 'org-401', { route: 'apikeys' });
  const seen = world.api.requests.length;
  await connect(page, world);
  await page.getByTestId('token-check').filter({ hasText: 'Token check:' }).waitFor();
  const checks = () => world.api.requests.slice(seen).filter((r) => r.path.endsWith('/privileges/me'));
  assert.equal(checks().length, 1);
  const after = world.api.requests.length;
  await showForm(page);
  await page.getByLabel('Access token').focus();
  await page.keyboard.press('End');
  await page.keyboard.type('xyz', { delay: 50 });
  await page.keyboard.press('Backspace');
  // An absence needs a wait.
  await page.waitForTimeout(1_500);
  assert.deepEqual(world.api.requests.slice(after).map((r) => r.path), [], 'requests while typing');
  // Leaving the field asks which organizations the edited token reaches, and nothing else.
  for (const view of ['Privilege explorer', 'Key lookup', 'Privilege explorer', 'Key lookup']) {
    await page.getByRole('link', { name: view }).click();
  }
  await page.waitForTimeout(1_000);
  assert.deepEqual(
    world.api.requests.slice(after).map((r) => r.path).filter((p) => p !== '/rest/organizations'),
    [],
    'requests while switching views',
  );
  // The next refusal asks again, once.
  await page.getByLabel('Access token').fill(TEST_TOKEN);
  world.api.failNext('testorg', 'org-401', { route: 'apikeys' });
  await page.getByRole('button', { name: 'Load' }).click();
  await page.getByTestId('token-check').filter({ hasText: 'Token check:' }).waitFor();
  await page.waitForTimeout(500);
  assert.equal(checks().length, 2);
  await page.context().close();
});

// Regression: a keystroke in the token field built the whole key list again (every row
// replaced, the index prepared again), though a list belongs to its organization and host.
test('typing in the token field or forgetting the token leaves the loaded list as it is', async () => {
  const page = await openApp(world);
  await connect(page, world, { org: 'hugeorg' });
  await page.getByTestId('key-count').filter({ hasText: '50,000 keys' }).waitFor({ timeout: 60_000 });
  const mark = () => page.evaluate(() => { document.querySelector('[data-testid=key-table] tbody tr').__kept = true; });
  const kept = () => page.evaluate(() => document.querySelector('[data-testid=key-table] tbody tr').__kept === true);
  await mark();
  await showForm(page);
  await page.evaluate(() => {
    window.__tasks = [];
    new PerformanceObserver((list) => window.__tasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
  });
  await page.getByLabel('Access token').focus();
  await page.keyboard.press('End');
  await page.keyboard.type('x');
  await page.waitForTimeout(300);
  assert.ok(await kept(), 'the same row element after a keystroke in the token field');
  const longest = await page.evaluate(() => Math.max(0, ...window.__tasks));
  assert.ok(longest <= 50, `a ${longest} ms task for one keystroke`);
  await page.getByRole('button', { name: 'Forget token' }).click();
  await page.waitForTimeout(300);
  assert.ok(await kept(), 'the same row element after "Forget token"');
  await page.getByTestId('key-count').filter({ hasText: '50,000 keys' }).waitFor();
  await page.context().close();
});

test('after Load the focus is in the key filter, and Enter with one match opens it', async () => {
  const page = await openApp(world);
  await connect(page, world);
  await page.getByTestId('key-count').filter({ hasText: '3 of 3 keys' }).waitFor();
  const filter = page.getByLabel('Filter keys');
  await page.waitForFunction(() => document.activeElement?.id === 'key-filter');
  await page.keyboard.type('source');
  await page.getByTestId('key-count').filter({ hasText: '1 of 3 keys' }).waitFor();
  await filter.press('Enter');
  await page.getByTestId('key-details').getByRole('heading', { name: 'My Source API Key' }).waitFor();
  // With more than one match, Enter opens nothing.
  await page.getByTestId('key-details').getByRole('button', { name: 'Close' }).click();
  await filter.fill('');
  await filter.press('Enter');
  await page.waitForTimeout(200);
  assert.equal(await page.getByTestId('key-details').count(), 0);
  await page.context().close();
});

test('"/" focuses the filter of the view shown', async () => {
  const page = await openApp(world);
  await page.getByRole('button', { name: 'Try with sample data' }).click();
  await page.getByTestId('key-count').waitFor();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  await page.waitForFunction(() => document.activeElement?.id === 'key-filter');
  await page.getByRole('link', { name: 'Privilege explorer' }).click();
  await page.getByTestId('privilege-count').waitFor();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  await page.waitForFunction(() => document.activeElement?.id === 'privilege-filter');
  assert.equal(await page.getByLabel('Filter privileges').inputValue(), '', 'the "/" was not typed');
  await page.context().close();
});

test('"Try with sample data" folds the connection to one line, as a load does; Change opens it', async () => {
  const page = await openApp(world);
  await page.getByRole('button', { name: 'Try with sample data' }).click();
  const line = page.getByTestId('folded-connection');
  await line.filter({ hasText: 'Sample data' }).waitFor();
  assert.equal(await page.getByLabel('Access token').isVisible(), false);
  await line.getByRole('button', { name: 'Change' }).click();
  await page.getByLabel('Access token').waitFor();
  assert.equal(await line.isVisible(), false);
  await page.context().close();
});
