import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readRedirects, redirectsFile } from '../lib/redirects.ts';

/**
 * Writes `<outDir>/_redirects` (Netlify, Cloudflare Pages) from the content folder's redirect
 * tables. The redirect pages for other hosts come from `src/pages/[...redirect].astro`.
 */
export default function redirects(contentDir: URL): AstroIntegration {
  return {
    name: 'szpalta:redirects',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const table = readRedirects(fileURLToPath(contentDir));
        if (table.length === 0) return;
        await writeFile(new URL('_redirects', dir), redirectsFile(table));
        logger.info(`${table.length} redirects written to _redirects`);
      },
    },
  };
}
