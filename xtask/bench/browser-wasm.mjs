// Reads the output of `cargo bench --target wasm32-unknown-unknown` (wasm-bindgen-test's
// Criterion, in headless Chromium) on stdin and prints its figures as a Markdown table.

import { text } from 'node:stream/consumers';

const output = (await text(process.stdin)).replace(/\x1b\[[0-9;]*m/g, '');
const rows = [...output.matchAll(/^(\S.*?)\n\s*time:\s*\[(\S+ \S+) (\S+ \S+) (\S+ \S+)\]/gm)];
if (rows.length === 0) {
  console.error(output);
  throw new Error('no benchmark figures in the output above');
}
console.log('\n## Privilege catalog (in the browser)\n');
console.log("The same work compiled as the app is (release, wasm32), in headless Chromium; Criterion's estimate with its 95% interval.\n");
console.log('| figure | estimate | interval | target |');
console.log('|---|---|---|---|');
const targets = {
  'what can it call': '<= 5 ms',
  'endpoint finder': '<= 16 ms (with rendering, see "The page")',
  'held by': '<= 50 ms',
};
for (const [, name, low, estimate, high] of rows) {
  const target = Object.entries(targets).find(([start]) => name.startsWith(start))?.[1] ?? 'report';
  console.log(`| ${name.trim()} | ${estimate} | ${low} to ${high} | ${target} |`);
}
