import type { APIRoute, GetStaticPaths } from 'astro';
import { getLists, getNewsroom, required } from '../../../lib/content.ts';
import { articleFeed } from '../../../lib/feed.ts';
import { authorFeedRoutes } from '../../../lib/routes.ts';
import { getSite } from '../../../lib/site.ts';
import { urls } from '../../../lib/urls.ts';
import { forShard } from '../../../lib/shards.ts';

/** A feed per author: titles and leads of the author's newest articles. */
export const getStaticPaths = (async () => {
  const { authorFeeds } = await getLists();
  return forShard(
    'list',
    authorFeedRoutes([...authorFeeds.keys()]).map(({ params }) => ({ params })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  if (!site) throw new Error('astro.config.mjs needs `site` for absolute feed URLs');
  const [{ authors }, { authorFeeds }] = await Promise.all([getNewsroom(), getLists()]);
  const { settings } = await getSite();
  const author = required(authors, params.author ?? '', 'author');
  return articleFeed({
    title: `${settings.name} — ${author.data.name}`,
    description: author.data.bio ?? `${settings.name}: ${author.data.name}`,
    selfPath: urls.authorFeed(author.id),
    pagePath: urls.author(author.id),
    articles: authorFeeds.get(author.id) ?? [],
    site,
    fullContent: false,
  });
};
