// @ts-check
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { parse as parseYaml } from 'yaml';
import { autoAdSlots } from './src/markdown/auto-ad-slots.ts';
import pagefind from './src/integrations/pagefind.ts';
import contentCheck from './src/integrations/content-check.ts';
import admin from './src/integrations/admin.ts';

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
const settings = /** @type {{ url?: string, ads?: { everyParagraphs?: number }, newsletter?: { action?: string } }} */ (
  parseYaml(readFileSync(settingsFile, 'utf8'))
);
if (!settings.url) throw new Error(`${fileURLToPath(settingsFile)}: field "url" is missing (the public URL of the portal)`);

/** The newsletter form posts to the provider's origin; CSP must allow exactly that one. */
const newsletterOrigin = settings.newsletter?.action?.startsWith('http') ? new URL(settings.newsletter.action).origin : undefined;

export default defineConfig({
  site: settings.url,
  // Each fixture build gets its own cache so that entries of one content folder never leak into another's build.
  ...(process.env.SZPALTA_CACHE_DIR ? { cacheDir: process.env.SZPALTA_CACHE_DIR } : {}),
  trailingSlash: 'always',
  security: {
    // A strict policy in a <meta> tag on every public page: scripts and styles by hash only.
    // Headers a meta tag cannot carry (frame-ancestors) are in public/_headers.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        `form-action 'self'${newsletterOrigin ? ` ${newsletterOrigin}` : ''}`,
      ],
      scriptDirective: { resources: ["'self'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  markdown: {
    processor: satteri({
      mdastPlugins: [autoAdSlots({ everyParagraphs: settings.ads?.everyParagraphs ?? 4, element: 'AutoAd' })],
    }),
  },
  integrations: [
    // First: a bad article stops the build with the check's report before Astro loads any content.
    contentCheck(),
    mdx(),
    sitemap({
      // The CMS and the 404 page are not for search engines; the news sitemap is listed beside the generated ones.
      filter: (page) => !page.includes('/admin/') && !page.endsWith('/404/'),
      customSitemaps: [new URL('/sitemap-news.xml', settings.url).href],
    }),
    pagefind(),
    admin(),
  ],
  vite: {
    build: {
      rolldownOptions: {
        // Every MDX module warns about Astro's head-inject directive (withastro/astro#18087);
        // printing one warning per article with components costs time and hides real warnings.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
    resolve: {
      alias: { '@content-images': fileURLToPath(new URL('./images', contentDir)) },
    },
  },
});
