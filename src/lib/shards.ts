import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from '../utils/pagination.ts';
import { urls } from './urls.ts';

/**
 * Sharded builds (`npm run build -- --shards N`, `scripts/build.ts`): the driver splits the site
 * into N article shards and one lists shard, each an `astro build` of its own. This module is
 * what a shard's build reads: which shard it is (environment variables set by the driver) and
 * its plan, the part of the global index that the driver computed once and that this shard's
 * pages show. An article shard's plan holds only its own articles and the few others its pages
 * link to, so its data store stays the size of the shard whatever the size of the archive.
 * Without those variables the build is the ordinary single build and every function here
 * leaves it as it is.
 */

/** Environment variables the driver sets for each shard. */
export const SHARD_ENV = {
  /** Path of this shard's plan (JSON, `ShardPlan`). */
  plan: 'SZPALTA_SHARD_PLAN',
  /** A lists shard's name (`lists`, `lists-2`, …), the number of an article shard, 1…N, or `patch`. */
  shard: 'SZPALTA_SHARD',
  /** The output folder of this shard's build. */
  outDir: 'SZPALTA_OUT_DIR',
  /** ISO time every shard treats as "now", so all agree on what is published. */
  buildTime: 'SZPALTA_BUILD_TIME',
} as const;

/** One article in the plan: enough to list it anywhere without reading its file. */
export interface PlanArticle {
  /** The slug (entry id). */
  id: string;
  /** Path relative to the content folder (`articles/<slug>.mdx`). */
  relative: string;
  /** The article shard (1…N) that renders its page. */
  shard: number;
  /** The front matter as written (YAML values); no reading time, which only the article's own page prints. */
  data: Record<string, unknown>;
  /** Whether it is public at the plan's build time (not a draft, `pubDate` passed), as the schema reads the date. */
  published: boolean;
}

/** What an article page shows of other articles, by id, as the whole archive orders them. */
export interface PlannedLinks {
  /** The older neighbour, or `null` at the end of the chain. */
  previous: string | null;
  /** The newer neighbour, or `null` for the newest article. */
  next: string | null;
  related: string[];
}

/** A list page as the plan hands it to the lists shard that renders it: its items are article ids. */
export interface PlannedListPage {
  /** The tag or author the list belongs to. */
  key: string;
  /** How many articles the whole list has. */
  count: number;
  page: Page<string>;
}

/** The lists a lists shard renders (`siteLists` of the whole archive, split by the plan). */
export interface PlannedLists {
  /** The home page and its lead story: the main lists shard (`lists`) only. */
  home: { lead: string | null; page: Page<string> } | null;
  /** Home archive pages 2…. */
  archive: Page<string>[];
  tags: PlannedListPage[];
  authors: PlannedListPage[];
  /** The feeds this shard renders: the newest articles of each tag and author. */
  tagFeeds: Record<string, string[]>;
  authorFeeds: Record<string, string[]>;
  /** Published articles of every tag and author, for the index pages. */
  tagCounts: Record<string, number>;
  authorCounts: Record<string, number>;
  /** The main lists shard: list pages other lists shards render, for the sitemap. */
  elsewhere: string[];
}

/** The plan handed to one shard: its part of the global index. */
export interface ShardPlan {
  version: 2;
  /** The build's "now" (ISO), the same for every shard. */
  buildTime: string;
  /** Number of article shards. */
  shards: number;
  /** Number of lists shards (`lists`, `lists-2`, …). */
  listShards: number;
  /** The shard this plan is for: a lists shard's name, the number of an article shard or `patch`. */
  shard: string | number;
  /** Article files in the content folder when it was planned: a loader finding another number knows the plan is stale. */
  articleFiles: number;
  /**
   * The articles this shard knows: an article shard its own articles, the site feed's and those
   * its pages link to (neighbours, related); a lists shard those its lists show and the feed's;
   * the main lists shard also those of the home page, the news sitemap and (for the sitemap)
   * every published article.
   */
  articles: PlanArticle[];
  /** Articles whose bodies the site feed prints (the newest published): every shard renders them. */
  feedIds: string[];
  /** An article shard: the links of each of its published articles (empty for a lists shard); a patch: of the article pages it renders. */
  links: Record<string, PlannedLinks>;
  /** A lists shard or a patch: its lists (`null` for an article shard). */
  lists: PlannedLists | null;
}

