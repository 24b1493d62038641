import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { z } from 'astro/zod';
import { decodeSource, splitFrontMatter } from '../../src/content-model/source.ts';
import { parseYaml } from '../../src/content-model/yaml.ts';
import { collectionModel, discoverContent } from '../../src/content-model/index.ts';
import { FEED_SIZE } from '../../src/lib/feed-size.ts';
import { articleShardName, listShardName, shardOfSlug, type PlanArticle, type PlannedLists, type ShardPlan } from '../../src/lib/shards.ts';
import { siteLists } from '../../src/lib/routes.ts';
import { urls } from '../../src/lib/urls.ts';
import { readSettingsFile } from '../../src/content-model/settings-file.ts';
import type { Page } from '../../src/utils/pagination.ts';
import { adjacentArticles, relatedArticles, sortNewestFirst } from '../../src/utils/articles.ts';
import { isPublished, NEWS_WINDOW_MS } from '../../src/utils/publishing.ts';

/**
 * The plan of a sharded build and the input digest of each shard.
 *
 * The global index is every article's front matter (as written) and its shard, read once here,
 * so that no shard reads the whole archive. Bodies are not parsed here. Each shard gets the part
 * of the index its pages show (`ShardPlan`): an article shard its own articles, the feed's and the
 * articles they link to, with the links computed here over the whole archive; the lists shard
 * all. A shard's digest covers everything its kept output depends on; an unchanged digest means
 * its previous output is kept.
 */

/** Bumped whenever a digest is computed differently, so that older outputs are rebuilt. */
const DIGEST_VERSION = '1';

/** An article as the driver knows it: the plan entry plus what ordering and digests need. */
interface IndexedArticle {
  plan: PlanArticle;
  /** SHA-256 of the file's bytes (body included). */
  fileHash: string;
  /** SHA-256 of what a card or link shows: the front matter as written. */
  cardHash: string;
  /** Images (`images/<name>`) the file refers to, in its front matter. */
  cardImages: string[];
  /** Images the whole file refers to, body included. */
  fileImages: string[];
  /** Parsed as the site's schema parses them. */
  data: { pubDate: Date; draft: boolean; featured: boolean; tags: { id: string }[]; authors: { id: string }[] };
  id: string;
}

export interface ShardInput {
  /** `lists` or `articles-<k>`. */
  name: string;
  /** `lists` or the article shard's number, as `SZPALTA_SHARD` takes it. */
  shard: string;
  digest: string;
  /** Articles whose pages this shard renders. */
  articles: number;
}

