import { createHash } from 'node:crypto';
import { getNewsroom, type Article } from './content.ts';
import { getSite } from './site.ts';

/**
 * Cache keys for `experimental.incrementalBuild`: a page returned with a `cacheKey` from
 * `getStaticPaths()` is copied from the previous build when its key and its code are unchanged.
 * A key must therefore change with everything the page shows that its code does not hold:
 * - `page(...)` mixes in the settings, authors, tags and sponsors, which the layout, bylines
 *   and cards print on every page, so any edit of those renders every keyed page again;
 * - `card(article)` stands for what a card or a link shows of an article (its front matter,
 *   hero image file included through its hashed output name), not its body;
 * - an article page adds its own file digest (`entry(article)`), body included.
 */
export interface CacheKeys {
  page: (...parts: readonly unknown[]) => string;
  card: (article: Article | undefined) => string;
  entry: (article: Article) => string;
}

const hash = (text: string) => createHash('sha256').update(text).digest('base64url');

let cached: Promise<CacheKeys> | undefined;

async function load(): Promise<CacheKeys> {
  const [{ authors, tags, sponsors }, { settings }] = await Promise.all([getNewsroom(), getSite()]);
  const dataOf = (entries: Map<string, { id: string; data: unknown }>) => [...entries.values()].map(({ id, data }) => [id, data]);
  const shared = hash(JSON.stringify([settings, dataOf(authors), dataOf(tags), dataOf(sponsors)]));
  const cards = new Map<string, string>();
  return {
    page: (...parts) => hash(JSON.stringify([shared, ...parts])),
    card: (article) => {
      if (!article) return '';
      let key = cards.get(article.id);
      if (key === undefined) {
        // The reading time changes with the body, and only the article's own page prints it.
        const { readingMinutes: _minutes, ...shown } = article.data;
        key = hash(JSON.stringify([article.id, shown]));
        cards.set(article.id, key);
      }
      return key;
    },
    entry: (article) => `${article.id}:${String(article.digest)}`,
  };
}

/** The cache keys of this build, computed once. */
export function getCacheKeys(): Promise<CacheKeys> {
  cached ??= load();
  return cached;
}
