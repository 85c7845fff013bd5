// Hostile sizes: what a broken or hostile host could send (the test API's `hostile-*`
// organizations), in headless Chromium, this build and, when BENCH_BASELINE names an
// earlier build's folder, that one. For each case: Load -> first paint of the list, the
// longest task while loading, then a filter keystroke (or opening the key) -> DOM updated
// and next frame, and the longest task then. A case that takes longer than CAP_S seconds
// is stopped and shown as such. Prints Markdown; run by `xtask/run bench`.

import path from 'node:path';

import { HOSTILE_ORG_PAGES, ORGANIZATION_LIST, startApiServer } from '../api-server.mjs';
import { launchBrowser, serveStatic, ROOT } from '../e2e/harness.mjs';
import { median, openOrg } from './measure.mjs';

const RUNS = Number(process.env.HOSTILE_RUNS ?? 3);
const CAP_S = Number(process.env.HOSTILE_CAP_S ?? 30);

/** Each case: the organization, its view, what shows once it is painted, and what a user
 * does next: a filter's input and the text typed, or a click on `click` until `opened`
 * shows (holding `text`, when given). */
export const CASES = [
  { name: '100,000 privileges, each of its own owner', org: 'hostile-owners', view: 'privileges', painted: '[data-testid=owner-group]', filter: ['privilege-filter', 'sox'] },
  { name: '100,000 targets in one domain', org: 'hostile-targets', view: 'privileges', painted: '[data-testid=owner-group]', filter: ['privilege-filter', 'sox'] },
  { name: '20,000 types in one domain', org: 'hostile-types', view: 'privileges', painted: '[data-testid=owner-group]', filter: ['privilege-filter', 'sox'] },
  { name: '100,000 targets in one domain: show more of them', org: 'hostile-targets', view: 'privileges', painted: 'td.targets button', click: 'td.targets button', opened: ['td.targets', 'source-001019'] },
  { name: 'a key limited to 20,000 resources: open it', org: 'hostile-resources', view: 'keys', painted: '[data-testid=key-table]', click: '[data-testid=key-table] td.name button', opened: ['[data-testid=key-details]'] },
  { name: 'a 900 KB display name matching the filter', org: 'hostile-name', view: 'keys', painted: '[data-testid=key-table]', filter: ['key-filter', 'abx'] },
  {
    name: '1,000,000 organizations, 20,000 a page: the picker',
    org: 'testorg',
    view: 'keys',
    // The token entered (its field left): the organization list is asked, not a key list.
    setup: (api) => api.failNext(ORGANIZATION_LIST, { hostile: 'orgs' }, { times: HOSTILE_ORG_PAGES }),
    start: (page) => page.getByLabel('API base URL').press('Tab'),
    painted: '[data-testid=org-directory]',
    // Both builds' words for a list cut short.
    paintedText: 'The first',
    filter: ['org-id', 'organization 2000'],
  },
  { name: '100,000 templates', org: 'hostile-templates', view: 'privileges', painted: '[data-testid=template-start]', filter: ['privilege-filter', 'sox'] },
  // The earlier build has no "Show more" for templates: this build only.
  { name: '100,000 templates: show 100 more', thisOnly: true, org: 'hostile-templates', view: 'privileges', painted: '[data-testid=template-start]', click: '[data-testid=template-start] .hint button', opened: ['[data-testid=template-start]', 'Template 119'] },
];

/** Starts collecting long tasks (over 50 ms) on `page`; `take()` gives the longest since
 * the last call, in ms (0 when none). */
async function watchTasks(page) {
  await page.evaluate(() => {
    window.__tasks = [];
    new PerformanceObserver((list) => window.__tasks.push(...list.getEntries().map((e) => e.duration)))
      .observe({ type: 'longtask' });
  });
  return () => page.evaluate(() => {
    const longest = Math.max(0, ...window.__tasks);
    window.__tasks = [];
    return longest;
  });
}

/** Resolves with the time `selector` is in the DOM (with `text` in it, when given) and a
 * frame has been painted after it. */
