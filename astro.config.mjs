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
const settingsFile = new URL('./content/settings/site.yml', import.meta.url);
const siteUrl = /** @type {{ url?: string }} */ (parseYaml(readFileSync(settingsFile, 'utf8'))).url;
if (!siteUrl) throw new Error(`${settingsFile.pathname}: field "url" is missing (the public URL of the portal)`);

export default defineConfig({
  site: siteUrl,
  trailingSlash: 'always',
  integrations: [mdx(), sitemap()],
});
