import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** A small valid content folder that every fixture starts from. */
export const BASE = fileURLToPath(new URL('./base/content', import.meta.url));

/** One folder per case: `content/` files laid over the base, `expected.txt`, optionally `remove.txt`. */
export const FIXTURES = fileURLToPath(new URL('./fixtures', import.meta.url));

/** The moment every fixture is checked at: the base has a draft and an article scheduled after it. */
export const NOW = new Date('2026-11-22T12:00:00Z');

/**
 * Makes `<temp>/content` from the base content, the case's own `content/` files on top and the
 * files listed in its `remove.txt` removed. Returns the temporary folder; the caller removes it.
 */
export function materialize(caseName: string): string {
  const root = mkdtempSync(join(tmpdir(), `szpalta-check-${caseName}-`));
  const content = join(root, 'content');
  cpSync(BASE, content, { recursive: true });
  const overlay = join(FIXTURES, caseName, 'content');
  if (existsSync(overlay)) cpSync(overlay, content, { recursive: true });
  const removals = join(FIXTURES, caseName, 'remove.txt');
  if (existsSync(removals)) {
    for (const line of readFileSync(removals, 'utf8').split('\n')) {
      if (line.trim()) rmSync(join(content, line.trim()));
    }
  }
  return root;
}
