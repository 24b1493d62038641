import { stat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import matter from 'gray-matter';
import { slugPattern } from '../src/schemas/helpers.ts';
import { isPublished } from '../src/utils/publishing.ts';

/** Whether an article takes comments, from its front matter and the site settings. */
export type ArticleState = 'open' | 'unknown' | 'off' | 'closed';

interface Entry {
  mtimeMs: number;
  pubDate: Date;
  draft: boolean;
  comments: boolean;
}

/**
 * Reads `articles/<slug>.mdx` of the content folder (the same files the site builds from), so
 * the service refuses comments on articles that do not exist or are not published, that
 * say `comments: false`, or whose thread has been closed `closeAfterDays` after publication.
 * Front matter is read again only when the file changes.
 */
export function createArticleStates(contentDir: string, closeAfterDays: number) {
  const cache = new Map<string, Entry>();

  async function read(slug: string): Promise<Entry | undefined> {
    if (!slugPattern.test(slug) || slug.length > 200) return undefined;
    const file = join(contentDir, 'articles', `${slug}.mdx`);
    let mtimeMs: number;
    try {
      mtimeMs = (await stat(file)).mtimeMs;
    } catch {
      return undefined;
    }
    const cached = cache.get(slug);
    if (cached?.mtimeMs === mtimeMs) return cached;
    const { data } = matter(await readFile(file, 'utf8')) as { data: Record<string, unknown> };
    const pubDate = new Date(data['pubDate'] as string | Date);
    if (Number.isNaN(pubDate.getTime())) return undefined;
    const entry = { mtimeMs, pubDate, draft: data['draft'] === true, comments: data['comments'] !== false };
    cache.set(slug, entry);
    return entry;
  }

  return async (slug: string, now = new Date()): Promise<ArticleState> => {
    const entry = await read(slug);
    if (!entry || !isPublished(entry, now)) return 'unknown';
    if (!entry.comments) return 'off';
    if (closeAfterDays > 0 && now.getTime() - entry.pubDate.getTime() > closeAfterDays * 24 * 3600 * 1000) return 'closed';
    return 'open';
  };
}
