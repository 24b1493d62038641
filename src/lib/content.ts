import { getCollection, type CollectionEntry } from 'astro:content';
import { groupByAuthor, groupByTag, sortNewestFirst } from '../utils/articles.ts';
import { isPublished } from '../utils/publishing.ts';
import { SHARD_ENV } from './shards.ts';
import { getOptionalCollection } from './collections.ts';

export type Article = CollectionEntry<'articles'>;
export type Author = CollectionEntry<'authors'>;
export type Tag = CollectionEntry<'tags'>;
export type Sponsor = CollectionEntry<'sponsors'>;

/**
 * The moment this build treats as "now": articles dated later are not built yet.
 * One value for the whole build, so every page agrees on what is published; a sharded build
 * (`scripts/build.ts`) hands the same value to all its shards in `SZPALTA_BUILD_TIME`.
 */
export const BUILD_TIME = buildTime(process.env[SHARD_ENV.buildTime]);

function buildTime(value: string | undefined): Date {
  if (value === undefined || value === '') return new Date();
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) throw new Error(`${SHARD_ENV.buildTime}="${value}" is not a date and time (ISO 8601)`);
  return time;
}

/** Everything the pages need about the published content, computed once per build. */
export interface Newsroom {
  /** Published articles, newest first. Drafts and future-dated articles are not here. */
  articles: Article[];
  authors: Map<string, Author>;
  tags: Map<string, Tag>;
  sponsors: Map<string, Sponsor>;
  /** Published articles of each tag slug, newest first. */
  articlesByTag: Map<string, Article[]>;
  /** Published articles of each author slug, newest first. */
  articlesByAuthor: Map<string, Article[]>;
}

let cached: Promise<Newsroom> | undefined;

async function load(): Promise<Newsroom> {
  const [articles, authors, tags, sponsors] = await Promise.all([
    getCollection('articles', ({ data }) => isPublished(data, BUILD_TIME)),
    getCollection('authors'),
    getCollection('tags'),
    getOptionalCollection('sponsors'),
  ]);
  const sorted = sortNewestFirst(articles);
  return {
    articles: sorted,
    authors: new Map(authors.map((entry) => [entry.id, entry])),
    tags: new Map(tags.map((entry) => [entry.id, entry])),
    sponsors: new Map(sponsors.map((entry) => [entry.id, entry])),
    articlesByTag: groupByTag(sorted),
    articlesByAuthor: groupByAuthor(sorted),
  };
}

/** The published content of this build, loaded once and shared by every page. */
export function getNewsroom(): Promise<Newsroom> {
  cached ??= load();
  return cached;
}

/** Looks up a referenced entry; a dangling reference is a content error the check reports, so fail loudly here. */
export function required<T>(map: Map<string, T>, id: string, what: string): T {
  const value = map.get(id);
  if (value === undefined) throw new Error(`Unknown ${what} "${id}": add content/${what}s/${id}.yml or fix the reference`);
  return value;
}

/** The article's reading time. A sharded build knows it only for the articles its own pages render (`src/lib/shards.ts`); asking for another's fails. */
export function readingMinutesOf(article: Article): number {
  const minutes = article.data.readingMinutes;
  if (minutes === undefined) throw new Error(`The reading time of "${article.id}" is not known here: its page belongs to another shard`);
  return minutes;
}
