// Auditing an organization's keys in the release build: who holds what (`can:` terms,
// the creator), and the privilege explorer's "held by" links into Key lookup.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { readFile } from 'node:fs/promises';

import { startWorld, openApp, connect, TEST_TOKEN, pickKey } from './harness.mjs';

let world;
before(async () => { world = await startWorld(); });
after(async () => { await world?.close(); });

const names = (page) => page.locator('[data-testid=key-table] tbody td.name button').allInnerTexts();

test('"can:" terms find the keys holding a privilege, by code or Console name, with words', async () => {
  const page = await openApp(world);
  await connect(page, world);
  await page.getByTestId('key-count').filter({ hasText: '3 of 3 keys' }).waitFor();
  const filter = page.getByLabel('Filter keys');
  for (const [text, expected] of [
    ['can:SOURCE.EDIT', ['My Source API Key']],
    ['can:sources.edit', ['My Source API Key']],
    ['CAN:platform.source', ['My Source API Key']],
    ['can:execute-queries', ['Search page (public)']],
    ['can:SOURCE page', []],
    // The Console's name in quotes, service and code mixed, the start of a word.
    ['can:"Execute queries"', ['Search page (public)']],
    ['can:search.execute_query', ['Search page (public)']],
    ['can:execute', ['Search page (public)']],
  ]) {
    await filter.fill(text);
    await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, text);
    await page.getByTestId('key-count').filter({ hasText: `${expected.length} of 3 keys` }).waitFor();
    assert.deepEqual(await names(page), expected, text);
  }
  await page.context().close();
});

test('each "can:" term shows as a chip naming what it keeps, or why it keeps nothing and what was meant', async () => {
  const page = await openApp(world);
  await connect(page, world);
  await page.getByTestId('key-count').filter({ hasText: '3 of 3 keys' }).waitFor();
  const filter = page.getByLabel('Filter keys');
  const chips = page.getByTestId('can-chip');
  await filter.fill('can:execute');
  await page.getByTestId('key-count').filter({ hasText: '1 of 3 keys' }).waitFor();
  const chipTexts = async () => (await chips.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
  assert.deepEqual(await chipTexts(), ['can: Search · Execute queries ×']);

  // A slip: no key, and why, with the name it may have meant, one click away.
  await filter.fill('can:exectue-queries');
  await page.getByTestId('key-count').filter({ hasText: '0 of 3 keys' }).waitFor();
  assert.match((await chipTexts())[0], /^No privilege matches “exectue-queries”; did you mean Search · Execute queries\?/);
  await chips.getByRole('button', { name: 'Search · Execute queries' }).click();
  await page.getByTestId('key-count').filter({ hasText: '1 of 3 keys' }).waitFor();
  assert.equal(await filter.inputValue(), 'can:"Search · Execute queries"');
  assert.deepEqual(await names(page), ['Search page (public)']);

  // Words that start several names say so and keep nothing.
  await filter.fill('can:s');
  await page.getByTestId('key-count').filter({ hasText: '0 of 3 keys' }).waitFor();
  assert.match((await chipTexts())[0], /^“s” starts the names of \d+ privileges \(.+…\): type more of the one you mean\./);

  // A chip's button takes its term out, and the words typed stay.
  await filter.fill('source can:SOURCE.EDIT');
  await page.getByTestId('key-count').filter({ hasText: '1 of 3 keys' }).waitFor();
  assert.deepEqual(await chipTexts(), ['can: Content · Sources · Edit ×']);
  await chips.getByRole('button', { name: 'Take can:SOURCE.EDIT out of the filter' }).click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'source');
  assert.equal(await filter.inputValue(), 'source');
  assert.equal(await chips.count(), 0);
  await page.context().close();
});

