import type { APIRoute } from 'astro';

/** `robots.txt`: everything may be crawled except the CMS; the sitemap index is named for crawlers. */
export const GET: APIRoute = ({ site }) => {
  if (!site) throw new Error('astro.config.mjs needs `site` for the Sitemap line of robots.txt');
  const lines = ['User-agent: *', 'Disallow: /admin/', '', `Sitemap: ${new URL('/sitemap-index.xml', site).href}`, ''];
  return new Response(lines.join('\n'), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