function paintedAt(page, selector, timeout, text = '') {
  return page.evaluate(([selector, timeout, text]) => new Promise((resolve) => {
    const there = () => document.querySelector(selector)?.textContent.includes(text);
    const done = () => requestAnimationFrame(() => resolve(performance.now()));
    if (there()) return done();
    const observer = new MutationObserver(() => {
      if (there()) {
        observer.disconnect();
        done();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    setTimeout(() => resolve(null), timeout);
  }), [selector, timeout, text]);
}

/** One character typed into `#id` (the text grown by one), timed as `keystrokes` does. */
async function typeOnce(page, id, value) {
  return page.evaluate(([id, value]) => new Promise((resolve) => {
    const input = document.getElementById(id);
    input.focus();
    const t0 = performance.now();
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
    setTimeout(() => {
      const t1 = performance.now();
      requestAnimationFrame(() => resolve({ work: t1 - t0, frame: performance.now() - t0 }));
    }, 0);
  }), [id, value]);
}

/** `promise`, or `null` once `ms` have passed: a page stuck in a long task answers no
 * evaluation, not even its own timers. */
const within = (promise, ms) => Promise.race([promise, new Promise((resolve) => setTimeout(() => resolve(null), ms))]);

/** Runs one case on one build, in a browser of its own (a renderer stuck in a long task is
 * ended with it); figures in ms, `null` past the cap. */
async function runCase(site, api, test) {
  const browser = await launchBrowser();
  try {
    const result = await within(measureCase(browser, site, api, test), CAP_S * 1000 + 60_000);
    return result ?? { paint: null };
  } finally {
    await within(browser.close(), 10_000);
  }
}

async function measureCase(browser, site, api, test) {
  const page = await openOrg(browser, site, api, `?view=${test.view}&org=${test.org}`);
  const cap = CAP_S * 1000;
  try {
    api.clearQueued();
    test.setup?.(api);
    const tasks = await watchTasks(page);
    const clicked = await page.evaluate(() => performance.now());
    await (test.start ? test.start(page) : page.getByRole('button', { name: 'Load' }).click());
    const painted = await within(paintedAt(page, test.painted, cap, test.paintedText), cap);
    if (painted === null) return { paint: null };
    const out = { paint: painted - clicked, loadTask: await within(tasks(), cap) };
    if (test.filter) {
      // Typed, then deleted: the filter narrows, then widens back to the whole list.
      const [id, text] = test.filter;
      const values = [];
      for (let i = 1; i <= text.length; i++) values.push(text.slice(0, i));
      for (let i = text.length - 1; i >= 0; i--) values.push(text.slice(0, i));
      const strokes = [];
      for (const value of values) {
        await page.waitForTimeout(30);
        const stroke = await within(typeOnce(page, id, value), cap);
        if (stroke === null) return { ...out, work: null, frame: null, strokeTask: null };
        strokes.push(stroke);
      }
      out.work = median(strokes.map((s) => s.work));
      out.frame = median(strokes.map((s) => s.frame));
    } else {
      const start = await page.evaluate(() => performance.now());
      await page.locator(test.click).first().click();
      const opened = await within(paintedAt(page, test.opened[0], cap, test.opened[1]), cap);
      out.work = opened === null ? null : opened - start;
      out.frame = out.work;
    }
    out.strokeTask = await within(tasks(), cap);
    return out;
  } catch (error) {
    return { paint: null, error: error.message.split('\n')[0] };
  }
}

const ms = (x) => (x == null ? `> ${CAP_S} s (stopped)` : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);

async function main() {
  const api = await startApiServer();
  const sites = { this: await serveStatic(path.join(ROOT, 'dist')) };
  if (process.env.BENCH_BASELINE) sites.baseline = await serveStatic(path.resolve(process.env.BENCH_BASELINE));
  const rows = [];
  try {
    // HOSTILE_ONLY: a pattern of the case names to run (all by default).
    const only = new RegExp(process.env.HOSTILE_ONLY ?? '');
    for (const test of CASES.filter((c) => only.test(c.name))) {
      const results = Object.fromEntries(Object.keys(sites).map((v) => [v, []]));
      for (let run = 0; run < RUNS; run++) {
        for (const [variant, site] of Object.entries(sites)) {
          // A build that did not finish within the cap once is not run again.
          if (results[variant].some((r) => r.paint == null)) continue;
          if (test.thisOnly && variant !== 'this') continue;
          const result = await runCase(site, api, test);
          console.error(`hostile: ${test.org} on ${variant}: ${JSON.stringify(result)}`);
          results[variant].push(result);
        }
      }
      const summary = (list) => {
        if (list.some((r) => r.paint == null)) return { paint: null };
        const pick = (field) => (list.some((r) => r[field] == null) ? null : median(list.map((r) => r[field])));
        return { paint: pick('paint'), loadTask: pick('loadTask'), work: pick('work'), frame: pick('frame'), strokeTask: pick('strokeTask') };
      };
      rows.push({ test, ...Object.fromEntries(Object.entries(results).map(([v, list]) => [v, summary(list)])) });
    }
  } finally {
    await Promise.all([api.close(), ...Object.values(sites).map((s) => s.close())]);
  }

  const cell = (r, field) => (r.paint == null && field !== 'paint' ? '-' : ms(r[field]));
  console.log('## Hostile sizes\n');
  console.log(`What a broken or hostile host could send (the test API's \`hostile-*\` organizations and its hostile organization list), medians of ${RUNS} runs;`);
  console.log(`a run past ${CAP_S} s is stopped. "Next step" is a filter keystroke, typed then deleted so that the list narrows and widens again (median: DOM updated / next frame), or a click -> its result painted (the key's details, 1,000 more targets).`);
  console.log('Targets: first paint < 2 s, a keystroke within a frame, no task over 200 ms.\n');
  const variants = Object.keys(sites);
  console.log(`| case | build | Load -> first paint | longest task, loading | next step | longest task, next step |`);
  console.log('|---|---|---|---|---|---|');
  for (const row of rows) {
    for (const v of variants) {
      if (row.test.thisOnly && v !== 'this') continue;
      const r = row[v];
      const step = r.paint == null ? '-' : r.work === r.frame ? ms(r.work) : `${ms(r.work)} / ${ms(r.frame)}`;
      console.log(`| ${row.test.name} | ${v} | ${cell(r, 'paint')} | ${cell(r, 'loadTask')} | ${step} | ${cell(r, 'strokeTask')} |`);
    }
  }
  console.log('');
}

await main();
