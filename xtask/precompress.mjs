// The last step of a release build (post-build.mjs): next to every file, writes
// `.br` (Brotli, quality 11) and `.gz` (gzip -9) copies, for static hosts that serve
// pre-compressed files (nginx `gzip_static`/`brotli_static`, Caddy `precompressed`, most
// CDNs). Hosts that do not simply ignore them.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(wasm|js|css|html|json|svg)$/;

export const brotli = (bytes) =>
  brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
export const gzip = (bytes) => gzipSync(bytes, { level: 9 });

/** Writes the compressed copies of every compressible file under `dir`. */
export function precompress(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
    const bytes = readFileSync(file);
    writeFileSync(`${file}.br`, brotli(bytes));
    writeFileSync(`${file}.gz`, gzip(bytes));
  }
}
