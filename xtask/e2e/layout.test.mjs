// The layout holds from a 360 px phone to a 1920 px desktop: no view scrolls sideways
// (wide tables scroll inside their own box).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { connect, openApp, pickKey, startWorld } from './harness.mjs';

let world;
before(async () => { world = await startWorld(); });
after(async () => { await world?.close(); });

for (const width of [360, 1920]) {
  test(`both views fit a ${width} px wide window`, async () => {
    const context = await world.browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${world.site.url}/`);
    await page.getByRole('button', { name: 'Try with sample data' }).click();
    await page.getByRole('button', { name: 'Public search page' }).click();
    await page.getByTestId('key-details').waitFor();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.equal(await overflow(), 0, 'key lookup');
    await page.getByRole('link', { name: 'Privilege explorer' }).click();
    await pickKey(page, 'Compare with a key', 'xx4jq7nbz3kt2wd6e5hfmr8cya');
    await page.getByTestId('compare-summary').waitFor();
    assert.equal(await overflow(), 0, 'privilege explorer');
    await context.close();
  });
}

/** What a person sees of the key table, measured: the table's own sideways scroll, each
 * shown row's id (its lines, and whether its Copy button is on its line), and how many
 * rows are fully in the window. */
function measureKeyTable(page) {
  return page.evaluate(() => {
    const wrap = document.querySelector('.table-wrap');
    const rows = [...document.querySelectorAll('[data-testid=key-table] tbody tr')];
    const ids = rows.slice(0, 10).map((row) => {
      const code = row.querySelector('td.id code');
      const copy = row.querySelector('td.id button');
      const line = parseFloat(getComputedStyle(code).lineHeight) || parseFloat(getComputedStyle(code).fontSize) * 1.5;
      const c = code.getBoundingClientRect();
      const b = copy.getBoundingClientRect();
      return { lines: Math.round(c.height / line), copyOnItsLine: b.top < c.bottom && b.bottom > c.top && b.left >= c.right };
    });
    const fully = rows.filter((row) => {
      const r = row.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight && r.height > 0;
    }).length;
    return { sideways: wrap.scrollWidth - wrap.clientWidth, pageSideways: document.documentElement.scrollWidth - innerWidth, ids, fully };
  });
}

for (const width of [1280, 1920]) {
  test(`at ${width}x800 the key table reads at a glance: ids on one line with Copy, no sideways scroll, 8 keys or more in view after a load`, async () => {
    const page = await openApp(world, '', { viewport: { width, height: 800 } });
    await connect(page, world, { org: 'bigorg' });
    await page.getByTestId('key-count').filter({ hasText: '10,000 of 10,000 keys' }).waitFor();
    const seen = await measureKeyTable(page);
    assert.equal(seen.sideways, 0, 'the table does not scroll sideways');
    assert.equal(seen.pageSideways, 0, 'nor does the page');
    assert.ok(seen.ids.every((id) => id.lines === 1 && id.copyOnItsLine), JSON.stringify(seen.ids));
    assert.ok(seen.fully >= 8, `${seen.fully} keys fully in view`);
    await page.context().close();
  });
}

test('on a phone each key is a card: its name, its id with Copy, its status, and nothing sideways', async () => {
  const page = await openApp(world, '', { viewport: { width: 390, height: 844 } });
  await connect(page, world, { org: 'bigorg' });
  await page.getByTestId('key-count').filter({ hasText: '10,000 of 10,000 keys' }).waitFor();
  const seen = await measureKeyTable(page);
  assert.equal(seen.sideways, 0);
  assert.equal(seen.pageSideways, 0);
  const shown = await page.locator('[data-testid=key-table] tbody tr').first().evaluate((row) =>
    [...row.cells].filter((td) => td.getBoundingClientRect().height > 0).map((td) => td.className));
  assert.deepEqual(shown, ['name', 'id', 'status-cell']);
  assert.equal(await page.locator('[data-testid=key-table] thead').isVisible(), false);
  await page.context().close();
});

/** The Close button of the details, and where it is against the window. */
const closeOnScreen = (page) => page.getByTestId('key-details').getByRole('button', { name: 'Close' }).evaluate((button) => {
  const r = button.getBoundingClientRect();
  return r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight;
});

test('key details open beside the list on a laptop (the list stays whole and still), above it on a phone, Close always on screen', async () => {
  const page = await openApp(world, '', { viewport: { width: 1280, height: 800 } });
  await connect(page, world, { org: 'bigorg' });
  await page.getByTestId('key-count').filter({ hasText: '10,000 of 10,000 keys' }).waitFor();
  const name = page.locator('[data-testid=key-table] td.name button').nth(3);
  const before = await name.boundingBox();
  await name.click();
  const details = page.getByTestId('key-details');
  await details.waitFor();
  const [table, panel] = await Promise.all([page.getByTestId('key-table').boundingBox(), details.boundingBox()]);
  assert.ok(panel.x >= table.x + table.width, 'the details are beside the table');
  assert.deepEqual(await name.boundingBox().then((b) => [b.y]), [before.y], 'the row clicked stayed under the pointer');
  assert.equal((await measureKeyTable(page)).sideways, 0, 'the list beside them does not scroll sideways');
  assert.ok(await closeOnScreen(page));
  // Another key: the details follow, the list stays usable.
  await page.locator('[data-testid=key-table] td.name button').nth(5).click();
  await details.getByRole('heading', { name: 'Key 5 for service 5' }).waitFor();
  assert.ok(await closeOnScreen(page));

  await page.setViewportSize({ width: 390, height: 844 });
  const [phoneTable, phonePanel] = await Promise.all([page.getByTestId('key-table').boundingBox(), details.boundingBox()]);
  assert.ok(phonePanel.y + phonePanel.height <= phoneTable.y, 'on a phone the details come before the list');
  assert.ok(Math.abs(phonePanel.width - phoneTable.width) <= 2, 'as wide as the list');
  await details.scrollIntoViewIfNeeded();
  assert.ok(await closeOnScreen(page));
  await page.context().close();
});

test('"Copied" moves nothing in the table', async () => {
  const page = await openApp(world, '', { viewport: { width: 1280, height: 800 }, permissions: ['clipboard-read', 'clipboard-write'] });
  await connect(page, world);
  await page.getByTestId('key-count').filter({ hasText: '3 of 3 keys' }).waitFor();
  const cells = page.locator('[data-testid=key-table] tbody tr:first-child td');
  const before = await cells.evaluateAll((tds) => tds.map((td) => Math.round(td.getBoundingClientRect().left)));
  const row = page.locator('[data-testid=key-table] tbody tr').first();
  await row.getByRole('button', { name: 'Copy key ID' }).click();
  await row.locator('.copy-status').filter({ hasText: /Copied|Copy failed/ }).waitFor();
  const after = await cells.evaluateAll((tds) => tds.map((td) => Math.round(td.getBoundingClientRect().left)));
  assert.deepEqual(after, before);
  await page.context().close();
});

test('the details link to the organization\'s API keys in the Administration Console of its region', async () => {
  for (const [query, host] of [['', 'platform.cloud.coveo.com'], ['?region=eu', 'platform-eu.cloud.coveo.com']]) {
    const page = await openApp(world, query);
    await connect(page, world);
    await page.locator('[data-testid=key-table] td.name button').first().click();
    const link = page.getByTestId('console-link');
    assert.equal(await link.getAttribute('href'), `https://${host}/admin/#/testorg/organization/api-access/`);
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
    await page.context().close();
  }
  // The sample data lives in no organization.
  const page = await openApp(world);
  await page.getByRole('button', { name: 'Try with sample data' }).click();
  await page.locator('[data-testid=key-table] td.name button').first().click();
  await page.getByTestId('key-details').waitFor();
  assert.equal(await page.getByTestId('console-link').count(), 0);
  await page.context().close();
});

