// @ts-check
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { parse as parseYaml } from 'yaml';
import { autoAdSlots } from './src/markdown/auto-ad-slots.ts';

/**
 * The content folder: `content/` unless a fixture build (tests, benchmarks) points
 * SZPALTA_CONTENT_DIR elsewhere.
 */
const contentDir = new URL(`${process.env.SZPALTA_CONTENT_DIR ?? './content'}/`, new URL('./', import.meta.url));

/**
 * Settings that Astro needs before content is loaded (the public URL, the ad rhythm) are
 * read straight from the settings file editors own; the full file is validated with the
 * `settings` collection schema.
 */
const settingsFile = new URL('./settings/site.yml', contentDir);
const settings = /** @type {{ url?: string, ads?: { everyParagraphs?: number } }} */ (
  parseYaml(readFileSync(settingsFile, 'utf8'))
);
if (!settings.url) throw new Error(`${fileURLToPath(settingsFile)}: field "url" is missing (the public URL of the portal)`);

export default defineConfig({
  site: settings.url,
  // Each fixture build gets its own cache so that entries of one content folder never leak into another's build.
  ...(process.env.SZPALTA_CACHE_DIR ? { cacheDir: process.env.SZPALTA_CACHE_DIR } : {}),
  trailingSlash: 'always',
  markdown: {
    processor: satteri({
      mdastPlugins: [autoAdSlots({ everyParagraphs: settings.ads?.everyParagraphs ?? 4, element: 'AutoAd' })],
    }),
  },
  integrations: [mdx(), sitemap()],
  vite: {
    resolve: {
      alias: { '@content-images': fileURLToPath(new URL('./images', contentDir)) },
    },
  },
});
