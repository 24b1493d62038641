import type { APIRoute, GetStaticPaths } from 'astro';
import { getLists, getNewsroom, required } from '../../../lib/content.ts';
import { articleFeed } from '../../../lib/feed.ts';
import { getSite } from '../../../lib/site.ts';
import { urls } from '../../../lib/urls.ts';
import { tagFeedRoutes } from '../../../lib/routes.ts';
import { forShard } from '../../../lib/shards.ts';

/** A feed per tag: titles and leads of the tag's newest articles. */
export const getStaticPaths = (async () => {
  const { tagFeeds } = await getLists();
  return forShard(
    'list',
    tagFeedRoutes(tagFeeds).map(({ params }) => ({ params })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  if (!site) throw new Error('astro.config.mjs needs `site` for absolute feed URLs');
  const [{ tags }, { tagFeeds }] = await Promise.all([getNewsroom(), getLists()]);
  const { settings } = await getSite();
  const tag = required(tags, params.tag ?? '', 'tag');
  return articleFeed({
    title: `${settings.name} — ${tag.data.name}`,
    description: tag.data.description ?? `${settings.name}: ${tag.data.name}`,
    selfPath: urls.tagFeed(tag.id),
    pagePath: urls.tag(tag.id),
    articles: tagFeeds.get(tag.id) ?? [],
    site,
    fullContent: false,
  });
};
