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
  // The release build leaves panic messages out (panic=immediate-abort): the console says
  // what happened and where to see the message.
  assert.ok(page.consoleMessages.some((m) => m.includes('stopped on an internal error')), 'the panic is logged for developers');

  await screen.getByRole('link', { name: 'Reload the page' }).click();
  await page.getByLabel('Organization ID').waitFor();
  assert.equal(await page.getByLabel('Organization ID').inputValue(), 'testorg');
  await page.context().close();
});

test("another script's uncaught error or rejection does not take the page down", async () => {
  const page = await openApp(world, '?org=testorg');
  await page.evaluate(async () => {
    setTimeout(() => { throw new Error('an extension failed'); });
    Promise.reject(new Error('an extension promise failed'));
    await new Promise((resolve) => setTimeout(resolve, 100));
  });
  assert.ok(page.consoleMessages.some((m) => m.includes('an extension failed')), 'the error did reach the page');
  assert.equal(await page.getByTestId('panic-screen').count(), 0);
  await connect(page, world);
  await page.getByTestId('key-table').waitFor();
  await page.context().close();
});

// Regression: keys with 5 MB names trapped the wasm, whose own listener could then not
// draw the screen: the page looked normal and no longer worked.
test('a trap shows the screen without the wasm that trapped', async () => {
  const page = await openApp(world, '?org=testorg');
  await page.evaluate(() => {
    // What a trap raises: only the page guard's plain JavaScript listens for it.
    window.dispatchEvent(new ErrorEvent('error', { error: new WebAssembly.RuntimeError('unreachable') }));
  });
  const screen = page.getByTestId('panic-screen');
  await screen.waitFor();
  assert.match(await screen.innerText(), /Something went wrong/);
  assert.equal(await page.getByLabel('Organization ID').count(), 0);
  await screen.getByRole('link', { name: 'Reload the page' }).click();
  await page.getByLabel('Organization ID').waitFor();
  await page.context().close();
});

// Regression: work a view left for the next frame (the filter's focus, the chips' fold)
// read the view's elements after it was gone, and the app stopped on the error screen.
test('switching views in the frame a list appears leaves nothing behind that fails', async () => {
  const page = await openApp(world);
  await page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    const until = async (selector) => { while (!document.querySelector(selector)) await frame(); };
    [...document.querySelectorAll('button')].find((b) => b.textContent === 'Try with sample data').click();
    await until('[data-testid=key-table] tbody tr');
    [...document.querySelectorAll('a')].find((a) => a.textContent === 'Privilege explorer').click();
    await until('[data-testid=owner-group]');
    [...document.querySelectorAll('a')].find((a) => a.textContent === 'Key lookup').click();
    await until('[data-testid=key-table] tbody tr');
  });
  await page.waitForTimeout(500);
  assert.equal(await page.getByTestId('panic-screen').count(), 0, 'no error screen');
  assert.match(await page.getByTestId('key-count').innerText(), /of 7 keys/);
  await page.context().close();
});
