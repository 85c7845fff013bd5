// Shared set-up for the end-to-end tests and benchmarks: the release build served by a
// plain static file server, the test Coveo API, and Debian's headless Chromium.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { startApiServer, TEST_TOKEN } from '../api-server.mjs';

export { TEST_TOKEN };
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Flags Chromium needs here: root has no sandbox, and the closed network refuses
 * background connections. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** Serves `dir` with Python's plain static file server (no rewrites, no fallback). */
export async function serveStatic(dir = path.join(ROOT, 'dist')) {
  const child = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const port = await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      const match = /port (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', () => {}); // access log
    child.once('exit', (code) => reject(new Error(`static server exited (${code}): ${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      child.kill();
      await once(child, 'exit').catch(() => {});
    },
  };
}

/** Everything a test needs: servers, a browser, and a fresh page per test. */
export async function startWorld() {
  const [api, site, browser] = await Promise.all([startApiServer(), serveStatic(), launchBrowser()]);
  return {
    api,
    site,
    browser,
    async close() {
      await browser.close();
      await Promise.all([api.close(), site.close()]);
    },
  };
}

/** Opens the app at `query` in a new context (with Playwright `contextOptions`) and
 * waits until it is interactive. */
export async function openApp(world, query = '', contextOptions = {}, prepare = async () => {}) {
  const context = await world.browser.newContext(contextOptions);
  const page = await context.newPage();
  page.consoleMessages = [];
  page.on('console', (msg) => page.consoleMessages.push(msg.text()));
  page.on('pageerror', (err) => page.consoleMessages.push(`pageerror: ${err.message}`));
  // Routes set before the form is used: using it fetches the views' code too.
  await prepare(page);
  await page.goto(`${world.site.url}/${query}`);
  // The form with its extras (the `connect` chunk, asked for when the form is used), so
  // that a test finds the picker and the token help there.
  await page.getByLabel('Organization ID').focus();
  await page.locator('#org-id[role=combobox]').waitFor();
  return page;
}

/** Holds back the wasm chunk `name` (`connect`, `keys`, ...) until the returned function
 * is called. */
export async function holdChunk(page, name) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(new RegExp(`-split_${name}-[0-9a-f]{16}\\.wasm$`), async (route) => { await held; await route.continue(); });
  return release;
}

/** Loads testorg from the test API with the plain form, as it is before its extras come
 * (no wait for them, unlike `connect`). */
export async function loadWithThePlainForm(page, world) {
  await page.getByLabel('Organization ID').fill('testorg');
  await page.getByText('Advanced').click();
  await page.getByLabel('API base URL').fill(world.api.url);
  await page.getByLabel('Access token').fill(TEST_TOKEN);
  await page.getByRole('button', { name: 'Load' }).click();
}

/** Opens the connection form when a load has folded it to one line. */
export async function showForm(page) {
  const folded = page.getByTestId('folded-connection');
  if (await folded.isVisible()) await folded.getByRole('button', { name: 'Change' }).click();
  await page.getByLabel('Organization ID').waitFor();
}

/** Opens the form and its Advanced part, and sets the API base URL to `url`. */
export async function setBase(page, url) {
  await showForm(page);
  await page.locator('details.advanced').evaluate((details) => { details.open = true; });
  await page.getByLabel('API base URL').fill(url);
}

/** Sets the API base URL to the test API. */
export async function useTestApi(page, world) {
  await setBase(page, world.api.url);
}

/** Fills the connection form to use the test API (the base first: a token entered
 * before it would list organizations on Coveo's host), and presses Load. */
export async function connect(page, world, { org = 'testorg', token = TEST_TOKEN } = {}) {
  await showForm(page);
  await page.getByLabel('Organization ID').fill(org);
  await useTestApi(page, world);
  await page.getByLabel('Access token').fill(token);
  await page.getByRole('button', { name: 'Load' }).click();
}

/** Picks a key in the key picker `label`led: types `text`, then clicks the match whose
 * name is `match`, or whose id ends with it (an option reads "name id"). */
export async function pickKey(page, label, text, match = text) {
  const escaped = match.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const field = page.getByLabel(label);
  await field.fill(text);
  await page.locator(`#${await field.getAttribute('aria-controls')}`)
    .getByRole('option', { name: new RegExp(`^${escaped} |${escaped}$`) })
    .click();
}
