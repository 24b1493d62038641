import { defineCollection, reference } from 'astro:content';
import { z } from 'astro/zod';
import { contentLoader } from './loaders/content.ts';
import { ruledImage } from './schemas/helpers.ts';
import { articleSchema, authorSchema, pageSchema, redirectsSchema, settingsSchema, sponsorSchema, tagSchema } from './schemas/index.ts';
import { contentDirFromEnvironment } from './content-model/content-dir.ts';
import type { CollectionName } from './content-model/index.ts';
import { readingMinutes } from './utils/reading-time.ts';
import { renderedArticleIds, shardRole } from './lib/shards.ts';

/**
 * Every collection reads from the top-level `content/` folder that editors and the CMS write to,
 * through `contentLoader`, which builds exactly the files the content model
 * (`src/content-model/`) calls content. Tests and benchmarks build other content folders by
 * setting `SZPALTA_CONTENT_DIR`.
 */
const contentDir = contentDirFromEnvironment();
const from = (collection: CollectionName) => contentLoader({ contentDir, collection });

/**
 * In a shard of a sharded build, the articles whose bodies it renders; the others its plan names
 * come from the plan's front matter, and the rest of the archive is not loaded at all.
 */
const shard = shardRole();
const renderedIds = renderedArticleIds(shard);
const articleIndex = shard.kind === 'whole' ? undefined : new Map(shard.plan.articles.map((article) => [article.id, article.data]));
const articleFiles = shard.kind === 'whole' ? undefined : shard.plan.articleFiles;

export const collections = {
  articles: defineCollection({
    loader: contentLoader({
      contentDir,
      collection: 'articles',
      extraData: (body) => ({ readingMinutes: readingMinutes(body) }),
      // Bodies with components become HTML with component markers, not one MDX module each.
      componentMarkers: true,
      only:
        renderedIds && articleIndex && articleFiles !== undefined
          ? { ids: renderedIds, index: articleIndex, files: articleFiles }
          : undefined,
    }),
    schema: ({ image }) =>
      articleSchema({ image: ruledImage(image), reference }).extend({
        /**
         * Reading time in whole minutes, at least 1: computed by the loader from the body, not
         * written by editors. Absent only in a shard of a sharded build, for the articles whose
         * bodies it does not render (it never prints their reading time).
         */
        readingMinutes: z.number().int().min(1).optional(),
      }),
  }),
  authors: defineCollection({ loader: from('authors'), schema: ({ image }) => authorSchema({ image: ruledImage(image) }) }),
  tags: defineCollection({ loader: from('tags'), schema: tagSchema() }),
  sponsors: defineCollection({ loader: from('sponsors'), schema: ({ image }) => sponsorSchema({ image: ruledImage(image) }) }),
  pages: defineCollection({ loader: from('pages'), schema: pageSchema() }),
  settings: defineCollection({ loader: from('settings'), schema: settingsSchema() }),
  redirects: defineCollection({ loader: from('redirects'), schema: redirectsSchema() }),
};