test('the creator is a column and is searchable', async () => {
  const page = await openApp(world);
  await connect(page, world);
  await page.getByTestId('key-count').filter({ hasText: '3 of 3 keys' }).waitFor();
  assert.ok(await page.getByRole('columnheader', { name: 'Created by' }).isVisible());
  const row = page.getByRole('row').filter({ hasText: 'Search page (public)' });
  assert.match(await row.locator('td.creator').innerText(), /Bob Tremblay/);
  await page.getByLabel('Filter keys').fill('alice');
  await page.getByTestId('key-count').filter({ hasText: '1 of 3 keys' }).waitFor();
  assert.deepEqual(await names(page), ['My Source API Key']);
  await page.context().close();
});

test('the explorer says how many loaded keys hold each privilege, and the count opens them in Key lookup', async () => {
  const page = await openApp(world);
  await connect(page, world);
  await page.getByTestId('key-count').filter({ hasText: '3 of 3 keys' }).waitFor();
  await page.getByRole('link', { name: 'Privilege explorer' }).click();
  await page.getByTestId('privilege-count').filter({ hasText: '6 of 6' }).waitFor();
  const source = page.getByRole('row', { name: /SOURCE/ });
  const held = source.getByTestId('held-by');
  assert.equal(await held.innerText(), 'held by 1 key');
  const href = await held.getAttribute('href');
  assert.ok(href.includes('q=can%3APLATFORM.SOURCE.VIEW') && !href.includes('view=privileges'), href);
  const query = page.getByRole('row', { name: /EXECUTE_QUERY/ }).getByTestId('held-by');
  assert.equal(await query.innerText(), 'held by 1 key');
  const catalog = page.getByRole('row', { name: /CATALOG/ }).getByTestId('held-by');
  assert.equal(await catalog.innerText(), 'held by 0 keys');

  await held.click();
  await page.getByTestId('key-count').filter({ hasText: '1 of 3 keys' }).waitFor();
  assert.equal(await page.getByLabel('Filter keys').inputValue(), 'can:PLATFORM.SOURCE.VIEW');
  assert.deepEqual(await names(page), ['My Source API Key']);
  // A history entry: Back returns to the explorer.
  await page.goBack();
  await page.getByTestId('privilege-count').waitFor();
  await page.context().close();
});

test('triage: a chip per flag with its severity, nothing the status says, and "Needs attention" counts active keys at risk', async () => {
  const page = await openApp(world);
  await page.getByRole('button', { name: 'Try with sample data' }).click();
  await page.getByTestId('key-count').filter({ hasText: '7 of 7 keys' }).waitFor();
  const attention = page.getByRole('button', { name: /Needs attention/ });
  assert.equal(await attention.innerText(), 'Needs attention (1)');
  // Coveo disabled the leaked key itself: its status says so, and it is not "unused" too.
  const leaked = page.getByRole('row').filter({ hasText: 'Storefront (leaked)' });
  assert.equal(await leaked.locator('.flag').count(), 0);
  assert.match(await leaked.locator('.status').innerText(), /Disabled: exposed/);
  const sandbox = page.getByRole('row').filter({ hasText: 'Never used: ML sandbox' });
  assert.equal(await sandbox.locator('.flag').getAttribute('data-severity'), 'low');
  await attention.click();
  await page.getByTestId('key-count').filter({ hasText: '1 of 7 keys' }).waitFor();
  assert.deepEqual(await names(page), ['Café locator – search token server']);
  await page.context().close();
});

