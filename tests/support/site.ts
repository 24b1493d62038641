import { readdir, readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { inject } from 'vitest';
import type { FixtureBuild } from './build.ts';
import { publishedArticles, readContent, unpublishedArticles, type FixtureArticle, type FixtureContent } from './content.ts';

/**
 * The fixture build provided by the global setup. Throws the build's own error (with the end
 * of its log) when it failed, so every test of that variant fails with the reason.
 */
export function fixtureSite(name: 'site' | 'bareSite' = 'site'): FixtureBuild {
  const outcome = inject(name);
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.build;
}

/** Every file of `dir`, as `/`-separated paths relative to it, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) =>
      join(entry.parentPath, entry.name)
        .slice(dir.length + 1)
        .split(sep)
        .join('/'),
    )
    .sort();
}

/** The site path a file is served at: `a/b/index.html` → `/a/b/`, `rss.xml` → `/rss.xml`. */
export function urlOfFile(file: string): string {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return `/${file}`;
}

/**
 * The file a site path is served from, as a static host resolves it: `/a/b/` → `a/b/index.html`,
 * `/a/b` → `a/b/index.html` too when that exists, `/rss.xml` → `rss.xml`. Query and hash are ignored.
 */
export function fileOfUrl(pathname: string, files: ReadonlySet<string>): string | undefined {
  const path = decodeURIComponent(pathname.split(/[?#]/)[0] ?? '').replace(/^\//, '');
  const candidates = path === '' || path.endsWith('/') ? [`${path}index.html`] : [path, `${path}/index.html`];
  return candidates.find((candidate) => files.has(candidate));
}

/** A built page or document: its site path, file, text and (for HTML) parsed tree. */
export interface BuiltPage {
  url: string;
  file: string;
  html: string;
  $: CheerioAPI;
}

/** Reads and parses one HTML page of `dist` by its site path (`/artykuly/x/`). Throws when it does not exist. */
export async function readPage(dist: string, url: string): Promise<BuiltPage> {
  const file = url === '/' ? 'index.html' : url.endsWith('/') ? `${url.slice(1)}index.html` : url.slice(1);
  const html = await readFile(join(dist, file), 'utf8').catch((error: unknown) => {
    throw new Error(`No page at ${url} (expected ${file} in ${dist})`, { cause: error });
  });
  return { url, file, html, $: load(html) };
}

/**
 * Every reader page of `dist`, parsed: all HTML except Pagefind's own files and the CMS
 * (`admin/`, a single-page app with its own policy, checked by `tests/admin/`).
 */
export async function readAllPages(dist: string): Promise<BuiltPage[]> {
  const files = (await listFiles(dist)).filter(
    (file) => file.endsWith('.html') && !file.startsWith('pagefind/') && !file.startsWith('admin/'),
  );
  return Promise.all(files.map((file) => readPage(dist, urlOfFile(file))));
}

/** Reads a text file of `dist` by its site path. */
export function readText(dist: string, url: string): Promise<string> {
  return readFile(join(dist, url.replace(/^\//, '')), 'utf8');
}

/** Slugs of the articles listed on a page: `article.card` elements and the article link each holds. */
export function listedArticles($: CheerioAPI): string[] {
  return $('article.card')
    .toArray()
    .map((card) => {
      const hrefs = $(card)
        .find('a[href^="/artykuly/"]')
        .toArray()
        .map((link) => /^\/artykuly\/([^/]+)\/$/.exec($(link).attr('href') ?? '')?.[1]);
      const slugs = [...new Set(hrefs.filter((slug): slug is string => slug !== undefined))];
      if (slugs.length !== 1) throw new Error(`An article card links to ${slugs.length} articles: ${$.html(card)}`);
      return slugs[0] as string;
    });
}

/** A fixture build together with the content it was built from and what that content publishes. */
export interface Fixture {
  build: FixtureBuild;
  dist: string;
  content: FixtureContent;
  /** Published articles, newest first. */
  published: FixtureArticle[];
  /** Drafts and articles dated after the build. */
  unpublished: FixtureArticle[];
  /** The interval in which the build's "now" lies. */
  buildTime: { from: Date; to: Date };
}

/** Loads the fixture of `name` (see `fixtureSite`) with its content. */
export async function loadFixture(name: 'site' | 'bareSite' = 'site'): Promise<Fixture> {
  const build = fixtureSite(name);
  const content = await readContent(build.contentDir);
  const buildTime = { from: new Date(build.startedAt), to: new Date(build.finishedAt) };
  return {
    build,
    dist: build.dist,
    content,
    published: publishedArticles(content, buildTime),
    unpublished: unpublishedArticles(content, buildTime),
    buildTime,
  };
}
