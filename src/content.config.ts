import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { articlesLoader } from './loaders/articles.ts';
import { articleSchema, authorSchema, pageSchema, redirectsSchema, settingsSchema, sponsorSchema, tagSchema } from './schemas/index.ts';

/**
 * Every collection reads from the top-level `content/` folder that editors and the CMS write to.
 * Tests and benchmarks build other content folders by setting `SZPALTA_CONTENT_DIR`.
 */
const contentDir = process.env['SZPALTA_CONTENT_DIR'] ?? './content';
const from = (folder: string, pattern: string) => glob({ base: `${contentDir}/${folder}`, pattern });

export const collections = {
  articles: defineCollection({
    loader: articlesLoader({ base: `${contentDir}/articles` }),
    schema: ({ image }) =>
      articleSchema({ image, reference }).extend({
        /** Reading time in whole minutes, at least 1: computed by the loader from the body, not written by editors. */
        readingMinutes: z.number().int().min(1),
      }),
  }),
  authors: defineCollection({
    loader: from('authors', '*.{yml,yaml}'),
    schema: ({ image }) => authorSchema({ image }),
  }),
  tags: defineCollection({ loader: from('tags', '*.{yml,yaml}'), schema: tagSchema() }),
  sponsors: defineCollection({
    loader: from('sponsors', '*.{yml,yaml}'),
    schema: ({ image }) => sponsorSchema({ image }),
  }),
  pages: defineCollection({ loader: from('pages', '*.mdx'), schema: pageSchema() }),
  settings: defineCollection({ loader: from('settings', '*.{yml,yaml}'), schema: settingsSchema() }),
  redirects: defineCollection({ loader: from('redirects', '*.{yml,yaml}'), schema: redirectsSchema() }),
};
