// @ts-check
import { readFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { parse as parseYaml } from 'yaml';

/**
 * The public URL lives in the site settings that editors own (`content/settings/site.yml`);
 * Astro needs it before content is loaded, for canonical links, feeds and sitemaps.
 */
const contentDir = new URL(`${process.env.SZPALTA_CONTENT_DIR ?? './content'}/`, new URL('./', import.meta.url));
const settingsFile = new URL('./settings/site.yml', contentDir);
const siteUrl = /** @type {{ url?: string }} */ (parseYaml(readFileSync(settingsFile, 'utf8'))).url;
if (!siteUrl) throw new Error(`${settingsFile.pathname}: field "url" is missing (the public URL of the portal)`);

export default defineConfig({
  site: siteUrl,
  // Fixture builds (tests, benchmarks) point SZPALTA_CONTENT_DIR at their own content; each
  // gets its own cache so that entries of one content folder never leak into another's build.
  ...(process.env.SZPALTA_CACHE_DIR ? { cacheDir: process.env.SZPALTA_CACHE_DIR } : {}),
  trailingSlash: 'always',
  integrations: [mdx(), sitemap()],
});
