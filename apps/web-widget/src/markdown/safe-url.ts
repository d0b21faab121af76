const clickable = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/**
 * The URL to put in a link's `href`, or `undefined` when it must not be clickable: only absolute
 * http(s), mailto and tel URLs pass. The WHATWG URL parser does the normalising (case, tabs and
 * newlines inside the scheme, leading spaces), so `JaVa\tScRiPt:` is seen as `javascript:`.
 */
export function safeHref(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  return clickable.has(url.protocol) ? url.href : undefined;
}
