import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateContent } from '../../bench/synthetic-content.ts';
import { outputFile, PATCH_SHARD, shardOfSlug, type PlannedLists } from '../../src/lib/shards.ts';
import { urls } from '../../src/lib/urls.ts';
import { ROOT } from '../../tests/support/build.ts';
import { adjacentArticles, relatedArticles, sortNewestFirst } from '../../src/utils/articles.ts';
import { AUTO_SHARD_ABOVE, autoShardCount, imageReferences, planShards, type PlanResult } from './plan.ts';

const ARTICLES = 60;
const SHARDS = 3;
let work: string;
let contentDir: string;
let slugs: string[];
let buildTime: Date;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'szpalta-plan-'));
  contentDir = join(work, 'content');
  ({ slugs } = await generateContent(contentDir, ARTICLES));
  buildTime = new Date();
});
afterAll(() => rm(work, { recursive: true, force: true }));

const plan = () => planShards({ root: ROOT, contentDir, shards: SHARDS, buildTime });
/** The fields ordering and relations read, from front matter as written. */
const articleData = (data: Record<string, unknown>) => ({
  pubDate: new Date(String(data['pubDate'])),
  tags: ((data['tags'] ?? []) as string[]).map((id) => ({ id })),
});
const digests = (result: PlanResult) => Object.fromEntries(result.shards.map((shard) => [shard.name, shard.digest]));
/** The files whose digest differs between two plans, by shard; every shard's base and set of files must be the same. */
function changedFiles(a: PlanResult, b: PlanResult): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const [name, units] of b.units) {
    const old = a.units.get(name);
    expect(units.base, `base of ${name}`).toBe(old?.base);
    expect(Object.keys(units.files)).toEqual(Object.keys(old?.files ?? {}));
    const files = Object.keys(units.files).filter((file) => units.files[file] !== old?.files[file]);
    if (files.length > 0) result.set(name, files);
  }
  return result;
}
/** The shards whose search bundle's digest differs between two plans. */
const reindexed = (a: PlanResult, b: PlanResult) =>
  [...b.units].filter(([name, units]) => a.units.get(name)?.search !== units.search).map(([name]) => name);
/** The shards whose digest differs between two plans. */
const changed = (a: PlanResult, b: PlanResult) =>
  a.shards.filter((shard) => digests(b)[shard.name] !== shard.digest).map((shard) => shard.name);

async function edit(slug: string, change: (text: string) => string): Promise<() => Promise<void>> {
  const file = join(contentDir, 'articles', `${slug}.mdx`);
  const before = await readFile(file, 'utf8');
  await writeFile(file, change(before));
  return () => writeFile(file, before);
}

