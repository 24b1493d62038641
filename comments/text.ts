import type { Messages } from './messages.ts';

/** Anything that looks like an HTML tag, comment or doctype: `<b>`, `</p>`, `<script …>`, `<!-- -->`. */
const TAG = /<\s*[/!?]?\s*[a-z][^>]*>|<!--/i;

/**
 * Validates a comment: plain text only (no HTML is accepted, so nothing needs sanitising),
 * not empty, at most `maxLength` characters after trimming. Line breaks are normalised.
 */
export function checkCommentText(
  value: unknown,
  maxLength: number,
  t: Messages,
): { ok: true; text: string } | { ok: false; error: string } {
  if (typeof value !== 'string') return { ok: false, error: t.emptyText };
  const text = value.replace(/\r\n?/g, '\n').trim();
  if (text === '') return { ok: false, error: t.emptyText };
  // Counted as readers see characters (an emoji with modifiers is one).
  if (Array.from(new Intl.Segmenter().segment(text)).length > maxLength) return { ok: false, error: t.tooLong(maxLength) };
  if (TAG.test(text)) return { ok: false, error: t.html };
  return { ok: true, text };
}
