import type { APIRoute } from 'astro';
import { BUILD_TIME, getNewsroom } from '../lib/content.ts';
import { getSite } from '../lib/site.ts';
import { urls } from '../lib/urls.ts';

/** Google News includes only articles published in the last two days. */
const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char] ?? char);

/** The Google News sitemap: articles of the 48 hours before the build. A scheduled rebuild keeps it fresh. */
export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('astro.config.mjs needs `site` for absolute sitemap URLs');
  const { articles } = await getNewsroom();
  const { settings, language } = await getSite();
  const recent = articles.filter((article) => BUILD_TIME.getTime() - article.data.pubDate.getTime() <= NEWS_WINDOW_MS);
  const entries = recent.map(
    (article) =>
      `<url><loc>${escapeXml(new URL(urls.article(article.id), site).href)}</loc><news:news><news:publication><news:name>${escapeXml(settings.name)}</news:name><news:language>${language}</news:language></news:publication><news:publication_date>${article.data.pubDate.toISOString()}</news:publication_date><news:title>${escapeXml(article.data.title)}</news:title></news:news></url>`,
  );
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">${entries.join('')}</urlset>\n`;
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
