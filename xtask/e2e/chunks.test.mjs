// The views downloaded on first use (src/split.rs, xtask/wasm-split.mjs): the release
// build is split, every chunk is pinned by its hash, the first load carries none of them,
// and a chunk that cannot be downloaded (or is not the one built) is said so, with Retry.

import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { sri } from '../integrity.mjs';
import {
  buildFiles, preloadLoader, replaceFetch, replaceLoaderImport, withInstantiateFallback,
} from '../wasm-split.mjs';
import { ROOT, connect, holdChunk, loadWithThePlainForm, openApp, startWorld } from './harness.mjs';

const DIST = path.join(ROOT, 'dist');
const CHUNK = /-(chunk_\d+|split_\w+)-[0-9a-f]{16}\.wasm$/;
// The views' own chunks (the form's extras come from another).
const VIEWS = /-split_(keys|privileges)-[0-9a-f]{16}\.wasm$/;

let world;
before(async () => { world = await startWorld(); });
after(async () => { await world?.close(); });

test('the release build is split: hashed chunks, each fetched only with its integrity hash', async () => {
  const files = await readdir(DIST);
  const { stem, glue } = buildFiles(DIST);
  const chunks = files.filter((f) => CHUNK.test(f));
  const names = chunks.map((f) => f.match(CHUNK)[1]);
  assert.deepEqual(names.filter((n) => n.startsWith('split_')).sort(), ['split_connect', 'split_keys', 'split_privileges']);
  assert.ok(names.some((n) => n.startsWith('chunk_')), `the code the chunks share is a chunk too: ${names}`);

  const loaderName = files.find((f) => new RegExp(`^${stem}-chunks-[0-9a-f]{16}\\.js$`).test(f));
  assert.ok(loaderName, files.join(' '));
  const loader = await readFile(path.join(DIST, loaderName), 'utf8');
  for (const chunk of chunks) {
    const integrity = sri(await readFile(path.join(DIST, chunk)));
    assert.ok(loader.includes(`"./${chunk}",import.meta.url),{integrity:"${integrity}"}`), chunk);
    // A chunk links to the main part only: its memory, function table and stack pointer.
    const imports = WebAssembly.Module.imports(new WebAssembly.Module(await readFile(path.join(DIST, chunk))));
    assert.deepEqual(new Set(imports.map((i) => i.module)), new Set(['__wasm_split']), chunk);
  }
  assert.ok((await readFile(path.join(DIST, glue), 'utf8')).includes(`"./${loaderName}"`), 'the glue imports the loader');
  const html = await readFile(path.join(DIST, 'index.html'), 'utf8');
  assert.ok(html.includes(`href=./${loaderName} integrity=${sri(loader)} rel=modulepreload`), 'preloaded and pinned');
});

test('the privilege catalog, the sample data and the HTTP code are in the chunks, not in the first load\'s wasm', async () => {
  const { wasm: main } = buildFiles(DIST);
  const files = await readdir(DIST);
  const holds = async (file, text) => (await readFile(path.join(DIST, file))).includes(Buffer.from(text));
  // A domain summary and an operation path, each only in the catalog; a sample key's
  // description, only in the sample data (which comes with the code that decodes it); a
  // header only the request code reads.
  const samples = [
    'x-coveo-waf-action',
    'Content sources: configuration, schedules',
    '/rest/organizations/{organizationId}/sources/{sourceId}/raw',
    'Embedded in www.example.com: executes queries and pushes analytics.',
  ];
  for (const text of samples) {
    assert.equal(await holds(main, text), false, `first load holds ${text}`);
    const inChunks = await Promise.all(files.filter((f) => CHUNK.test(f)).map((f) => holds(f, text)));
    assert.ok(inChunks.includes(true), `a chunk holds ${text}`);
  }
});

test('the first load fetches no chunk; using the form fetches the connection\'s extras, then the views\'', async () => {
  const context = await world.browser.newContext();
  const page = await context.newPage();
  const fetched = [];
  page.on('request', (r) => fetched.push(r.url()));
  await page.goto(`${world.site.url}/`);
  await page.getByLabel('Organization ID').waitFor();
  await page.waitForLoadState('networkidle');
  assert.deepEqual(fetched.filter((u) => CHUNK.test(u)), []);
  // Typing in the plain form: the extras come, and the field keeps the focus and the text.
  await page.getByLabel('Organization ID').focus();
  await page.keyboard.type('test');
  await page.locator('#org-id[role=combobox]').waitFor();
  await page.keyboard.type('org');
  assert.equal(await page.getByLabel('Organization ID').inputValue(), 'testorg');
  await page.waitForLoadState('networkidle');
  const idle = fetched.filter((u) => CHUNK.test(u));
  const at = (name) => idle.findIndex((u) => u.includes(name));
  assert.ok(at('split_connect') >= 0, idle.join('\n'));
  // The lists' code comes while the form is filled in, after the form's own.
  assert.ok(at('split_keys') > at('split_connect') && at('split_privileges') > at('split_connect'), idle.join('\n'));
  await page.getByRole('button', { name: 'Try with sample data' }).click();
  await page.getByTestId('key-table').waitFor();
  const views = fetched.filter((u) => /split_(keys|privileges)/.test(u));
  assert.equal(views.length, 2, `each view's code is fetched once: ${views.join('\n')}`);
  await context.close();
});

