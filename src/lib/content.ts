import { getCollection, type CollectionEntry } from 'astro:content';
import { adjacentArticles, relatedArticles, sortNewestFirst } from '../utils/articles.ts';
import { isPublished } from '../utils/publishing.ts';
import type { Page } from '../utils/pagination.ts';
import { pageParam } from '../utils/paths.ts';
import { FEED_SIZE } from './feed-size.ts';
import { siteLists, type SiteLists } from './routes.ts';
import { plannedLinks, SHARD_ENV, shardRole, type PlannedListPage } from './shards.ts';
import { getSite } from './site.ts';
import { urls } from './urls.ts';
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
  /**
   * Published articles, newest first. Drafts and future-dated articles are not here. A shard of
   * a sharded build knows only the articles its plan names: lists come from `getLists()` and an
   * article's neighbours from `linksOf`, which are right in every build.
   */
  articles: Article[];
  authors: Map<string, Author>;
  tags: Map<string, Tag>;
  sponsors: Map<string, Sponsor>;
  /** What an article's page shows of other articles: its older and newer neighbours and related articles. */
  linksOf: (article: Article) => ArticleLinks;
}

export interface ArticleLinks {
  previous: Article | undefined;
  next: Article | undefined;
  related: Article[];
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
  const byId = new Map(sorted.map((article) => [article.id, article]));
  // An article shard knows only part of the archive: its plan says which articles are linked.
  const planned = plannedLinks();
  const linked = (id: string | null) => (id === null ? undefined : required(byId, id, 'linked article'));
  const linksOf = (article: Article): ArticleLinks => {
    if (!planned) return { ...adjacentArticles(sorted, article.id), related: relatedArticles(article, sorted) };
    const links = required(planned, article.id, 'planned article');
    return { previous: linked(links.previous), next: linked(links.next), related: links.related.map((id) => linked(id) as Article) };
  };
  return {
    linksOf,
    articles: sorted,
    authors: new Map(authors.map((entry) => [entry.id, entry])),
    tags: new Map(tags.map((entry) => [entry.id, entry])),
    sponsors: new Map(sponsors.map((entry) => [entry.id, entry])),
  };
}

/** The published content of this build, loaded once and shared by every page. */
export function getNewsroom(): Promise<Newsroom> {
  cached ??= load();
  return cached;
}

/** Looks up a referenced entry; a dangling reference is a content error the check reports, so fail loudly here. */
export function required<T>(map: ReadonlyMap<string, T>, id: string, what: string): T {
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

let cachedLists: Promise<SiteLists<Article>> | undefined;

async function loadLists(): Promise<SiteLists<Article>> {
  const [newsroom, { settings }] = await Promise.all([getNewsroom(), getSite()]);
  const role = shardRole();
  // The whole build, and an article shard, whose list pages are not kept: from the articles it knows.
  const fromKnown = () => siteLists(newsroom.articles, [...newsroom.authors.keys()], settings.pageSize, FEED_SIZE);
  if (role.kind !== 'lists' && role.kind !== 'patch') return fromKnown();
  // A lists shard or a patch: the part of the whole archive's lists its plan hands it.
  const planned = role.plan.lists;
  const byId = new Map(newsroom.articles.map((article) => [article.id, article]));
  const article = (id: string) => required(byId, id, 'planned article');
  const page = (ids: Page<string>): Page<Article> => ({ ...ids, items: ids.items.map(article) });
  const listPage =
    <K extends string>(name: K, baseUrl: (key: string) => string) =>
    (entry: PlannedListPage) => ({
      url: entry.page.url,
      params: { [name]: entry.key, page: pageParam(entry.page.number) } as Record<K, string> & { page: string | undefined },
      page: page(entry.page),
      baseUrl: baseUrl(entry.key),
      count: entry.count,
    });
  const feeds = (record: Record<string, string[]>) => new Map(Object.entries(record).map(([key, ids]) => [key, ids.map(article)]));
  // Another lists shard's home page (or a patch's that leaves the home page as it is) is not
  // kept: the one it can make of the articles it knows will do.
  const home = planned.home
    ? { lead: planned.home.lead === null ? undefined : article(planned.home.lead), home: page(planned.home.page) }
    : fromKnown();
  return {
    lead: home.lead,
    home: home.home,
    archive: planned.archive.map((ids) => ({ url: ids.url, params: { page: String(ids.number) }, page: page(ids) })),
    tags: planned.tags.map(listPage('tag', urls.tag)),
    authors: planned.authors.map(listPage('author', urls.author)),
    tagFeeds: feeds(planned.tagFeeds),
    authorFeeds: feeds(planned.authorFeeds),
    tagCounts: new Map(Object.entries(planned.tagCounts)),
    authorCounts: new Map(Object.entries(planned.authorCounts)),
  };
}

/**
 * The site's lists (`siteLists` in `routes.ts`): the home page, the archive, tag and author
 * pages, their feeds and counts. In a lists shard of a sharded build only the pages and feeds
 * that shard renders, as the plan computed them over the whole archive.
 */
export function getLists(): Promise<SiteLists<Article>> {
  cachedLists ??= loadLists();
  return cachedLists;
}
