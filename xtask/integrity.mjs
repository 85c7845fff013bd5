// Subresource Integrity: index.html pins each file it loads by its hash, so a build step
// that changes a file must pin the new bytes. Node.js alone (a development build loads it).

import { createHash } from 'node:crypto';

/** The Subresource Integrity hash of `bytes`, as index.html pins a file with it. */
export const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** `html` pinning file `name` at its new bytes `after` instead of `before`. Throws if
 * `html` did not pin `before`: a file changed behind the build's back. */
export function repin(html, name, before, after) {
  if (!html.includes(sri(before))) throw new Error(`index.html does not pin ${name} as built`);
  return html.replaceAll(sri(before), sri(after));
}
