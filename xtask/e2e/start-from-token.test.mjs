// Starting from the token, in the release build: the organization picker (paged list,
// search, keyboard, failures), the region Coveo names, templates by name (and without the
// privilege for them), identifying a key by its value, the fold after a load, and
// "Which token?".

import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';

import { ORGANIZATION_LIST, startApiServer } from '../api-server.mjs';
import { startWorld, openApp, connect, holdChunk, loadWithThePlainForm, showForm, useTestApi, TEST_TOKEN } from './harness.mjs';

let world;
before(async () => { world = await startWorld(); });
after(async () => { await world?.close(); });
afterEach(() => world.api.clearQueued());

/** Enters the token the way people do: the test API first, then the token, then leaving
 * the field (which asks for the organizations it reaches). */
async function enterToken(page, token = TEST_TOKEN) {
  await useTestApi(page, world);
  await page.getByLabel('Access token').fill(token);
  await page.getByLabel('Access token').press('Tab');
}

const directoryLine = (page) => page.getByTestId('org-directory');

/** Adds the key table's Template column (Columns menu). */
async function showTemplateColumn(page) {
  const menu = page.getByTestId('columns-menu');
  await menu.locator('summary').click();
  await menu.getByLabel('Template').check();
  await menu.locator('summary').click();
}
const keyCount = (page, text) => page.getByTestId('key-count').filter({ hasText: text }).waitFor();

test('a token lists the organizations it reaches, every page; search and a click load one', async () => {
  const page = await openApp(world);
  const asked = world.api.requests.length;
  await enterToken(page);
  await directoryLine(page).filter({ hasText: '146 organizations this token can reach' }).waitFor();
  const lists = world.api.requests.slice(asked).filter((r) => r.path === '/rest/organizations');
  assert.deepEqual(lists.map((r) => r.search), ['?page=0&perPage=100', '?page=1&perPage=100']);

  const field = page.getByLabel('Organization ID');
  await field.fill('acme');
  const options = page.locator('#org-options').getByRole('option');
  assert.deepEqual(await options.allInnerTexts(), ['ACME Europe euorg']);
  await field.fill('europe');
  assert.deepEqual(await options.allInnerTexts(), ['ACME Europe euorg']);
  await field.fill('sandbox012');
  assert.equal(await field.getAttribute('aria-expanded'), 'false', 'an exact ID needs no list');
  await field.fill('test');
  await options.filter({ hasText: 'testorg' }).click();
  await keyCount(page, '3 of 3 keys');
  const folded = page.getByTestId('folded-connection');
  assert.match(await folded.innerText(), /Test Organization\s+testorg\s+·\s+http:\/\/127\.0\.0\.1:\d+\s+·\s+token •••\s+·\s+Change/);
  assert.ok(!(await folded.innerText()).includes(TEST_TOKEN));
  await page.context().close();
});

