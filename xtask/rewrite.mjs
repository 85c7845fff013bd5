// Rewriting generated files (glue, loader, index.html) by pattern, where a pattern that
// matches an unexpected number of times means the tool that wrote the file has changed.

/** `text` made literal inside a regular expression. */
export const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `text` with every match of `pattern` (a global RegExp) replaced by `by` (a string, or
 * a function of the match as for String.replace); `[out, matches]`. */
export function rewrite(text, pattern, by) {
  let matches = 0;
  const out = text.replace(pattern, (...match) => (matches++, typeof by === 'function' ? by(...match) : by));
  return [out, matches];
}
