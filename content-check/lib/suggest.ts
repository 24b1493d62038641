/** Edit distance between two strings, giving up (returning `limit + 1`) once it exceeds `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

/**
 * The candidate closest to `input` (ignoring case), when it is close enough to be a likely typo:
 * at most `limit` edits away; by default a third of the input's length, and at least 1.
 */
export function closest(
  input: string,
  candidates: Iterable<string>,
  limit = Math.max(1, Math.floor(input.length / 3)),
): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const d = distance(needle, candidate.toLowerCase(), Math.min(limit, bestDistance));
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** `"a", "b" or "c"` for a short list; the first few and a count for a long one. */
export function listOf(values: readonly string[], max = 8): string {
  const quoted = values.slice(0, max).map((value) => `"${value}"`);
  if (values.length > max) return `${quoted.join(', ')} and ${values.length - max} more`;
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}
