import { merge3 } from './merge.ts';

/**
 * Rebuilds a body from its original text and the edited sequence of top-level blocks.
 *
 * Blocks the editor left unchanged are copied from the original text byte for byte, with
 * the original text between them. Each run of changed, inserted or removed blocks becomes
 * one region: the editor's change (old canonical text → new canonical text) is merged into
 * the original text of that region (`merge3`), so even inside an edited paragraph only the
 * edited characters differ. A region that cannot be merged faithfully, or whose merge does
 * not mean what the editor wrote (`verify`), is written in canonical form instead.
 */

/** A block of the text as it was loaded. */
export interface SourceBlock<K> {
  /** Identity of the block in the editor, compared with `same`. */
  key: K;
  /** Offsets of the block in the original text. */
  from: number;
  to: number;
  /** The block as the editor writes it. */
  canonical: string;
}

/** A block of the edited document. */
export interface EditedBlock<K> {
  key: K;
  canonical: string;
}

export interface RebuildOptions<K> {
  /** Whether an edited block is an untouched original one. */
  same: (original: K, edited: K) => boolean;
  /** Whether `merged` means the same as `canonical` (both texts of one region). */
  verify?: (merged: string, canonical: string) => boolean;
}

/** Pairs of indices of a longest common subsequence of `a` and `b` under `same`. */
export function align<K>(a: readonly K[], b: readonly K[], same: (x: K, y: K) => boolean): [number, number][] {
  // Common prefix and suffix first: an edit usually touches one place of a long document.
  let start = 0;
  while (start < a.length && start < b.length && same(a[start] as K, b[start] as K)) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && same(a[endA - 1] as K, b[endB - 1] as K)) {
    endA -= 1;
    endB -= 1;
  }
  const rows = endA - start;
  const cols = endB - start;
  const table = new Uint32Array((rows + 1) * (cols + 1));
  const cell = (i: number, j: number) => i * (cols + 1) + j;
  for (let i = rows - 1; i >= 0; i -= 1) {
    for (let j = cols - 1; j >= 0; j -= 1) {
      table[cell(i, j)] = same(a[start + i] as K, b[start + j] as K)
        ? (table[cell(i + 1, j + 1)] ?? 0) + 1
        : Math.max(table[cell(i + 1, j)] ?? 0, table[cell(i, j + 1)] ?? 0);
    }
  }
  const pairs: [number, number][] = [];
  for (let i = 0; i < start; i += 1) pairs.push([i, i]);
  let i = 0;
  let j = 0;
  while (i < rows && j < cols) {
    if (same(a[start + i] as K, b[start + j] as K)) {
      pairs.push([start + i, start + j]);
      i += 1;
      j += 1;
    } else if ((table[cell(i + 1, j)] ?? 0) >= (table[cell(i, j + 1)] ?? 0)) i += 1;
    else j += 1;
  }
  for (let k = 0; k < a.length - endA; k += 1) pairs.push([endA + k, endB + k]);
  return pairs;
}

const BETWEEN = '\n\n';

/** Canonical text of a run of blocks with the separators around it. */
function canonicalRun(blocks: readonly string[], hasLeft: boolean, hasRight: boolean): string {
  if (blocks.length === 0) return hasLeft && hasRight ? BETWEEN : '';
  return (hasLeft ? BETWEEN : '') + blocks.join(BETWEEN) + (hasRight ? BETWEEN : '');
}

/** The edited text. Returns `source` itself when no block changed. */
export function rebuild<K>(
  source: string,
  original: readonly SourceBlock<K>[],
  edited: readonly EditedBlock<K>[],
  { same, verify = () => true }: RebuildOptions<K>,
): string {
  const first = original[0];
  const last = original[original.length - 1];
  // Whitespace around the blocks (the blank line after the frontmatter, the final newline) stays.
  const prefix = first ? source.slice(0, first.from) : (/^\s*/.exec(source)?.[0] ?? '');
  const suffix = last ? source.slice(last.to) : source.slice(prefix.length);
  if (!first && edited.length === 0) return source;

  const pairs = align(
    original.map((block) => block.key),
    edited.map((block) => block.key),
    same,
  );
  if (pairs.length === original.length && pairs.length === edited.length) return source;

  const anchors: [number, number][] = [[-1, -1], ...pairs, [original.length, edited.length]];
  let body = '';
  for (let k = 0; k < anchors.length - 1; k += 1) {
    const [leftOld, leftNew] = anchors[k] as [number, number];
    const [rightOld, rightNew] = anchors[k + 1] as [number, number];
    const left = original[leftOld];
    const right = original[rightOld];
    if (left) body += source.slice(left.from, left.to);
    const from = left ? left.to : prefix.length;
    const to = right ? right.from : source.length - suffix.length;
    const text = source.slice(from, to);
    const removed = original.slice(leftOld + 1, rightOld).map((block) => block.canonical);
    const added = edited.slice(leftNew + 1, rightNew).map((block) => block.canonical);
    if (removed.length === 0 && added.length === 0) {
      body += text;
      continue;
    }
    const hasLeft = k > 0;
    const hasRight = k + 1 < anchors.length - 1;
    const base = canonicalRun(removed, hasLeft, hasRight);
    const next = canonicalRun(added, hasLeft, hasRight);
    const merged = merge3(text, base, next);
    body += merged !== undefined && verify(merged, next) ? merged : next;
  }
  const tail = edited.length > 0 && suffix === '' ? '\n' : suffix;
  return prefix + body + tail;
}
