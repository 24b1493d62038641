import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { z } from 'astro/zod';
import { decodeSource, splitFrontMatter } from '../../src/content-model/source.ts';
import { parseYaml } from '../../src/content-model/yaml.ts';
import { collectionModel, discoverContent } from '../../src/content-model/index.ts';
import { FEED_SIZE } from '../../src/lib/feed-size.ts';
import {
  articleShardName,
  listShardName,
  outputFile as urlFile,
  PATCH_SHARD,
  shardOfSlug,
  type PlanArticle,
  type PlannedLinks,
  type PlannedLists,
  type ShardPlan,
} from '../../src/lib/shards.ts';
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
const DIGEST_VERSION = '2';

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
  /** Each shard's output, file by file, with what each file shows (`ShardUnits`), by shard name. */
  units: Map<string, ShardUnits>;
  /** The plan of a patch that renders the files `changed` names (shard name → files) again. */
  patchPlan: (changed: ReadonlyMap<string, Iterable<string>>) => ShardPlan;
}

/**
 * A shard's output as digests: one for each page or feed whose content depends on articles
 * (every article page, list page and feed, the home page, the site feed and the news sitemap),
 * and one (`base`) for everything else it renders (code, settings, static pages, which pages
 * exist, the index pages' counts, the sitemap). After an edit, a shard whose `base` and set of
 * files are the same as at its last build needs only the files whose digest changed rendered
 * again (a patch, `scripts/build.ts`); otherwise it is built again whole.
 */
export interface ShardUnits {
  version: 1;
  base: string;
  /** What the shard's search bundle indexes (its own articles' files); a change re-indexes it. */
  search: string;
  /** Output file (relative to the output folder) → digest of what it shows. */
  files: Record<string, string>;
}

/** The digest of a whole shard: equal digests mean equal outputs (CI's matrix keeps a shard by it). */
export const unitsDigest = (units: ShardUnits) => sha256(JSON.stringify(units));

/** What a page of a shard adds to a patch's plan when the patch renders it again. */
type UnitPart =
  | { kind: 'article'; id: string; links: PlannedLinks }
  | { kind: 'archive'; page: Page<string> }
  | { kind: 'tag' | 'author'; key: string; count: number; page: Page<string> }
  | { kind: 'feed'; of: 'tag' | 'author'; key: string; ids: string[] }
  | { kind: 'home'; home: NonNullable<PlannedLists['home']> }
  | { kind: 'site-feed' }
  | { kind: 'news' };

interface Unit {
  digest: string;
  /** The articles the page shows (a patch's plan must know them). */
  shows: readonly IndexedArticle[];
  part: UnitPart;
}

/** Collects one shard's digests while the plan walks its pages. */
class ShardUnitsBuilder {
  readonly base = createHash('sha256');
  readonly search = createHash('sha256');
  readonly units = new Map<string, Unit>();
  #result: ShardUnits | undefined;

  constructor(base: string) {
    this.base.update(base);
  }

  /** A page or feed of this shard; `text` is everything it shows that may change between builds. */
  add(file: string, unit: { text: string; shows: readonly IndexedArticle[]; part: UnitPart }): void {
    if (this.units.has(file)) throw new Error(`plan: two pages of one shard write ${file}`);
    this.units.set(file, { digest: sha256(unit.text), shows: unit.shows, part: unit.part });
  }

  result(): ShardUnits {
    this.#result ??= {
      version: 1,
      base: this.base.digest('hex'),
      search: this.search.digest('hex'),
      files: Object.fromEntries([...this.units].map(([file, unit]) => [file, unit.digest])),
    };
    return this.#result;
  }

  digest(): string {
    return unitsDigest(this.result());
  }
}

/** Adds a list page's or feed's part to the lists of a plan. */
function addPart(lists: PlannedLists, part: UnitPart): void {
  switch (part.kind) {
    case 'archive':
      lists.archive.push(part.page);
      break;
    case 'tag':
    case 'author':
      (part.kind === 'tag' ? lists.tags : lists.authors).push({ key: part.key, count: part.count, page: part.page });
      break;
    case 'feed':
      (part.of === 'tag' ? lists.tagFeeds : lists.authorFeeds)[part.key] = part.ids;
      break;
    case 'home':
      lists.home = part.home;
      break;
    case 'article':
    case 'site-feed':
    case 'news':
      // Article pages take their links from the plan's `links`; the site feed and the news sitemap from the articles it knows.
      break;
  }
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
  /**
   * A JSON file that keeps what the plan read of each article (front matter, fields, images) by
   * the file's digest, so that the next plan parses only changed files (at 5,000 articles the
   * YAML and schema parse was half of the plan's time).
   */
  readCache?: string | undefined;
}

