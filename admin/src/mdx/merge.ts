import { diffChars } from 'diff';

/**
 * Three-way text merge: carries the changes that turn `base` into `edited` over to `source`.
 *
 * The editor writes blocks in one canonical form (`base` before the edit, `edited` after);
 * the file may write the same content differently (`_a_` for `*a*`, other indentation).
 * Applying the base→edited changes to the file's own text keeps everything the editor did
 * not change exactly as it was. Returns `undefined` when a change touches text that the
 * source writes differently, where no faithful placement exists.
 */
export function merge3(source: string, base: string, edited: string): string | undefined {
  if (base === edited) return source;
  if (source === base) return edited;

  // For each character of `base`, its offset in `source`, or -1 when the source does not have it.
  const toSource = new Int32Array(base.length).fill(-1);
  let inSource = 0;
  let inBase = 0;
  for (const part of diffChars(source, base)) {
    const length = part.value.length;
    if (part.added) inBase += length;
    else if (part.removed) inSource += length;
    else {
      for (let i = 0; i < length; i += 1) toSource[inBase + i] = inSource + i;
      inBase += length;
      inSource += length;
    }
  }

  /** Offset in `source` of the gap before `base[offset]`. */
  const gap = (offset: number): number | undefined => {
    const before = offset > 0 ? (toSource[offset - 1] ?? -1) : -1;
    if (before >= 0) return before + 1;
    const after = offset < base.length ? (toSource[offset] ?? -1) : -1;
    if (after >= 0) return after;
    if (offset === 0) return 0;
    if (offset === base.length) return source.length;
    return undefined;
  };

  const edits: { from: number; to: number; text: string }[] = [];
  let at = 0;
  let pending: { from: number; to: number; text: string } | undefined;
  const flush = (): boolean => {
    if (!pending) return true;
    const { from, to, text } = pending;
    pending = undefined;
    if (from === to) {
      const position = gap(from);
      if (position === undefined) return false;
      edits.push({ from: position, to: position, text });
      return true;
    }
    // Every replaced character must exist in the source, in one contiguous run.
    for (let i = from; i < to; i += 1) {
      const mapped = toSource[i] ?? -1;
      if (mapped < 0) return false;
      if (i > from && mapped !== (toSource[i - 1] ?? -2) + 1) return false;
    }
    edits.push({ from: toSource[from] ?? 0, to: (toSource[to - 1] ?? 0) + 1, text });
    return true;
  };

  for (const part of diffChars(base, edited)) {
    const length = part.value.length;
    if (part.removed) {
      pending ??= { from: at, to: at, text: '' };
      pending.to = at + length;
      at += length;
    } else if (part.added) {
      pending ??= { from: at, to: at, text: '' };
      pending.text += part.value;
    } else {
      if (!flush()) return undefined;
      at += length;
    }
  }
  if (!flush()) return undefined;

  let result = source;
  for (const edit of edits.reverse()) result = result.slice(0, edit.from) + edit.text + result.slice(edit.to);
  return result;
}
