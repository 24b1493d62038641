/** The no-break space (U+00A0) that joins a one-letter word to the next one. */
export const NO_BREAK_SPACE = '\u00a0';

/**
 * A one-letter Polish word (a, i, o, u, w, z, in either case) that stands alone: not preceded
 * by a letter, digit or apostrophe, and followed by ordinary spaces or line breaks.
 */
const HANGING_LETTER = /(?<![\p{L}\p{N}\p{M}_'’])([aiouwzAIOUWZ])[ \t\r\n]+/gu;

/**
 * Text with every one-letter word joined to the next word by a no-break space, so that Polish
 * typography's rule holds: a line never ends with "a", "i", "o", "u", "w" or "z". Used when
 * rendering (titles, leads, cards, bodies); the stored text is never changed.
 *
 * A one-letter word at the very end of `text` is joined too: in HTML the text may continue in
 * the next node (`w <em>domu</em>`).
 */
export function joinHangingLetters(text: string): string {
  return text.replace(HANGING_LETTER, `$1${NO_BREAK_SPACE}`);
}
