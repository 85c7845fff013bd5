// The user's journeys in the release build, in headless Chromium, against the test API:
// sample data, a real load of both views, shared links, stale answers, a large org.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { bigOrgKeys } from '../api-server.mjs';
import { startWorld, openApp, connect, showForm, TEST_TOKEN } from './harness.mjs';

let world;
before(async () => { world = await startWorld(); });
after(async () => { await world?.close(); });

const count = (page) => page.getByTestId('list-count');

test('sample data fills both views with no request but for the page\'s own chunks', async () => {
  const requested = [];
  const page = await openApp(world, '', {}, async (page) => page.on('request', (r) => requested.push(r.url())));
  const site = new URL(page.url()).origin;
  // The page and its first load's files; then the form's chunk and the views', on first use.
  requested.splice(0, requested.findIndex((url) => url.includes('-split_')));
  await page.getByRole('button', { name: 'Try with sample data' }).click();
  await assert.doesNotReject(count(page).filter({ hasText: 'Sample data' }).waitFor());
  // The count comes with the data; the table with its view's chunk, maybe a moment later.
  await page.getByTestId('key-table').waitFor();
  assert.equal(await page.getByTestId('key-table').locator('tbody tr').count(), 7);
  assert.match(await page.getByTestId('key-table').innerText(), /wduuqg3ip2c3i3gpopapxhcgxe/);

  await page.getByRole('link', { name: 'Privilege explorer' }).click();
  await page.getByTestId('privilege-count').filter({ hasText: '95 of 95 privileges' }).waitFor();
  assert.equal(await page.getByTestId('owner-group').count(), 5);
  assert.match(page.url(), /\?view=privileges$/);
  // The views' code comes from the page's own server (src/split.rs); nothing else.
  const elsewhere = requested.filter((url) => !(url.startsWith(`${site}/`) && url.endsWith('.wasm')));
  assert.deepEqual(elsewhere, [], 'the sample data needs no API');
  const names = requested.map((url) => url.match(/-(split_\w+|chunk_\d+)-/)?.[1]);
  assert.equal(new Set(names).size, names.length, `each chunk once: ${requested}`);
  assert.ok(['split_connect', 'split_keys', 'split_privileges'].every((n) => names.includes(n)), `${requested}`);
  await page.context().close();
});

