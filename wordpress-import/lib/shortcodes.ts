/**
 * WordPress shortcodes (`[caption …]…[/caption]`, `[gallery ids="1,2"]`, `[embed]…[/embed]`):
 * found the way WordPress's own shortcode grammar finds them, and handed to a callback that
 * says what replaces each one.
 */

/** One shortcode found in a text. */
export interface Shortcode {
  name: string;
  /** Named attributes (`ids="1,2"`) by lower-case name; positional ones (`[youtube URL]`) under "0", "1", …. */
  attrs: Record<string, string>;
  /** What is between `[name]` and `[/name]`; undefined for a self-closing one. */
  content: string | undefined;
}

/** Shortcodes this importer knows, found even without attributes or a closing tag. */
export const KNOWN_SHORTCODES = new Set(['caption', 'wp_caption', 'gallery', 'embed', 'youtube', 'video', 'audio', 'playlist', 'vimeo']);

const ATTRIBUTE =
  /([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)|([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)|"([^"]*)"(?:\s|$)|'([^']*)'(?:\s|$)|(\S+)(?:\s|$)/g;

/** Parses the attribute text of a shortcode (after its name). */
export function parseAttributes(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  let position = 0;
  // `[youtube=https://…]` is the WordPress.com form of a positional value.
  const source = text.replace(/^=/, ' ').replace(/[\u00a0\u200b]/g, ' ');
  for (const match of source.matchAll(ATTRIBUTE)) {
    if (match[1] !== undefined) attrs[match[1].toLowerCase()] = match[2] ?? '';
    else if (match[3] !== undefined) attrs[match[3].toLowerCase()] = match[4] ?? '';
    else if (match[5] !== undefined) attrs[match[5].toLowerCase()] = match[6] ?? '';
    else attrs[String(position++)] = match[7] ?? match[8] ?? match[9] ?? '';
  }
  return attrs;
}

/**
 * Replaces the shortcodes in `text` with what `replace` returns. A name counts as a shortcode
 * when it is known, has attributes, or has a closing tag; a bare `[sic]` in prose stays text.
 * `[[name]]` is WordPress's way of writing a literal `[name]` and becomes that text.
 */
export function replaceShortcodes(text: string, replace: (shortcode: Shortcode) => string): string {
  let out = '';
  let index = 0;
  const opening = /\[(\[?)([a-zA-Z][\w-]*)(?![\w-])([^\]]*?)(\/?)\](\]?)/g;
  for (;;) {
    opening.lastIndex = index;
    const match = opening.exec(text);
    if (!match) break;
    const [whole, escapeOpen = '', rawName = '', attrText = '', selfClosing = '', escapeClose = ''] = match;
    const name = rawName.toLowerCase();
    const start = match.index;
    const closeTag = new RegExp(`\\[/${rawName.replace(/[-]/g, '\\-')}\\]`, 'i');
    const rest = text.slice(start + whole.length);
    const close = selfClosing ? null : closeTag.exec(rest);
    const looksLikeShortcode = KNOWN_SHORTCODES.has(name) || attrText.includes('=') || close !== null;
    if (!looksLikeShortcode || (attrText !== '' && !/^[\s=]/.test(attrText))) {
      out += text.slice(index, start + 1);
      index = start + 1;
      continue;
    }
    let end = start + whole.length;
    let content: string | undefined;
    if (close) {
      content = rest.slice(0, close.index);
      end += close.index + close[0].length;
      if (escapeOpen && escapeClose === '' && text[end] === ']') end += 1;
    }
    out += text.slice(index, start);
    if (escapeOpen && (escapeClose || text[end - 1] === ']')) {
      // [[caption]] → the literal text [caption].
      out += text.slice(start + 1, escapeClose ? end - 1 : end - 1);
    } else {
      if (escapeOpen) out += '[';
      out += replace({ name, attrs: parseAttributes(attrText), content });
      if (escapeClose) out += ']';
    }
    index = end;
  }
  return out + text.slice(index);
}
