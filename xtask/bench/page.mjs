// Page benchmark: what the first load costs and how fast the page answers, against a
// static page with the same HTML shell and CSS (no wasm) and against Swagger UI, the
// page admins use today for these calls; with BENCH_BASELINE (another build's folder),
// also side by side with that build. Medians over RUNS runs, headless Chromium, loopback.
// Prints Markdown; run by `xtask/run bench` after its builds.

import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { startApiServer, TEST_TOKEN } from '../api-server.mjs';
import { launchBrowser, serveStatic, ROOT } from '../e2e/harness.mjs';
import { firstLoad, kb, keystrokes, median, openOrg, wasmMemoryMB, watchFrameGaps } from './measure.mjs';
import { gzip } from '../precompress.mjs';

const RUNS = Number(process.env.RUNS ?? 7);
const DIST = path.join(ROOT, 'dist');
// The same source built without the size settings (xtask/run bench builds it).
const PLAIN = path.join(ROOT, 'target', 'bench', 'plain');
const SWAGGER = path.join(ROOT, 'xtask', 'node_modules', 'swagger-ui-dist');
// Another build to compare with (an earlier commit's dist/), when given.
const BASELINE = process.env.BENCH_BASELINE ? path.resolve(process.env.BENCH_BASELINE) : null;


/** The chunks of a split build (src/split.rs), which the first load does not fetch: a
 * list's first load does. Sizes as in `firstLoad`. */
async function chunkTransfer(dir) {
  const sizes = { shipped: 0, gzip: 0, files: 0 };
  for (const file of await readdir(dir)) {
    if (!/-(chunk_\d+|split_\w+)-[0-9a-f]{16}\.wasm$/.test(file)) continue;
    const body = await readFile(path.join(dir, file));
    sizes.files++;
    sizes.gzip += gzip(body).length;
    sizes.shipped += (await readFile(path.join(dir, `${file}.gz`))).length;
  }
  return sizes;
}

/** Milliseconds from navigation start until the Organization ID field is usable: in the
 * page, painted, and the main thread free to take a keystroke (a task queued in the frame
 * that paints it has run, after whatever the page had queued before). */
async function timeToInteractive(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__interactive = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (!document.getElementById('org-id')) return;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now())));
      });
      observer.observe(document, { childList: true, subtree: true });
    });
  });
  await page.goto(url);
  const ms = await page.evaluate(() => window.__interactive);
  await context.close();
  return ms;
}

/** Sample data to both views rendered. */
async function demoToBothViews(browser, site) {
  const page = await browser.newPage();
  await page.goto(`${site.url}/`);
  await page.getByLabel('Organization ID').waitFor();
  const ms = await page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    const until = async (selector) => { while (!document.querySelector(selector)) await frame(); };
    const t0 = performance.now();
    [...document.querySelectorAll('button')].find((b) => b.textContent === 'Try with sample data').click();
    await until('[data-testid=key-table] tbody tr');
    [...document.querySelectorAll('a')].find((a) => a.textContent === 'Privilege explorer').click();
    await until('[data-testid=owner-group]');
    await frame();
    return performance.now() - t0;
  });
  await page.close();
  return ms;
}

/** Filter keystrokes over 2,000 privileges: input -> DOM updated, input -> next frame. */
async function privilegeKeystrokes(browser, site, api) {
  const page = await openOrg(browser, site, api, '?view=privileges&org=bigprivorg');
  await page.getByRole('button', { name: 'Load' }).click();
  await page.getByTestId('privilege-count').filter({ hasText: 'of 2,000 privileges' }).waitFor();
  const strokes = await keystrokes(page, 'privilege-filter', 'domain 01');
  await page.close();
  return strokes;
}

/** Endpoint finder keystrokes over the catalog's 601 operations. */
async function finderKeystrokes(browser, site) {
  const page = await browser.newPage();
  await page.goto(`${site.url}/?view=privileges`);
  await page.getByRole('button', { name: 'Try with sample data' }).click();
  await page.getByLabel('Find by API operation').waitFor();
  const { work, frame } = await keystrokes(page, 'operation-finder', 'update source schedule');
  await page.close();
  return { finderWork: work, finderFrame: frame };
}

