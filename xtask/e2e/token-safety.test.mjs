// The token after a full session of use: only in its password field (and, when the user
// asks, in this tab's sessionStorage), and only ever sent to the chosen API base.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { startWorld, openApp, connect, TEST_TOKEN } from './harness.mjs';

let world;
before(async () => { world = await startWorld(); });
after(async () => { await world?.close(); });

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
