// Page benchmark: what the first load costs and how fast the page answers, against a
// static page with the same HTML shell and CSS (no wasm) and against Swagger UI, the
// page admins use today for these calls. Medians over RUNS runs, headless Chromium,
// loopback. Run by `xtask/run bench` after a release build.

import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { startApiServer, TEST_TOKEN } from '../api-server.mjs';
import { launchBrowser, serveStatic, ROOT } from '../e2e/harness.mjs';
import { keystrokes, median, openOrg, wasmMemoryMB, watchFrameGaps } from './measure.mjs';
import { brotli, gzip } from '../precompress.mjs';

const RUNS = Number(process.env.RUNS ?? 7);
const DIST = path.join(ROOT, 'dist');
// The same source built without the size settings (xtask/run bench builds it).
const PLAIN = path.join(ROOT, 'target', 'bench-plain');
const SWAGGER = path.join(ROOT, 'xtask', 'node_modules', 'swagger-ui-dist');
// Another build to compare with (an earlier commit's dist/), when given.
const BASELINE = process.env.BENCH_BASELINE ? path.resolve(process.env.BENCH_BASELINE) : null;

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** Every same-site file a first load of `url` fetches: raw bytes; `shipped`, the gzip
 * a host serving the build's pre-compressed `.gz` copies (Zopfli) sends, gzip -9 for a
 * file without one; `gzip`, gzip -9, as a host compressing each response sends; Brotli 11. */
async function firstLoad(browser, site, dir, url) {
  const page = await browser.newPage();
  const files = new Set();
  page.on('response', (r) => {
    if (r.url().startsWith(site.url) && r.status() === 200) files.add(new URL(r.url()).pathname);
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.close();
  const sizes = { raw: 0, shipped: 0, gzip: 0, brotli: 0, files: files.size };
  for (const file of files) {
    const name = path.join(dir, decodeURIComponent(file === '/' ? '/index.html' : file));
    const body = await readFile(name);
    const onTheFly = gzip(body).length;
    sizes.raw += body.length;
    sizes.gzip += onTheFly;
    sizes.shipped += await readFile(`${name}.gz`).then((gz) => gz.length, () => onTheFly);
    sizes.brotli += brotli(body).length;
  }
  return sizes;
}

/** The chunks of a split build (src/chunks.rs), which the first load does not fetch: a
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
const baseRuns = [];
try {
  if (baseline) {
    const [now, before] = [await firstLoad(browser, app, DIST, `${app.url}/`), await firstLoad(browser, baseline, BASELINE, `${baseline.url}/`)];
    for (let run = 0; run < RUNS; run++) {
      for (const [site, into] of [[app, runs], [baseline, baseRuns]]) {
        into.push({
          nav: await timeToInteractive(browser, `${site.url}/`),
          demo: await demoToBothViews(browser, site),
          ...(await privilegeKeystrokes(browser, site, api)),
          ...(await hugeLoad(browser, site, api)),
        });
      }
    }
    const m = (rs, key) => median(rs.map((r) => r[key]));
    const row = (label, key, digits, unit) =>
      console.log(`| ${label} | ${m(runs, key).toFixed(digits)} ${unit} | ${m(baseRuns, key).toFixed(digits)} ${unit} |`);
    console.log(`\nThis build against ${path.relative(ROOT, BASELINE)}, runs interleaved, medians of ${RUNS}\n`);
    console.log('| figure | this build | baseline |');
    console.log('|---|---|---|');
    console.log(`| first-load transfer, the build's .gz copies | ${kb(now.shipped)} | ${kb(before.shipped)} |`);
    console.log(`| first-load transfer, uncompressed | ${kb(now.raw)} | ${kb(before.raw)} |`);
    row('navigation -> inputs usable', 'nav', 0, 'ms');
    row('sample data -> both views rendered', 'demo', 0, 'ms');
    row('2,000 privileges: filter keystroke -> DOM updated', 'work', 1, 'ms');
    row('2,000 privileges: filter keystroke -> next frame', 'frame', 1, 'ms');
    row('50,000 keys: longest time between two frames', 'gap', 0, 'ms');
    row('50,000 keys: tasks over 50 ms', 'long', 0, '');
  } else {
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
      ...(await hugeLoad(browser, app, api)),
      ...(await hugeDownloadOnly(browser, app, api)),
    });
  }
  const m = (key) => median(runs.map((r) => r[key]));
  console.log(`\nPage, headless Chromium on loopback, medians of ${RUNS} runs\n`);
  console.log('| figure | measured | budget |');
  console.log('|---|---|---|');
  console.log(`| first-load transfer, gzip (${transfer.files} files: html, js, wasm, css), as sent from the build's .gz copies (Zopfli) | ${kb(transfer.shipped)} | <= 150 KB |`);
  console.log(`| the same, gzip -9 by a host that compresses each response | ${kb(transfer.gzip)} | report |`);
  console.log(`| the same, uncompressed | ${kb(transfer.raw)} | report |`);
  console.log(`| the same, Brotli 11 (the build's .br files, for hosts that serve them) | ${kb(transfer.brotli)} | report |`);
  console.log(`| the two list views' code, fetched when a list is first loaded, not with the page (${chunks.files} wasm chunks), as shipped / gzip -9 | ${kb(chunks.shipped)} / ${kb(chunks.gzip)} | report |`);
  console.log(`| navigation -> inputs usable: app / static shell / difference | ${m('app').toFixed(0)} ms / ${m('shell').toFixed(0)} ms / ${(m('app') - m('shell')).toFixed(0)} ms | difference <= 100 ms |`);
  console.log(`| without the size settings (plain \`trunk build --release\`): first-load gzip (its .gz copies) / navigation -> inputs usable | ${kb(plainTransfer.shipped)} / ${m('plain').toFixed(0)} ms | report |`);
  console.log(`| sample data -> both views rendered | ${m('demo').toFixed(0)} ms | report |`);
  console.log(`| 2,000 privileges: filter keystroke -> DOM updated | ${m('work').toFixed(1)} ms | <= 16 ms |`);
  console.log(`| 2,000 privileges: filter keystroke -> next frame | ${m('frame').toFixed(1)} ms | <= 16 ms |`);
  console.log(`| 50,000 keys: longest time between two frames, Load -> list shown | ${m('gap').toFixed(0)} ms | <= 33 ms (one missed frame) |`);
  console.log(`| the same response only downloaded and read by plain JavaScript (the browser's own floor) | ${m('downloadGap').toFixed(0)} ms | report |`);
  console.log(`| 50,000 keys: tasks over 50 ms, Load -> list shown | ${m('long').toFixed(0)} | 0 |`);
  console.log(`| 50,000 keys: wasm memory after loading | ${m('wasm').toFixed(1)} MB | report |`);
  console.log(`\nSwagger UI (swagger-ui-dist, its index page and bundles, without any OpenAPI document): ${kb(swaggerTransfer.gzip)} gzip -9 (${kb(swaggerTransfer.raw)} raw), ${(swaggerTransfer.gzip / transfer.gzip).toFixed(1)}x ours compressed the same way.`);
  }
} finally {
  await browser.close();
  await Promise.all([api.close(), app.close(), plain.close(), shell.close(), swagger.close(), baseline?.close()]);
  await rm(shellDir, { recursive: true, force: true });
}