/** \`can:\` filter keystrokes over 10,000 keys holding 20 privileges each. */
async function canKeystrokes(browser, site, api) {
  const page = await openOrg(browser, site, api, '?org=auditorg');
  await page.getByRole('button', { name: 'Load' }).click();
  await page.getByTestId('key-count').filter({ hasText: 'of 10,000 keys' }).waitFor();
  const { work, frame } = await keystrokes(page, 'key-filter', 'can:sources.edit');
  await page.close();
  return { canWork: work, canFrame: frame };
}

/** "Export CSV" of 10,000 keys holding 20 privileges each: click -> the file handed to
 * the browser, and the longest task meanwhile. */
async function csvExport(browser, site, api) {
  const page = await openOrg(browser, site, api, '?org=auditorg');
  await page.getByRole('button', { name: 'Load' }).click();
  await page.getByTestId('key-count').filter({ hasText: 'of 10,000 keys' }).waitFor();
  const [download, times] = await Promise.all([
    page.waitForEvent('download'),
    page.evaluate(async () => {
      const tasks = [];
      const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
      observer.observe({ type: 'longtask' });
      // The file is handed to the browser when its object URL is made.
      let handed = null;
      const createObjectURL = URL.createObjectURL;
      URL.createObjectURL = (blob) => { handed ??= performance.now(); return createObjectURL(blob); };
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Export CSV');
      const t0 = performance.now();
      button.click();
      while (handed === null) await new Promise((r) => setTimeout(r, 1));
      await new Promise((r) => setTimeout(r, 100));
      observer.disconnect();
      return { exported: handed - t0, longest: Math.max(0, ...tasks) };
    }),
  ]);
  await download.cancel();
  await page.close();
  return { csvMs: times.exported, csvLongest: times.longest };
}

/** A key holding 50 privileges: a click on it -> its details, "What can it call?"
 * included, in the DOM / painted. */
async function wideKeyDetails(browser, site, api) {
  const page = await openOrg(browser, site, api, '?org=wideorg');
  await page.getByRole('button', { name: 'Load' }).click();
  await page.getByTestId('key-count').waitFor();
  const times = await page.evaluate(async () => {
    const t0 = performance.now();
    document.querySelector('[data-testid=key-table] td.name button').click();
    while (!document.querySelector('[data-testid=callable-count]')) await new Promise((r) => setTimeout(r, 0));
    const t1 = performance.now();
    await new Promise((r) => requestAnimationFrame(r));
    return { detailsWork: t1 - t0, detailsFrame: performance.now() - t0 };
  });
  await page.close();
  return times;
}

/** 50,000 keys, from Load to the list shown: the longest time between two painted frames
 * (one missed frame at 60 Hz is 33 ms), tasks over 50 ms, and the memory after. */
async function hugeLoad(browser, site, api) {
  const page = await openOrg(browser, site, api, '?org=hugeorg');
  await page.evaluate(() => {
    window.__long = 0;
    new PerformanceObserver((list) => { window.__long += list.getEntries().length; }).observe({ type: 'longtask' });
  });
  const gapSoFar = await watchFrameGaps(page);
  await page.getByRole('button', { name: 'Load' }).click();
  await page.getByTestId('key-count').filter({ hasText: 'of 50,000 keys' }).waitFor({ timeout: 60_000 });
  const gap = await gapSoFar();
  const long = await page.evaluate(() => window.__long);
  const wasm = await wasmMemoryMB(page);
  await page.close();
  return { gap, long, wasm };
}

/** The floor for the figure above: the same 50,000-key response fetched and read to the
 * end by plain JavaScript, doing nothing with it, on a blank page of the same origin. */
