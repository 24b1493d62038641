// @ts-check
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { readBuildSettings } from './src/lib/build-settings.ts';
import { autoAdSlots } from './src/markdown/auto-ad-slots.ts';
import { hangingLetters } from './src/markdown/hanging-letters.ts';
import pagefind from './src/integrations/pagefind.ts';
import contentCheck from './src/integrations/content-check.ts';
import admin from './src/integrations/admin.ts';
import { withMdxPolicy } from './src/integrations/mdx-policy.ts';
import { discoverContent } from './src/content-model/index.ts';
import redirects from './src/integrations/redirects.ts';
import { readRedirects } from './src/lib/redirects.ts';
import { resolveContentDir } from './src/content-model/content-dir.ts';
import { shardRole } from './src/lib/shards.ts';

/**
 * The content folder: `content/` unless a fixture build (tests, benchmarks) points
 * SZPALTA_CONTENT_DIR elsewhere.
 */
const contentDir = pathToFileURL(`${resolveContentDir(fileURLToPath(new URL('./', import.meta.url)))}/`);

/** The settings Astro needs before content loads (public URL, ad rhythm, newsletter origin). */
const settings = readBuildSettings(new URL('./settings/site.yml', contentDir));

/**
 * The one Markdown pipeline: Sätteri with the automatic ad slots and the no-break spaces after
 * one-letter words, for `.md`, loaders and MDX alike.
 */
const markdownProcessor = satteri({
  mdastPlugins: [autoAdSlots({ everyParagraphs: settings.adEveryParagraphs, element: 'AutoAd' }), hangingLetters()],
});

/**
 * Astro writes its incremental-build manifest as one JSON string, which records every image
 * transform of every keyed page (about 50 kB per article here). Past roughly 10,000 articles it
 * exceeds the longest string V8 can make and the build fails ("Invalid string length"), so
 * larger archives build without it (measured: BENCHMARKS.md, N = 20,000).
 */
const INCREMENTAL_BUILD_MAX_ARTICLES = 8000;

/**
 * The whole site, or one shard of a sharded build (`npm run build -- --shards N`,
 * `scripts/build.ts`): an article shard renders its articles' pages and their search index, the
 * lists shard everything else. Each shard has its own cache folder and manifest, so the limit
 * above counts the articles whose pages the build renders.
 */
const shard = shardRole();
const articleCount =
  shard.kind === 'whole'
    ? discoverContent(fileURLToPath(contentDir)).entries.filter((entry) => entry.collection === 'articles').length
    : shard.kind === 'articles'
      ? shard.plan.articles.filter((article) => article.shard === shard.index).length
      : shard.plan.articles.length;
/** Whether this build renders the pages that are neither articles nor lists: the whole build and the main lists shard. */
const rendersSite = shard.kind === 'whole' || (shard.kind === 'lists' && shard.part === 1);
/** The main lists shard's sitemap lists the pages the other shards render. */
const pagesElsewhere = shard.kind === 'lists' ? shard.plan.lists.elsewhere.map((path) => new URL(path, settings.url).href) : [];

/** Old addresses that only redirect: they are not pages for search engines. */
const redirectPaths = new Set(readRedirects(fileURLToPath(contentDir)).map((redirect) => redirect.from));

export default defineConfig({
  site: settings.url,
  // Each fixture build gets its own cache so that entries of one content folder never leak into another's build.
  ...(process.env.SZPALTA_CACHE_DIR ? { cacheDir: process.env.SZPALTA_CACHE_DIR } : {}),
  ...(process.env.SZPALTA_OUT_DIR ? { outDir: process.env.SZPALTA_OUT_DIR } : {}),
  trailingSlash: 'always',
  // Astro's terminal output with one summary line instead of a line per optimised image.
  logger: { entrypoint: fileURLToPath(new URL('./src/lib/build-log.ts', import.meta.url)) },
  security: {
    // A strict policy in a <meta> tag on every public page: scripts and styles by hash only.
    // Headers a meta tag cannot carry (frame-ancestors) are in public/_headers.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        // The comment island (loaded on request from the comment service) talks to its API.
        `connect-src 'self'${settings.commentsOrigin ? ` ${settings.commentsOrigin}` : ''}`,
        "object-src 'none'",
        "base-uri 'self'",
        `form-action 'self'${settings.newsletterOrigin ? ` ${settings.newsletterOrigin}` : ''}`,
      ],
      scriptDirective: { resources: ["'self'", ...(settings.commentsOrigin ? [settings.commentsOrigin] : [])] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  // Astro's sharp service that never ships a JPEG larger than its source (src/lib/image-service.ts).
  // mozjpeg's encoder makes JPEGs about a fifth smaller than libjpeg's at the same quality.
  image: { service: { entrypoint: './src/lib/image-service.ts', config: { jpeg: { mozjpeg: true } } } },
  markdown: {
    // No highlighting: Shiki colours code with inline styles, which the strict CSP refuses, and
    // news articles rarely show code (a code block is printed plain, styled by the stylesheet).
    syntaxHighlight: false,
    processor: markdownProcessor,
  },
  experimental: {
    // Pages whose `getStaticPaths()` gives a `cacheKey` (src/lib/cache-keys.ts) are copied from
    // the previous build when neither their key nor their code changed. The cache is kept in
    // `cacheDir`; a build without it renders everything.
    // A patch renders a few pages afresh into an empty folder: nothing to keep from before.
    incrementalBuild: shard.kind !== 'patch' && articleCount <= INCREMENTAL_BUILD_MAX_ARTICLES,
  },
  integrations: [
    // First: a bad article stops the build with the check's report before Astro loads any content.
    // A sharded build checks the content once, before its shards.
    ...(shard.kind === 'whole' ? [contentCheck()] : []),
    // MDX content is compiled only if it passes the MDX policy, whether or not the check above ran.
    mdx({
      processor: withMdxPolicy(markdownProcessor, {
        contentDir: fileURLToPath(contentDir),
        root: fileURLToPath(new URL('./', import.meta.url)),
      }),
    }),
    ...(!rendersSite
      ? []
      : [
          sitemap({
            // The CMS and the 404 page are not for search engines; the news sitemap is listed beside the generated ones.
            filter: (page) => !page.includes('/admin/') && !page.endsWith('/404/') && !redirectPaths.has(new URL(page).pathname),
            customSitemaps: [new URL('/sitemap-news.xml', settings.url).href],
            customPages: pagesElsewhere,
            // A sitemap file holds at most 50,000 URLs (sitemaps.org); above that the index lists several.
            entryLimit: 50_000,
          }),
        ]),
    pagefind(),
    ...(rendersSite ? [admin(), redirects(contentDir)] : []),
  ],
  vite: {
    build: {
      rolldownOptions: {
        // Every MDX module warns about Astro's head-inject directive (withastro/astro#18087);
        // printing one warning per article with components costs time and hides real warnings.
        onLog(level, log, handler) {
          if (log.code !== 'MODULE_LEVEL_DIRECTIVE') handler(level, log);
        },
      },
    },
    resolve: {
      alias: { '@content-images': fileURLToPath(new URL('./images', contentDir)) },
    },
  },
});
