// Surviving the worst: a panic shows an error screen with a way back, never a blank page.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { startWorld, openApp, connect } from './harness.mjs';

let world;
before(async () => { world = await startWorld(); });
after(async () => { await world?.close(); });

test('a panic shows an error screen with a working reload link', async () => {
  const page = await openApp(world, '?view=privileges&org=testorg');
  // A browser without AbortController makes the app's `expect` panic on Load: a real
  // panic through the real code path.
  await page.evaluate(() => {
    window.AbortController = function AbortController() { throw new Error('AbortController is not supported'); };
  });
  await connect(page, world);
  const screen = page.getByTestId('panic-screen');
  await screen.waitFor();
  assert.match(await screen.innerText(), /Something went wrong/);
  assert.ok(page.consoleMessages.some((m) => m.includes('AbortController exists')), 'the panic is logged for developers');

  await screen.getByRole('link', { name: 'Reload the page' }).click();
  await page.getByLabel('Organization ID').waitFor();
  assert.equal(await page.getByLabel('Organization ID').inputValue(), 'testorg');
  await page.context().close();
});
