// The layout holds from a 360 px phone to a 1920 px desktop: no view scrolls sideways
// (wide tables scroll inside their own box).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { startWorld, pickKey } from './harness.mjs';

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
