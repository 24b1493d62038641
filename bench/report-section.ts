import { readFile, writeFile } from 'node:fs/promises';

/**
 * BENCHMARKS.md holds the build benchmark (written whole by `bench/build.ts`) followed by
 * sections of other benchmarks, each between `<!-- section:NAME -->` and `<!-- /section:NAME -->`.
 */
const SECTIONS = /<!-- section:([\w-]+) -->[\s\S]*?<!-- \/section:\1 -->\n?/g;

/** The other benchmarks' sections of `text`, to append when the build report is rewritten. */
export function keptSections(text: string): string {
  return [...text.matchAll(SECTIONS)].map((match) => match[0]).join('');
}

/** Replaces (or appends) the section `name` of the report file with `body`. */
export async function writeSection(file: string, name: string, body: string): Promise<void> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const section = `<!-- section:${name} -->\n${body.trimEnd()}\n<!-- /section:${name} -->\n`;
  const pattern = new RegExp(`<!-- section:${name} -->[\\s\\S]*?<!-- /section:${name} -->\\n?`);
  const next = pattern.test(text) ? text.replace(pattern, section) : `${text.trimEnd()}\n\n${section}`;
  await writeFile(file, next);
}
