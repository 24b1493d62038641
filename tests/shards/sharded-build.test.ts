import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateContent } from '../../bench/synthetic-content.ts';
import { shardOfSlug } from '../../src/lib/shards.ts';
import { launchChromium } from '../support/browser.ts';
import { buildEnvironment, createProjectCopy, nodeBinary } from '../support/build.ts';
import { startStaticServer, type StaticServer } from '../support/static-server.ts';

/**
 * `npm run build -- --shards 3 --list-shards 2` against the ordinary build of the same generated site: every
 * file of `dist/` is the same once hashed asset names are normalised, Pagefind's bundles are
 * compared by what a search finds in the browser, a second run keeps every shard, and after a
 * body edit and a title edit only the pages that show them are rendered again (a patch), after
 * which the site still equals a whole build of the edited content.
 */

const ARTICLES = 240;
const SHARDS = 3;
/** Lists shards: the main one and one more, so that list pages are split as in a big archive. */
const LIST_SHARDS = 2;
const SHARD_ARGS = ['--shards', String(SHARDS), '--list-shards', String(LIST_SHARDS)];
/**
 * A word no generated text contains, added to one article of each shard so that a search finds
 * exactly it (Pagefind matches prefixes, so no marker starts another).
 */
const MARKERS = ['zebrowcowy', 'kwarcogonek', 'lumenopalny'];
const marker = (shard: number) => MARKERS[shard - 1] ?? '';
/** A word the body edit adds (found by search afterwards) and the title the title edit sets. */
const NEW_WORD = 'szafirogrzbiet';
const NEW_TITLE = 'Tytuł poprawiony po korekcie redakcyjnej';

interface Build {
  project: string;
  dist: string;
  /** What the driver printed. */
  log: string;
}

let work: string;
let contentDir: string;
let slugs: string[];
let whole: Build;
let sharded: Build;
/** One article of each shard (index 0 is shard 1), the one with the shard's marker. */
let picked: string[];
const buildTime = new Date().toISOString();

/** Runs the build driver (`npm run build` is `node scripts/build.ts`) in a project copy; throws with its log on failure. */
async function runDriver(project: string, args: string[], logName: string): Promise<string> {
  const logFile = join(work, `${logName}.log`);
  const log = createWriteStream(logFile);
  const child = spawn(nodeBinary(), [join(project, 'scripts', 'build.ts'), ...args], {
    cwd: project,
    env: buildEnvironment(project, contentDir, { SZPALTA_BUILD_TIME: buildTime }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  await new Promise((resolve) => log.end(resolve));
  const output = await readFile(logFile, 'utf8');
  if (code !== 0) throw new Error(`build driver ${args.join(' ')} exited with ${String(code)}:\n${output.slice(-4000)}`);
  return output;
}

async function filesOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

const TEXT = new Set(['.html', '.xml', '.txt', '.json', '.css', '.js', '.webmanifest', '']);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The site as comparable data: path → content, with every `_astro/` file named by a digest of
 * its bytes (here and wherever a page refers to it), Pagefind's bundles left out (compared by
 * searching) and the search page's list of merged bundles, which only a sharded site has, removed.
 */
async function normalisedSite(dist: string): Promise<Map<string, string>> {
  const files = (await filesOf(dist)).filter((path) => !path.startsWith('pagefind'));
  const renamed = new Map<string, string>();
  for (const path of files.filter((file) => file.startsWith('_astro/'))) {
    const digest = createHash('sha256')
      .update(await readFile(join(dist, path)))
      .digest('hex')
      .slice(0, 16);
    renamed.set(path.slice('_astro/'.length), `asset-${digest}${extname(path)}`);
  }
  const names = [...renamed.keys()].sort((a, b) => b.length - a.length);
  const pattern = names.length > 0 ? new RegExp(names.map(escape).join('|'), 'g') : undefined;
  const site = new Map<string, string>();
  for (const path of files) {
    const bytes = await readFile(join(dist, path));
    const key = path.startsWith('_astro/') ? `_astro/${renamed.get(path.slice('_astro/'.length)) ?? path}` : path;
    if (!TEXT.has(extname(path))) {
      site.set(key, createHash('sha256').update(bytes).digest('hex'));
      continue;
    }
    let text = bytes.toString('utf8');
    if (pattern) text = text.replace(pattern, (name) => renamed.get(name) ?? name);
    if (path === 'szukaj/index.html') text = text.replace(/ data-merge="[^"]*"/, '');
    site.set(key, text);
  }
  return site;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'szpalta-shards-'));
  contentDir = join(work, 'content');
  ({ slugs } = await generateContent(contentDir, ARTICLES));
  picked = Array.from({ length: SHARDS }, (_, index) => {
    const slug = slugs.find((candidate) => shardOfSlug(candidate, SHARDS) === index + 1);
    if (!slug) throw new Error(`no generated article falls into shard ${index + 1}`);
    return slug;
  });
  for (const [index, slug] of picked.entries()) {
    const file = join(contentDir, 'articles', `${slug}.mdx`);
    await writeFile(file, `${await readFile(file, 'utf8')}\nTo zdanie zawiera słowo ${marker(index + 1)} i nic więcej.\n`);
  }
  const build = async (name: string, args: string[]): Promise<Build> => {
    const project = join(work, name);
    await createProjectCopy(project);
    return { project, dist: join(project, 'dist'), log: await runDriver(project, args, name) };
  };
  whole = await build('whole', []);
  sharded = await build('sharded', SHARD_ARGS);
}, 1_500_000);

