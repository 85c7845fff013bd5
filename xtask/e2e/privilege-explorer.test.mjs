// Privilege explorer in the release build: filters, the CUSTOM list, a copied link opened
// cold in a new browser, the builder's JSON from the clipboard, and comparing with a key.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { startWorld, openApp, connect, TEST_TOKEN } from './harness.mjs';

let world;
before(async () => { world = await startWorld(); });
after(async () => { await world?.close(); });

const countText = (page) => page.getByTestId('privilege-count').innerText();

test('filters by text, owner and type, all kept in the URL', async () => {
  const page = await openApp(world, '?view=privileges');
  await page.getByRole('button', { name: 'Try with sample data' }).click();
  await page.getByTestId('privilege-count').filter({ hasText: '95 of 95' }).waitFor();

  await page.getByLabel('Filter privileges').fill('SOURCE');
  await page.getByTestId('privilege-count').filter({ hasText: '4 of 95' }).waitFor();
  const domains = await page.locator('[data-testid=owner-group] tbody th code').allInnerTexts();
  assert.deepEqual(domains, ['SOURCE', 'SOURCE_METADATA']);

  await page.getByLabel('Filter privileges').fill('');
  await page.getByRole('group', { name: 'Owner' }).getByRole('button', { name: 'SEARCH_API' }).click();
  await page.getByRole('group', { name: 'Owner' }).getByRole('button', { name: 'COMMERCE' }).click();
  await page.getByRole('group', { name: 'Type' }).getByRole('button', { name: 'Allowed' }).click();
  await page.getByTestId('privilege-count').filter({ hasText: '3 of 95' }).waitFor();
  await page.waitForFunction(() => location.search.includes('owner=SEARCH_API%2CCOMMERCE&type=Allowed'));
  await page.context().close();
});

test('"Only those allowed in a custom key" asks the API for ?filter=CUSTOM', async () => {
  const page = await openApp(world, '?view=privileges');
  await connect(page, world);
  await page.getByTestId('privilege-count').filter({ hasText: '6 of 6' }).waitFor();
  const seen = world.api.requests.length;
  await page.getByLabel('Only those allowed in a custom key').check();
  await page.getByTestId('privilege-count').filter({ hasText: '4 of 4' }).waitFor();
  const calls = world.api.requests.slice(seen).map((r) => r.path + r.search);
  assert.deepEqual(calls, ['/rest/organizations/testorg/privileges/apikeys?filter=CUSTOM']);
  await page.waitForFunction(() => location.search.includes('filter=custom'));
  await page.context().close();
});

test('"Copy link" opened cold in a new browser restores everything and asks only for the token', async () => {
  const page = await openApp(world, '?view=privileges&region=eu');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: world.site.url });
  await connect(page, world);
  await page.getByTestId('privilege-count').filter({ hasText: '6 of 6' }).waitFor();
  await page.getByLabel('Filter privileges').fill('source');
  await page.getByLabel('All types of SOURCE', { exact: true }).check();
  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(link.startsWith(world.site.url));
  assert.ok(!link.includes(TEST_TOKEN) && !link.includes(world.api.url.replace('http://', '')), link);
  await page.context().close();

  const fresh = await world.browser.newContext();
  const cold = await fresh.newPage();
  await cold.goto(link);
  await cold.getByLabel('Access token').waitFor();
  assert.equal(await cold.getByLabel('Organization ID').inputValue(), 'testorg');
  assert.equal(await cold.getByLabel('Region').inputValue(), 'eu');
  assert.equal(await cold.getByLabel('Access token').inputValue(), '');
  await cold.getByRole('heading', { name: 'Privilege explorer' }).waitFor();
  // The API base is never in a link: this test points it at the test API again.
  await cold.getByText('Advanced').click();
  await cold.getByLabel('API base URL').fill(world.api.url);
  assert.match(await cold.getByTestId('token-prompt').innerText(), /Paste an access token to load testorg/);
  // Pasting the token is all it takes.
  await fresh.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: world.site.url });
  await cold.evaluate((token) => navigator.clipboard.writeText(token), TEST_TOKEN);
  await cold.getByLabel('Access token').focus();
  await cold.keyboard.press('Control+V');
  await cold.getByTestId('privilege-count').filter({ hasText: '1 of 6' }).waitFor();
  assert.equal(await cold.getByLabel('Filter privileges').inputValue(), 'source');
  assert.ok(await cold.getByLabel('All types of SOURCE', { exact: true }).isChecked());
  assert.match(await cold.getByTestId('builder-json').innerText(), /"targetDomain": "SOURCE"/);
  await fresh.close();
});

