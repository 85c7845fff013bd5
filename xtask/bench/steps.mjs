// What each post-build step (xtask/post-build.mjs) buys on the first load: the shipped
// build against the same build with that one step left out (xtask/run bench builds them
// under target/bench/), or, for the compressed copies and the policy, the same files
// measured both ways. Prints Markdown.

import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { launchBrowser, serveStatic, ROOT } from '../e2e/harness.mjs';
import { gzipForShipping } from '../precompress.mjs';
import { firstLoad, kb } from './measure.mjs';

const DIST = path.join(ROOT, 'dist');
const variant = (name) => path.join(ROOT, 'target', 'bench', name);

const STEPS = [
  {
    step: 'wasm split (`wasm-split.mjs`)',
    does: "the list views' code becomes wasm chunks fetched when a list starts loading",
    without: 'no-split',
    breaks: "a change in wasm-split-cli's loader or wasm-bindgen's glue: its rewrites count their matches and fail the build",
  },
  {
    step: 'short wasm names (`wasm-names.mjs`)',
    does: "wasm-bindgen's hashed import names and its closures' export names made short on both sides, wasm-streams' unused exports dropped",
    without: 'no-names',
    breaks: 'a wasm-bindgen whose glue names its imports or exports differently: each rename counts its matches and fails the build',
  },
  {
    step: 'wasm-opt -Oz (`wasm-opt.mjs`)',
    does: 'optimizes the page wasm and each chunk for size (binaryen from npm)',
    without: 'no-wasm-opt',
    breaks: 'a binaryen that miscompiles this wasm (Debian\'s 108 does: the page stays blank); pinned at 132',
  },
  {
    step: 'JavaScript minified (`minify.mjs`, terser)',
    does: "wasm-bindgen's glue and the chunk loader, which Trunk leaves as they are",
    without: 'no-minify',
    breaks: 'nothing known; a syntax terser cannot read fails the build',
  },
];

const browser = await launchBrowser();
const measure = async (dir) => {
  const site = await serveStatic(dir);
  try {
    return await firstLoad(browser, site, dir, `${site.url}/`);
  } finally {
    await site.close();
  }
};

try {
  const shipped = await measure(DIST);
  const pct = (bytes) => `${((bytes / shipped.shipped) * 100).toFixed(1)}%`;
  console.log('\n## Post-build steps\n');
  console.log(`What each step of \`xtask/post-build.mjs\` saves on the first load (the build's \`.gz\` copies: ${kb(shipped.shipped)} as shipped).\n`);
  console.log('| step | what it does | first load without it | saves | what would break it |');
  console.log('|---|---|---|---|---|');
  for (const { step, does, without, breaks } of STEPS) {
    const other = await measure(variant(without));
    const saved = other.shipped - shipped.shipped;
    console.log(`| ${step} | ${does} | ${kb(other.shipped)} | ${kb(saved)} (${pct(saved)}) | ${breaks} |`);
  }
  console.log(`| \`.gz\` copies by Zopfli (\`precompress.mjs\`) | for hosts that serve pre-compressed files | ${kb(shipped.gzip)} (gzip -9) | ${kb(shipped.gzip - shipped.shipped)} (${pct(shipped.gzip - shipped.shipped)}) | nothing: a host that does not serve them compresses (or not) itself |`);
  console.log(`| \`.br\` copies, Brotli 11 (\`precompress.mjs\`) | for hosts that serve them | ${kb(shipped.shipped)} (gzip) | ${kb(shipped.shipped - shipped.brotli)} (${pct(shipped.shipped - shipped.brotli)}) | nothing, as above |`);
  const html = await readFile(path.join(DIST, 'index.html'));
  const bare = Buffer.from(html.toString('utf8').replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, ''));
  const cost = (await gzipForShipping(html)).length - (await gzipForShipping(bare)).length;
  console.log(`| Content-Security-Policy (\`csp.mjs\`, every build) | scripts from the page's origin only, connections to Coveo's hosts only | ${kb(shipped.shipped - cost)} | costs ${cost} bytes | an \`index.html\` without \`<meta charset>\`, or a \`Region\` it cannot read, fails the build |`);
} finally {
  await browser.close();
}
