// Measurements shared by the benchmarks.

import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { TEST_TOKEN } from '../api-server.mjs';
import { brotli, gzip } from '../precompress.mjs';

export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Types `typed` into the input `#inputId`, then deletes it, one character at a time, and
 * returns the medians: `work` is input event -> every task it caused has run (DOM
 * updated); `frame` is input event -> the next frame.
 */
export async function keystrokes(page, inputId, typed) {
  const strokes = await page.evaluate(async ([id, text]) => {
    const input = document.getElementById(id);
    input.focus();
    const values = [];
    for (let i = 1; i <= text.length; i++) values.push(text.slice(0, i));
    for (let i = text.length - 1; i >= 0; i--) values.push(text.slice(0, i));
    const out = [];
    for (const value of values) {
      await new Promise((r) => setTimeout(r, 30));
      const t0 = performance.now();
      input.value = value;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
      await new Promise((r) => setTimeout(r, 0));
      const t1 = performance.now();
      await new Promise((r) => requestAnimationFrame(r));
      out.push({ work: t1 - t0, frame: performance.now() - t0 });
    }
    return out;
  }, [inputId, typed]);
  return { work: median(strokes.map((s) => s.work)), frame: median(strokes.map((s) => s.frame)) };
}

/** Keeps the page's wasm memory when Trunk's loader says the app started (its event
 * carries the instance's exports), so the benchmark reads it from outside the app. */
export async function probeWasmMemory(page) {
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (event) => {
      window.__wasmMemory = Object.values(event.detail.wasm).find((v) => v instanceof WebAssembly.Memory);
    });
  });
}

/** The page's wasm linear memory, in MB (the JS heap does not count it). */
export const wasmMemoryMB = (page) => page.evaluate(() => window.__wasmMemory.buffer.byteLength / 2 ** 20);

/** A new page of the app at `query`, with the test token and the test API filled in,
 * ready for Load. */
export async function openOrg(browser, site, api, query) {
  const page = await browser.newPage();
  await probeWasmMemory(page);
  await page.goto(`${site.url}/${query}`);
  // Using the form brings its extras (a chunk, in builds that have one), which replace the
  // plain form: wait for them, so that what is opened below stays open.
  await page.getByLabel('Organization ID').focus();
  await page.locator('#org-id[role=combobox]').waitFor({ timeout: 5000 }).catch(() => {});
  await page.getByLabel('Access token').fill(TEST_TOKEN);
  await page.getByText('Advanced').click();
  await page.getByLabel('API base URL').fill(api.url);
  return page;
}

/** Starts noting the longest time between two painted frames on `page`; the returned
 * function stops and gives it (in ms), after two more frames. */
export async function watchFrameGaps(page) {
  await page.evaluate(() => {
    window.__gap = 0;
    window.__stopGaps = false;
    let last = null;
    const frame = (t) => {
      if (last !== null) window.__gap = Math.max(window.__gap, t - last);
      last = t;
      if (!window.__stopGaps) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  return () =>
    page.evaluate(async () => {
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      window.__stopGaps = true;
      return window.__gap;
    });
}

/** Every same-site file a first load of `url` fetches: raw bytes; `shipped`, the gzip
 * a host serving the build's pre-compressed `.gz` copies (Zopfli) sends, gzip -9 for a
 * file without one; `gzip`, gzip -9, as a host compressing each response sends; Brotli 11. */
export async function firstLoad(browser, site, dir, url) {
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