// The form follows the flow: the token first, then the organization list, open as
// soon as it comes, whether the token was typed (Tab leads to the list) or pasted (the
// list takes the focus from the token field).
for (const how of ['typed', 'pasted']) {
  test(`the token comes first, and its organizations open under the next field as soon as they come (${how})`, async () => {
    const page = await openApp(world, '', { viewport: { width: 1280, height: 800 } });
    const token = page.getByLabel('Access token');
    const field = page.getByLabel('Organization ID');
    const [t, f] = [await token.boundingBox(), await field.boundingBox()];
    assert.ok(t.y + t.height <= f.y || (Math.abs(t.y - f.y) < 2 && t.x + t.width <= f.x), 'the token field is read first');
    await useTestApi(page, world);
    await token.fill(TEST_TOKEN);
    if (how === 'typed') {
      await token.press('Tab');
    } else {
      await token.dispatchEvent('paste');
    }
    await directoryLine(page).filter({ hasText: '146 organizations' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'org-id');
    assert.equal(await field.getAttribute('placeholder'), 'Type to search your 146 organizations');
    const options = page.locator('#org-options').getByRole('option');
    await options.first().waitFor();
    assert.equal(await options.count(), 8, 'the list is open with its first organizations');
    assert.equal(await field.getAttribute('aria-expanded'), 'true');
    await field.press('Escape');
    await page.context().close();
  });
}

test('an organization already entered keeps its field closed when the token\'s list comes', async () => {
  const page = await openApp(world);
  await useTestApi(page, world);
  await page.getByLabel('Organization ID').fill('testorg');
  await page.getByLabel('Access token').fill(TEST_TOKEN);
  await page.getByLabel('Access token').dispatchEvent('paste');
  await keyCount(page, '3 of 3 keys');
  assert.equal(await page.getByLabel('Organization ID').getAttribute('aria-expanded'), 'false');
  await page.context().close();
});

test('the picker works from the keyboard, and shows a few at a time', async () => {
  const page = await openApp(world);
  await enterToken(page);
  await directoryLine(page).filter({ hasText: '146 organizations' }).waitFor();
  const field = page.getByLabel('Organization ID');
  await field.fill('sandbox');
  assert.equal(await page.locator('#org-options').getByRole('option').count(), 8);
  assert.match(await page.locator('#org-options').innerText(), /132 more: keep typing/);
  await field.press('ArrowDown');
  await field.press('ArrowDown');
  // Typing makes the first match active (Enter picks it); each arrow moves on.
  assert.equal(await field.getAttribute('aria-activedescendant'), 'org-options-2');
  await field.press('Escape');
  assert.equal(await field.getAttribute('aria-expanded'), 'false');
  await field.fill('acme');
  await field.press('ArrowDown');
  await field.press('Enter');
  await page.getByTestId('folded-connection').filter({ hasText: 'euorg' }).waitFor();
  await page.context().close();
});

for (const [what, scenario, line] of [
  ['403', { status: 403, json: { errorCode: 'ACCESS_DENIED', message: 'No.' } }, /could not be listed \(.*403.*\): type the ID/],
  ['no CORS', 'org-nocors', /could not be listed \(.*\): type the ID/],
]) {
  test(`an organization list refused (${what}) leaves the field as it is, with one line`, async () => {
    const page = await openApp(world);
    world.api.failNext(ORGANIZATION_LIST, scenario);
    await enterToken(page);
    await directoryLine(page).filter({ hasText: line }).waitFor();
    assert.equal(await page.getByLabel('Organization ID').inputValue(), '');
    await connect(page, world);
    await keyCount(page, '3 of 3 keys');
    assert.ok(!page.consoleMessages.some((m) => m.includes('pageerror')), page.consoleMessages.join('\n'));
    await page.context().close();
  });
}

test('a wrong token says why the organizations are not listed; a plain array is read too', async () => {
  const page = await openApp(world);
  await enterToken(page, 'not-the-token');
  await directoryLine(page).filter({ hasText: /could not be listed \(.*401.*\)/ }).waitFor();
  world.api.failNext(ORGANIZATION_LIST, { status: 200, json: [{ id: 'arrayorg', displayName: 'From an array' }] });
  await enterToken(page);
  await directoryLine(page).filter({ hasText: '1 organization this token can reach' }).waitFor();
  await page.getByLabel('Organization ID').focus();
  assert.deepEqual(await page.locator('#org-options').getByRole('option').allInnerTexts(), ['From an array arrayorg']);
  await page.context().close();
});

// The test API is a custom API base, which overrides the region: the advice says so
// rather than offering a switch that would change nothing.
test('an organization that lives in another region is named with it; a custom API base is said to override it', async () => {
  const page = await openApp(world);
  await connect(page, world, { org: 'euorg' });
  const advice = page.getByTestId('region-advice');
  await advice.filter({ hasText: 'euorg lives in the EU region (platform-eu.cloud.coveo.com)' }).waitFor();
  assert.match(await advice.innerText(), new RegExp(`API base URL ${world.api.url.replace(/[.]/g, '\\.')}, which overrides the region: empty it \\(Advanced\\) to use the EU host`));
  assert.equal(await advice.getByRole('button').count(), 0, 'no switch that would change nothing');
  await keyCount(page, '3 of 3 keys');
  await page.context().close();
});

test('a "wrong region" answer names the region it gives; a region check that fails changes nothing', async () => {
  const page = await openApp(world);
  world.api.failNext('testorg', { status: 400, json: { message: 'Organization is not in this region. Allowed region(s): ap-southeast-2' } }, { route: 'apikeys' });
  world.api.failNext('testorg', 'org-nocors', { route: 'global', times: 2 });
  await connect(page, world);
  await page.getByTestId('error').filter({ hasText: 'another region' }).waitFor();
  const advice = page.getByTestId('region-advice');
  await advice.filter({ hasText: 'testorg lives in the AU region' }).waitFor();
  assert.match(await advice.innerText(), /overrides the region/);
  await page.context().close();
});

test('templates name each key\'s template, with its privacy level, in the table (Columns: Template) and the details', async () => {
  const page = await openApp(world);
  await connect(page, world);
  await keyCount(page, '3 of 3 keys');
  await showTemplateColumn(page);
  const row = (name) => page.getByRole('row').filter({ hasText: name });
  await row('My Source API Key').getByTestId('key-template').filter({ hasText: 'Source administration' }).waitFor();
  assert.equal(await row('Search page (public)').getByTestId('key-template').innerText(), 'Public search page · Public');
  assert.equal(await row('Hostile').getByTestId('key-template').count(), 0, 'a template the organization does not list has no name');
  await row('My Source API Key').getByRole('button', { name: 'My Source API Key' }).click();
  assert.match(await page.getByTestId('details-template').innerText(), /Source administration\s+tpl-source-admin/);
  assert.equal(await page.getByTestId('templates-note').count(), 0);
  await page.context().close();
});

test('without the privilege to list templates, names are absent with one line; other failures offer Retry', async () => {
  const page = await openApp(world);
  world.api.failNext('testorg', { status: 403, json: { errorCode: 'ACCESS_DENIED', message: 'Missing privilege.' } }, { route: 'templates/apikeys' });
  await connect(page, world);
  await keyCount(page, '3 of 3 keys');
  await showTemplateColumn(page);
  const note = page.getByTestId('templates-note');
  await note.filter({ hasText: 'Template names are not shown: listing templates needs Organization · API keys · Create' }).waitFor();
  assert.equal(await page.getByTestId('key-template').filter({ hasText: 'Source administration' }).count(), 0);
  assert.equal(await page.getByTestId('error').count(), 0, 'never an error screen');

  world.api.failNext('testorg', 'org-nocors', { route: 'templates/apikeys' });
  await connect(page, world);
  await keyCount(page, '3 of 3 keys');
  await note.filter({ hasText: 'Retry' }).waitFor();
  await note.getByRole('button', { name: 'Retry' }).click();
  await page.getByTestId('key-template').filter({ hasText: 'Source administration' }).waitFor();
  await note.waitFor({ state: 'detached' });
  await page.context().close();
});

test('the builder starts from a template', async () => {
  const page = await openApp(world, '?view=privileges');
  await connect(page, world);
  await page.getByTestId('privilege-count').waitFor();
  const start = page.getByTestId('template-start');
  await start.getByRole('button', { name: 'Source administration' }).click();
  const json = JSON.parse(await page.getByTestId('builder-json').innerText());
  assert.deepEqual(json.map((p) => `${p.targetDomain}.${p.type}`).sort(), ['SOURCE.EDIT', 'SOURCE.VIEW']);
  await page.context().close();
});

test('a key value identifies its key by the visible characters, and is a secret like the token', async () => {
  const page = await openApp(world);
  const value = 'xx8c1b2a3d-4e5f-6a7b-8c9d-0e1f2a3b1b3e';
  const sent = [];
  page.on('request', (r) => sent.push(r.url() + JSON.stringify(r.headers())));
  await connect(page, world);
  await keyCount(page, '3 of 3 keys');
  await page.getByText('Which key is this value?').click();
  await page.getByLabel('Identify a key by its value').fill(`  "${value}" `);
  const result = page.getByTestId('identify-result');
  await result.filter({ hasText: '1 key fits this value' }).waitFor();
  assert.match(await result.innerText(), /1 key shows no characters to compare/);
  assert.match(await page.getByTestId('identify-matches').innerText(), /My Source API Key\s+wduuqg3ip2c3i3gpopapxhcgxe/);
  await page.getByLabel('Identify a key by its value').fill('xx0000aaaa-0000-0000-0000-000000001343');
  await result.filter({ hasText: '1 key fits' }).waitFor();
  assert.match(await page.getByTestId('identify-matches').innerText(), /Search page \(public\)/);

  const stored = await page.evaluate(() => location.href + JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  for (const where of [stored, sent.join('\n'), page.consoleMessages.join('\n')]) {
    assert.ok(!where.includes('0000aaaa'), 'the value went nowhere');
  }
  await showForm(page);
  await page.getByRole('button', { name: 'Forget token' }).click();
  assert.equal(await page.getByLabel('Identify a key by its value').inputValue(), '', 'forgotten with the token');
  await page.context().close();
});

test('after a load the connection is one line and the list starts on the first screen; Change opens the form', async () => {
  const page = await openApp(world, '', { viewport: { width: 1280, height: 800 } });
  await connect(page, world);
  await keyCount(page, '3 of 3 keys');
  const firstRow = page.getByTestId('key-table').locator('tbody tr').first();
  const box = await firstRow.boundingBox();
  assert.ok(box.y + box.height <= 800, `first key row ends at ${box.y + box.height}px`);
  await page.getByTestId('folded-connection').getByRole('button', { name: 'Change' }).click();
  await page.getByLabel('Access token').waitFor();
  // The focus moves in the frame the form is drawn in, which may come after the field.
  await page.waitForFunction(() => document.activeElement.id === 'org-id', null, { timeout: 2_000 });
  await page.context().close();
});

for (const width of [1280, 360]) {
  test(`the Region select never clips its text (${width}px wide)`, async () => {
    const page = await openApp(world, '', { viewport: { width, height: 800 } });
    const region = page.locator('#region');
    for (const code of ['us', 'eu', 'au', 'ca', 'hipaa']) {
      await region.selectOption(code);
      const [needed, room] = await region.evaluate((select) => {
        const style = getComputedStyle(select);
        const context = document.createElement('canvas').getContext('2d');
        context.font = style.font;
        const text = context.measureText(select.selectedOptions[0].text).width;
        // Room for the text: the box less its padding, border and the arrow (about 1.5em).
        const chrome = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) + 2 + 1.5 * parseFloat(style.fontSize);
        return [text, select.getBoundingClientRect().width - chrome];
      });
      assert.ok(needed <= room, `${code}: ${needed}px of text in ${room}px`);
    }
    await page.context().close();
  });
}

test('"Which token?" is there before any error: the kinds that work, the privileges, the Console of the region', async () => {
  const page = await openApp(world, '?region=eu');
  await page.getByText('Which token?').click();
  const help = page.locator('details.which-token');
  const text = await help.innerText();
  assert.match(text, /personal access token/);
  assert.match(text, /An API key does not work/);
  assert.match(text, /Key lookup: Organization · API keys · View \(PLATFORM\.API_KEY\.VIEW\)/);
  assert.match(text, /Privilege explorer: Organization · Organization · View \(PLATFORM\.ORGANIZATION\.VIEW\)/);
  assert.equal(await help.getByRole('link').getAttribute('href'), 'https://platform-eu.cloud.coveo.com/admin/');
  await page.getByLabel('Access token').fill('xx8c1b2a3d-4e5f-6a7b-8c9d-0e1f2a3b1b3e');
  await page.getByTestId('api-key-as-token').waitFor();
  await page.context().close();
});

// Regression: editing the API base while the list was paging sent the next pages to the
// new host with the listing started on the old one, and the picker showed both.
test('an organization list pages from one host with one token, and is abandoned when either changes', async () => {
  const other = await startApiServer();
  try {
    const page = await openApp(world);
    world.api.failNext(ORGANIZATION_LIST, { delayMs: 1_500 }, { route: 'organizations' });
    const [firstSeen, otherSeen] = [world.api.requests.length, other.requests.length];
    await enterToken(page);
    await directoryLine(page).filter({ hasText: 'Finding the organizations' }).waitFor();
    await page.getByLabel('API base URL').fill(other.url);
    await page.getByLabel('API base URL').press('Tab');
    await directoryLine(page).filter({ hasText: '146 organizations this token can reach' }).waitFor();
    await page.waitForTimeout(2_000); // past the first host's slow page
    const lists = (log, from) => log.slice(from).filter((r) => r.path === '/rest/organizations').map((r) => r.search);
    assert.deepEqual(lists(world.api.requests, firstSeen), ['?page=0&perPage=100'], 'the first host: its first page only');
    assert.deepEqual(lists(other.requests, otherSeen), ['?page=0&perPage=100', '?page=1&perPage=100']);
    assert.ok(other.requests.slice(otherSeen).every((r) => r.authorized));
    await page.context().close();
  } finally {
    await other.close();
  }
});

test('after "Forget token", the forgotten token\'s organizations are no longer offered, and the form is not folded', async () => {
  const page = await openApp(world);
  await connect(page, world);
  await keyCount(page, '3 of 3 keys');
  await page.getByTestId('folded-connection').waitFor();
  await showForm(page);
  await directoryLine(page).filter({ hasText: 'organizations this token can reach' }).waitFor();
  const before = world.api.requests.length;
  await page.getByRole('button', { name: 'Forget token' }).click();
  await directoryLine(page).waitFor({ state: 'detached' });
  await keyCount(page, '3 of 3 keys'); // the loaded list stays
  assert.equal(await page.getByTestId('folded-connection').count(), 0);
  assert.equal(await page.getByLabel('Access token').inputValue(), '');
  const field = page.getByLabel('Organization ID');
  await field.fill('sand');
  assert.equal(await page.locator('#org-options').getByRole('option').count(), 0);
  assert.deepEqual(world.api.requests.slice(before), []);
  await page.context().close();
});

// Regression: a connection chunk that came after "Forget token" folded the form to
// "token •••" with an empty token field. A load waits for that chunk (it sends every
// request): forgotten meanwhile, it sends nothing when the chunk comes.
test('extras that come after "Forget token" send nothing and never fold to a token the field does not hold', async () => {
  const context = await world.browser.newContext();
  const page = await context.newPage();
  const release = await holdChunk(page, 'connect');
  await page.goto(`${world.site.url}/`);
  const seen = world.api.requests.length;
  await loadWithThePlainForm(page, world);
  await page.getByTestId('loading').waitFor();
  await page.getByRole('button', { name: 'Forget token' }).click();
  release();
  await page.locator('#org-id[role=combobox]').waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.getByTestId('folded-connection').count(), 0);
  assert.equal(await page.getByLabel('Access token').inputValue(), '');
  assert.deepEqual(world.api.requests.slice(seen), [], 'nothing was sent');
  assert.match(await page.getByTestId('error').innerText(), /token/i);
  await context.close();
});

