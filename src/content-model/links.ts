import { judgeUrl } from './url-policy.ts';

/** What a link written in content points at. */
export type LinkTarget =
  { kind: 'internal'; path: string } | { kind: 'external' } | { kind: 'anchor' } | { kind: 'unsafe'; scheme: string } | { kind: 'empty' };

const BASE = 'https://site.invalid';

/**
 * Classifies a link found in the file served at `pagePath` (`/artykuly/foo/`). Relative links
 * are resolved the way a browser resolves them on that page; absolute links to the site's own
 * origin count as internal. Addresses outside the URL allow-list (`src/content-model/url-policy.ts`) are unsafe.
 */
export function classifyHref(href: string, pagePath: string, siteOrigin: string | undefined): LinkTarget {
  const verdict = judgeUrl(href);
  if (verdict.kind === 'empty') return { kind: 'empty' };
  if (verdict.kind === 'fragment') return { kind: 'anchor' };
  if (verdict.kind === 'refused') return { kind: 'unsafe', scheme: verdict.scheme };
  const value = href.trim();
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
