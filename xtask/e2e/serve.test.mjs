// `xtask/run serve --port N` says the address it serves on, and the page is there.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { ROOT } from './harness.mjs';

/** A port nothing listens on now. */
async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test('`xtask/run serve --port N` names the address it serves the page on', { timeout: 240_000 }, async () => {
  const port = await freePort();
  // A folder of its own: dist/ holds the release build the other tests drive.
  const dist = mkdtempSync(path.join(os.tmpdir(), 'key-explorer-serve-'));
  const child = spawn('xtask/run', ['serve', '--port', String(port), '--dist', dist], { cwd: ROOT, detached: true });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  try {
    const said = await new Promise((resolve, reject) => {
      const check = setInterval(() => {
        const match = /Serving on (http:\/\/\S+) /.exec(output);
        if (match) { clearInterval(check); resolve(match[1]); }
      }, 100);
      child.once('exit', (code) => { clearInterval(check); reject(new Error(`exited ${code}: ${output}`)); });
    });
    assert.equal(said, `http://127.0.0.1:${port}`);
    // Trunk builds, then serves: wait for the page at the address it said.
    let page = '';
    for (let i = 0; i < 200 && !page.includes('Coveo Key Explorer'); i++) {
      page = await fetch(`${said}/`).then((r) => (r.ok ? r.text() : ''), () => '');
      if (!page) await new Promise((r) => setTimeout(r, 1000));
    }
    assert.match(page, /<title>Coveo Key Explorer<\/title>/);
  } finally {
    process.kill(-child.pid, 'SIGTERM');
    rmSync(dist, { recursive: true, force: true });
  }
});
