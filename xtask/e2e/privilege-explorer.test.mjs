// Privilege explorer in the release build: filters by name or code, the CUSTOM list, a
// copied link opened cold in a new browser, the builder (its purposes, JSON and warnings),
// the endpoint finder, and comparing with a key.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { startWorld, openApp, connect, TEST_TOKEN, pickKey } from './harness.mjs';

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
  const domains = await page.locator('[data-testid=owner-group] tbody th > code').allInnerTexts();
  assert.deepEqual(domains, ['SOURCE', 'SOURCE_METADATA']);
  // Rows lead with the Console's name; the filter finds it in any case, accents and number.
  assert.match(await page.getByRole('row', { name: /SOURCE/ }).first().innerText(), /^\s*Content · Sources SOURCE/);
  await page.getByLabel('Filter privileges').fill('contént sources');
  await page.getByTestId('privilege-count').filter({ hasText: '3 of 95' }).waitFor();
  await page.getByLabel('Filter privileges').fill('Execute queries');
  await page.getByTestId('privilege-count').filter({ hasText: '1 of 95' }).waitFor();

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
  // The token's organization list may still be paging meanwhile: only the lists count.
  const calls = world.api.requests.slice(seen).map((r) => r.path + r.search).filter((c) => c.includes('/privileges/'));
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

test('the builder\'s purpose pre-selects its privileges, and a public key is warned in Console names', async () => {
  const page = await openApp(world, '?view=privileges');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: world.site.url });
  await page.getByRole('button', { name: 'Try with sample data' }).click();
  await page.getByLabel('Public search page').check();
  await page.waitForFunction(() => location.search.includes('purpose=public-search'));
  const usual = await page.getByTestId('purpose-usual').innerText();
  assert.match(usual, /Search · Execute queries SEARCH_API\.EXECUTE_QUERY/);
  assert.match(usual, /Analytics · Analytics data · Push USAGE_ANALYTICS\.ANALYTICS_DATA\.EDIT/);
  assert.equal(await page.getByTestId('builder-warning').count(), 0, 'query + analytics push is public-safe');

  await page.getByRole('button', { name: 'Copy JSON' }).click();
  const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
  assert.deepEqual(copied, [
    { owner: 'SEARCH_API', targetDomain: 'EXECUTE_QUERY' },
    { owner: 'USAGE_ANALYTICS', targetDomain: 'ANALYTICS_DATA', type: 'EDIT' },
  ]);

  await page.getByLabel('Filter privileges').fill('crawling module');
  await page.getByRole('row', { name: /Crawling Module CRAWLING_MODULE/ }).getByRole('checkbox', { name: 'Edit' }).check();
  const warning = await page.getByTestId('builder-warning').innerText();
  assert.match(warning, /Crawling Module · Edit PLATFORM\.CRAWLING_MODULE\.EDIT/);
  assert.match(warning, /should hold only Search · Execute queries and Analytics · Analytics data · Push/);

  // Another purpose swaps the usual privileges, keeps the rest, and no key is public.
  await page.getByLabel('Server-side search token').check();
  await page.waitForFunction(() => location.search.includes('purpose=search-token'));
  assert.equal(await page.getByTestId('builder-warning').count(), 0);
  const json = JSON.parse(await page.getByTestId('builder-json').innerText());
  assert.deepEqual(json.map((p) => `${p.owner}.${p.targetDomain}.${p.type ?? ''}`), [
    'PLATFORM.CRAWLING_MODULE.EDIT', 'SEARCH_API.IMPERSONATE.', 'SEARCH_API.IMPERSONATE_SEARCH_API.ENABLE',
  ]);
  // Search's Impersonate is told apart from Analytics' one.
  assert.match(await page.locator('.builder').innerText(), /Not Analytics · Impersonate USAGE_ANALYTICS\.IMPERSONATE/);
  await page.context().close();
});

test('the endpoint finder takes words or a call copied from anywhere, and adds its privileges to the builder', async () => {
  const page = await openApp(world, '?view=privileges');
  await page.getByRole('button', { name: 'Try with sample data' }).click();
  const finder = page.getByLabel('Find by API operation');
  await finder.fill('update source');
  const first = page.getByTestId('finder-result').first();
  assert.match(await first.innerText(), /PUT \/rest\/organizations\/\{organizationId\}\/sources\/\{sourceId\}/);

  await finder.fill('PUT https://platform-eu.cloud.coveo.com/rest/organizations/myorg/sources/abc123?rebuild=true');
  await page.getByTestId('finder-count').filter({ hasText: '1 API operation found.' }).waitFor();
  const result = await page.getByTestId('finder-result').innerText();
  assert.match(result, /Update a Source from Simple Configuration/);
  assert.match(result, /Content · Sources · Edit PLATFORM\.SOURCE\.EDIT on sourceId abc123, or on all of them/);
  await page.getByTestId('finder-result').getByRole('button', { name: 'Add to builder' }).click();
  assert.deepEqual(JSON.parse(await page.getByTestId('builder-json').innerText()), [
    { owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'EDIT' },
  ]);
  // The builder says what the selection can call.
  assert.match(await page.locator('.builder [data-testid=callable-count]').innerText(), /^Allows \d+ API operations in \d+ APIs?\.$/);

  // "any": each alternative has its own button.
  await finder.fill('GET /rest/organizations/myorg/securitycache/status');
  const choice = page.getByTestId('finder-result').first();
  assert.match(await choice.innerText(), /Needs any one of/);
  assert.equal(await choice.getByRole('button', { name: 'Add to builder' }).count(), 2);

  await finder.fill('no operation has these words zzz');
  await page.getByTestId('finder-count').filter({ hasText: 'No documented API operation matches.' }).waitFor();
  await page.context().close();
});