/** `SZPALTA_SHARD` of a patch build. */
export const PATCH_SHARD = 'patch';

/**
 * Which part of the site this build renders. Lists shard 1 (`lists`) is the main one: besides its
 * share of the list pages it renders the home page, the index pages, the site feed, the sitemaps,
 * the static pages and whatever else is not an article or a list page.
 */
export type ShardRole =
  | { kind: 'whole' }
  | { kind: 'lists'; part: number; plan: ShardPlan & { lists: PlannedLists } }
  | { kind: 'articles'; index: number; plan: ShardPlan }
  /**
   * A patch: after an edit, the driver renders in one `astro build` only the pages of any shard
   * whose digest changed (article pages, list pages and feeds, the home page, the site feed, the
   * news sitemap) and copies them into those shards' outputs (`scripts/build.ts`).
   */
  | { kind: 'patch'; plan: ShardPlan & { lists: PlannedLists } };

/** Name of an article shard's folders and Pagefind bundle. */
export const articleShardName = (index: number) => `articles-${index}`;

/** Name of a lists shard: `lists` for the main one, `lists-2`, … for the others. */
export const listShardName = (part: number) => (part === 1 ? 'lists' : `lists-${part}`);

/**
 * The article shard (1…count) of a slug: the first 32 bits of its SHA-256, modulo the count.
 * The slug never changes for an article (it is its address), so an article stays in its shard
 * whatever an editor changes, and shards get about the same number of articles whatever the
 * distribution of dates.
 */
export function shardOfSlug(slug: string, count: number): number {
  return (createHash('sha256').update(slug).digest().readUInt32BE(0) % count) + 1;
}

/**
 * The role, read once per process: Astro loads the config, the content config and the pages as
 * separate module graphs, and the plan of a big archive is tens of megabytes of JSON.
 */
const ROLE_KEY = Symbol.for('szpalta.shardRole');
const roleCache = globalThis as { [ROLE_KEY]?: ShardRole };

/** Reads and checks the plan at `path`; a missing or foreign file stops the build with its path. */
export function readPlan(path: string): ShardPlan {
  let plan: Partial<ShardPlan>;
  try {
    plan = JSON.parse(readFileSync(path, 'utf8')) as Partial<ShardPlan>;
  } catch (error) {
    throw new Error(
      `${SHARD_ENV.plan}=${path}: the shard plan could not be read (${error instanceof Error ? error.message : String(error)})`,
      {
        cause: error,
      },
    );
  }
  if (plan.version !== 2 || !Array.isArray(plan.articles) || !Number.isInteger(plan.shards) || (plan.shards ?? 0) < 1) {
    throw new Error(`${SHARD_ENV.plan}=${path}: not a shard plan of this version; run npm run build -- --shards N again`);
  }
  return plan as ShardPlan;
}

/** This build's role, from the environment (read once). */
export function shardRole(env: NodeJS.ProcessEnv = process.env): ShardRole {
  const cached = roleCache[ROLE_KEY];
  if (env === process.env && cached) return cached;
  const shard = env[SHARD_ENV.shard];
  const planPath = env[SHARD_ENV.plan];
  let role: ShardRole;
  if (!shard && !planPath) role = { kind: 'whole' };
  else {
    if (!shard || !planPath) throw new Error(`${SHARD_ENV.shard} and ${SHARD_ENV.plan} go together: set both or neither`);
    const plan = readPlan(planPath);
    const index = Number(shard);
    const part = Array.from({ length: plan.listShards }, (_, at) => at + 1).find((candidate) => listShardName(candidate) === shard);
    if (part !== undefined && plan.lists) role = { kind: 'lists', part, plan: { ...plan, lists: plan.lists } };
    else if (shard === PATCH_SHARD && plan.lists) role = { kind: 'patch', plan: { ...plan, lists: plan.lists } };
    else if (Number.isInteger(index) && index >= 1 && index <= plan.shards) role = { kind: 'articles', index, plan };
    else {
      throw new Error(
        `${SHARD_ENV.shard}=${shard}: expected a lists shard (lists${plan.listShards > 1 ? ` to lists-${plan.listShards}` : ''}) or an article shard from 1 to ${plan.shards}`,
      );
    }
    const planned = role.kind === 'lists' ? listShardName(role.part) : role.kind === 'patch' ? PATCH_SHARD : index;
    if (plan.shard !== planned) throw new Error(`${SHARD_ENV.plan}=${planPath} is the plan of shard ${plan.shard}, not of ${shard}`);
  }
  if (env === process.env) roleCache[ROLE_KEY] = role;
  return role;
}

