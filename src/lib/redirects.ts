import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { redirectsSchema } from '../schemas/index.ts';

/** One old address and where it goes. */
export interface Redirect {
  from: string;
  to: string;
}

/**
 * Every redirect of the content folder's `redirects/*.yml` files, in file order. Used where
 * Astro's collections are not available (the config, integrations); the content check has
 * already validated the files, so a file that does not parse is an error here.
 */
export function readRedirects(contentDir: string): Redirect[] {
  const dir = join(contentDir, 'redirects');
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((name) => /\.ya?ml$/.test(name))
      .sort();
  } catch {
    return [];
  }
  return names.flatMap((name) => redirectsSchema().parse(parse(readFileSync(join(dir, name), 'utf8')) ?? {}).redirects);
}

/**
 * The `_redirects` file of Netlify and Cloudflare Pages: one `from to 301` line per redirect.
 * Paths containing spaces cannot be written in that format and are left to the redirect pages.
 */
export function redirectsFile(redirects: readonly Redirect[]): string {
  return redirects
    .filter(({ from, to }) => !/\s/.test(from + to))
    .map(({ from, to }) => `${from} ${to} 301\n`)
    .join('');
}