async function hugeDownloadOnly(browser, site, api) {
  const page = await browser.newPage();
  await page.goto(`${site.url}/`);
  await page.evaluate(() => document.body.replaceChildren());
  const gapSoFar = await watchFrameGaps(page);
  await page.evaluate(async ([url, token]) => {
    const response = await fetch(`${url}/rest/organizations/hugeorg/apikeys`, { headers: { Authorization: `Bearer ${token}` } });
    const reader = response.body.getReader();
    while (!(await reader.read()).done);
  }, [api.url, TEST_TOKEN]);
  const downloadGap = await gapSoFar();
  await page.close();
  return { downloadGap };
}

/** This build and BENCH_BASELINE's side by side, runs interleaved. */
async function compareWithBaseline(transfer) {
  const before = await firstLoad(browser, baseline, BASELINE, `${baseline.url}/`);
  const [now, then] = [[], []];
  for (let run = 0; run < RUNS; run++) {
    for (const [site, into] of [[app, now], [baseline, then]]) {
      into.push({
        nav: await timeToInteractive(browser, `${site.url}/`),
        demo: await demoToBothViews(browser, site),
        ...(await privilegeKeystrokes(browser, site, api)),
        ...(await hugeLoad(browser, site, api)),
      });
    }
  }
  const row = (label, key, digits, unit) =>
    console.log(`| ${label} | ${m(now, key).toFixed(digits)}${unit} | ${m(then, key).toFixed(digits)}${unit} |`);
  console.log(`\n### Against ${path.relative(ROOT, BASELINE)}\n\nRuns interleaved, medians of ${RUNS}.\n`);
  console.log('| figure | this build | baseline |');
  console.log('|---|---|---|');
  console.log(`| first load, \`.gz\` copies | ${kb(transfer.shipped)} | ${kb(before.shipped)} |`);
  row('navigation -> inputs usable', 'nav', 0, ' ms');
  row('sample data -> both views rendered', 'demo', 0, ' ms');
  row('2,000 privileges: filter keystroke -> DOM updated', 'work', 1, ' ms');
  row('2,000 privileges: filter keystroke -> next frame', 'frame', 1, ' ms');
  row('50,000 keys: longest time between two frames', 'gap', 0, ' ms');
  row('50,000 keys: tasks over 50 ms', 'long', 0, '');
}

/** The same HTML shell and CSS with the field in the markup and no script or wasm. */
async function staticShell() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'key-explorer-shell-'));
  for (const file of await readdir(DIST)) if (file.endsWith('.css')) await cp(path.join(DIST, file), path.join(dir, file));
  const html = (await readFile(path.join(DIST, 'index.html'), 'utf8'))
    .replace(/<script type="module">[\s\S]*?<\/script>/, '')
    .replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '')
    .replace('<body>', '<body><main><form><label for="org-id">Organization ID</label><input id="org-id" /></form></main>');
  await writeFile(path.join(dir, 'index.html'), html);
  return dir;
}