/** Plays Coveo's own hosts with the test API: each request to a `*.cloud.coveo.com` host
 * is answered by the test API on loopback (the page's request, its CORS and the answer
 * unchanged but for the host), so that a region's host can be chosen with no API base. */
async function coveoHostsOnTheTestApi(page) {
  await page.route(/^https:\/\/[a-z-]+\.cloud\.coveo\.com\//, async (route) => {
    const url = new URL(route.request().url());
    const response = await route.fetch({ url: `${world.api.url}${url.pathname}${url.search}` });
    await route.fulfill({ response });
  });
}

test('with no API base, the region advice switches to the region in one click and loads there', async () => {
  const page = await openApp(world);
  await coveoHostsOnTheTestApi(page);
  const hosts = [];
  page.on('request', (r) => { if (r.url().includes('/rest/')) hosts.push(new URL(r.url()).host); });
  await page.getByLabel('Organization ID').fill('euorg');
  await page.getByLabel('Access token').fill(TEST_TOKEN);
  await page.getByRole('button', { name: 'Load' }).click();
  const advice = page.getByTestId('region-advice');
  await advice.filter({ hasText: 'euorg lives in the EU region (platform-eu.cloud.coveo.com)' }).waitFor();
  await advice.getByRole('button', { name: 'Switch to EU' }).click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('region') === 'eu');
  await advice.waitFor({ state: 'detached' });
  await keyCount(page, '3 of 3 keys');
  assert.ok(hosts.includes('platform.cloud.coveo.com'), hosts.join(' '));
  assert.ok(hosts.includes('platform-eu.cloud.coveo.com'), hosts.join(' '));
  await page.context().close();
});

