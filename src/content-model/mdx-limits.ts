/**
 * Limits that keep parsing a body fast and its tree shallow, whatever an editor (or an
 * attacker) writes. Markdown parsers recurse per level of nesting and resolve runs of
 * emphasis marks in quadratic time: 20,000 nested `> ` overflow the stack, and 20,000 `*_`
 * never finish. A linear scan of the text finds such input first and names its line.
 */

/** Largest content file the check reads, in bytes; a long article is under 100 kB. */
export const MAX_FILE_BYTES = 300_000;

/** Longest run of container markers (`>`, list bullets, indentation) that starts a line, in characters. */
export const MAX_LINE_NESTING = 100;

/**
 * Longest time the check may spend on one file. The limits above keep the worst case near a
 * second; a file that still takes longer was written to slow the check down, and is refused.
 */
export const MAX_FILE_MILLISECONDS = 5_000;

/** Deepest nesting of HTML or component tags. */
export const MAX_TAG_DEPTH = 100;

/** Most emphasis marks (`*`, `_`, `~`) in one paragraph, and in the whole body. */
export const MAX_EMPHASIS_MARKS = 500;
export const MAX_EMPHASIS_MARKS_IN_BODY = 30_000;

/** Most opening brackets (`[`, link and image labels) in one paragraph. */
export const MAX_BRACKETS = 500;

/** Which limit a body exceeds; `too-deep` is nesting the parser itself could not follow. */
export type LimitKind = 'line-nesting' | 'tag-depth' | 'emphasis' | 'emphasis-in-body' | 'brackets' | 'too-deep';

/** A limit that a body exceeds, where it first does, in English (`message`, `fix`). */
export interface LimitProblem {
  kind: LimitKind;
  line: number;
  column: number;
  message: string;
  fix: string;
}