const shellDir = await staticShell();
const [api, app, plain, shell, swagger, baseline, browser] = await Promise.all([
  startApiServer(),
  serveStatic(DIST),
  serveStatic(PLAIN),
  serveStatic(shellDir),
  serveStatic(SWAGGER),
  BASELINE ? serveStatic(BASELINE) : null,
  launchBrowser(),
]);
const runs = [];
const m = (rs, key) => median(rs.map((r) => r[key]));
try {
  const transfer = await firstLoad(browser, app, DIST, `${app.url}/`);
  const plainTransfer = await firstLoad(browser, plain, PLAIN, `${plain.url}/`);
  const swaggerTransfer = await firstLoad(browser, swagger, SWAGGER, `${swagger.url}/index.html`);
  const chunks = await chunkTransfer(DIST);
  for (let run = 0; run < RUNS; run++) {
    runs.push({
      app: await timeToInteractive(browser, `${app.url}/`),
      plain: await timeToInteractive(browser, `${plain.url}/`),
      shell: await timeToInteractive(browser, `${shell.url}/`),
      demo: await demoToBothViews(browser, app),
      ...(await privilegeKeystrokes(browser, app, api)),
      ...(await finderKeystrokes(browser, app)),
      ...(await wideKeyDetails(browser, app, api)),
      ...(await canKeystrokes(browser, app, api)),
      ...(await csvExport(browser, app, api)),
      ...(await hugeLoad(browser, app, api)),
      ...(await hugeDownloadOnly(browser, app, api)),
    });
  }
  const ms = (key, digits = 0) => `${m(runs, key).toFixed(digits)} ms`;
  console.log(`\n## The page\n\nHeadless Chromium on loopback, medians of ${RUNS} runs.\n`);
  console.log('| figure | measured | budget |');
  console.log('|---|---|---|');
  console.log(`| first load, gzip: the build's \`.gz\` copies (Zopfli) of html, js, wasm, css (${transfer.files} files) | ${kb(transfer.shipped)} | <= 150 KB |`);
  console.log(`| the same, gzip -9 by a host that compresses each response | ${kb(transfer.gzip)} | report |`);
  console.log(`| the same, Brotli 11 (the build's \`.br\` copies) | ${kb(transfer.brotli)} | report |`);
  console.log(`| the same, uncompressed | ${kb(transfer.raw)} | report |`);
  console.log(`| the list views' code (${chunks.files} wasm chunks, fetched when a list starts loading), \`.gz\` | ${kb(chunks.shipped)} | report |`);
  console.log(`| plain \`trunk build --release\` (no size settings, no split): first load, \`.gz\` | ${kb(plainTransfer.shipped)} | report |`);
  console.log(`| navigation -> inputs usable: app / static shell / difference | ${ms('app')} / ${ms('shell')} / ${(m(runs, 'app') - m(runs, 'shell')).toFixed(0)} ms | difference <= 100 ms |`);
  console.log(`| the same, plain \`trunk build --release\` | ${ms('plain')} | report |`);
  console.log(`| sample data -> both views rendered | ${ms('demo')} | report |`);
  console.log(`| 2,000 privileges: filter keystroke -> DOM updated / next frame | ${ms('work', 1)} / ${ms('frame', 1)} | <= 16 ms |`);
  console.log(`| endpoint finder, 601 operations: keystroke -> DOM updated / next frame | ${ms('finderWork', 1)} / ${ms('finderFrame', 1)} | <= 16 ms |`);
  console.log(`| \`can:\` filter keystroke, 10,000 keys of 20 privileges: input -> DOM updated / next frame | ${ms('canWork', 1)} / ${ms('canFrame', 1)} | <= 16 ms |`);
  console.log(`| "Export CSV", 10,000 keys of 20 privileges: click -> file handed to the browser / longest task | ${ms('csvMs')} / ${ms('csvLongest')} | < 300 ms / <= 50 ms |`);
  console.log(`| a key with 50 privileges: click -> details with "What can it call?" in the DOM / painted | ${ms('detailsWork', 1)} / ${ms('detailsFrame', 1)} | report (the matching alone: see "Privilege catalog (host)") |`);
  console.log(`| 50,000 keys: longest time between two frames, Load -> list shown | ${ms('gap')} | <= 33 ms (one missed frame) |`);
  console.log(`| the same response read by plain JavaScript alone (the browser's own floor) | ${ms('downloadGap')} | report |`);
  console.log(`| 50,000 keys: tasks over 50 ms, Load -> list shown | ${m(runs, 'long').toFixed(0)} | 0 |`);
  console.log(`| 50,000 keys: wasm memory after loading | ${m(runs, 'wasm').toFixed(1)} MB | report |`);
  console.log(`\nSwagger UI (\`swagger-ui-dist\`, its index page and bundles, no OpenAPI document): ${kb(swaggerTransfer.gzip)} with gzip -9, ${(swaggerTransfer.gzip / transfer.gzip).toFixed(1)}x this page compressed the same way.`);
  if (baseline) await compareWithBaseline(transfer);
} finally {
  await browser.close();
  await Promise.all([api.close(), app.close(), plain.close(), shell.close(), swagger.close(), baseline?.close()]);
  await rm(shellDir, { recursive: true, force: true });
}
