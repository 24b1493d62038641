/**
 * BENCHMARKS.md is written by more than one benchmark. Each one that is not `bench/build.ts`
 * owns a section between `<!-- section:<name> -->` and `<!-- /section:<name> -->`; `bench/build.ts`
 * rewrites the rest of the file and carries those sections over.
 */

const sectionPattern = /<!-- section:([\w-]+) -->[\s\S]*?<!-- \/section:\1 -->\n?/g;

/** The marked sections of `text`, in order. */
export function sectionsOf(text: string): string[] {
  return [...text.matchAll(sectionPattern)].map((match) => match[0].replace(/\n?$/, '\n'));
}

/** `text` with its machine description: sections go in front of it, so they read with the results. */
const anchor = '## Machine';

/** `text` with the section `name` set to `body` (replaced where it is, or put before "## Machine"). */
export function withSection(text: string, name: string, body: string): string {
  const section = `<!-- section:${name} -->\n${body.trim()}\n<!-- /section:${name} -->\n`;
  const existing = new RegExp(`<!-- section:${name} -->[\\s\\S]*?<!-- /section:${name} -->\\n?`);
  if (existing.test(text)) return text.replace(existing, () => section);
  const at = text.indexOf(anchor);
  return at === -1 ? `${text.trimEnd()}\n\n${section}` : `${text.slice(0, at)}${section}\n${text.slice(at)}`;
}

/** `fresh` (a newly written report) with the marked sections of `previous` put back. */
export function keepSections(previous: string, fresh: string): string {
  let text = fresh;
  for (const section of sectionsOf(previous)) {
    const name = /<!-- section:([\w-]+) -->/.exec(section)?.[1] ?? '';
    const body = section.replace(/^<!-- section:[\w-]+ -->\n/, '').replace(/<!-- \/section:[\w-]+ -->\n$/, '');
    text = withSection(text, name, body);
  }
  return text;
}
