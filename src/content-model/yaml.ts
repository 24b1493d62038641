import { isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type ErrorCode, type Node } from 'yaml';

/** A YAML syntax problem, at an offset of the parsed text. */
export interface YamlSyntaxProblem {
  offset: number;
  message: string;
  fix: string;
  severity: 'error' | 'warning';
}

/** Parsed YAML: the document (for positions) and its plain value (for validation). */
export interface ParsedYaml {
  document: Document.Parsed;
  /** The plain value; undefined when there were syntax errors. */
  value: unknown;
  problems: YamlSyntaxProblem[];
}

const fixes: Partial<Record<ErrorCode, string>> = {
  DUPLICATE_KEY: 'keep only one line with this field',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  BAD_DQ_ESCAPE: 'inside "double quotes" write a backslash as \\\\, or use single quotes',
  MISSING_CHAR: 'close the quote or bracket that was opened on this line',
  BAD_INDENT: 'indent the fields of one group, and the items of one list, by the same number of spaces',
  BLOCK_AS_IMPLICIT_KEY: 'put the value in double quotes when it contains ": " or " #"',
  MULTILINE_IMPLICIT_KEY: 'write "field: value" on one line; put a value containing ": " in double quotes',
  UNEXPECTED_TOKEN: 'put the value in double quotes when it contains ": " or " #" or starts with one of ` @ * & ! | > % [ {',
  BAD_SCALAR_START: 'put the value in double quotes when it starts with one of ` @ * & ! | > %',
  MULTIPLE_DOCS: 'remove the extra --- line; the fields end at the second ---',
};

/** `yaml`'s messages end with " at line L, column C"; the report prints the position itself. */
function cleanMessage(message: string): string {
  return message.replace(/ at line \d+, column \d+[\s\S]*$/, '').replace(/:$/, '');
}

/** How many aliases (`*name`) a file may expand; a handful is normal, thousands are an attack. */
export const MAX_ALIAS_COUNT = 100;

/**
 * Parses YAML with the YAML 1.2 core schema. Dates stay text (`2026-11-22T09:30:00+01:00`),
 * so that the schemas see what was written and refuse impossible dates that a timestamp
 * type would roll over (`2026-02-30` → 2 March). Syntax errors, tags outside the core schema
 * (`!!js/function`, `!foo`) and alias expansion beyond `MAX_ALIAS_COUNT` are errors with
 * offsets; the value is only produced for error-free YAML.
 */
export function parseYaml(source: string): ParsedYaml {
  const document = parseDocument(source, { prettyErrors: false, uniqueKeys: true });
  const problems: YamlSyntaxProblem[] = [
    ...document.errors.map((error) => ({
      offset: error.pos[0],
      message: `invalid YAML: ${cleanMessage(error.message)}`,
      fix: fixes[error.code] ?? 'correct the YAML syntax on this line; when in doubt, put the value in double quotes',
      severity: 'error' as const,
    })),
    ...document.warnings.map((warning) =>
      warning.code === 'TAG_RESOLVE_FAILED'
        ? {
            offset: warning.pos[0],
            message: `the YAML tag ${cleanMessage(warning.message)
              .replace(/^Unresolved tag: /, '')
              .replace(/^tag:yaml\.org,2002:/, '!!')} is not allowed: content is data, never code`,
            fix: 'remove the tag (the word starting with !) and write the value in double quotes',
            severity: 'error' as const,
          }
        : {
            offset: warning.pos[0],
            message: `questionable YAML: ${cleanMessage(warning.message)}`,
            fix: 'write the value in double quotes, without a tag',
            severity: 'warning' as const,
          },
    ),
  ];
  if (problems.some((problem) => problem.severity === 'error')) return { document, value: undefined, problems };
  try {
    return { document, value: document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), problems };
  } catch (error) {
    // `yaml` throws a ReferenceError for an alias bomb and for an alias without its anchor.
    if (!(error instanceof ReferenceError)) throw error;
    let offset = 0;
    visit(document, {
      Alias(_key, node) {
        offset = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    const unresolved = error.message.startsWith('Unresolved alias');
    problems.push(
      unresolved
        ? {
            offset,
            message: 'invalid YAML: an alias (*name) refers to no anchor (&name) above it',
            fix: 'write the value itself instead of the alias',
            severity: 'error',
          }
        : {
            offset,
            message: `invalid YAML: aliases (*name) expand to more than ${MAX_ALIAS_COUNT} copies, which would exhaust memory`,
            fix: 'write the values themselves instead of repeating them with & and *',
            severity: 'error',
          },
    );
    return { document, value: undefined, problems };
  }
}

/** Where a path of a YAML value is written. */
export interface Located {
  /** Offset of the value (or of its key when the value is empty); undefined for the document itself. */
  offset: number | undefined;
  /** Whether the whole path exists; when not, `offset` is that of the deepest existing part. */
  exact: boolean;
}

function startOf(node: Node | null | undefined): number | undefined {
  return node?.range?.[0];
}

/** Finds where the value at `path` (`['hero', 'alt']`, `['authors', 1]`) is written. */
export function locate(document: Document.Parsed, path: readonly PropertyKey[]): Located {
  let node: unknown = document.contents;
  let offset: number | undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(key));
      if (!pair) return { offset, exact: false };
      const keyStart = startOf(isScalar(pair.key) ? pair.key : null);
      const value = pair.value as Node | null;
      const empty = value === null || (isScalar(value) && value.value === null);
      offset = empty ? keyStart : (startOf(value) ?? keyStart);
      node = value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as Node | undefined;
      if (!item) return { offset, exact: false };
      offset = startOf(item) ?? offset;
      node = item;
    } else {
      return { offset, exact: false };
    }
  }
  return { offset, exact: true };
}

/** A string value in a YAML document, with its path and offset. */
export interface YamlString {
  path: (string | number)[];
  value: string;
  offset: number;
}

/** Every string scalar stored under one of `keys`, anywhere in the document. */
export function stringsUnderKeys(document: Document.Parsed, keys: ReadonlySet<string>): YamlString[] {
  const found: YamlString[] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const value = pair.value;
        if (keys.has(key) && isScalar(value) && typeof value.value === 'string') {
          found.push({ path: [...path, key], value: value.value, offset: startOf(value) ?? 0 });
        } else {
          walk(value, [...path, key]);
        }
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => walk(item, [...path, index]));
    }
  };
  walk(document.contents, []);
  return found;
}
