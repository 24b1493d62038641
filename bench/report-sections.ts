/**
 * Sections of BENCHMARKS.md owned by other benchmarks than `bench/build.ts`, which rewrites the
 * file: each sits between `<!-- section:<name>:start -->` and `<!-- section:<name>:end -->`.
 */
const SECTION = /<!-- section:([\w-]+):start -->[\s\S]*?<!-- section:\1:end -->\n?/g;

/** `text` with section `name` replaced by `body` (appended when it is not there yet). */
export function replaceSection(text: string, name: string, body: string): string {
  const block = `<!-- section:${name}:start -->\n${body.trim()}\n<!-- section:${name}:end -->\n`;
  const pattern = new RegExp(`<!-- section:${name}:start -->[\\s\\S]*?<!-- section:${name}:end -->\\n?`);
  return pattern.test(text) ? text.replace(pattern, block) : `${text.trimEnd()}\n\n${block}`;
}

/** `next` with every section of `previous` kept at its end. */
export function keepSections(previous: string, next: string): string {
  const sections = previous.match(SECTION) ?? [];
  return sections.reduce((text, section) => `${text.trimEnd()}\n\n${section.trimEnd()}\n`, next.replace(SECTION, ''));
}