/**
 * The paths of a route's `getStaticPaths()` that this build renders: `article` routes (one page
 * per article, `params.slug`) render in the article's shard; `list` routes (list pages and their
 * feeds, from `getLists()`, which in a lists shard holds only that shard's) in the lists shards;
 * `site` routes (everything else with parameters: static pages, redirects) in the main lists
 * shard. The whole build renders all; a patch the article pages its plan links and the lists it holds.
 */
export function forShard<T extends { params: Record<string, string | number | undefined> }>(
  route: 'article' | 'list' | 'site',
  paths: T[],
): T[] {
  const role = shardRole();
  if (role.kind === 'whole') return paths;
  if (route === 'list') return role.kind === 'lists' || role.kind === 'patch' ? paths : [];
  if (route === 'site') return role.kind === 'lists' && role.part === 1 ? paths : [];
  if (role.kind === 'lists') return [];
  if (role.kind === 'patch') return paths.filter((path) => Object.hasOwn(role.plan.links, String(path.params['slug'])));
  return paths.filter((path) => shardOfSlug(String(path.params['slug']), role.plan.shards) === role.index);
}

/**
 * The Pagefind bundles of the site, as URL paths: `/pagefind/` (the whole build, or the lists
 * shard with the static pages) first, then one per article shard. The search page loads the
 * first and merges the others into it (Pagefind's `mergeIndex`).
 */
export function pagefindBundles(role: ShardRole = shardRole()): string[] {
  if (role.kind === 'whole') return ['/pagefind/'];
  return ['/pagefind/', ...Array.from({ length: role.plan.shards }, (_, index) => `/pagefind-${articleShardName(index + 1)}/`)];
}

/**
 * The ids of the articles whose bodies this build renders (its own pages' and the site feed's),
 * or `undefined` when it renders all of them (the whole build). The other articles are known
 * through the plan's front matter alone.
 */
export function renderedArticleIds(role: ShardRole = shardRole()): Set<string> | undefined {
  if (role.kind === 'whole') return undefined;
  const ids = new Set(role.plan.feedIds);
  if (role.kind === 'patch') for (const id of Object.keys(role.plan.links)) ids.add(id);
  if (role.kind === 'articles') for (const article of role.plan.articles) if (article.shard === role.index) ids.add(article.id);
  return ids;
}

/**
 * The links of an article shard's (or a patch's) articles, from its plan, or `undefined` when the build knows
 * every article and finds them itself (the whole build; the lists shard, which renders no
 * article page).
 */
export function plannedLinks(role: ShardRole = shardRole()): ReadonlyMap<string, PlannedLinks> | undefined {
  return role.kind === 'articles' || role.kind === 'patch' ? new Map(Object.entries(role.plan.links)) : undefined;
}

/** The output file of a site path, relative to the output folder: `/a/` is `a/index.html`, `/rss.xml` is `rss.xml`. */
export const outputFile = (url: string) => (url.endsWith('/') ? `${url}index.html` : url).replace(/^\//, '');

/** The files (under the output folder) of a lists shard's list pages and feeds. */
export function listShardFiles(lists: PlannedLists): string[] {
  const file = outputFile;
  return [
    ...[...lists.archive, ...lists.tags.map((entry) => entry.page), ...lists.authors.map((entry) => entry.page)].map((page) =>
      file(page.url),
    ),
    ...Object.keys(lists.tagFeeds).map((tag) => file(urls.tagFeed(tag))),
    ...Object.keys(lists.authorFeeds).map((author) => file(urls.authorFeed(author))),
  ];
}