test('the extras are asked for by a press that does not focus, and by a token remembered for this tab', async () => {
  const connectFetched = (fetched) => fetched.some((u) => CHUNK.test(u) && u.includes('split_connect'));
  for (const [how, act] of [
    // As Safari and Firefox on macOS press a button: no focus moves.
    ['a press', (page) => page.getByRole('button', { name: 'Try with sample data' }).dispatchEvent('pointerdown')],
    ['a remembered token', async (page) => {
      await page.evaluate(() => sessionStorage.setItem('coveo-key-explorer.token', 'remembered-token-value'));
      await page.reload();
    }],
  ]) {
    const context = await world.browser.newContext();
    const page = await context.newPage();
    const fetched = [];
    await page.goto(`${world.site.url}/`);
    await page.getByLabel('Organization ID').waitFor();
    await page.waitForLoadState('networkidle');
    page.on('request', (r) => fetched.push(r.url()));
    await act(page);
    await page.waitForLoadState('networkidle');
    assert.ok(connectFetched(fetched), `${how}: ${fetched.join('\n')}`);
    await context.close();
  }
});

// The extras come onto the form the user is in: the same elements (never a copy of the
// form), with the focus, the selection being typed over and an open "Advanced" as they were.
test('the extras come onto the same form: its fields, focus, selection and open parts untouched', async () => {
  const context = await world.browser.newContext();
  const page = await context.newPage();
  const release = await holdChunk(page, 'connect');
  await page.goto(`${world.site.url}/?org=oldorg`);
  const field = page.getByLabel('Organization ID');
  await page.getByText('Advanced').click();
  await field.focus();
  await field.evaluate((input) => input.setSelectionRange(0, 3));
  const parts = ['form.connection', '#org-id', '#access-token', '#api-base', 'details.advanced'];
  await page.evaluate((selectors) => {
    window.before = selectors.map((selector) => document.querySelector(selector));
  }, parts);
  release();
  await page.locator('#org-id[role=combobox]').waitFor();
  const same = await page.evaluate(
    (selectors) => selectors.map((selector, n) => document.querySelector(selector) === window.before[n]),
    parts,
  );
  assert.deepEqual(same, parts.map(() => true), parts.join(', '));
  assert.equal(await page.locator('details.advanced').getAttribute('open'), '');
  await page.keyboard.type('new');
  assert.equal(await field.inputValue(), 'neworg');
  await field.evaluate((input) => input.select());
  await page.keyboard.type('testorg');
  assert.equal(await field.inputValue(), 'testorg');
  await context.close();
});

// The HTTP code is in the connection's chunk, which the form asks for when it is first
// used: without it the plain form still takes the inputs, and a load says in words that
// part of the page is missing, sends nothing, and Retry loads once the chunk comes.
test('without the connection\'s chunk the plain form still takes the inputs; Load says what is missing, and Retry loads', async () => {
  const context = await world.browser.newContext();
  const page = await context.newPage();
  let broken = true;
  await page.route(/-split_connect-[0-9a-f]{16}\.wasm$/, (route) => (broken ? route.abort('connectionrefused') : route.continue()));
  await page.goto(`${world.site.url}/`);
  const seen = world.api.requests.length;
  await loadWithThePlainForm(page, world);
  const alert = page.getByTestId('error');
  await alert.waitFor();
  assert.match(await alert.innerText(), /Part of this page could not be downloaded[\s\S]*Retry/);
  assert.equal(await page.locator('#org-id[role=combobox]').count(), 0, 'the plain field stayed');
  assert.deepEqual(world.api.requests.slice(seen), [], 'nothing was sent');
  broken = false;
  await alert.getByRole('button', { name: 'Retry' }).click();
  await page.getByTestId('key-count').filter({ hasText: '3 of 3 keys' }).waitFor();
  await context.close();
});

for (const [what, answer] of [
  ['cannot be downloaded', (route) => route.abort('connectionrefused')],
  ['is not the one built (integrity)', async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    body[body.length - 1] ^= 1;
    await route.fulfill({ response, body });
  }],
]) {
  // The sample data comes with the views' code, as a live list's decoder does: a chunk
  // that does not come fails the list, in words, and Retry asks for it again.
  test(`a chunk that ${what}: the list says so, and Retry recovers`, async () => {
    let broken = true;
    const page = await openApp(world, '', {}, (page) => page.route(VIEWS, (route) => (broken ? answer(route) : route.continue())));
    await page.getByRole('button', { name: 'Try with sample data' }).click();
    const alert = page.getByTestId('error');
    await alert.waitFor();
    assert.match(await alert.innerText(), /Part of this page could not be downloaded[\s\S]*Retry/);
    assert.equal(await page.getByTestId('key-table').count(), 0);
    assert.equal(await page.getByTestId('loading').count(), 0, 'no download still announced');

    broken = false;
    await alert.getByRole('button', { name: 'Retry' }).click();
    await page.getByTestId('key-table').waitFor();
    assert.equal(await page.getByTestId('key-table').locator('tbody tr').count(), 7);
    // The other list failed too, and says so in its own view, with its own Retry.
    await page.getByRole('link', { name: 'Privilege explorer' }).click();
    await page.getByTestId('error').getByRole('button', { name: 'Retry' }).click();
    await page.getByTestId('privilege-count').filter({ hasText: '95 of 95 privileges' }).waitFor();
    await page.context().close();
  });
}