test('the builder\'s JSON is copied to the clipboard, with a warning for public keys', async () => {
  const page = await openApp(world, '?view=privileges');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: world.site.url });
  await page.getByRole('button', { name: 'Try with sample data' }).click();
  await page.getByLabel('Filter privileges').fill('execute query');
  await page.getByRole('row', { name: /EXECUTE_QUERY/ }).getByRole('checkbox', { name: /Allowed/ }).check();
  await page.getByLabel('Filter privileges').fill('analytics data');
  await page.getByRole('row', { name: /ANALYTICS_DATA/ }).getByRole('checkbox', { name: /EDIT/ }).check();
  assert.equal(await page.getByTestId('builder-warning').count(), 0, 'query + analytics push is public-safe');

  await page.getByRole('button', { name: 'Copy JSON' }).click();
  const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
  assert.deepEqual(copied, [
    { owner: 'SEARCH_API', targetDomain: 'EXECUTE_QUERY' },
    { owner: 'USAGE_ANALYTICS', targetDomain: 'ANALYTICS_DATA', type: 'EDIT' },
  ]);

  await page.getByLabel('Filter privileges').fill('impersonate');
  await page.getByRole('row', { name: /IMPERSONATE/ }).first().getByRole('checkbox', { name: /Allowed/ }).check();
  assert.match(await page.getByTestId('builder-warning').innerText(), /IMPERSONATE/);
  await page.context().close();
});

test('comparing with a key marks what it has and what it lacks', async () => {
  const page = await openApp(world, '?view=privileges');
  await connect(page, world);
  await page.getByTestId('privilege-count').filter({ hasText: '6 of 6' }).waitFor();
  await page.getByLabel('Compare with a key').selectOption('wduuqg3ip2c3i3gpopapxhcgxe');
  await page.getByTestId('compare-summary').waitFor();
  assert.equal(
    await page.getByTestId('compare-summary').innerText(),
    'My Source API Key holds 1 of the 6 assignable privileges and lacks 5.',
  );
  const source = page.getByRole('row', { name: /SOURCE/ });
  assert.match(await source.innerText(), /VIEW ✓ key has it/);
  const query = page.getByRole('row', { name: /EXECUTE_QUERY/ });
  assert.match(await query.innerText(), /✗ key lacks it/);
  await page.waitForFunction(() => location.search.includes('compare=wduuqg3ip2c3i3gpopapxhcgxe'));
  await page.context().close();
});

test('2,000 privileges: a page of 200 target domains, more on demand, counts for every match', async () => {
  const page = await openApp(world, '?view=privileges');
  await connect(page, world, { org: 'bigprivorg' });
  await page.getByTestId('privilege-count').filter({ hasText: '2000 of 2,000 privileges' }).waitFor();
  const rows = page.locator('[data-testid=owner-group] tbody tr');
  assert.equal(await rows.count(), 200);
  assert.match(await page.locator('.more-rows').innerText(), /Showing 200 of 2,000 target domains/);
  // Owner counts are of every match, not of the rows on the page.
  const summaries = await page.locator('[data-testid=owner-group] summary').allInnerTexts();
  assert.match(summaries[0], /PLATFORM 334 privileges/);

  await page.getByRole('button', { name: 'Show 200 more' }).click();
  await page.locator('.more-rows').filter({ hasText: 'Showing 400 of 2,000' }).waitFor();
  assert.equal(await rows.count(), 400);

  await page.getByLabel('Filter privileges').fill('_019');
  await page.getByTestId('privilege-count').filter({ hasText: '40 of 2,000' }).waitFor();
  assert.equal(await rows.count(), 40);
  assert.equal(await page.locator('.more-rows').count(), 0);
  await page.context().close();
});
