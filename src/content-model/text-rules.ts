/**
 * Which characters text in content may hold. Shared by the schemas (so the site, the content
 * check and the CMS agree) and by every XML output (which drops what XML 1.0 cannot carry).
 */

/**
 * Characters that are invisible, cannot be typed on purpose and that XML 1.0 cannot carry:
 * C0 controls except tab, line feed and carriage return; U+FFFE and U+FFFF; lone surrogates.
 */
const FORBIDDEN =
  // The control characters are the point of this expression.
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, 'g');

/** A forbidden character found in a text: where it is and how to name it. */
export interface ForbiddenCharacter {
  /** Index in the string (UTF-16 code units). */
  index: number;
  /** `U+0001`. */
  codePoint: string;
}

/** The first forbidden character of `text`, or undefined when there is none. */
export function findForbiddenCharacter(text: string): ForbiddenCharacter | undefined {
  const match = FORBIDDEN.exec(text);
  if (!match) return undefined;
  const code = match[0].charCodeAt(0);
  return { index: match.index, codePoint: `U+${code.toString(16).toUpperCase().padStart(4, '0')}` };
}

/** `text` without the characters XML 1.0 cannot carry; what the schemas accept is returned unchanged. */
export function xmlSafe(text: string): string {
  return text.replace(FORBIDDEN_ALL, '');
}

/**
 * Whether `text` shows nothing: only whitespace and invisible format characters (zero-width
 * space and joiners, direction marks, soft hyphen, byte-order mark, Hangul fillers, Braille blank).
 */
export function isBlank(text: string): boolean {
  return /^[\s\p{Cf}\u034F\u115F\u1160\u2800\u3164\uFFA0]*$/u.test(text);
}
