import { getCollection, type CollectionEntry } from 'astro:content';
import { resolveContentDir } from '../content-model/content-dir.ts';
import { collectionHasEntries } from '../content-model/index.ts';

/** The collections a newsroom may leave empty: no static pages, no sponsors, no redirect tables. */
export type OptionalCollection = 'pages' | 'sponsors' | 'redirects';

/**
 * Every entry of a collection that may be empty, as `getCollection` gives them; `[]`, without
 * asking Astro, when the content folder holds no entry of it (`collectionHasEntries`).
 *
 * Astro's `getCollection` warns that the collection "does not exist or is empty" whenever its
 * store has no entry of it, which would be every build of a newsroom without redirect tables.
 * Only a folder known empty skips the call: with entries on disk Astro is asked as usual, and
 * its warning still reports a loader that stored none of them. The content folder is resolved
 * from the working directory, the project root of every build (`scripts/build.ts`).
 */
export async function getOptionalCollection<C extends OptionalCollection>(collection: C): Promise<CollectionEntry<C>[]> {
  if (!collectionHasEntries(resolveContentDir(process.cwd()), collection)) return [];
  return getCollection(collection);
}
