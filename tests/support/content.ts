import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { articleSchema, authorSchema, pageSchema, settingsSchema, sponsorSchema, tagSchema } from '../../src/schemas/index.ts';

/**
 * The fixture content as the tests see it: read straight from the content folder a build used,
 * through the project's schemas (for defaults), with references and images kept as plain strings.
 * Tests derive what the site must contain from this, never from the site's own code.
 */
const helpers = { image: () => z.string(), reference: () => z.string() };
const articleFields = articleSchema(helpers);
const authorFields = authorSchema(helpers);
const sponsorFields = sponsorSchema(helpers);
const tagFields = tagSchema();
const pageFields = pageSchema();
const settingsFields = settingsSchema();

export type FixtureArticle = z.infer<typeof articleFields> & { slug: string; body: string };
export type FixtureAuthor = z.infer<typeof authorFields> & { slug: string };
export type FixtureTag = z.infer<typeof tagFields> & { slug: string };
export type FixtureSponsor = z.infer<typeof sponsorFields> & { slug: string };
export type FixturePage = z.infer<typeof pageFields> & { slug: string };
export type FixtureSettings = z.infer<typeof settingsFields>;

export interface FixtureContent {
  settings: FixtureSettings;
  /** Every article file, drafts and future ones included. */
  articles: FixtureArticle[];
  authors: Map<string, FixtureAuthor>;
  tags: Map<string, FixtureTag>;
  sponsors: Map<string, FixtureSponsor>;
  pages: FixturePage[];
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

function splitFrontmatter(file: string, text: string): { data: unknown; body: string } {
  const match = FRONTMATTER.exec(text);
  if (!match) throw new Error(`${file}: no frontmatter`);
  return { data: parseYaml(match[1] ?? ''), body: match[2] ?? '' };
}

async function filesOf(dir: string, extension: RegExp): Promise<string[]> {
  const names = await readdir(dir).catch(() => []);
  return names.filter((name) => extension.test(name)).map((name) => join(dir, name));
}

const slugOf = (file: string) => basename(file).replace(/\.[^.]+$/, '');

async function readYamlEntries<T extends object>(dir: string, parse: (data: unknown) => T): Promise<Map<string, T & { slug: string }>> {
  const entries = new Map<string, T & { slug: string }>();
  for (const file of await filesOf(dir, /\.ya?ml$/)) {
    entries.set(slugOf(file), { ...parse(parseYaml(await readFile(file, 'utf8'))), slug: slugOf(file) });
  }
  return entries;
}

/** Reads a content folder (the one a fixture build was made from). */
export async function readContent(contentDir: string): Promise<FixtureContent> {
  const settings = settingsFields.parse(parseYaml(await readFile(join(contentDir, 'settings', 'site.yml'), 'utf8')));
  const articles: FixtureArticle[] = [];
  for (const file of await filesOf(join(contentDir, 'articles'), /\.mdx$/)) {
    const { data, body } = splitFrontmatter(file, await readFile(file, 'utf8'));
    articles.push({ ...articleFields.parse(data), slug: slugOf(file), body });
  }
  const pages: FixturePage[] = [];
  for (const file of await filesOf(join(contentDir, 'pages'), /\.mdx$/)) {
    const { data } = splitFrontmatter(file, await readFile(file, 'utf8'));
    pages.push({ ...pageFields.parse(data), slug: slugOf(file) });
  }
  return {
    settings,
    articles,
    authors: await readYamlEntries(join(contentDir, 'authors'), (data) => authorFields.parse(data)),
    tags: await readYamlEntries(join(contentDir, 'tags'), (data) => tagFields.parse(data)),
    sponsors: await readYamlEntries(join(contentDir, 'sponsors'), (data) => sponsorFields.parse(data)),
    pages,
  };
}

/**
 * The articles a build made at `now` publishes, newest first (same instant: by slug).
 * `now` is a range (build start and end) so that a boundary case shows up as an error instead
 * of a flaky result: the fixture keeps every date far from `now`.
 */
export function publishedArticles(content: FixtureContent, now: { from: Date; to: Date }): FixtureArticle[] {
  const isPublished = (article: FixtureArticle, at: Date) => !article.draft && article.pubDate.getTime() <= at.getTime();
  const ambiguous = content.articles.filter((article) => isPublished(article, now.from) !== isPublished(article, now.to));
  if (ambiguous.length > 0) throw new Error(`Fixture articles dated during the build: ${ambiguous.map((a) => a.slug).join(', ')}`);
  return content.articles
    .filter((article) => isPublished(article, now.from))
    .sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime() || a.slug.localeCompare(b.slug));
}

/** Articles that must not appear anywhere in the built site: drafts and those dated after the build. */
export function unpublishedArticles(content: FixtureContent, now: { from: Date; to: Date }): FixtureArticle[] {
  const published = new Set(publishedArticles(content, now).map((article) => article.slug));
  return content.articles.filter((article) => !published.has(article.slug));
}
