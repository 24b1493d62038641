import matter from 'gray-matter';

/** A 1-based line and column in a file. */
export interface Position {
  line: number;
  column: number;
}

/** The text of a file and where its lines start, for turning offsets into positions. */
export interface SourceText {
  /** The decoded text without a byte order mark. */
  text: string;
  /** Offset of the first character of every line. */
  lineStarts: number[];
}

/** Why a file could not be read as text. */
export type DecodeFailure = { kind: 'empty' } | { kind: 'encoding'; at: Position };

const decoder = new TextDecoder('utf-8', { fatal: true });
const lenientDecoder = new TextDecoder('utf-8');

/** Offsets where each line of `text` starts (`\n` and `\r\n` end a line). */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  let index = text.indexOf('\n');
  while (index !== -1) {
    starts.push(index + 1);
    index = text.indexOf('\n', index + 1);
  }
  return starts;
}

/** The line and column of `offset` in a text whose lines start at `lineStarts`. */
export function positionAt(lineStarts: readonly number[], offset: number): Position {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((lineStarts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
}

/**
 * Decodes a file's bytes as UTF-8 and drops a byte order mark. Fails for a file that is empty
 * (or only whitespace) and for bytes that are not UTF-8, with the position of the first bad one.
 */
export function decodeSource(bytes: Uint8Array): SourceText | DecodeFailure {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const lenient = lenientDecoder.decode(bytes);
    const bad = lenient.indexOf('\uFFFD');
    return { kind: 'encoding', at: positionAt(lineStartsOf(lenient), Math.max(0, bad)) };
  }
  // TextDecoder removes a leading BOM by default; a second one would be a visible character.
  if (text.trim() === '') return { kind: 'empty' };
  return { text, lineStarts: lineStartsOf(text) };
}

/** An MDX file split into front matter and body, with the offsets of both in the file. */
export interface SplitFile {
  /** The YAML between the `---` lines. */
  yaml: string;
  /** Offset of the YAML in the file text. */
  yamlStart: number;
  /** Everything after the closing `---` line. */
  body: string;
  /** Offset of the body in the file text. */
  bodyStart: number;
}

/** Why the front matter of an MDX file could not be separated from its body. */
export type SplitFailure =
  { kind: 'missing'; body: string } | { kind: 'not-first'; body: string } | { kind: 'unclosed' } | { kind: 'not-yaml'; language: string };

const refuse = (language: string) => () => {
  throw new NotYamlError(language);
};

class NotYamlError extends Error {
  readonly language: string;
  constructor(language: string) {
    super(`front matter in ${language}`);
    this.language = language;
  }
}

/**
 * Splits an MDX file with gray-matter. Only YAML front matter is accepted: gray-matter would
 * otherwise evaluate `---js` front matter as JavaScript. The YAML is returned as text, to be
 * parsed with positions by the caller.
 */
export function splitFrontMatter(text: string): SplitFile | SplitFailure {
  if (!text.startsWith('---')) {
    return /^\s*\n---/.test(text) ? { kind: 'not-first', body: text } : { kind: 'missing', body: text };
  }
  if (!text.slice(3).includes('\n---')) return { kind: 'unclosed' };
  let yaml = '';
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text, {
      language: 'yaml',
      engines: {
        yaml: (source: string) => {
          yaml = source;
          return {};
        },
        javascript: refuse('JavaScript'),
        coffee: refuse('CoffeeScript'),
        json: refuse('JSON'),
        toml: refuse('TOML'),
      },
    });
  } catch (error) {
    if (error instanceof NotYamlError) return { kind: 'not-yaml', language: error.language };
    // An unregistered language after `---` (`---md`): gray-matter names it in its message.
    const language = /engine "([^"]*)"/.exec(String(error))?.[1];
    if (language !== undefined) return { kind: 'not-yaml', language };
    throw error;
  }
  // gray-matter skips the engine for a block that is only comments or whitespace.
  if (yaml === '') yaml = parsed.matter;
  const yamlStart = yaml === '' ? 3 : text.indexOf(yaml, 3);
  // With CRLF line endings the block ends in the `\r` of its last line, which YAML would read as content.
  return { yaml: yaml.replace(/\r$/, ''), yamlStart, body: parsed.content, bodyStart: text.length - parsed.content.length };
}
