// axe-core over every view and state of the release build: 0 violations.

import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';

import { startWorld, openApp, connect, pickKey } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let world;
before(async () => { world = await startWorld(); });
after(async () => { await world?.close(); });

async function violations(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

for (const scheme of ['light', 'dark']) {
  test(`every state has no axe violations (${scheme})`, async () => {
    const states = {};
    // The page's CSP rightly refuses axe's injected script: let the test inject it.
    const page = await openApp(world, '', { bypassCSP: true });
    await page.emulateMedia({ colorScheme: scheme });
    states['empty, key lookup'] = await violations(page);

    await page.getByRole('link', { name: 'Privilege explorer' }).click();
    states['empty, privilege explorer'] = await violations(page);

    await page.getByRole('link', { name: 'Key lookup' }).click();
    await page.getByRole('button', { name: 'Try with sample data' }).click();
    await page.getByTestId('key-count').waitFor();
    states['sample keys'] = await violations(page);

    await page.getByRole('button', { name: 'Storefront (leaked)' }).click();
    await page.getByTestId('exposure-report').waitFor();
    states['details open under their row, exposure report'] = await violations(page);
    await pickKey(page, 'Compare with another key', 'search', 'Public search page');
    await page.getByTestId('key-versus').waitFor();
    states['key against key'] = await violations(page);
    await page.getByTestId('key-versus').getByRole('button', { name: 'Close' }).click();

    await page.getByRole('button', { name: /Needs attention/ }).click();
    await page.getByRole('button', { name: 'Café locator – search token server' }).click();
    await page.getByTestId('key-details').waitFor();
    states['needs attention, details open'] = await violations(page);

    await page.getByLabel('Filter keys').fill('no such key anywhere');
    await page.getByTestId('no-match').waitFor();
    states['no match'] = await violations(page);

    await page.getByRole('link', { name: 'Privilege explorer' }).click();
    await page.getByTestId('privilege-count').waitFor();
    await pickKey(page, 'Compare with a key', 'xx4jq7nbz3kt2wd6e5hfmr8cya');
    await page.getByLabel('Public search page').check();
    await page.getByRole('row', { name: /IMPERSONATE/ }).first().getByRole('checkbox', { name: /Allowed/ }).check();
    await page.getByTestId('builder-warning').waitFor();
    states['explorer, compare, purpose, builder warning'] = await violations(page);
    await page.getByLabel('Find by API operation').fill('GET /rest/organizations/o/securitycache/status');
    await page.getByTestId('finder-result').first().waitFor();
    states['endpoint finder'] = await violations(page);

    world.api.failNext('testorg', 'org-401', { route: 'apikeys' });
    world.api.failNext('testorg', { delayMs: 3000 }, { route: 'privileges/apikeys' });
    await connect(page, world);
    await page.getByTestId('loading').waitFor();
    states['loading'] = await violations(page);
    await page.getByRole('link', { name: 'Key lookup' }).click();
    await page.getByTestId('error').waitFor();
    await page.getByTestId('token-check').filter({ hasText: 'Token check' }).waitFor();
    states['error, token check'] = await violations(page);

    for (const [state, found] of Object.entries(states)) assert.deepEqual(found, [], state);
    await page.context().close();
  });
}