/** The chips of the group labelled `label` a person sees: those inside the group's
 * clipped box, by line, and the "More" button's text when it shows. */
function seenChips(page, label) {
  return page.evaluate((label) => {
    const group = document.querySelector(`[role=group][aria-label="${label}"]`);
    const box = group.getBoundingClientRect();
    const visible = [...group.children].filter((c) => {
      const r = c.getBoundingClientRect();
      return r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
    });
    const more = group.parentElement.querySelector('.fold-chips');
    return {
      lines: new Set(visible.map((c) => Math.round(c.getBoundingClientRect().top))).size,
      seen: visible.length,
      all: group.children.length,
      more: more && getComputedStyle(more).visibility === 'visible' ? more.textContent : null,
    };
  }, label);
}

for (const [width, height] of [[1280, 800], [390, 844]]) {
  test(`status chips take one line at ${width}x${height}, the rest behind "More", which says how many and how many are on`, async () => {
    const page = await openApp(world, '', { viewport: { width, height } });
    await connect(page, world, { org: 'bigorg' });
    await page.getByTestId('key-count').filter({ hasText: '10,000 of 10,000 keys' }).waitFor();
    const folded = await seenChips(page, 'Status');
    assert.equal(folded.lines, 1, JSON.stringify(folded));
    if (width === 1280) {
      assert.deepEqual([folded.seen, folded.more], [folded.all, null], 'a laptop shows every status');
      await page.context().close();
      return;
    }
    assert.ok(folded.seen < folded.all, JSON.stringify(folded));
    assert.equal(folded.more, `More (${folded.all - folded.seen})`);
    // A chip turned on from a link, folded away, is counted as on.
    await page.goto(`${world.site.url}/?org=bigorg&attention=1`);
    await connect(page, world, { org: 'bigorg' });
    await page.getByTestId('key-count').filter({ hasText: 'of 10,000 keys' }).waitFor();
    const withOn = await seenChips(page, 'Status');
    assert.match(withOn.more, /^More \(\d+, 1 on\)$/);
    await page.getByRole('button', { name: /^More \(/ }).click();
    const unfolded = await seenChips(page, 'Status');
    assert.equal(unfolded.seen, unfolded.all, 'More shows them all');
    assert.ok(unfolded.lines > 1);
    await page.context().close();
  });
}

test('the privilege explorer\'s first screen shows privileges, the purpose question above them and the finder on one line', async () => {
  const page = await openApp(world, '?view=privileges', { viewport: { width: 1280, height: 800 } });
  await connect(page, world);
  await page.getByTestId('privilege-count').filter({ hasText: '6 of 6' }).waitFor();
  const seen = await page.evaluate(() => {
    const box = (el) => el.getBoundingClientRect();
    const purpose = box(document.querySelector('fieldset.purpose'));
    const finder = box(document.querySelector('.finder'));
    const input = box(document.getElementById('operation-finder'));
    const firstRow = box(document.querySelector('.groups tbody tr'));
    return { purpose: purpose.bottom, finderTop: finder.top, finderHeight: finder.height, inputHeight: input.height, firstRow: firstRow.bottom };
  });
  assert.ok(seen.purpose <= seen.finderTop, 'the purpose question comes before the finder');
  assert.ok(seen.finderHeight < 2 * seen.inputHeight, `the finder is one line (${seen.finderHeight} px)`);
  assert.ok(seen.firstRow <= 800, `the first privilege is on the first screen (ends at ${seen.firstRow})`);
  await page.context().close();
});

test('on a phone the explorer keeps "N selected · Copy JSON" at the bottom of the screen while the list scrolls', async () => {
  const page = await openApp(world, '?view=privileges', { viewport: { width: 390, height: 844 }, permissions: ['clipboard-read', 'clipboard-write'] });
  await page.getByRole('button', { name: 'Try with sample data' }).click();
  await page.getByTestId('privilege-count').filter({ hasText: '95 of 95' }).waitFor();
  assert.equal(await page.getByTestId('selection-bar').count(), 0, 'no bar without a pick');
  await page.getByLabel('Server-side search token').check();
  const bar = page.getByTestId('selection-bar');
  await bar.waitFor();
  for (const y of [1500, 4000]) {
    await page.evaluate((y) => window.scrollTo(0, y), y);
    await page.waitForTimeout(100);
    const r = await bar.boundingBox();
    assert.ok(r.y >= 0 && r.y + r.height <= 844 + 1, `the bar is on screen at scroll ${y}: ${JSON.stringify(r)}`);
  }
  assert.match(await bar.innerText(), /^\d+ privileges? selected/);
  await bar.getByRole('button', { name: 'Copy JSON' }).click();
  const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
  assert.deepEqual(copied, JSON.parse(await page.getByTestId('builder-json').innerText()));
  await page.context().close();
});
