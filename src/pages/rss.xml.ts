import type { APIRoute } from 'astro';
import { getNewsroom } from '../lib/content.ts';
import { articleFeed } from '../lib/feed.ts';
import { getSite } from '../lib/site.ts';
import { urls } from '../lib/urls.ts';

/** The site feed: the newest articles with their full content. */
export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('astro.config.mjs needs `site` for absolute feed URLs');
  const { articles } = await getNewsroom();
  const { settings } = await getSite();
  return articleFeed({ title: settings.name, description: settings.description, selfPath: urls.feed, articles, site, fullContent: true });
};
