/** One block of a `_headers` file: a path pattern and its headers (lower-case names). */
export interface HeaderRule {
  pattern: string;
  headers: Map<string, string>;
}

/** Parses the Netlify / Cloudflare Pages `_headers` format; throws on a line it does not understand. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '' || line.trim().startsWith('#')) return;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: new Map() });
      return;
    }
    const match = /^\s+([A-Za-z0-9-]+):\s*(.+)$/.exec(line);
    const rule = rules.at(-1);
    if (!match || !rule) throw new Error(`_headers line ${index + 1} is neither a path nor an indented "Name: value": ${line}`);
    const name = (match[1] ?? '').toLowerCase();
    if (rule.headers.has(name)) throw new Error(`_headers line ${index + 1}: ${name} repeated in ${rule.pattern}`);
    rule.headers.set(name, (match[2] ?? '').trim());
  });
  return rules;
}

/**
 * The headers a static host sends for `pathname`, as Netlify and Cloudflare Pages apply the
 * file: every block whose pattern matches (`*` matches any characters), repeated names joined
 * with ", ".
 */
export function headersFor(rules: readonly HeaderRule[], pathname: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const rule of rules) {
    const pattern = new RegExp(
      `^${rule.pattern
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    );
    if (!pattern.test(pathname)) continue;
    for (const [name, value] of rule.headers) {
      const previous = result.get(name);
      result.set(name, previous === undefined ? value : `${previous}, ${value}`);
    }
  }
  return result;
}