test('a slow chunk: the list says it is loading the sample data, then shows it', async () => {
  let release;
  const page = await openApp(world, '', {}, async (page) => { release = await holdChunk(page, 'keys'); });
  await page.getByRole('button', { name: 'Try with sample data' }).click();
  const status = page.getByTestId('loading');
  await status.waitFor();
  assert.equal(await status.getAttribute('role'), 'status');
  assert.match(await status.innerText(), /Loading API keys from the sample data/);
  assert.equal(await page.getByTestId('key-table').count(), 0);
  release();
  await page.getByTestId('key-table').waitFor();
  await status.waitFor({ state: 'detached' });
  await page.context().close();
});

// A live list's answer is read by its view's chunk: one that does not come fails the
// list with that reason (the request was sent, and its answer is let go), and Retry
// loads it.
test('a live list whose chunk does not come says so, and Retry loads it', async () => {
  let broken = true;
  const page = await openApp(world, '', {}, (page) =>
    page.route(/-split_keys-[0-9a-f]{16}\.wasm$/, (route) => (broken ? route.abort('connectionrefused') : route.continue())));
  await connect(page, world);
  const alert = page.getByTestId('error');
  await alert.waitFor();
  assert.match(await alert.innerText(), /Part of this page could not be downloaded/);
  broken = false;
  await alert.getByRole('button', { name: 'Retry' }).click();
  await page.getByTestId('key-count').filter({ hasText: '3 of 3 keys' }).waitFor();
  await page.context().close();
});

test('a host that serves chunks with another type than application/wasm still works', async () => {
  const types = [];
  const page = await openApp(world, '', {}, async (page) => {
    await page.route(CHUNK, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
    });
    page.on('response', (r) => CHUNK.test(r.url()) && types.push(r.headers()['content-type']));
  });
  await page.getByRole('button', { name: 'Try with sample data' }).click();
  await page.getByTestId('key-table').waitFor();
  assert.equal(await page.getByTestId('key-table').locator('tbody tr').count(), 7);
  // The privileges chunk may still be on its way: its view needs it all.
  await page.getByRole('link', { name: 'Privilege explorer' }).click();
  await page.getByTestId('privilege-count').filter({ hasText: '95 of 95 privileges' }).waitFor();
  assert.ok(types.length >= 3 && types.every((t) => t === 'application/octet-stream'), types.join(' '));
  await page.context().close();
});

// As wasm-split-cli writes it.
const LOADER = `import { initSync } from "./app-1.js";
function getSharedImports() {
    const { __indirect_function_table, __wasm_split_shared0, memory,  } = initSync(undefined, undefined);
}
const load = () => { const src = fetch(new URL("./split_keys.wasm", import.meta.url)); return src; };`;

test("the loader gets the chunks' final names and integrity, and falls back when a host mislabels them", () => {
  const fetched = replaceFetch(LOADER, 'split_keys.wasm', 'app-split_keys-0123.wasm', 'sha384-x');
  assert.ok(fetched.includes('fetch(new URL("./app-split_keys-0123.wasm",import.meta.url),{integrity:"sha384-x"})'), fetched);
  assert.throws(() => replaceFetch(LOADER, 'split_gone.wasm', 'x.wasm', 'sha384-x'), /fetched 0 times/);

  assert.equal(replaceLoaderImport('import * as i from "./__wasm_split.js";', 'app-chunks-1.js'), 'import * as i from "./app-chunks-1.js";');
  // Minified, with the wasm's import module as a key of the imports object: that key stays.
  assert.equal(
    replaceLoaderImport('import*as i from"./__wasm_split.js";const m={"./__wasm_split.js":i};', 'app-chunks-1.js'),
    'import*as i from"./app-chunks-1.js";const m={"./__wasm_split.js":i};',
  );
  assert.throws(() => replaceLoaderImport('import * as i from "./other.js";', 'x.js'), /does not import the chunk loader/);

  assert.match(withInstantiateFallback(LOADER.replace('return src;', 'return WebAssembly.instantiateStreaming(src, {});')),
    /return instantiateChunk\(src, \{\}\);[\s\S]*async function instantiateChunk/);
  assert.throws(() => withInstantiateFallback(LOADER), /does not instantiate any chunk/);

  const html = '<link crossorigin href=./app.js integrity=sha384-g rel=modulepreload><link rel=preload>';
  assert.match(preloadLoader(html, 'l.js', 'sha384-l'), /rel=modulepreload><link crossorigin href=\.\/l\.js integrity=sha384-l rel=modulepreload>/);
  assert.throws(() => preloadLoader('<link rel=preload>', 'l.js', 'sha384-l'), /0 modulepreload links/);
});