/** What the plan reads of one article file. */
interface ArticleRead {
  fileHash: string;
  /** The front matter as written (YAML values, as JSON). */
  frontMatter: Record<string, unknown>;
  /** As the site's schema parses them; `pubDate` as ISO text. */
  fields: { pubDate: string; draft: boolean; featured: boolean; tags: string[]; authors: string[] };
  /** Images the whole file refers to, body included. */
  fileImages: string[];
}

const READ_CACHE_VERSION = `${DIGEST_VERSION}.1`;

function readArticle(relative: string, bytes: Buffer, fileHash: string): ArticleRead {
  const decoded = decodeSource(bytes);
  const text = 'kind' in decoded ? undefined : decoded.text;
  const split = text === undefined ? undefined : splitFrontMatter(text);
  const yaml = split && !('kind' in split) ? parseYaml(split.yaml) : undefined;
  const frontMatter = yaml?.value;
  if (text === undefined || !split || 'kind' in split || typeof frontMatter !== 'object' || frontMatter === null) {
    throw new Error(`${relative}: the front matter could not be read; run npm run check:content`);
  }
  const parsed = articleFields.safeParse(frontMatter);
  if (!parsed.success)
    throw new Error(`${relative}: ${parsed.error.issues[0]?.message ?? 'invalid front matter'}; run npm run check:content`);
  return {
    fileHash,
    // Through JSON, as the shards receive it (YAML dates and the like become text).
    frontMatter: JSON.parse(JSON.stringify(frontMatter)) as Record<string, unknown>,
    fields: {
      pubDate: parsed.data.pubDate.toISOString(),
      draft: parsed.data.draft,
      featured: parsed.data.featured,
      tags: parsed.data.tags,
      authors: parsed.data.authors,
    },
    fileImages: imageReferences(text),
  };
}

function readReadCache(file: string): Map<string, ArticleRead> {
  try {
    const cached = JSON.parse(readFileSync(file, 'utf8')) as { version?: string; files?: Record<string, ArticleRead> };
    if (cached.version === READ_CACHE_VERSION && cached.files) return new Map(Object.entries(cached.files));
  } catch {
    // No cache yet, or one cut short: every file is read.
  }
  return new Map();
}

