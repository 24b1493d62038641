/**
 * The content model, one schema per concept. `src/content.config.ts` gives them Astro's
 * `image()` and `reference()`; the content check gives them its own validators. No field
 * is defined anywhere else.
 */
export { articleSchema, heroSchema, articleSlugPattern } from './article.ts';
export { authorSchema } from './author.ts';
export { tagSchema } from './tag.ts';
export { sponsorSchema } from './sponsor.ts';
export { pageSchema } from './page.ts';
export { settingsSchema } from './settings.ts';
export { redirectsSchema } from './redirects.ts';
export { slugPattern, type SchemaHelpers, type ReferencedCollection } from './helpers.ts';
