import { Document, isMap, isScalar, isSeq, parse, parseDocument, stringify, type Node, type Pair } from 'yaml';

/**
 * Writes changed data back into an existing YAML text while leaving every untouched part
 * byte-identical: keys whose value did not change keep their text, comments and style;
 * only the lines of changed keys are rewritten (recursively inside block maps).
 *
 * A CMS that re-serializes the whole file turns `tags: [a, b]` into a block list, requotes
 * strings and drops comments on every save; this keeps the diff of a save to what changed.
 */

type Data = Record<string, unknown>;

const stringifyOptions = { lineWidth: 0, flowCollectionPadding: false } as const;

/** Drops empty strings, nulls and objects left empty: an empty optional field is an absent one. */
export function pruneEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pruneEmpty);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value)
      .map(([key, item]) => [key, pruneEmpty(item)] as const)
      .filter(([, item]) => item !== undefined);
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  return value === '' || value === null ? undefined : value;
}

/** Structural equality of plain YAML data. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameData(item, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    return keysA.length === keysB.length && keysA.every((key) => sameData((a as Data)[key], (b as Data)[key]));
  }
  return false;
}

/** `data` as a fresh YAML text, keys in `order` first. */
export function stringifyData(data: Data, order: readonly string[] = []): string {
  if (Object.keys(data).length === 0) return '';
  return stringify(sortKeys(data, order), stringifyOptions);
}

function sortKeys(data: Data, order: readonly string[]): Data {
  const rank = (key: string) => {
    const index = order.indexOf(key);
    return index === -1 ? order.length : index;
  };
  return Object.fromEntries(Object.entries(data).sort(([a], [b]) => rank(a) - rank(b)));
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

interface Edit {
  from: number;
  to: number;
  text: string;
}

/** One `key: value` pair written like the original: same indentation, flow style and quotes. */
function renderPair(key: string, value: unknown, indent: string, like: Node | null): string {
  if (value === undefined) return '';
  const doc = new Document({ [key]: value });
  const node = doc.get(key, true);
  if (like && (isSeq(like) || isMap(like)) && like.flow && (isSeq(node) || isMap(node))) node.flow = true;
  if (like && isScalar(like) && isScalar(node) && typeof value === 'string' && like.type) node.type = like.type;
  const text = doc.toString(stringifyOptions);
  return text
    .split('\n')
    .map((line) => (line === '' ? line : indent + line))
    .join('\n');
}

/** Edits that turn the block map `map` (text in `source`) from `before` into `after`. */
function mapEdits(source: string, map: Node, before: Data, after: Data, order: readonly string[]): Edit[] {
  if (!isMap(map) || map.flow) throw new Error('not a block map');
  const edits: Edit[] = [];
  const pairs = map.items as Pair<Node, Node | null>[];
  const keyOf = (pair: Pair<Node, Node | null>) => (isScalar(pair.key) ? String(pair.key.value) : undefined);
  let lastEnd = 0;
  let indent = '';
  const present = new Set<string>();

  for (const pair of pairs) {
    const key = keyOf(pair);
    const keyRange = pair.key.range;
    if (key === undefined || !keyRange) throw new Error('unsupported key');
    present.add(key);
    const start = lineStart(source, keyRange[0]);
    indent = source.slice(start, keyRange[0]);
    const valueEnd = pair.value?.range ? pair.value.range[1] : keyRange[1];
    const end = lineEnd(source, Math.max(valueEnd - 1, keyRange[1]));
    lastEnd = end;
    const old = before[key];
    const next = after[key];
    if (sameData(old, next)) continue;
    const isObject = (value: unknown): value is Data => !!value && typeof value === 'object' && !Array.isArray(value);
    if (isObject(old) && isObject(next) && isMap(pair.value) && !pair.value.flow) {
      edits.push(...mapEdits(source, pair.value, old, next, Object.keys(next)));
      continue;
    }
    edits.push({ from: start, to: end, text: renderPair(key, next, indent, pair.value) });
  }

  // New keys go after the closest preceding key of `order` that the map already has.
  const added = Object.keys(after).filter((key) => !present.has(key) && after[key] !== undefined);
  for (const key of added) {
    const previous = [...order.slice(0, Math.max(order.indexOf(key), 0))].reverse().find((name) => present.has(name));
    const pair = pairs.find((candidate) => keyOf(candidate) === previous);
    let at = lastEnd;
    if (pair?.key.range) {
      const valueEnd = pair.value?.range ? pair.value.range[1] : pair.key.range[1];
      at = lineEnd(source, Math.max(valueEnd - 1, pair.key.range[1]));
    } else if (previous === undefined && pairs[0]?.key.range && order.includes(key)) {
      at = lineStart(source, pairs[0].key.range[0]);
    }
    const text = renderPair(key, after[key], indent, null);
    edits.push({ from: at, to: at, text: at > 0 && source[at - 1] !== '\n' ? `\n${text}` : text });
  }
  return edits;
}

function applyEdits(source: string, edits: Edit[]): string {
  // Insertions at the same offset keep their order; later offsets are applied first.
  const sorted = edits.map((edit, index) => ({ edit, index })).sort((a, b) => b.edit.from - a.edit.from || b.index - a.index);
  let text = source;
  for (const { edit } of sorted) text = text.slice(0, edit.from) + edit.text + text.slice(edit.to);
  return text;
}

/**
 * `after` written into the YAML text `source` with the smallest change. Falls back to a
 * fresh serialization when the text is not a block map or when the patched text would not
 * read back as `after`.
 */
export function patchYaml(source: string, after: Data, order: readonly string[] = []): string {
  const fresh = () => stringifyData(after, order);
  const doc = parseDocument(source);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return fresh();
  const before = doc.toJS() as Data;
  if (sameData(before, after)) return source;
  try {
    const patched = applyEdits(source, mapEdits(source, doc.contents, before, after, order));
    return sameData(parse(patched) ?? {}, after) ? patched : fresh();
  } catch {
    return fresh();
  }
}