const CONTAINER_PREFIX = /^(?:[ \t]|>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))*/;
const FENCE = /^[ \t>]*(`{3,}|~{3,})/;
const TAG = /<(\/?)([A-Za-z][\w.:-]*)?(?:[^<>"']|"[^"]*"|'[^']*')*?(\/?)>/g;

/**
 * The first limit `text` (a body without front matter) exceeds, or undefined. Fenced code is
 * skipped: its content is not parsed as Markdown. Runs in time linear in the text.
 */
export function findLimitProblem(text: string): LimitProblem | undefined {
  const lines = text.split('\n');
  let fence: string | undefined;
  let depth = 0;
  let emphasis = 0;
  let brackets = 0;
  let emphasisInBody = 0;
  let paragraphStart = 1;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const number = index + 1;
    const opening = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      if (opening?.startsWith(fence.charAt(0)) && opening.length >= fence.length) fence = undefined;
      continue;
    }
    if (opening) {
      fence = opening;
      continue;
    }
    // A line of only spaces is a blank line, however long: MDX compilers blank the front matter out that way.
    const prefix = line.trim() === '' ? 0 : (CONTAINER_PREFIX.exec(line)?.[0].length ?? 0);
    if (prefix > MAX_LINE_NESTING) {
      return {
        kind: 'line-nesting',
        line: number,
        column: 1,
        message: `the line starts with ${prefix} characters of quote, list or indentation markers, more than the ${MAX_LINE_NESTING} allowed`,
        fix: 'nest quotes and lists a few levels deep at most',
      };
    }
    if (line.trim() === '') {
      emphasis = 0;
      brackets = 0;
      paragraphStart = number + 1;
    } else {
      let marks = 0;
      for (const char of line) {
        if (char === '*' || char === '_' || char === '~') marks++;
        else if (char === '[') brackets++;
      }
      emphasis += marks;
      emphasisInBody += marks;
      if (emphasis > MAX_EMPHASIS_MARKS || emphasisInBody > MAX_EMPHASIS_MARKS_IN_BODY) {
        return {
          kind: emphasis > MAX_EMPHASIS_MARKS ? 'emphasis' : 'emphasis-in-body',
          line: paragraphStart,
          column: 1,
          message:
            emphasis > MAX_EMPHASIS_MARKS
              ? `the paragraph has more than ${MAX_EMPHASIS_MARKS} emphasis marks (*, _ or ~)`
              : `the text has more than ${MAX_EMPHASIS_MARKS_IN_BODY} emphasis marks (*, _ or ~)`,
          fix: 'remove the repeated marks; for a literal * or _ write \\* or \\_',
        };
      }
      if (brackets > MAX_BRACKETS) {
        return {
          kind: 'brackets',
          line: paragraphStart,
          column: 1,
          message: `the paragraph has more than ${MAX_BRACKETS} opening brackets [`,
          fix: 'remove the repeated brackets; for a literal [ write \\[',
        };
      }
    }
    for (const match of line.matchAll(TAG)) {
      const [, closing, name, selfClosing] = match;
      if (closing) depth = Math.max(0, depth - 1);
      else if (!selfClosing && (name !== undefined || match[0] === '<>')) depth++;
      if (depth > MAX_TAG_DEPTH) {
        return {
          kind: 'tag-depth',
          line: number,
          column: match.index + 1,
          message: `tags are nested more than ${MAX_TAG_DEPTH} levels deep`,
          fix: 'close the tags that are open, or nest fewer of them',
        };
      }
    }
  }
  return undefined;
}

/** The limits in the editors' words, for the CMS. */
export const limitMessagesPl: Readonly<Record<LimitKind, string>> = {
  'line-nesting': `Wiersz zaczyna się od zbyt wielu znaków cytatu, listy lub wcięcia (limit: ${MAX_LINE_NESTING}). Zagnieżdżaj cytaty i listy najwyżej na kilka poziomów.`,
  'tag-depth': `Znaczniki są zagnieżdżone głębiej niż na ${MAX_TAG_DEPTH} poziomów. Zamknij otwarte znaczniki.`,
  emphasis: `Akapit ma ponad ${MAX_EMPHASIS_MARKS} znaków wyróżnienia (*, _ lub ~). Usuń powtórzenia; znak jako tekst zapisz jako \\* lub \\_.`,
  'emphasis-in-body': `Tekst ma ponad ${MAX_EMPHASIS_MARKS_IN_BODY} znaków wyróżnienia (*, _ lub ~). Usuń powtórzenia.`,
  brackets: `Akapit ma ponad ${MAX_BRACKETS} nawiasów [. Usuń powtórzenia; nawias jako tekst zapisz jako \\[.`,
  'too-deep': 'Tekst jest zagnieżdżony zbyt głęboko, by go odczytać. Zagnieżdżaj cytaty, listy i znaczniki najwyżej na kilka poziomów.',
};

/** A limit a whole content file exceeds, in the file's own lines and columns, in English. */
export interface FileLimitProblem {
  line: number;
  column: number;
  message: string;
  fix: string;
}

/** The size limit (`MAX_FILE_BYTES`) for a file of `bytes` bytes, or undefined when it is within it. */
export function fileSizeProblem(bytes: number): FileLimitProblem | undefined {
  if (bytes <= MAX_FILE_BYTES) return undefined;
  return {
    line: 1,
    column: 1,
    message: `the file has ${bytes.toLocaleString('en')} bytes, more than the ${MAX_FILE_BYTES.toLocaleString('en')} allowed`,
    fix: 'split the text into several articles, or remove what was pasted by mistake',
  };
}

/**
 * The first limit a body exceeds (see `findLimitProblem`), placed in the file it came from:
 * `body` is the file's text from `offset` on (after the front matter), so its line 1 is the
 * file's line of `offset`. For whoever parses a body without the content check (the site's
 * loaders), so that hostile input is refused with the file's line before any parser sees it.
 */
export function findBodyLimitProblem(contents: string, body: string, offset: number): FileLimitProblem | undefined {
  const problem = findLimitProblem(body);
  if (!problem) return undefined;
  const before = contents.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  const line = before.split('\n').length - 1 + problem.line;
  const column = problem.line === 1 ? offset - lineStart + problem.column : problem.column;
  return { line, column, message: problem.message, fix: problem.fix };
}
