import type { APIRoute, GetStaticPaths } from 'astro';
import { getNewsroom, required } from '../../../lib/content.ts';
import { articleFeed } from '../../../lib/feed.ts';
import { getSite } from '../../../lib/site.ts';
import { urls } from '../../../lib/urls.ts';
import { forShard } from '../../../lib/shards.ts';

/** A feed per tag: titles and leads of the tag's newest articles. */
export const getStaticPaths = (async () => {
  const { articlesByTag } = await getNewsroom();
  return forShard(
    'lists',
    [...articlesByTag.keys()].map((tag) => ({ params: { tag } })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  if (!site) throw new Error('astro.config.mjs needs `site` for absolute feed URLs');
  const { articlesByTag, tags } = await getNewsroom();
  const { settings } = await getSite();
  const tag = required(tags, params.tag ?? '', 'tag');
  return articleFeed({
    title: `${settings.name} — ${tag.data.name}`,
    description: tag.data.description ?? `${settings.name}: ${tag.data.name}`,
    selfPath: urls.tagFeed(tag.id),
    pagePath: urls.tag(tag.id),
    articles: articlesByTag.get(tag.id) ?? [],
    site,
    fullContent: false,
  });
};
