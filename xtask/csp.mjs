// The Content-Security-Policy written into the built index.html (by post-build.mjs).
// Scripts come only from the page's origin (plus the hash of Trunk's inline loader and
// what wasm needs); connections go only to the page's origin and Coveo's platform hosts.
// A test build adds loopback with KEY_EXPLORER_CSP_TEST_CONNECT (xtask/run test sets it);
// a plain `trunk build --release` never does.

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Coveo's hosts, as `coveo-hosts.json` lists them: the same list as Rust's `Region`, in
 * its order, which `domain/tests/csp_hosts.rs` checks (a region added in Rust and not
 * here fails the host tests).
 */
export const COVEO_HOSTS = JSON.parse(
  readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'coveo-hosts.json'), 'utf8'),
);

/** The policy for a page whose inline scripts have these sha256 hashes. */
export function policy(scriptHashes, extraConnect = []) {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${scriptHashes.map((h) => `'sha256-${h}'`).join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ${[...COVEO_HOSTS, ...extraConnect].join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** Adds the policy to `html`, right after its charset and before any script, so it
 * governs them all. */
export function withPolicy(html, extraConnect = []) {
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) =>
    createHash('sha256').update(m[1]).digest('base64'),
  );
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(hashes, extraConnect)}" />`;
  // As written in index.html, or as a release build's minifier leaves it (`<meta charset=utf-8>`).
  const charset = /<meta charset="?utf-8"?\s*\/?>/i;
  if (!charset.test(html)) throw new Error('csp.mjs: no <meta charset> to put the policy after');
  return html.replace(charset, (tag) => `${tag}\n    ${meta}`);
}

/** Writes the policy into `dir`'s index.html; KEY_EXPLORER_CSP_TEST_CONNECT adds hosts. */
export function writePolicy(dir) {
  const file = path.join(dir, 'index.html');
  const extra = (process.env.KEY_EXPLORER_CSP_TEST_CONNECT ?? '').split(/\s+/).filter(Boolean);
  writeFileSync(file, withPolicy(readFileSync(file, 'utf8'), extra));
}