export interface PlanResult {
  /** Each shard's plan, by shard name. */
  plans: Map<string, ShardPlan>;
  /** Every article, with its shard. */
  index: PlanArticle[];
  shards: ShardInput[];
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** The images a text refers to (`../images/<file>` from an entry, as the content model writes them). */
export function imageReferences(text: string): string[] {
  return [...new Set([...text.matchAll(/(?:\.\.\/)+images\/([^\s"'()<>[\]\\]+)/g)].map((match) => `images/${match[1] ?? ''}`))];
}

/** Every file under `dir` (relative paths, sorted), skipping `node_modules` and dot-folders. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => !path.split('/').some((part) => part === 'node_modules' || part.startsWith('.')))
    .sort();
}

/** Digest of the site's code and settings that every shard's output depends on. */
export function codeDigest(root: string): string {
  const hash = createHash('sha256').update(DIGEST_VERSION);
  for (const folder of ['src', 'public', 'admin', 'scripts']) {
    for (const path of filesUnder(join(root, folder))) hash.update(`${folder}/${path}\n`).update(readFileSync(join(root, folder, path)));
  }
  for (const file of ['astro.config.mjs', 'package-lock.json', 'tsconfig.json']) {
    if (existsSync(join(root, file))) hash.update(`${file}\n`).update(readFileSync(join(root, file)));
  }
  return hash.digest('hex');
}

/** The article schema with plain validators: the same dates, drafts and tags the site reads. */
const articleFields = collectionModel('articles').schema({
  image: () => z.string(),
  reference: () => z.string(),
}) as z.ZodType<{ pubDate: Date; draft: boolean; featured: boolean; tags: string[]; authors: string[] }>;

export interface PlanOptions {
  root: string;
  contentDir: string;
  shards: number;
  buildTime: Date;
  /** Approved-comment counts the article pages print, when comments are on. */
  commentCounts?: ReadonlyMap<string, number> | undefined;
  /** Number of lists shards; by default one per `LIST_PAGES_PER_SHARD` list pages. */
  listShards?: number | undefined;
}

/**
 * Above this many articles `npm run build` without `--shards` builds in shards. At 5,000
 * articles a sharded build is as fast cold as one `astro build` and needs half the memory
 * (1.72 GB summed against 3.27 GB), and a body edit rebuilds one shard; at 1,000 it is twice as
 * slow cold (every shard pays the fixed cost of an `astro build`), so a small newsroom keeps
 * the single build (BENCHMARKS.md, bench/build-notes.md).
 */
export const AUTO_SHARD_ABOVE = 4000;

/** Articles per shard when the number of shards is chosen automatically: shards of 5,000 passed 4 GB in one process at 20,000 articles, shards of ~1,650 stayed at 1.7 GB (BENCHMARKS.md). */
export const AUTO_SHARD_SIZE = 2000;

/**
 * The fewest article shards chosen automatically: an edit rebuilds one shard, so its cost is a
 * share of the archive. At 5,000 articles, 5 shards rebuilt a body edit in 6.9 % of the cold
 * build and 3 shards in 19 %, at the same cold time (BENCHMARKS.md).
 */
export const AUTO_SHARD_MIN = 5;

/** The number of article shards `npm run build` chooses for `articles` articles (above `AUTO_SHARD_ABOVE`). */
export const autoShardCount = (articles: number) => Math.max(AUTO_SHARD_MIN, Math.ceil(articles / AUTO_SHARD_SIZE));

/**
 * List pages (home archive, tag and author pages) per lists shard when the plan chooses: a
 * lists shard knows the articles its pages show, ~10 per page.
 */
export const LIST_PAGES_PER_SHARD = 3000;

/** Reads every article once and plans the shards: the index, each shard's articles and input digest. */
export function planShards({ root, contentDir, shards, buildTime, commentCounts, listShards }: PlanOptions): PlanResult {
  const found = discoverContent(contentDir);
  const { pageSize } = readSettingsFile(join(contentDir, 'settings', 'site.yml'));
  const authorIds = found.entries
    .filter((entry) => entry.collection === 'authors')
    .map((entry) => entry.id)
    .sort();
  const imageHashes = new Map<string, string>();
  const imageHash = (path: string) => {
    let value = imageHashes.get(path);
    if (value === undefined) {
      const file = join(contentDir, path);
      value = existsSync(file) && statSync(file).isFile() ? sha256(readFileSync(file)) : 'missing';
      imageHashes.set(path, value);
    }
    return value;
  };

  const indexed: IndexedArticle[] = [];
  const shared = createHash('sha256').update(`${DIGEST_VERSION}\n${codeDigest(root)}\nshards ${shards}\n`);
  for (const entry of found.entries) {
    const bytes = readFileSync(join(contentDir, entry.relative));
    if (entry.collection !== 'articles') {
      // Settings, authors, tags, sponsors, pages, redirects: every page may print them.
      shared.update(`${entry.relative}\n`).update(bytes);
      for (const image of imageReferences(bytes.toString('utf8'))) shared.update(`${image} ${imageHash(image)}\n`);
      continue;
    }
    const decoded = decodeSource(bytes);
    const text = 'kind' in decoded ? undefined : decoded.text;
    const split = text === undefined ? undefined : splitFrontMatter(text);
    const yaml = split && !('kind' in split) ? parseYaml(split.yaml) : undefined;
    const frontMatter = yaml?.value;
    if (text === undefined || !split || 'kind' in split || typeof frontMatter !== 'object' || frontMatter === null) {
      throw new Error(`${entry.relative}: the front matter could not be read; run npm run check:content`);
    }
    const parsed = articleFields.safeParse(frontMatter);
    if (!parsed.success)
      throw new Error(`${entry.relative}: ${parsed.error.issues[0]?.message ?? 'invalid front matter'}; run npm run check:content`);
    const fileHash = sha256(bytes);
    const data = frontMatter as Record<string, unknown>;
    const cardJson = JSON.stringify(frontMatter);
    indexed.push({
      id: entry.id,
      plan: {
        id: entry.id,
        relative: entry.relative,
        shard: shardOfSlug(entry.id, shards),
        data,
        published: isPublished(parsed.data, buildTime),
      },
      fileHash,
      cardHash: sha256(cardJson),
      cardImages: imageReferences(cardJson),
      fileImages: imageReferences(text),
      data: {
        pubDate: parsed.data.pubDate,
        draft: parsed.data.draft,
        featured: parsed.data.featured,
        tags: parsed.data.tags.map((id) => ({ id })),
        authors: parsed.data.authors.map((id) => ({ id })),
      },
    });
  }
  const sharedDigest = shared.digest('hex');

  const published = sortNewestFirst(indexed.filter((article) => article.plan.published));
  const feed = published.slice(0, FEED_SIZE);
  const card = (article: IndexedArticle | undefined) =>
    article ? `${article.id} ${article.cardHash} ${article.cardImages.map((image) => `${image}=${imageHash(image)}`).join(' ')}` : '-';

  const feedIds = feed.map((article) => article.id);
  const articleFiles = indexed.length;
  const lists = siteLists(published, authorIds, pageSize, FEED_SIZE);
  const listUnits = [
    ...lists.archive.map((route) => ({ kind: 'archive' as const, key: '', count: published.length, page: route.page })),
    ...lists.tags.map((route) => ({ kind: 'tag' as const, key: route.params.tag, count: route.count, page: route.page })),
    ...lists.authors.map((route) => ({ kind: 'author' as const, key: route.params.author, count: route.count, page: route.page })),
  ];
  const parts = listShards ?? Math.max(1, Math.ceil(listUnits.length / LIST_PAGES_PER_SHARD));
  const planOf = (
    shard: ShardPlan['shard'],
    articles: Iterable<IndexedArticle>,
    links: ShardPlan['links'],
    planned: PlannedLists | null,
  ): ShardPlan => {
    const chosen = new Set(articles);
    return {
      version: 2,
      buildTime: buildTime.toISOString(),
      shards,
      listShards: parts,
      shard,
      articleFiles,
      // In the order of the index, so that a plan is the same for the same content.
      articles: indexed.filter((article) => chosen.has(article)).map((article) => article.plan),
      feedIds,
      links,
      lists: planned,
    };
  };

  const result: ShardInput[] = [];
  const plans = new Map<string, ShardPlan>();
  for (let index = 1; index <= shards; index += 1) {
    const hash = createHash('sha256').update(`${sharedDigest}\narticles ${index}\n`);
    // What this shard knows: its own articles, the feed's (every shard renders the site feed's
    // page, the lists shard's copy is the one kept) and the articles its pages link to.
    const known = new Set<IndexedArticle>(feed);
    const links: ShardPlan['links'] = {};
    let count = 0;
    for (const article of indexed) {
      if (article.plan.shard !== index) continue;
      known.add(article);
      hash.update(`own ${article.id} ${article.fileHash} ${String(article.plan.published)}\n`);
      for (const image of article.fileImages) hash.update(`${image}=${imageHash(image)}\n`);
      if (!article.plan.published) continue;
      count += 1;
      // What the article's page shows of other articles: its neighbours and related articles' cards.
      const { previous, next } = adjacentArticles(published, article.id);
      const related = relatedArticles(article, published);
      for (const other of [previous, next, ...related]) if (other) known.add(other);
      links[article.id] = { previous: previous?.id ?? null, next: next?.id ?? null, related: related.map((other) => other.id) };
      hash.update(`neighbours ${card(previous)} | ${card(next)}\n`);
      hash.update(`related ${related.map(card).join(' | ')}\n`);
      hash.update(`comments ${commentCounts?.get(article.id) ?? '-'}\n`);
    }
    const name = articleShardName(index);
    plans.set(name, planOf(index, known, links, null));
    result.push({ name, shard: String(index), digest: hash.digest('hex'), articles: count });
  }

  // The lists shards: the list pages in order (archive, tags, authors), cut into `parts` runs of
  // about the same number of pages; a tag's or author's feed goes with its first page. Each
  // shard's digest covers the cards its pages and feeds show.
  const ids = (page: Page<IndexedArticle>): Page<string> => ({ ...page, items: page.items.map((article) => article.id) });
  const perPart = Math.max(1, Math.ceil(listUnits.length / parts));
  const tagCounts = Object.fromEntries(lists.tagCounts);
  const authorCounts = Object.fromEntries(lists.authorCounts);
  const partOf = (position: number) => Math.min(parts, Math.floor(position / perPart) + 1);
  const elsewhere = published.map((article) => urls.article(article.id));
  listUnits.forEach((unit, position) => {
    if (partOf(position) !== 1) elsewhere.push(unit.page.url);
  });
  for (let part = 1; part <= parts; part += 1) {
    const name = listShardName(part);
    const hash = createHash('sha256').update(`${sharedDigest}\n${name}\n`);
    const known = new Set<IndexedArticle>(feed);
    const planned: PlannedLists = {
      home: null,
      archive: [],
      tags: [],
      authors: [],
      tagFeeds: {},
      authorFeeds: {},
      tagCounts,
      authorCounts,
      elsewhere: [],
    };
    const show = (label: string, articles: readonly IndexedArticle[]) => {
      for (const article of articles) known.add(article);
      hash.update(`${label} ${articles.map(card).join(' | ')}\n`);
    };
    listUnits.forEach((unit, position) => {
      if (partOf(position) !== part) return;
      const { page } = unit;
      show(`${page.url} ${unit.count} ${page.number}/${page.total}`, page.items);
      if (unit.kind === 'archive') planned.archive.push(ids(page));
      else (unit.kind === 'tag' ? planned.tags : planned.authors).push({ key: unit.key, count: unit.count, page: ids(page) });
      if (unit.kind === 'archive' || page.number !== 1) return;
      const feedArticles = (unit.kind === 'tag' ? lists.tagFeeds : lists.authorFeeds).get(unit.key) ?? [];
      show(`feed ${unit.kind} ${unit.key}`, feedArticles);
      (unit.kind === 'tag' ? planned.tagFeeds : planned.authorFeeds)[unit.key] = feedArticles.map((article) => article.id);
    });
    if (part === 1) {
      // The main lists shard: the home page, the index pages' counts, the site feed's full
      // articles, the news sitemap's window and the sitemap of the whole site.
      planned.home = { lead: lists.lead?.id ?? null, page: ids(lists.home) };
      planned.elsewhere = elsewhere;
      show('lead', lists.lead ? [lists.lead] : []);
      show('home', lists.home.items);
      hash.update(`counts ${JSON.stringify([tagCounts, authorCounts])}\n`);
      for (const article of feed) {
        hash.update(`feed ${article.id} ${article.fileHash}\n`);
        for (const image of article.fileImages) hash.update(`${image}=${imageHash(image)}\n`);
      }
      const news = published.filter((article) => buildTime.getTime() - article.data.pubDate.getTime() <= NEWS_WINDOW_MS);
      show('news', news);
      hash.update(`sitemap ${elsewhere.join(' ')}\n`);
    }
    plans.set(name, planOf(name, known, {}, planned));
    result.push({ name, shard: name, digest: hash.digest('hex'), articles: 0 });
  }

  return { plans, index: indexed.map((article) => article.plan), shards: result };
}
