// Key lookup benchmark: 10,000 keys from the test API in headless Chromium, the real
// release build side by side with the same source built without the size settings (a
// plain `trunk build --release`: what they cost in speed, if anything), and, when
// BENCH_BASELINE names another build's folder (an earlier commit's dist/), with that
// build, runs interleaved. Prints medians over RUNS runs.
// Prints Markdown; run by `xtask/run bench` after its builds.

import path from 'node:path';

import { startApiServer } from '../api-server.mjs';
import { launchBrowser, serveStatic, ROOT } from '../e2e/harness.mjs';
import { keystrokes, median, openOrg, wasmMemoryMB } from './measure.mjs';

const RUNS = Number(process.env.RUNS ?? 7);
const TYPED = 'service 42';

async function measure(browser, site, api) {
  const page = await openOrg(browser, site, api, '?org=bigorg');

  // Response -> rendered: from the key list's responseEnd (Resource Timing) to the frame
  // after the count of 10,000 keys is in the DOM.
  await page.evaluate(() => {
    window.__rendered = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        const count = document.querySelector('[data-testid=key-count]');
        if (count?.textContent.endsWith('of 10,000 keys')) {
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now()));
        }
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
  });
  await page.getByRole('button', { name: 'Load' }).click();
  const rendered = await page.evaluate(() => window.__rendered);
  const responseEnd = await page.evaluate(
    () => performance.getEntriesByType('resource').find((e) => e.name.endsWith('/bigorg/apikeys')).responseEnd,
  );

  const { work, frame } = await keystrokes(page, 'key-filter', TYPED);

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await wasmMemoryMB(page);
  await page.close();
  return { render: rendered - responseEnd, work, frame, heap: usedSize / 2 ** 20, wasm };
}

const api = await startApiServer();
const LABELS = { shipped: 'shipped', plain: 'without size settings', baseline: 'baseline' };
const sites = {
  shipped: await serveStatic(path.join(ROOT, 'dist')),
  plain: await serveStatic(path.join(ROOT, 'target', 'bench', 'plain')),
  ...(process.env.BENCH_BASELINE ? { baseline: await serveStatic(path.resolve(process.env.BENCH_BASELINE)) } : {}),
};
const variants = Object.keys(sites);
const browser = await launchBrowser();
const results = Object.fromEntries(variants.map((v) => [v, []]));
try {
  for (let run = 0; run < RUNS; run++) {
    for (const variant of Object.keys(sites)) {
      results[variant].push(await measure(browser, sites[variant], api));
    }
  }
} finally {
  await browser.close();
  await Promise.all([api.close(), ...Object.values(sites).map((s) => s.close())]);
}

const row = (label, key, unit, budget) => {
  const cells = variants.map((v) => `${median(results[v].map((r) => r[key])).toFixed(1)} ${unit}`);
  return `| ${label} | ${cells.join(' | ')} | ${budget} |`;
};
console.log(`\n## Key lookup, 10,000 keys\n\nHeadless Chromium, medians of ${RUNS} runs (${TYPED.length * 2} keystrokes a run); \"without size settings\" is plain \`trunk build --release\`.\n`);
console.log(`| figure | ${variants.map((v) => LABELS[v]).join(' | ')} | budget |`);
console.log(`|---|${variants.map(() => '---|').join('')}---|`);
console.log(row('response -> list rendered', 'render', 'ms', '<= 300 ms'));
console.log(row('filter keystroke: input -> DOM updated', 'work', 'ms', '<= 16 ms'));
console.log(row('filter keystroke: input -> next frame', 'frame', 'ms', '<= 16 ms'));
console.log(row('JS heap used (after GC)', 'heap', 'MB', '<= 40 MB'));
console.log(row('wasm linear memory', 'wasm', 'MB', 'report'));