describe('planShards', () => {
  it('indexes every article once with its front matter and shard, without parsing bodies', async () => {
    const { index, plans, shards } = plan();
    expect(index.map((article) => article.id).sort()).toEqual([...slugs].sort());
    const first = index.find((article) => article.id === slugs[0]);
    const text = await readFile(join(contentDir, 'articles', `${slugs[0] ?? ''}.mdx`), 'utf8');
    expect(first?.data['title']).toBe(/^title: (.*)$/m.exec(text)?.[1]?.replace(/^"|"$/g, ''));
    expect(first?.data).not.toHaveProperty('readingMinutes');
    expect(first?.shard).toBe(shardOfSlug(slugs[0] ?? '', SHARDS));
    expect(plans.get('lists')?.feedIds).toHaveLength(30);
    expect(shards.map((shard) => shard.name)).toEqual(['articles-1', 'articles-2', 'articles-3', 'lists']);
    expect(shards.reduce((sum, shard) => sum + shard.articles, 0)).toBe(ARTICLES);
  });

  it("hands an article shard only its own articles, the feed's and the articles its pages link to, with the links of the whole archive", () => {
    const { plans, index: all } = plan();
    const published = sortNewestFirst(
      all.filter((article) => article.published).map((article) => ({ id: article.id, data: articleData(article.data) })),
    );
    for (let index = 1; index <= SHARDS; index += 1) {
      const shardPlan = plans.get(`articles-${index}`);
      if (!shardPlan) throw new Error(`no plan for articles-${index}`);
      expect(shardPlan.shard).toBe(index);
      expect(shardPlan.articleFiles).toBe(ARTICLES);
      const own = published.filter((article) => shardOfSlug(article.id, SHARDS) === index);
      const expected = new Set([...shardPlan.feedIds, ...all.filter((article) => article.shard === index).map((article) => article.id)]);
      for (const article of own) {
        const { previous, next } = adjacentArticles(published, article.id);
        const related = relatedArticles(article, published);
        expect(shardPlan.links[article.id]).toEqual({
          previous: previous?.id ?? null,
          next: next?.id ?? null,
          related: related.map((other) => other.id),
        });
        for (const other of [previous, next, ...related]) if (other) expected.add(other.id);
      }
      expect(Object.keys(shardPlan.links).sort()).toEqual(own.map((article) => article.id).sort());
      expect(shardPlan.articles.map((article) => article.id).sort()).toEqual([...expected].sort());
      // Smaller than the archive: the point of a plan per shard.
      expect(shardPlan.articles.length).toBeLessThan(ARTICLES);
    }
  });

  it('splits the list pages over the lists shards: each page and feed once, each shard knowing the articles it shows', () => {
    const { plans, index } = planShards({ root: ROOT, contentDir, shards: SHARDS, buildTime, listShards: 2 });
    const main = plans.get('lists')?.lists;
    const other = plans.get('lists-2')?.lists;
    if (!main || !other) throw new Error('expected two lists shards');
    const published = index.filter((article) => article.published);
    const pages = (lists: PlannedLists) => [
      ...lists.archive,
      ...lists.tags.map((entry) => entry.page),
      ...lists.authors.map((entry) => entry.page),
    ];
    const urlsOf = (lists: PlannedLists) => pages(lists).map((page) => page.url);
    // Every list page once; the archive has every published article but the home page's.
    expect(new Set([...urlsOf(main), ...urlsOf(other)]).size).toBe(urlsOf(main).length + urlsOf(other).length);
    expect(urlsOf(main).length).toBeGreaterThan(0);
    expect(urlsOf(other).length).toBeGreaterThan(0);
    const archived = [...main.archive, ...other.archive].flatMap((page) => page.items);
    expect(new Set([...archived, ...(main.home?.page.items ?? []), main.home?.lead]).size).toBe(published.length);
    expect(other.home).toBeNull();
    for (const name of ['lists', 'lists-2']) {
      const plan = plans.get(name);
      const known = new Set(plan?.articles.map((article) => article.id));
      const shown = pages(plan?.lists as PlannedLists).flatMap((page) => page.items);
      for (const id of shown) expect(known.has(id), `${name} knows ${id}`).toBe(true);
      // A tag's feed goes with its first page.
      for (const entry of plan?.lists?.tags ?? []) expect(entry.page.number !== 1 || entry.key in (plan?.lists?.tagFeeds ?? {})).toBe(true);
    }
    // The main lists shard's sitemap names what the others render.
    expect(main.elsewhere).toEqual(expect.arrayContaining([...published.map((article) => `/artykuly/${article.id}/`), ...urlsOf(other)]));
  });

  it('gives the same digests for the same inputs', () => {
    expect(digests(plan())).toEqual(digests(plan()));
  });

  it('with a read cache, parses only changed files and plans exactly as without it', async () => {
    const readCache = join(work, 'plan-read.json');
    const cached = () => planShards({ root: ROOT, contentDir, shards: SHARDS, buildTime, readCache });
    const first = cached();
    expect((JSON.parse(await readFile(readCache, 'utf8')) as { files: unknown }).files).toHaveProperty([
      `articles/${slugs[0] ?? ''}.mdx`,
      'fields',
      'tags',
    ]);
    const slug = slugs[3] as string;
    const restore = await edit(slug, (text) => text.replace(/^title: .*$/m, 'title: "Tytuł zmieniony przy pamięci podręcznej"'));
    try {
      const [withCache, without] = [cached(), plan()];
      expect(digests(withCache)).toEqual(digests(without));
      expect(digests(withCache)).not.toEqual(digests(first));
      expect(withCache.index.find((article) => article.id === slug)?.data['title']).toBe('Tytuł zmieniony przy pamięci podręcznej');
      expect(JSON.stringify([...withCache.plans])).toBe(JSON.stringify([...without.plans]));
    } finally {
      await restore();
    }
  });

  it('a body edit of an article outside the feed changes only its own shard', async () => {
    const slug = slugs[ARTICLES - 1] as string;
    const before = plan();
    const restore = await edit(slug, (text) => `${text}\nJedno zdanie więcej.\n`);
    try {
      const after = plan();
      const shard = `articles-${shardOfSlug(slug, SHARDS)}`;
      expect(changed(before, after)).toEqual([shard]);
      // Of that shard, its page alone; its search bundle is indexed again.
      expect(changedFiles(before, after)).toEqual(new Map([[shard, [`artykuly/${slug}/index.html`]]]));
      expect(reindexed(before, after)).toEqual([shard]);
    } finally {
      await restore();
    }
  });

  it('a title edit changes its shard, the shards that show its card (neighbours, related) and the lists', async () => {
    const slug = slugs[ARTICLES - 1] as string;
    const before = plan();
    const restore = await edit(slug, (text) => text.replace(/^title: .*$/m, 'title: "Nowy tytuł po korekcie"'));
    try {
      const after = plan();
      const names = changed(before, after);
      expect(names).toContain(`articles-${shardOfSlug(slug, SHARDS)}`);
      expect(names).toContain('lists');
      // Its older neighbour's page links to it: that neighbour's shard changes too.
      const neighbour = slugs[ARTICLES - 2] as string;
      expect(names).toContain(`articles-${shardOfSlug(neighbour, SHARDS)}`);
    } finally {
      await restore();
    }
  });

  it('a title edit changes the digests of exactly the pages that show it, and the patch plan renders those', async () => {
    const slug = slugs[ARTICLES - 1] as string;
    const before = plan();
    const restore = await edit(slug, (text) => text.replace(/^title: .*$/m, 'title: "Nowy tytuł po korekcie"'));
    try {
      const after = plan();
      // The pages that show the article, from the plans: article pages that link to it, list pages and feeds that list it.
      const showing = new Set<string>();
      for (const shardPlan of after.plans.values()) {
        for (const [id, links] of Object.entries(shardPlan.links)) {
          if (id === slug || links.previous === slug || links.next === slug || links.related.includes(slug))
            showing.add(outputFile(urls.article(id)));
        }
        const lists = shardPlan.lists;
        if (!lists) continue;
        const pages = [...lists.archive, ...lists.tags.map((entry) => entry.page), ...lists.authors.map((entry) => entry.page)];
        for (const page of pages) if (page.items.includes(slug)) showing.add(outputFile(page.url));
        for (const [tag, ids] of Object.entries(lists.tagFeeds)) if (ids.includes(slug)) showing.add(outputFile(urls.tagFeed(tag)));
        for (const [author, ids] of Object.entries(lists.authorFeeds))
          if (ids.includes(slug)) showing.add(outputFile(urls.authorFeed(author)));
        if (lists.home && (lists.home.lead === slug || lists.home.page.items.includes(slug))) showing.add(outputFile(urls.home));
      }
      const changedPages = changedFiles(before, after);
      expect([...changedPages.values()].flat().sort()).toEqual([...showing].sort());
      // Its own page, its newer neighbour's, a tag page, an author page at least.
      expect(showing.size).toBeGreaterThanOrEqual(4);
      expect(reindexed(before, after)).toEqual([`articles-${shardOfSlug(slug, SHARDS)}`]);

      const patch = after.patchPlan(changedPages);
      expect(patch.shard).toBe(PATCH_SHARD);
      const patchedArticles = [...showing].filter((file) => file.startsWith('artykuly/'));
      expect(
        Object.keys(patch.links)
          .map((id) => outputFile(urls.article(id)))
          .sort(),
      ).toEqual(patchedArticles.sort());
      const lists = patch.lists as PlannedLists;
      const listPages = [...lists.archive, ...lists.tags.map((entry) => entry.page), ...lists.authors.map((entry) => entry.page)];
      expect(listPages.map((page) => outputFile(page.url)).sort()).toEqual(
        [...showing]
          .filter((file) => !file.startsWith('artykuly/'))
          .filter((file) => !file.endsWith('rss.xml'))
          .sort(),
      );
      // It knows every article the pages it renders show, and not the whole archive.
      const known = new Set(patch.articles.map((article) => article.id));
      const shown = [
        ...Object.values(patch.links).flatMap((links) => [links.previous, links.next, ...links.related]),
        ...Object.keys(patch.links),
        ...listPages.flatMap((page) => page.items),
      ].filter((id) => id !== null);
      for (const id of shown) expect(known.has(id), `the patch knows ${id}`).toBe(true);
      expect(known.size).toBeLessThan(ARTICLES);
      expect(() => after.patchPlan(new Map([['lists', ['nie-ma/index.html']]]))).toThrow(
        'patch: shard lists has no page nie-ma/index.html',
      );
    } finally {
      await restore();
    }
  });

  it('a tag edit changes every shard: every page may print tag names', async () => {
    const before = plan();
    const file = join(contentDir, 'tags', 'rodo.yml');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace(/^name: .*$/m, 'name: "RODO i dane"'));
    try {
      expect(changed(before, plan()).sort()).toEqual(['articles-1', 'articles-2', 'articles-3', 'lists']);
    } finally {
      await writeFile(file, text);
    }
  });

  it('an article that becomes due by the build time changes the lists and its shard', async () => {
    const slug = slugs[ARTICLES - 1] as string;
    const restore = await edit(slug, (text) =>
      text.replace(/^pubDate: .*$/m, `pubDate: ${new Date(buildTime.getTime() + 60_000).toISOString()}`),
    );
    try {
      const early = plan();
      const later = planShards({ root: ROOT, contentDir, shards: SHARDS, buildTime: new Date(buildTime.getTime() + 120_000) });
      expect(early.index.find((article) => article.id === slug)?.published).toBe(false);
      expect(later.index.find((article) => article.id === slug)?.published).toBe(true);
      expect(changed(early, later)).toEqual(expect.arrayContaining([`articles-${shardOfSlug(slug, SHARDS)}`, 'lists']));
    } finally {
      await restore();
    }
  });

  it('reads image references as the content model writes them', () => {
    expect(imageReferences('hero:\n  image: ../images/foto-1.jpg\n<Figure src="../images/wykres.png" />')).toEqual([
      'images/foto-1.jpg',
      'images/wykres.png',
    ]);
  });
});

describe('shardOfSlug', () => {
  it('spreads slugs evenly and never moves one', () => {
    const counts = [0, 0, 0, 0];
    for (let index = 0; index < 4000; index += 1) {
      const shard = shardOfSlug(`artykul-${index}`, 4) - 1;
      counts[shard] = (counts[shard] ?? 0) + 1;
    }
    for (const count of counts) expect(count).toBeGreaterThan(900);
    expect(shardOfSlug('kary-rodo-dla-sklepow', 4)).toBe(shardOfSlug('kary-rodo-dla-sklepow', 4));
  });
});

describe('autoShardCount', () => {
  it('cuts an archive above the threshold into shards of about 2,000 articles, at least 5', () => {
    expect(AUTO_SHARD_ABOVE).toBe(4000);
    expect([4001, 10_000, 10_001, 20_000, 100_000].map(autoShardCount)).toEqual([5, 5, 6, 10, 50]);
  });
});
