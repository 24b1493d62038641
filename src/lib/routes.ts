import { groupByAuthor, groupByTag } from '../utils/articles.ts';
import { homePages, leadStory } from '../utils/home.ts';
import { paginate, type Page } from '../utils/pagination.ts';
import { pageParam, type ListRoute } from '../utils/paths.ts';
import { urls } from './urls.ts';

/**
 * The routes of the site: from the published content to the pages each kind of route produces.
 * Pure functions, used by the `getStaticPaths` of `src/pages/**` and by the content check (which
 * checks links against the same list without building), so the two cannot disagree about which
 * pages exist.
 */

/** What the routes need of an article: the site's entries and the check's facts both fit. */
export interface RoutedArticle {
  id: string;
  data: { pubDate: Date; featured: boolean; tags: readonly { id: string }[]; authors: readonly { id: string }[] };
}

function listRoutes<T, P extends Record<string, string>>(
  items: readonly T[],
  pageSize: number,
  baseUrl: string,
  params: P,
): ListRoute<T, P>[] {
  return paginate(items, pageSize, baseUrl).map((page) => ({
    url: page.url,
    params: { ...params, page: pageParam(page.number) },
    page,
    baseUrl,
    count: items.length,
  }));
}

/** Article pages: one for each published article. */
export function articleRoutes<T extends { id: string }>(published: readonly T[]): { url: string; params: { slug: string }; article: T }[] {
  return published.map((article) => ({ url: urls.article(article.id), params: { slug: article.id }, article }));
}

/**
 * The home page's lead story and its list pages: page 1 is the home page itself, pages 2… are
 * the archive (`/strona/N/`). The lead story is not repeated in the list.
 */
export function homeRoutes<T extends { data: { featured: boolean } }>(
  publishedNewestFirst: readonly T[],
  pageSize: number,
): { lead: T | undefined; home: Page<T>; archive: { url: string; params: { page: string }; page: Page<T> }[] } {
  const lead = leadStory(publishedNewestFirst);
  const [home, ...rest] = homePages(publishedNewestFirst, lead, pageSize);
  if (!home) throw new Error('paginate() always returns at least one page');
  return { lead, home, archive: rest.map((page) => ({ url: page.url, params: { page: String(page.number) }, page })) };
}

/** Tag pages: a tag has pages (and a feed) when at least one published article carries it. */
export function tagRoutes<T>(articlesByTag: ReadonlyMap<string, readonly T[]>, pageSize: number): ListRoute<T, { tag: string }>[] {
  return [...articlesByTag].flatMap(([tag, articles]) => listRoutes(articles, pageSize, urls.tag(tag), { tag }));
}

/** Tag feeds: one for each tag that has pages. */
export function tagFeedRoutes(articlesByTag: ReadonlyMap<string, unknown>): { url: string; params: { tag: string } }[] {
  return [...articlesByTag.keys()].map((tag) => ({ url: urls.tagFeed(tag), params: { tag } }));
}

/** Author pages: every author has them, one without published articles an empty first page. */
export function authorRoutes<T>(
  authors: readonly string[],
  articlesByAuthor: ReadonlyMap<string, readonly T[]>,
  pageSize: number,
): ListRoute<T, { author: string }>[] {
  return authors.flatMap((author) => listRoutes(articlesByAuthor.get(author) ?? [], pageSize, urls.author(author), { author }));
}

/** Author feeds: one for every author. */
export function authorFeedRoutes(authors: readonly string[]): { url: string; params: { author: string } }[] {
  return authors.map((author) => ({ url: urls.authorFeed(author), params: { author } }));
}

/** Static pages: one for each page of `content/pages/`. */
export function staticPageRoutes<T extends { id: string }>(pages: readonly T[]): { url: string; params: { page: string }; entry: T }[] {
  return pages.map((entry) => ({ url: urls.page(entry.id), params: { page: entry.id }, entry }));
}

/**
 * Every list of the site, as the pages print them: the home page and its archive, the pages of
 * each tag and author, what their feeds carry and how many articles each has. Computed from the
 * whole archive, by the whole build and by the plan of a sharded build (which hands each lists
 * shard its part, `src/lib/shards.ts`), so both paginate alike.
 */
export interface SiteLists<T> {
  lead: T | undefined;
  home: Page<T>;
  archive: { url: string; params: { page: string }; page: Page<T> }[];
  tags: ListRoute<T, { tag: string }>[];
  authors: ListRoute<T, { author: string }>[];
  /** The newest articles of each tag with a published article (its feed), at most `feedSize`. */
  tagFeeds: Map<string, T[]>;
  /** The newest articles of every author (their feed), at most `feedSize`. */
  authorFeeds: Map<string, T[]>;
  /** Published articles of each tag that has any. */
  tagCounts: Map<string, number>;
  /** Published articles of every author. */
  authorCounts: Map<string, number>;
}

export function siteLists<T extends RoutedArticle>(
  publishedNewestFirst: readonly T[],
  authors: readonly string[],
  pageSize: number,
  feedSize: number,
): SiteLists<T> {
  const byTag = groupByTag(publishedNewestFirst);
  const byAuthor = groupByAuthor(publishedNewestFirst);
  const { lead, home, archive } = homeRoutes(publishedNewestFirst, pageSize);
  const newest = (list: readonly T[] | undefined) => (list ?? []).slice(0, feedSize);
  return {
    lead,
    home,
    archive,
    tags: tagRoutes(byTag, pageSize),
    authors: authorRoutes(authors, byAuthor, pageSize),
    tagFeeds: new Map([...byTag].map(([tag, list]) => [tag, newest(list)])),
    authorFeeds: new Map(authors.map((author) => [author, newest(byAuthor.get(author))])),
    tagCounts: new Map([...byTag].map(([tag, list]) => [tag, list.length])),
    authorCounts: new Map(authors.map((author) => [author, byAuthor.get(author)?.length ?? 0])),
  };
}

/** Paths every build has, whatever the content: lists, feeds, sitemaps, images, the 404 page and the CMS (the home page is `homeRoutes`'s). */
export const FIXED_PATHS: readonly string[] = [
  urls.tags,
  urls.authors,
  urls.search,
  urls.feed,
  urls.sitemapIndex,
  urls.newsSitemap,
  urls.robots,
  urls.logo,
  urls.socialImage,
  urls.notFound,
  urls.admin,
];

/** What the whole site is built from. */
export interface SiteContent<T extends RoutedArticle> {
  /** Published articles, newest first. */
  published: readonly T[];
  /** Every author id. */
  authors: readonly string[];
  /** Every static page. */
  pages: readonly { id: string }[];
  pageSize: number;
}

/** Every path a build of `content` produces (redirect pages and files of `public/` aside). */
export function sitePaths<T extends RoutedArticle>(content: SiteContent<T>): string[] {
  const byTag = groupByTag(content.published);
  const { home, archive } = homeRoutes(content.published, content.pageSize);
  return [
    ...FIXED_PATHS,
    home.url,
    ...archive.map((route) => route.url),
    ...articleRoutes(content.published).map((route) => route.url),
    ...tagRoutes(byTag, content.pageSize).map((route) => route.url),
    ...tagFeedRoutes(byTag).map((route) => route.url),
    ...authorRoutes(content.authors, groupByAuthor(content.published), content.pageSize).map((route) => route.url),
    ...authorFeedRoutes(content.authors).map((route) => route.url),
    ...staticPageRoutes(content.pages).map((route) => route.url),
  ];
}