test('an exposure report reads as severity, places and dates; only a web address is a link', async () => {
  const page = await openApp(world, '', { timezoneId: 'America/Toronto', locale: 'en-US' });
  await connect(page, world, { org: 'exposedorg' });
  await page.getByTestId('key-count').filter({ hasText: '3 of 3 keys' }).waitFor();
  const exposed = page.getByRole('row').filter({ hasText: 'Still active, found exposed' });
  assert.equal(await exposed.locator('.flag').getAttribute('data-severity'), 'critical');
  const idle = page.getByRole('row').filter({ hasText: 'Idle for years' });
  // One wording: the chip's words start its reason, and "Needs attention" shows the reason.
  assert.equal(await idle.locator('.flag').innerText(), 'Not used for 6 years');
  assert.match(await idle.locator('.flag').getAttribute('title'), /^Not used for 6 years\./);
  assert.equal(await page.getByRole('button', { name: /Needs attention/ }).innerText(), 'Needs attention (1)');
  // While it is on, each flag says its reason in full, in its tooltip's words.
  await page.getByRole('button', { name: /Needs attention/ }).click();
  await page.getByTestId('key-count').filter({ hasText: '1 of 3 keys' }).waitFor();
  const flag = exposed.locator('.flag');
  assert.equal(await flag.innerText(), (await flag.getAttribute('title')).replace(/ \(severity: \w+\)$/, ''));
  assert.match(await flag.innerText(), /^Exposed: Coveo reports this key exposed/);
  await page.getByRole('button', { name: /Needs attention/ }).click();

  await exposed.getByRole('button', { name: 'Still active, found exposed' }).click();
  const report = page.getByTestId('exposure-report');
  assert.match(await report.innerText(), /Severity: CRITICAL/);
  const link = report.getByRole('link', { name: 'https://github.com/example/site/blob/main/.env' });
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  assert.equal(await report.getByRole('link').count(), 1, 'javascript: is text, not a link');
  assert.match(await report.innerText(), /PASTE: javascript:window.__pwned=3/);
  // Dates in full with their time zone, readable without hovering.
  assert.match(await report.innerText(), /found \d+\/\d+\/\d{4}, \d+:\d{2} [AP]M E[SD]T \(3 days ago\)/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await page.context().close();
});

test('big lists: names in natural order, and sorting by status and by expiry is kept in the link', async () => {
  const page = await openApp(world);
  await connect(page, world, { org: 'bigorg' });
  await page.getByTestId('key-count').filter({ hasText: '10,000 of 10,000 keys' }).waitFor({ timeout: 30_000 });
  const first = (await names(page)).slice(0, 4);
  assert.deepEqual(first, ['Key 0 for service 0', 'Key 1 for service 1', 'Key 2 for service 2', 'Key 3 for service 3']);
  await page.getByTestId('key-table').getByRole('button', { name: 'Status', exact: true }).click();
  await page.waitForFunction(() => location.search.includes('sort=status'));
  // The status by name; its code on hover.
  const status = page.locator('[data-testid=key-table] tbody tr .status').first();
  assert.equal(await status.innerText(), 'Disabled');
  assert.equal(await status.getAttribute('title'), 'DISABLED');
  await page.getByTestId('key-table').getByRole('button', { name: 'Expires', exact: true }).click();
  await page.waitForFunction(() => location.search.includes('sort=expires'));
  await page.getByTestId('key-table').getByRole('button', { name: 'Expires', exact: true }).click();
  await page.waitForFunction(() => location.search.includes('sort=-expires'));
  await page.context().close();
});

/** Clicks `button` and returns the name and text of the file it saves. */
async function saved(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

test('"Export CSV" and "Export JSON" save the filtered keys, masked, spreadsheet-safe, without the token', async () => {
  const page = await openApp(world);
  await connect(page, world, { org: 'exposedorg' });
  await page.getByTestId('key-count').filter({ hasText: '3 of 3 keys' }).waitFor();
  const csv = await saved(page, page.getByRole('button', { name: 'Export CSV' }));
  assert.match(csv.name, /^api-keys-exposedorg-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = csv.text.split('\r\n');
  assert.ok(lines[0].startsWith('id,displayName,description,status,value,'), lines[0]);
  assert.ok(csv.text.includes('"\'=HYPERLINK(""http://evil.example"",""open"")"'), 'a formula is neutralised and quoted');
  assert.ok(csv.text.includes('"\'+1, ""quoted""\nand a second line"'), 'line breaks and quotes stay inside one quoted cell');
  assert.ok(csv.text.includes('"\'@mallory"'));
  assert.ok(csv.text.includes('xx*****9f3a'), 'values as masked as the API gave them');
  assert.ok(!csv.text.includes(TEST_TOKEN));

  await page.getByLabel('Filter keys').fill('idle');
  await page.getByTestId('key-count').filter({ hasText: '1 of 3 keys' }).waitFor();
  const json = await saved(page, page.getByRole('button', { name: 'Export JSON' }));
  assert.match(json.name, /\.json$/);
  const keys = JSON.parse(json.text);
  assert.deepEqual(keys.map((k) => k.id), ['idlekey000000000000000000001'], 'only the keys that match');
  assert.ok(!json.text.includes(TEST_TOKEN));
  await page.context().close();
});

test('the builder\'s JSON can be saved as a file', async () => {
  const page = await openApp(world, '?view=privileges&pick=PLATFORM.SOURCE.VIEW');
  await page.getByRole('button', { name: 'Try with sample data' }).click();
  await page.getByTestId('builder-json').filter({ hasText: 'SOURCE' }).waitFor();
  const file = await saved(page, page.getByRole('button', { name: 'Save JSON' }));
  assert.equal(file.name, 'privileges.json');
  assert.deepEqual(JSON.parse(file.text), [{ owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'VIEW' }]);
  await page.context().close();
});

test('"Start the builder from this key" opens the builder holding its privileges, compared with it', async () => {
  const page = await openApp(world);
  await connect(page, world);
  await page.getByTestId('key-count').filter({ hasText: '3 of 3 keys' }).waitFor();
  await page.getByRole('button', { name: 'My Source API Key' }).click();
  await page.getByRole('button', { name: 'Start the builder from this key' }).click();
  await page.getByTestId('builder-json').filter({ hasText: 'SOURCE' }).waitFor();
  assert.deepEqual(JSON.parse(await page.getByTestId('builder-json').innerText()), [
    { owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'EDIT' },
    { owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'VIEW' },
  ]);
  assert.match(await page.getByTestId('in-both').innerText(), /In both \(2\)/);
  assert.ok(page.url().includes('compare=wduuqg3ip2c3i3gpopapxhcgxe'));
  await page.context().close();
});

test('key against key: two keys side by side, by a link that opens cold to the same', async () => {
  const page = await openApp(world);
  await connect(page, world);
  await page.getByTestId('key-count').filter({ hasText: '3 of 3 keys' }).waitFor();
  await page.getByRole('button', { name: 'My Source API Key' }).click();
  await pickKey(page, 'Compare with another key', 'search', 'Search page (public)');
  const versus = page.getByTestId('key-versus');
  await versus.waitFor();
  assert.ok(await versus.evaluate((el) => el === document.activeElement), 'the comparison takes the focus');
  assert.match(await versus.getByTestId('only-a').innerText(), /Only in the first \(2\)[\s\S]*PLATFORM\.SOURCE\.EDIT[\s\S]*PLATFORM\.SOURCE\.VIEW/);
  assert.match(await versus.getByTestId('only-b').innerText(), /Only in the second \(1\)[\s\S]*Search · Execute queries/);
  assert.match(await versus.getByTestId('in-both-keys').innerText(), /In both \(0\)/);
  assert.match(await versus.innerText(), /Status\s+Enabled ENABLED\s+Enabled ENABLED/);
  // Templates by name, as in the details, once the organization's templates are in.
  await versus.getByRole('row', { name: /^Template/ }).filter({ hasText: 'Source administration tpl-source-admin' }).waitFor();
  await page.waitForFunction(() => location.search.includes('key=wduuqg3ip2c3i3gpopapxhcgxe') && location.search.includes('vs=q8n2k4vb6xw3zt7cm5rp9hjyda'));
  const link = page.url();
  await page.context().close();

  const cold = await openApp(world, link.slice(link.indexOf('?')));
  await connect(cold, world);
  await cold.getByTestId('key-versus').waitFor();
  assert.match(await cold.getByTestId('only-b').innerText(), /Only in the second \(1\)/);
  await cold.getByTestId('key-versus').getByRole('button', { name: 'Close' }).click();
  await cold.getByTestId('key-versus').waitFor({ state: 'detached' });
  assert.doesNotMatch(cold.url(), /vs=/);
  await cold.context().close();
});
