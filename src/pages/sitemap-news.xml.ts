import type { APIRoute } from 'astro';
import { BUILD_TIME, getNewsroom } from '../lib/content.ts';
import { getSite } from '../lib/site.ts';
import { urls } from '../lib/urls.ts';
import { xmlDocument, xmlResponse } from '../lib/xml.ts';
import { x } from 'xastscript';
import { NEWS_WINDOW_MS } from '../utils/publishing.ts';

/** The Google News sitemap: articles of the 48 hours before the build. A scheduled rebuild keeps it fresh. */
export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('astro.config.mjs needs `site` for absolute sitemap URLs');
  const { articles } = await getNewsroom();
  const { settings, language } = await getSite();
  const recent = articles.filter((article) => BUILD_TIME.getTime() - article.data.pubDate.getTime() <= NEWS_WINDOW_MS);
  const entries = recent.map((article) =>
    x('url', [
      x('loc', new URL(urls.article(article.id), site).href),
      x('news:news', [
        x('news:publication', [x('news:name', settings.name), x('news:language', language)]),
        x('news:publication_date', article.data.pubDate.toISOString()),
        x('news:title', article.data.title),
      ]),
    ]),
  );
  const urlset = x(
    'urlset',
    { xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9', 'xmlns:news': 'http://www.google.com/schemas/sitemap-news/0.9' },
    entries,
  );
  return xmlResponse(xmlDocument(urlset));
};