test('a link keeps the finder\'s query and the purpose, and opens cold to the same results', async () => {
  const page = await openApp(world, '?view=privileges');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: world.site.url });
  await page.getByRole('button', { name: 'Try with sample data' }).click();
  await page.getByLabel('Find by API operation').fill('POST /rest/search/v2/token');
  await page.getByLabel('Server-side search token').check();
  await page.waitForFunction(() => location.search.includes('op=POST') && location.search.includes('purpose=search-token'));
  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  await page.context().close();

  const cold = await (await world.browser.newContext()).newPage();
  await cold.goto(link);
  await cold.getByRole('button', { name: 'Try with sample data' }).click();
  assert.equal(await cold.getByLabel('Find by API operation').inputValue(), 'POST /rest/search/v2/token');
  assert.ok(await cold.getByLabel('Server-side search token').isChecked());
  assert.match(await cold.getByTestId('finder-result').first().innerText(), /Create Search Token/);
  await cold.context().close();
});

test('comparing with a key marks what it has and what it lacks', async () => {
  const page = await openApp(world, '?view=privileges');
  await connect(page, world);
  await page.getByTestId('privilege-count').filter({ hasText: '6 of 6' }).waitFor();
  await pickKey(page, 'Compare with a key', 'wduuqg3ip2c3i3gpopapxhcgxe');
  await page.getByTestId('compare-summary').waitFor();
  assert.equal(
    await page.getByTestId('compare-summary').innerText(),
    'My Source API Key holds 1 of the 6 assignable privileges and lacks 5.',
  );
  const source = page.getByRole('row', { name: /SOURCE/ });
  assert.match(await source.innerText(), /View ✓ key has it/);
  // Only what the key has is marked on the rows; the builder lists the differences.
  const query = page.getByRole('row', { name: /EXECUTE_QUERY/ });
  assert.doesNotMatch(await query.innerText(), /key has it|lacks/);
  await page.getByRole('row', { name: /EXECUTE_QUERY/ }).getByRole('checkbox').first().check();
  const difference = page.getByTestId('selection-difference');
  assert.match(await difference.getByTestId('only-selection').innerText(), /Only in the selection \(1\)[\s\S]*SEARCH_API\.EXECUTE_QUERY/);
  assert.match(await difference.getByTestId('only-key').innerText(), /Only in the key \(2\)[\s\S]*PLATFORM\.SOURCE\.EDIT[\s\S]*PLATFORM\.SOURCE\.VIEW/);
  assert.match(await difference.getByTestId('in-both').innerText(), /In both \(0\)/);
  await page.waitForFunction(() => location.search.includes('compare=wduuqg3ip2c3i3gpopapxhcgxe'));
  await page.context().close();
});

test('2,000 privileges: a page of 200 target domains, more on demand, counts for every match', async () => {
  const page = await openApp(world, '?view=privileges');
  await connect(page, world, { org: 'bigprivorg' });
  await page.getByTestId('privilege-count').filter({ hasText: '2,000 of 2,000 privileges' }).waitFor();
  const rows = page.locator('[data-testid=owner-group] tbody tr');
  assert.equal(await rows.count(), 200);
  // Pairs the catalog does not know are shown by their code alone.
  assert.equal((await rows.first().locator('th').innerText()).trim(), 'DOMAIN_0000_SOURCE');
  assert.match(await page.locator('.more-rows').innerText(), /Showing 200 of 2,000 target domains/);
  // Owner counts are of every match, not of the rows on the page.
  const summaries = await page.locator('[data-testid=owner-group] summary').allInnerTexts();
  assert.match(summaries[0], /PLATFORM 334 privileges/);

  await page.getByRole('button', { name: 'Show more', exact: true }).click();
  await page.locator('.more-rows').filter({ hasText: 'Showing 400 of 2,000' }).waitFor();
  assert.equal(await rows.count(), 400);

  await page.getByLabel('Filter privileges').fill('_019');
  await page.getByTestId('privilege-count').filter({ hasText: '40 of 2,000' }).waitFor();
  assert.equal(await rows.count(), 40);
  assert.equal(await page.locator('.more-rows').count(), 0);
  await page.context().close();
});