// Leaving the token field asks for the organizations it reaches, and their line comes
// while Load is being pressed: it takes space kept for it, so Load stays under the
// pointer from press to release, on a phone as on a laptop.
for (const [width, height] of [[390, 844], [1280, 800]]) {
  test(`Load pressed right after typing the token loads the list (${width}x${height}): nothing moves under the pointer`, async () => {
    const page = await openApp(world, '', { viewport: { width, height } });
    await page.getByLabel('Organization ID').fill('testorg');
    await useTestApi(page, world);
    // Typed, and still in the field: pressing Load is what leaves it.
    await page.getByLabel('Access token').fill(TEST_TOKEN);
    const load = page.getByRole('button', { name: 'Load' });
    await load.scrollIntoViewIfNeeded();
    const pressed = await load.boundingBox();
    await page.mouse.move(pressed.x + pressed.width / 2, pressed.y + pressed.height / 2);
    await page.mouse.down();
    // A person's press: the organizations are asked for and listed meanwhile.
    await directoryLine(page).filter({ hasText: 'organizations this token can reach' }).waitFor();
    const released = await load.boundingBox();
    await page.mouse.up();
    assert.deepEqual([released.x, released.y], [pressed.x, pressed.y], 'Load stayed where it was pressed');
    await keyCount(page, '3 of 3 keys');
    await page.context().close();
  });
}
