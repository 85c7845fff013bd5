// Takes the README's screenshots from the real release build on the sample data:
//   xtask/run screenshots   (writes xtask/screenshots/*.png)

import { mkdir } from 'node:fs/promises';
import path from 'node:path';

import { launchBrowser, pickKey, serveStatic, ROOT } from './e2e/harness.mjs';

const out = path.join(ROOT, 'xtask', 'screenshots');
await mkdir(out, { recursive: true });
const [site, browser] = await Promise.all([serveStatic(), launchBrowser()]);
try {
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
    await page.goto(`${site.url}/?org=mycoveocloudv2organization`);
    await page.getByRole('button', { name: 'Try with sample data' }).click();
    await page.getByTestId('key-table').waitFor();
    await page.getByLabel('Filter keys').fill('search');
    await page.waitForTimeout(200);
    await page.screenshot({ path: path.join(out, `key-lookup-${scheme}.png`) });
    await page.getByRole('link', { name: 'Privilege explorer' }).click();
    await page.getByTestId('privilege-count').waitFor();
    await pickKey(page, 'Compare with a key', 'xx4jq7nbz3kt2wd6e5hfmr8cya');
    await page.getByLabel('All types of SOURCE', { exact: true }).check();
    await page.getByTestId('compare-summary').waitFor();
    await page.getByLabel('Find by API operation').fill('PUT /rest/organizations/myorg/sources/abc123');
    await page.getByTestId('finder-result').waitFor();
    await page.getByLabel('Find by API operation').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(out, `privilege-explorer-${scheme}.png`) });
    await page.close();
  }
  console.log(`Screenshots written to ${path.relative(process.cwd(), out)}/`);
} finally {
  await browser.close();
  await site.close();
}
