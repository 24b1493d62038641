import { MdxLimitError, MdxSyntaxError } from '../../src/content-model/mdx-parser.ts';

/**
 * Explains a body that does not parse: the MDX parser's error as one line, where it is in the
 * body, and a hint the editor can act on.
 */

/** A body's syntax problem, in the body's own lines and columns. */
export interface SyntaxProblem {
  /** Undefined when the parser gave no position. */
  point: { line: number; column: number } | undefined;
  rule: 'limit' | 'mdx-syntax';
  message: string;
  fix: string;
}

/** Turns the parser's message into one line and a hint. */
function explainSyntaxError(reason: string): { message: string; fix: string } {
  const note = /\s*\(note: ([^)]*(?:\([^)]*\)[^)]*)*)\)/.exec(reason)?.[1];
  const message = reason
    .replace(/\s*\(note: [^)]*(?:\([^)]*\)[^)]*)*\)/, '')
    .replace(/\s*\(\d+:\d+-\d+:\d+\)/g, '')
    .replace(/, expected a character that can start a name, such as a letter, `\$`, or `_`$/, '');
  let fix = 'correct the MDX at this place; a literal <, { or } in text needs a backslash: \\<, \\{, \\}';
  if ((note ?? '').includes('comment in MDX')) fix = 'write comments as {/* text */}; HTML comments <!-- --> do not work in MDX';
  else if (reason.includes('before name')) fix = 'a < right before a character starts a tag; for a literal < write \\< or &lt;';
  else if (/in expression|expression with acorn|closing brace/.test(reason))
    fix = 'a { in text starts an expression: for literal braces write \\{ and \\}';
  else if (/^Expected a closing tag for `<([^>`]+)>`/.test(reason))
    fix = `close it with </${/`<([^>`]+)>`/.exec(reason)?.[1] ?? ''}>; for a literal < write \\<`;
  else if (reason.includes('Unexpected closing tag')) fix = 'close tags in the reverse order of opening them';
  else if (reason.includes('closing slash')) fix = 'remove the stray closing tag, or add its opening tag';
  else if (reason.includes('closing quote')) fix = 'close the quote of the attribute value';
  else if (note) fix = note;
  return { message: `invalid MDX: ${message}`, fix };
}

/** The problem `parseMdx` threw for a body: a limit it exceeds, or invalid MDX explained. */
export function syntaxProblem(error: unknown): SyntaxProblem {
  if (error instanceof MdxLimitError) {
    const point = error.line === undefined ? undefined : { line: error.line, column: error.column ?? 1 };
    return { point, rule: 'limit', message: error.message, fix: error.fix };
  }
  const failure: { reason?: string; message?: string; line?: number | undefined; column?: number | undefined } =
    error instanceof MdxSyntaxError ? { reason: error.reason, line: error.line, column: error.column } : (error as { message?: string });
  const reason = failure.reason ?? failure.message ?? String(error);
  // Some messages carry the position only in their text: "(3:1-3:10)".
  const inText = /\((\d+):(\d+)-\d+:\d+\)/.exec(reason);
  // For an unclosed tag the parser points at the end of the enclosing block; the opening tag is more useful.
  const preferText = inText !== null && (reason.startsWith('Expected a closing tag') || failure.line === undefined);
  const point = preferText
    ? { line: Number(inText[1]), column: Number(inText[2]) }
    : failure.line !== undefined && failure.column !== undefined
      ? { line: failure.line, column: failure.column }
      : undefined;
  return { point, rule: 'mdx-syntax', ...explainSyntaxError(reason) };
}