function writeReadCache(file: string, files: Record<string, ArticleRead>): void {
  // Beside it first, then renamed: a plan cut short never leaves half a cache.
  writeFileSync(`${file}.tmp`, JSON.stringify({ version: READ_CACHE_VERSION, files }));
  renameSync(`${file}.tmp`, file);
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
export function planShards({ root, contentDir, shards, buildTime, commentCounts, listShards, readCache }: PlanOptions): PlanResult {
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
  // What the last plan read of each article file, by path: a file with the same digest is not parsed again.
  const previousRead = readCache ? readReadCache(readCache) : new Map<string, ArticleRead>();
  const nextRead: Record<string, ArticleRead> = {};
  let readsChanged = false;
  const shared = createHash('sha256').update(`${DIGEST_VERSION}\n${codeDigest(root)}\nshards ${shards}\n`);
  for (const entry of found.entries) {
    const bytes = readFileSync(join(contentDir, entry.relative));
    if (entry.collection !== 'articles') {
      // Settings, authors, tags, sponsors, pages, redirects: every page may print them.
      shared.update(`${entry.relative}\n`).update(bytes);
      for (const image of imageReferences(bytes.toString('utf8'))) shared.update(`${image} ${imageHash(image)}\n`);
      continue;
    }
    const fileHash = sha256(bytes);
    let read = previousRead.get(entry.relative);
    if (read?.fileHash !== fileHash) {
      read = readArticle(entry.relative, bytes, fileHash);
      readsChanged = true;
    }
    nextRead[entry.relative] = read;
    const fields = { ...read.fields, pubDate: new Date(read.fields.pubDate) };
    const cardJson = JSON.stringify(read.frontMatter);
    indexed.push({
      id: entry.id,
      plan: {
        id: entry.id,
        relative: entry.relative,
        shard: shardOfSlug(entry.id, shards),
        data: read.frontMatter,
        published: isPublished(fields, buildTime),
      },
      fileHash,
      cardHash: sha256(cardJson),
      cardImages: imageReferences(cardJson),
      fileImages: read.fileImages,
      data: {
        pubDate: fields.pubDate,
        draft: fields.draft,
        featured: fields.featured,
        tags: fields.tags.map((id) => ({ id })),
        authors: fields.authors.map((id) => ({ id })),
      },
    });
  }
  if (readCache && (readsChanged || previousRead.size !== indexed.length)) writeReadCache(readCache, nextRead);
  const sharedDigest = shared.digest('hex');

  const published = sortNewestFirst(indexed.filter((article) => article.plan.published));
  const feed = published.slice(0, FEED_SIZE);
  /** What a page shows of an article whose body it prints: the whole file and its images. */
  const body = (article: IndexedArticle) =>
    `${article.id} ${article.fileHash} ${article.fileImages.map((image) => `${image}=${imageHash(image)}`).join(' ')}`;
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
  const ids = (page: Page<IndexedArticle>): Page<string> => ({ ...page, items: page.items.map((article) => article.id) });
  const listPartOf = (unit: (typeof listUnits)[number]): UnitPart =>
    unit.kind === 'archive'
      ? { kind: 'archive', page: ids(unit.page) }
      : { kind: unit.kind, key: unit.key, count: unit.count, page: ids(unit.page) };
  const homePart = { kind: 'home', home: { lead: lists.lead?.id ?? null, page: ids(lists.home) } } as const;
  const tagCounts = Object.fromEntries(lists.tagCounts);
  const authorCounts = Object.fromEntries(lists.authorCounts);
  const emptyLists = (): PlannedLists => ({
    home: null,
    archive: [],
    tags: [],
    authors: [],
    tagFeeds: {},
    authorFeeds: {},
    tagCounts,
    authorCounts,
    elsewhere: [],
  });
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
  const units = new Map<string, ShardUnitsBuilder>();
  for (let index = 1; index <= shards; index += 1) {
    const name = articleShardName(index);
    const shard = new ShardUnitsBuilder(`${sharedDigest}\narticles ${index}\n`);
    // What this shard knows: its own articles, the feed's (every shard renders the site feed's
    // page, the lists shard's copy is the one kept) and the articles its pages link to.
    const known = new Set<IndexedArticle>(feed);
    const links: ShardPlan['links'] = {};
    let count = 0;
    for (const article of indexed) {
      if (article.plan.shard !== index) continue;
      known.add(article);
      // A draft or a future article has no page: its file changes nothing in the output.
      if (!article.plan.published) continue;
      count += 1;
      // What the article's page shows of other articles: its neighbours and related articles' cards.
      const { previous, next } = adjacentArticles(published, article.id);
      const related = relatedArticles(article, published);
      for (const other of [previous, next, ...related]) if (other) known.add(other);
      const planned = { previous: previous?.id ?? null, next: next?.id ?? null, related: related.map((other) => other.id) };
      links[article.id] = planned;
      const own = `own ${body(article)}`;
      shard.search.update(`${own}\n`);
      shard.add(urlFile(urls.article(article.id)), {
        text: [
          own,
          `neighbours ${card(previous)} | ${card(next)}`,
          `related ${related.map(card).join(' | ')}`,
          `comments ${commentCounts?.get(article.id) ?? '-'}`,
        ].join('\n'),
        shows: [article, ...[previous, next, ...related].filter((other) => other !== undefined)],
        part: { kind: 'article', id: article.id, links: planned },
      });
    }
    plans.set(name, planOf(index, known, links, null));
    units.set(name, shard);
    result.push({ name, shard: String(index), digest: shard.digest(), articles: count });
  }

  // The lists shards: the list pages in order (archive, tags, authors), cut into `parts` runs of
  // about the same number of pages; a tag's or author's feed goes with its first page. Each
  // page's and feed's digest covers the cards it shows.
  const perPart = Math.max(1, Math.ceil(listUnits.length / parts));
  const partOf = (position: number) => Math.min(parts, Math.floor(position / perPart) + 1);
  const elsewhere = published.map((article) => urls.article(article.id));
  listUnits.forEach((unit, position) => {
    if (partOf(position) !== 1) elsewhere.push(unit.page.url);
  });
  const news = published.filter((article) => buildTime.getTime() - article.data.pubDate.getTime() <= NEWS_WINDOW_MS);
  for (let part = 1; part <= parts; part += 1) {
    const name = listShardName(part);
    const shard = new ShardUnitsBuilder(`${sharedDigest}\n${name}\n`);
    const known = new Set<IndexedArticle>(feed);
    const planned = emptyLists();
    const show = (file: string, label: string, articles: readonly IndexedArticle[], unitPart: UnitPart) => {
      for (const article of articles) known.add(article);
      shard.add(file, { text: `${label} ${articles.map(card).join(' | ')}`, shows: articles, part: unitPart });
    };
    listUnits.forEach((unit, position) => {
      if (partOf(position) !== part) return;
      const listPart = listPartOf(unit);
      show(urlFile(unit.page.url), `${unit.page.url} ${unit.count} ${unit.page.number}/${unit.page.total}`, unit.page.items, listPart);
      addPart(planned, listPart);
      if (unit.kind === 'archive' || unit.page.number !== 1) return;
      const feedArticles = (unit.kind === 'tag' ? lists.tagFeeds : lists.authorFeeds).get(unit.key) ?? [];
      const feedPart: UnitPart = { kind: 'feed', of: unit.kind, key: unit.key, ids: feedArticles.map((article) => article.id) };
      show(
        urlFile(unit.kind === 'tag' ? urls.tagFeed(unit.key) : urls.authorFeed(unit.key)),
        `feed ${unit.kind} ${unit.key}`,
        feedArticles,
        feedPart,
      );
      addPart(planned, feedPart);
    });
    if (part === 1) {
      // The main lists shard: the home page, the index pages' counts, the site feed's full
      // articles, the news sitemap's window and the sitemap of the whole site.
      planned.home = homePart.home;
      planned.elsewhere = elsewhere;
      show(urlFile(urls.home), 'home', [...(lists.lead ? [lists.lead] : []), ...lists.home.items], homePart);
      shard.add(urlFile(urls.feed), {
        text: feed.map((article) => `feed ${body(article)}`).join('\n'),
        shows: [],
        part: { kind: 'site-feed' },
      });
      show(urlFile(urls.newsSitemap), 'news', news, { kind: 'news' });
      // Not one page each: the index pages' counts and the sitemaps' addresses. A change rebuilds the shard.
      shard.base.update(`counts ${JSON.stringify([tagCounts, authorCounts])}\n`);
      shard.base.update(`sitemap ${elsewhere.join(' ')}\n`);
    }
    plans.set(name, planOf(name, known, {}, planned));
    units.set(name, shard);
    result.push({ name, shard: name, digest: shard.digest(), articles: 0 });
  }

  /** The plan of a patch that renders `changed` (shard name → files) again. */
  const patchPlan = (changed: ReadonlyMap<string, Iterable<string>>): ShardPlan => {
    const known = new Set<IndexedArticle>(feed);
    const links: ShardPlan['links'] = {};
    const planned = emptyLists();
    for (const [name, files] of changed) {
      const shard = units.get(name);
      if (!shard) throw new Error(`patch: no shard ${name} in the plan`);
      for (const file of files) {
        const unit = shard.units.get(file);
        if (!unit) throw new Error(`patch: shard ${name} has no page ${file}`);
        for (const article of unit.shows) known.add(article);
        if (unit.part.kind === 'article') links[unit.part.id] = unit.part.links;
        else addPart(planned, unit.part);
      }
    }
    return planOf(PATCH_SHARD, known, links, planned);
  };

  return {
    plans,
    index: indexed.map((article) => article.plan),
    shards: result,
    units: new Map([...units].map(([name, shard]) => [name, shard.result()])),
    patchPlan,
  };
}