afterAll(async () => {
  if (work && process.env['SZPALTA_TEST_KEEP_BUILD'] !== '1') await rm(work, { recursive: true, force: true });
});

describe(`a site of ${ARTICLES} articles built whole and in ${SHARDS} shards`, () => {
  it('the whole build is one astro build and the sharded one builds every shard', () => {
    expect(whole.log).not.toContain('[build] plan');
    expect(sharded.log).toContain(`[build] plan: ${ARTICLES} articles in ${SHARDS} article shards and ${LIST_SHARDS} lists shards`);
    for (const name of ['articles-1', 'articles-2', 'articles-3', 'lists', 'lists-2'])
      expect(sharded.log).toMatch(new RegExp(`shard ${name} .*: built`));
  });

  it('gives the same dist/: every file, after naming hashed assets by their bytes', async () => {
    const [a, b] = await Promise.all([normalisedSite(whole.dist), normalisedSite(sharded.dist)]);
    expect([...b.keys()]).toEqual([...a.keys()]);
    const differing = [...a.keys()].filter((path) => a.get(path) !== b.get(path));
    expect(differing).toEqual([]);
    // Not vacuous: the article pages, lists, feeds and sitemaps are all there.
    const pages = [...a.keys()].filter((path) => /^artykuly\/[^/]+\/index\.html$/.test(path));
    expect(pages.length).toBeGreaterThan(ARTICLES / 2);
    expect([...a.keys()]).toEqual(
      expect.arrayContaining(['index.html', 'rss.xml', 'sitemap-index.xml', 'sitemap-news.xml', 'szukaj/index.html']),
    );
  });

  it('has one search bundle per article shard besides the main one, and the search page merges them', async () => {
    const top = await readdir(sharded.dist);
    expect(top.filter((name) => name.startsWith('pagefind')).sort()).toEqual([
      'pagefind',
      'pagefind-articles-1',
      'pagefind-articles-2',
      'pagefind-articles-3',
    ]);
    const search = await readFile(join(sharded.dist, 'szukaj', 'index.html'), 'utf8');
    expect(search).toContain(
      'data-merge="[&quot;/pagefind-articles-1/&quot;,&quot;/pagefind-articles-2/&quot;,&quot;/pagefind-articles-3/&quot;]"',
    );
  });

  describe('search in Chromium', () => {
    let browser: Browser;
    let servers: StaticServer[] = [];
    beforeAll(async () => {
      browser = await launchChromium();
      servers = [await startStaticServer(whole.dist), await startStaticServer(sharded.dist)];
    });
    afterAll(async () => {
      await browser.close();
      await Promise.all(servers.map((server) => server.close()));
    });

    /** The result links the search page lists for `query`, and its status line. */
    const searchFor = async (origin: string, query: string) => {
      const page = await browser.newPage();
      try {
        await page.goto(`${origin}/szukaj/?q=${encodeURIComponent(query)}`);
        await page.locator('.search__status:not(:empty)').waitFor();
        const links = await page
          .locator('.search__results a')
          .evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
        return { links, status: await page.locator('.search__status').textContent() };
      } finally {
        await page.close();
      }
    };

    it.each([1, 2, 3])('finds the marked article of shard %i on the sharded site, as on the whole one', async (shard) => {
      const [wholeSite, shardedSite] = servers as [StaticServer, StaticServer];
      const found = await searchFor(shardedSite.origin, marker(shard));
      expect(found.links).toEqual([`/artykuly/${picked[shard - 1] ?? ''}/`]);
      expect(found).toEqual(await searchFor(wholeSite.origin, marker(shard)));
    });

    it('finds as many articles for a common word on both sites', async () => {
      const [wholeSite, shardedSite] = servers as [StaticServer, StaticServer];
      const [a, b] = await Promise.all([searchFor(wholeSite.origin, 'rozporządzenie'), searchFor(shardedSite.origin, 'rozporządzenie')]);
      expect(a.links.length).toBeGreaterThan(5);
      expect(b.status).toBe(a.status);
    });
  });

  // Three sharded runs, a whole build and a browser: minutes on a busy machine.
  it('keeps every shard when nothing changed; after edits it renders only the changed pages, and the site equals a whole build', async () => {
    const again = await runDriver(sharded.project, SHARD_ARGS, 'sharded-again');
    expect(again).toContain('0 shards built, 0 patched, 5 kept');

    // A body edit of an article no other page shows the body of (not among the site feed's
    // newest 30): the patch renders its page alone and indexes its shard's search again.
    const edited = slugs[ARTICLES - 5] as string;
    const shard = shardOfSlug(edited, SHARDS);
    const file = join(contentDir, 'articles', `${edited}.mdx`);
    await writeFile(file, `${await readFile(file, 'utf8')}\nRedakcja uzupełniła ten tekst o zdanie kontrolne: ${NEW_WORD}.\n`);
    const afterBody = await runDriver(sharded.project, SHARD_ARGS, 'sharded-edit');
    expect(afterBody).toContain('0 shards built, 1 patched, 4 kept');
    expect(afterBody).toContain(`[build] patch: 1 pages of articles-${shard} (`);
    expect(await readFile(join(sharded.dist, 'artykuly', edited, 'index.html'), 'utf8')).toContain('zdanie kontrolne');

    // A title edit of the newest article: its card is on its neighbour's and related articles'
    // pages in other shards, on the home page, its tag and author pages and feeds, the site feed
    // and the news sitemap. No shard is built whole.
    const newest = slugs[0] as string;
    const newestFile = join(contentDir, 'articles', `${newest}.mdx`);
    await writeFile(newestFile, (await readFile(newestFile, 'utf8')).replace(/^title: .*$/m, `title: "${NEW_TITLE}"`));
    const afterTitle = await runDriver(sharded.project, SHARD_ARGS, 'sharded-title');
    expect(afterTitle).toMatch(/0 shards built, [2-5] patched/);
    const patchLine = afterTitle.split('\n').find((line) => line.startsWith('[build] patch: ')) ?? '';
    expect(patchLine).toContain('pages of lists');
    for (const path of ['index.html', 'rss.xml', 'sitemap-news.xml', `artykuly/${newest}/index.html`])
      expect(await readFile(join(sharded.dist, path), 'utf8')).toContain(NEW_TITLE);

    // The same content built whole: every file the same as the patched sharded site.
    await runDriver(whole.project, [], 'whole-after-edits');
    const [a, b] = await Promise.all([normalisedSite(whole.dist), normalisedSite(sharded.dist)]);
    expect([...b.keys()]).toEqual([...a.keys()]);
    expect([...a.keys()].filter((path) => a.get(path) !== b.get(path))).toEqual([]);
    expect([...a.values()].filter((text) => text.includes(NEW_TITLE)).length).toBeGreaterThan(5);

    // The patched shard's search bundle finds the new word.
    const browser = await launchChromium();
    const server = await startStaticServer(sharded.dist);
    try {
      const page = await browser.newPage();
      await page.goto(`${server.origin}/szukaj/?q=${NEW_WORD}`);
      await page.locator('.search__status:not(:empty)').waitFor();
      const links = await page
        .locator('.search__results a')
        .evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(links).toEqual([`/artykuly/${edited}/`]);
    } finally {
      await browser.close();
      await server.close();
    }
  }, 900_000);
});