test('the key picker offers a few of 50,000 keys at a time, and works from the keyboard', async () => {
  const page = await openApp(world, '?view=privileges');
  await connect(page, world, { org: 'hugeorg' });
  const field = page.getByLabel('Compare with a key');
  await field.waitFor({ timeout: 60_000 });
  const options = page.locator('#compare-key-matches [role=option]');
  await field.fill('key 1');
  await page.getByText(/^The first 8 of [\d,]+ keys that match/).waitFor();
  assert.equal(await options.count(), 8, 'a bounded list, not one option per key');
  assert.equal(await page.locator('#compare-key-matches li').count(), 8);
  await field.fill('key 49999 ');
  await page.getByText('1 key matches.').waitFor();
  await field.press('ArrowDown');
  assert.equal(await field.getAttribute('aria-activedescendant'), 'compare-key-matches-0');
  await field.press('Enter');
  await page.getByTestId('compared-key').filter({ hasText: 'Key 49999 for service' }).waitFor();
  await page.waitForURL(/compare=k49999/);
  await page.getByTestId('compared-key').getByRole('button', { name: 'No key' }).click();
  await page.getByTestId('compared-key').waitFor({ state: 'detached' });
  await page.context().close();
});

test('the builder names its picks; one the organization cannot assign says so, and "Add to builder" turns to "In builder"', async () => {
  const page = await openApp(world, '?view=privileges');
  await connect(page, world);
  await page.getByTestId('privilege-count').filter({ hasText: /of \d+ privileges/ }).waitFor();
  const finder = page.getByLabel('Find by API operation');
  await finder.fill('PUT https://platform.cloud.coveo.com/rest/organizations/testorg/sources/abc123');
  const result = page.getByTestId('finder-result');
  await result.getByRole('button', { name: 'Add to builder' }).click();
  await result.getByRole('button', { name: 'In builder ✓' }).waitFor();
  assert.equal(await page.getByTestId('builder-count').innerText(), '1 privilege selected.');
  assert.equal(await page.getByTestId('builder-count').getAttribute('role'), 'status', 'the builder announces its count');
  // testorg offers Sources · View only: the Edit the call needs is named and marked.
  const picks = page.getByTestId('builder-picks').getByRole('listitem');
  assert.equal(await picks.count(), 1);
  assert.match(await picks.first().innerText(), /Sources · Edit\s+PLATFORM\.SOURCE\.EDIT\s+not assignable in this organization/);

  // A pick the organization offers is named without the mark, and × takes a pick out.
  await page.getByLabel('Filter privileges').fill('source');
  await page.getByLabel('All types of SOURCE', { exact: true }).check();
  await picks.nth(1).waitFor();
  assert.equal(await page.getByTestId('not-assignable').count(), 1);
  await page.getByRole('button', { name: 'Take Content · Sources · Edit out of the builder' }).click();
  await page.getByTestId('builder-count').filter({ hasText: '1 privilege selected.' }).waitFor();
  assert.equal(await page.getByTestId('not-assignable').count(), 0);
  await result.getByRole('button', { name: 'Add to builder' }).waitFor();
  await page.context().close();
});

test('a shared link says what it opens before any token, and the builder\'s picks and JSON show from the bundled catalog', async () => {
  const page = await openApp(world, '?view=privileges&org=myorg&purpose=search-token&pick=SEARCH_API.EXECUTE_QUERY,PLATFORM.SOURCE.VIEW');
  const opens = page.getByTestId('link-opens');
  await opens.waitFor();
  assert.match(await opens.innerText(), /^This link opens: Privilege explorer of myorg: a key for: Server-side search token · 2 privileges in the builder$/);
  const json = JSON.parse(await page.getByTestId('builder-json').innerText());
  assert.deepEqual(json.map((p) => `${p.owner}.${p.targetDomain}`).sort(), ['PLATFORM.SOURCE', 'SEARCH_API.EXECUTE_QUERY']);
  const picks = await page.getByTestId('builder-picks').innerText();
  assert.match(picks, /Execute queries/);
  assert.match(picks, /Sources · View/);
  assert.equal(await page.getByTestId('not-assignable').count(), 0, 'no list yet: nothing is said of what the organization offers');

  // Key lookup says so too; once a token is in the field, the line goes.
  await page.goto(`${world.site.url}/?org=testorg&q=search&status=DISABLED&key=abc`);
  await opens.filter({ hasText: 'Key lookup of testorg: keys matching “search” · status Disabled · the details of key abc' }).waitFor();
  await page.getByLabel('Access token').fill('x');
  await opens.waitFor({ state: 'detached' });
  await page.context().close();
});
