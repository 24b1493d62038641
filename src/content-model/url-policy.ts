/**
 * The one URL allow-list of content: an address editors write (a link, a component prop, a
 * raw HTML attribute, a link in the settings) is allowed when it is relative (`/tagi/`,
 * `../images/a.jpg`, `?q`), a fragment (`#przypisy`), or absolute with one of
 * `ALLOWED_SCHEMES`. Every other scheme is refused, whatever it is called: `javascript:`,
 * `data:`, `vbscript:`, `blob:`, `file:`, and any scheme browsers may add later.
 * Used by the content check, the CMS (its pre-save check and preview) and the site's Embed.
 */

/** Schemes an absolute address may have. */
export const ALLOWED_SCHEMES: readonly string[] = ['https', 'http', 'mailto', 'tel'];

/** What the allow-list says about an address. */
export type UrlVerdict =
  | { kind: 'empty' }
  | { kind: 'fragment' }
  | { kind: 'relative' }
  | { kind: 'absolute'; scheme: string }
  | { kind: 'refused'; scheme: string };

/**
 * Judges `value` as a browser would read it: leading and trailing whitespace is ignored, and
 * tabs, line breaks and control characters inside the scheme (`java\tscript:`) do not hide it.
 */
export function judgeUrl(value: string): UrlVerdict {
  const trimmed = value.trim();
  if (trimmed === '') return { kind: 'empty' };
  if (trimmed.startsWith('#')) return { kind: 'fragment' };
  let compact = '';
  for (let index = 0; index < trimmed.length && compact.length < 64; index++) {
    if (trimmed.charCodeAt(index) > 0x20) compact += trimmed.charAt(index);
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
  if (scheme === undefined) return { kind: 'relative' };
  return ALLOWED_SCHEMES.includes(scheme) ? { kind: 'absolute', scheme } : { kind: 'refused', scheme };
}

/** Whether the allow-list accepts `value` (an empty address is not a safe one). */
export function isAllowedUrl(value: string): boolean {
  const verdict = judgeUrl(value);
  return verdict.kind !== 'refused' && verdict.kind !== 'empty';
}

/** Whether `value` is an allowed absolute `https:` address (what Embed shows). */
export function isHttpsUrl(value: string): boolean {
  const verdict = judgeUrl(value);
  if (verdict.kind !== 'absolute' || verdict.scheme !== 'https') return false;
  try {
    return new URL(value.trim()).protocol === 'https:';
  } catch {
    return false;
  }
}