test('a real load shows keys and privileges, hostile text inert, token only to the API', async () => {
  const page = await openApp(world);
  const withToken = [];
  page.on('request', (r) => {
    if (r.headers().authorization) withToken.push([r.url(), r.headers().authorization]);
  });
  const seen = world.api.requests.length;
  await connect(page, world);
  await count(page).filter({ hasText: '3 API keys' }).waitFor();
  assert.match(await count(page).innerText(), /testorg on 127\.0\.0\.1:\d+/);
  assert.match(await page.getByTestId('skipped').innerText(), /1 entry was not readable/);

  const table = await page.getByTestId('key-table').innerText();
  assert.match(table, /My Source API Key/);
  assert.match(table, /<img src=x onerror="window.__pwned=1">Hostile <b>name<\/b>/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no payload ran');
  assert.equal(await page.locator('[data-testid=key-table] img, [data-testid=key-table] script').count(), 0);

  await page.getByRole('link', { name: 'Privilege explorer' }).click();
  await count(page).filter({ hasText: '6 assignable privileges' }).waitFor();
  await page.getByTestId('owner-group').first().waitFor();
  const owners = await page.getByTestId('owner-group').locator('summary strong').allInnerTexts();
  assert.deepEqual(owners, ['PLATFORM', 'SEARCH_API', 'USAGE_ANALYTICS', 'COMMERCE']);
  assert.match(await page.getByRole('row', { name: /AUTHENTICATION_EDITOR/ }).innerText(), /Allowed/);

  const calls = world.api.requests.slice(seen);
  // The lists, and what follows them: the organizations the token reaches (a page at a
  // time), the organization's region, its key templates.
  assert.deepEqual([...new Set(calls.map((c) => c.path))].sort(), [
    '/rest/global/organizations/testorg',
    '/rest/organizations',
    '/rest/organizations/testorg/apikeys',
    '/rest/organizations/testorg/privileges/apikeys',
    '/rest/organizations/testorg/templates/apikeys',
  ]);
  assert.ok(calls.every((c) => c.authorized && c.referer === undefined));
  assert.ok(withToken.length >= 2);
  for (const [url, header] of withToken) {
    assert.ok(url.startsWith(`${world.api.url}/`), `token sent to ${url}`);
    assert.equal(header, `Bearer ${TEST_TOKEN}`);
  }

  // Nowhere else: URL, storage, cookies, console, markup.
  assert.ok(!page.url().includes(TEST_TOKEN));
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
  assert.ok(!stored.includes(TEST_TOKEN));
  assert.ok(!(await page.content()).includes(TEST_TOKEN));
  assert.ok(!page.consoleMessages.join('\n').includes(TEST_TOKEN));
  await page.context().close();
});

test('a pasted "Bearer" token with a newline is accepted', async () => {
  const page = await openApp(world);
  await connect(page, world, { token: `  Bearer ${TEST_TOKEN}\n` });
  await count(page).filter({ hasText: '3 API keys' }).waitFor();
  await page.context().close();
});

test('a shared link restores view, region and organization, and asks only for the token', async () => {
  const page = await openApp(world, `?view=privileges&region=eu&org=testorg&token=stolen&base=${encodeURIComponent('http://evil.example')}`);
  assert.equal(await page.getByLabel('Organization ID').inputValue(), 'testorg');
  assert.equal(await page.getByLabel('Region').inputValue(), 'eu');
  assert.equal(await page.getByLabel('Access token').inputValue(), '');
  assert.equal(await page.getByLabel('API base URL').inputValue(), '');
  assert.equal(await page.getByTestId('destination').innerText(), 'https://platform-eu.cloud.coveo.com');
  assert.equal(await page.getByRole('link', { name: 'Privilege explorer' }).getAttribute('aria-current'), 'page');
  await page.getByRole('heading', { name: 'Privilege explorer' }).waitFor();

  // Back and forward follow the views.
  await page.getByRole('link', { name: 'Key lookup' }).click();
  await page.getByRole('heading', { name: 'Key lookup' }).waitFor();
  await page.goBack();
  await page.getByRole('heading', { name: 'Privilege explorer' }).waitFor();
  await page.context().close();
});

test('an answer for inputs the user has since changed is never shown', async () => {
  const page = await openApp(world);
  world.api.failNext('testorg', { delayMs: 1500 }, { route: 'apikeys' });
  await connect(page, world);
  await page.getByTestId('loading').waitFor();

  // The user switches to another org and loads it while the first answer is on its way.
  await page.getByLabel('Organization ID').fill('otherorg');
  await page.getByRole('button', { name: 'Load' }).click();
  await count(page).filter({ hasText: '1 API key ·' }).waitFor();
  await page.waitForTimeout(2000);
  const table = await page.getByTestId('key-table').innerText();
  assert.match(table, /The other org key/);
  assert.doesNotMatch(table, /My Source API Key/);

  // Typing another org without loading hides the loaded list rather than mislabel it.
  await showForm(page);
  await page.getByLabel('Organization ID').fill('testorg');
  await page.getByTestId('list-idle').filter({ hasText: 'press Load' }).waitFor();
  assert.equal(await page.getByTestId('key-table').count(), 0);
  await page.context().close();
});

test('a slow answer shows progress, and Cancel stops it', async () => {
  const page = await openApp(world);
  // Regression: with a 1.5 s answer, a busy machine sometimes clicked Cancel only after
  // the list had arrived. The answer now takes 4 s, and the check waits past it.
  world.api.failNext('testorg', { delayMs: 4000 }, { route: 'apikeys' });
  await connect(page, world);
  const loading = page.getByTestId('loading');
  await loading.waitFor();
  assert.match(await loading.innerText(), /Loading API keys from 127\.0\.0\.1:\d+/);
  await loading.filter({ hasText: /… 1 s/ }).waitFor(); // the elapsed time shows for long loads
  await loading.getByRole('button', { name: 'Cancel' }).click();
  await page.getByTestId('list-idle').waitFor();
  await page.waitForTimeout(4000);
  assert.equal(await page.getByTestId('key-table').count(), 0, 'the cancelled answer is dropped');

  world.api.failNext('testorg', { delayMs: 800 }, { route: 'apikeys' });
  await page.getByRole('button', { name: 'Load' }).click();
  await loading.waitFor();
  await count(page).filter({ hasText: '3 API keys' }).waitFor();
  await page.context().close();
});

test('an organization with 10,000 keys loads completely and stays searchable', async () => {
  const page = await openApp(world);
  await connect(page, world, { org: 'bigorg' });
  await count(page).filter({ hasText: '10,000 API keys' }).waitFor({ timeout: 30_000 });
  assert.equal(await page.getByTestId('key-count').innerText(), '10,000 of 10,000 keys');
  const rows = page.getByTestId('key-table').locator('tbody tr');
  assert.equal(await rows.count(), 25, 'only the first page is in the DOM');
  // Any key is a few steps away: page 121 by its number, then the last page.
  await page.getByLabel('Page number').fill('121');
  await page.getByLabel('Page number').press('Enter');
  await page.getByTestId('pager').filter({ hasText: 'Keys 3,001–3,025 of 10,000' }).waitFor();
  assert.equal(await rows.count(), 25);
  await page.getByRole('button', { name: 'Last page' }).click();
  await page.getByTestId('pager').filter({ hasText: 'Keys 9,976–10,000 of 10,000' }).waitFor();

  // The details open beside the list (the row clicked stays where it was), take the
  // focus, and give it back on close.
  const row = rows.nth(20);
  const name = row.locator('td.name button');
  const before = await row.boundingBox();
  await name.click();
  const details = page.getByTestId('key-details');
  await details.waitFor();
  assert.ok(await details.evaluate((el) => el === document.activeElement), 'the details have the focus');
  const [rowBox, detailsBox] = [await row.boundingBox(), await details.boundingBox()];
  assert.ok(detailsBox.x >= rowBox.x + rowBox.width, `details beside the list: row ends at x=${rowBox.x + rowBox.width}, details start at x=${detailsBox.x}`);
  assert.equal(rowBox.y, before.y, 'the row stayed under the pointer');
  await details.getByRole('button', { name: 'Close' }).click();
  await details.waitFor({ state: 'detached' });
  assert.ok(await name.evaluate((el) => el === document.activeElement), 'the focus is back on the key');

  await page.getByLabel('Filter keys').fill('key 9999');
  await page.getByTestId('key-count').filter({ hasText: '1 of 10,000 keys' }).waitFor();
  assert.match(await rows.first().innerText(), /Key 9999 for service/);

  // Typed a character at a time, then corrected, then re-sorted and typed on: each
  // count checked against a plain search of the same keys (the page looks for a
  // narrowed query among the last matches only).
  const keys = bigOrgKeys();
  const matching = (text) => {
    const words = text.toLowerCase().split(/\s+/).filter(Boolean);
    return keys.filter((k) => words.every((w) => `${k.displayName}\n${k.description}\n${k.id}`.toLowerCase().includes(w)));
  };
  const shows = async (text) => {
    const expected = `${matching(text).length.toLocaleString('en-US')} of 10,000 keys`;
    await page.getByTestId('key-count').filter({ hasText: new RegExp(`^${expected}$`) }).waitFor();
  };
  const filter = page.getByLabel('Filter keys');
  await filter.fill('');
  await filter.pressSequentially('service 42');
  await shows('service 42');
  await filter.press('Backspace');
  await shows('service 4');
  // The creation date is a column to add (Columns), then sorted by, newest first.
  const menu = page.getByTestId('columns-menu');
  await menu.locator('summary').click();
  await menu.getByLabel('Created').check();
  await menu.locator('summary').click();
  await page.getByRole('button', { name: /^Created/ }).click();
  await page.getByRole('button', { name: /^Created/ }).click();
  await filter.press('End');
  await filter.pressSequentially('2');
  await shows('service 42');
  const newest = matching('service 42').at(-1).displayName;
  assert.equal(await rows.first().locator('td.name button').innerText(), newest);
  await page.context().close();
});

test('hostile privileges render as inert text in the explorer and the builder', async () => {
  const page = await openApp(world, '?view=privileges');
  world.api.failNext('testorg', {
    status: 200,
    json: [
      { owner: '<img src=x onerror="window.__pwned=3">', targetDomain: '<script>window.__pwned=4</script>', type: '<b>VIEW</b>' },
      { owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'VIEW', level: '<svg onload="window.__pwned=5">' },
    ],
  }, { route: 'privileges/apikeys' });
  await connect(page, world);
  await page.getByTestId('privilege-count').filter({ hasText: '2 of 2' }).waitFor();
  const groups = page.locator('.groups');
  assert.match(await groups.innerText(), /<script>window.__pwned=4<\/script>/);
  assert.match(await groups.innerText(), /<img src=x onerror="window.__pwned=3">/);
  assert.match(await groups.innerText(), /Level <svg onload="window.__pwned=5">/);
  await page.locator('.type-chip input').last().check();
  assert.match(await page.getByTestId('builder-json').innerText(), /"type": "<b>VIEW<\/b>"/);
  assert.equal(await page.locator('.groups img, .groups script, .groups svg, .groups b, .builder b').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await page.context().close();
});

test('an organization with 50,000 keys loads completely, and the page keeps painting while it is prepared', async () => {
  const page = await openApp(world);
  // Every painted frame notes the preparing notice's text: a page frozen until the keys
  // were ready would paint none of them.
  await page.evaluate(() => {
    window.__painted = new Set();
    const frame = () => {
      const notice = document.querySelector('[data-testid=preparing]');
      if (notice) window.__painted.add(notice.textContent);
      if (!document.querySelector('[data-testid=key-table]')) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  await connect(page, world, { org: 'hugeorg' });
  await page.getByTestId('key-count').filter({ hasText: '50,000 of 50,000 keys' }).waitFor({ timeout: 60_000 });
  const painted = await page.evaluate(() => [...window.__painted]);
  // A frozen page paints at most the first notice. Two distinct notices mean a frame was
  // painted between slices; asking for more fails on a machine that, now and then, skips
  // frames for half a second (seen once in eight full runs on the 2-core test machine).
  assert.ok(painted.length >= 2, `frames painted while preparing: ${JSON.stringify(painted)}`);
  assert.ok(painted.every((text) => /Preparing keys for search: [\d,]+ of 50,000/.test(text)), painted.join(' | '));
  await page.getByLabel('Filter keys').fill('key 49999');
  await page.getByTestId('key-count').filter({ hasText: '1 of 50,000 keys' }).waitFor();
  await page.context().close();
});

// The release build prints no `Debug` text (`-Zfmt-debug=none`): a message that names
// what was typed wrong says it in the release build too, and nothing is sent.
test('a refused organization ID names the character it cannot hold, and nothing is sent', async () => {
  const page = await openApp(world);
  const seen = world.api.requests.length;
  await page.getByLabel('Organization ID').fill('acme/prod');
  await page.getByLabel('Access token').fill(TEST_TOKEN);
  await page.getByRole('button', { name: 'Load' }).click();
  const problem = page.getByTestId('form-error');
  await problem.filter({ hasText: /found/ }).waitFor();
  assert.match(await problem.innerText(), /holds only letters, digits, '-' and '_' \(found '\/'\)\./);
  assert.deepEqual(world.api.requests.slice(seen), []);
  await page.context().close();
});
