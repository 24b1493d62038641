/** What a link written in content points at. */
export type LinkTarget =
  { kind: 'internal'; path: string } | { kind: 'external' } | { kind: 'anchor' } | { kind: 'unsafe'; scheme: string } | { kind: 'empty' };

const BASE = 'https://site.invalid';

/**
 * Classifies a link found in the file served at `pagePath` (`/artykuly/foo/`). Relative links
 * are resolved the way a browser resolves them on that page; absolute links to the site's own
 * origin count as internal. Script-carrying schemes (`javascript:`, `vbscript:`, `data:`) are unsafe.
 */
export function classifyHref(href: string, pagePath: string, siteOrigin: string | undefined): LinkTarget {
  const value = href.trim();
  if (value === '') return { kind: 'empty' };
  if (value.startsWith('#')) return { kind: 'anchor' };
  // Browsers ignore ASCII whitespace and control characters inside the scheme, so must we.
  let compact = '';
  for (let index = 0; index < value.length; index++) if (value.charCodeAt(index) > 0x20) compact += value.charAt(index);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
  if (scheme === 'javascript' || scheme === 'vbscript' || scheme === 'data') return { kind: 'unsafe', scheme };
  let url: URL;
  try {
    url = new URL(value, `${BASE}${pagePath}`);
  } catch {
    return { kind: 'external' };
  }
  if (url.origin === BASE || (siteOrigin !== undefined && url.origin === siteOrigin)) {
    let path = url.pathname;
    try {
      path = decodeURI(path);
    } catch {
      // A malformed escape stays as written; it will not match any page.
    }
    return { kind: 'internal', path };
  }
  return { kind: 'external' };
}
