import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

/** The repository root. */
export const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** A small valid content folder that every fixture starts from. */
export const BASE = fileURLToPath(new URL('./base/content', import.meta.url));

/** One folder per case: `content/` files laid over the base, `expected.txt`, optionally `remove.txt`. */
export const FIXTURES = fileURLToPath(new URL('./fixtures', import.meta.url));

/** The moment every fixture is checked at: the base has a draft and an article scheduled after it. */
export const NOW = new Date('2026-11-22T12:00:00Z');

/** Makes `<temp>/content` for the case (see `layContent`). Returns the temporary folder; the caller removes it. */
export function materialize(caseName: string): string {
  const root = mkdtempSync(join(tmpdir(), `szpalta-check-${caseName}-`));
  layContent(join(FIXTURES, caseName), join(root, 'content'));
  return root;
}

/** Writes the base content to `content`, then the files of `caseDir/content` over it, minus those in `caseDir/remove.txt`. */
export function layContent(caseDir: string, content: string): void {
  cpSync(BASE, content, { recursive: true });
  const overlay = join(caseDir, 'content');
  if (existsSync(overlay)) cpSync(overlay, content, { recursive: true });
  const removals = join(caseDir, 'remove.txt');
  if (existsSync(removals)) {
    for (const line of readFileSync(removals, 'utf8').split('\n')) {
      if (line.trim()) rmSync(join(content, line.trim()));
    }
  }
}

/** An article whose MDX, if it ever ran, would write `marker` (a path outside the project). */
export function hostileArticle(marker: string, title = 'Wrogi tekst'): string {
  return [
    '---',
    `title: ${title}`,
    'lead: Ten plik próbuje uruchomić kod podczas budowania.',
    'pubDate: 2026-11-01T10:00:00+01:00',
    'authors: [anna-kowalska]',
    'tags: []',
    '---',
    '',
    "import { writeFileSync } from 'node:fs';",
    '',
    `export const ran = writeFileSync(${JSON.stringify(marker)}, 'the content ran as code');`,
    '',
    'Zwykły akapit.',
    '',
    `{writeFileSync(${JSON.stringify(`${marker}.expression`)}, 'ran')}`,
    '',
    '<script>alert(1)</script>',
    '',
  ].join('\n');
}

/** A static page with the same code as `hostileArticle`. */
export function hostilePage(marker: string): string {
  return hostileArticle(marker, 'Zła strona')
    .replace(/^lead:.*\n|^pubDate:.*\n|^authors:.*\n|^tags:.*\n/gm, '')
    .replace('title: Zła strona', 'title: Zła strona\ndescription: Strona spoza repozytorium.');
}

/**
 * A maker of fresh temporary folders (`szpalta-trust-<name>-…`) for one test file; every folder it
 * made is removed after the file's tests. Call it at the top level of the test file.
 */
export function temporaryFolders(prefix: string): (name: string) => string {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });
  return (name) => {
    const dir = mkdtempSync(join(tmpdir(), `${prefix}-${name}-`));
    made.push(dir);
    return dir;
  };
}
