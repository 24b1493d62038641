import { sitePaths, type RoutedArticle } from '../../src/lib/routes.ts';
import { urls } from '../../src/lib/urls.ts';
import { sortNewestFirst } from '../../src/utils/articles.ts';
import { newsroomTimestamp } from '../../src/utils/dates.ts';
import { firstPageUrl } from '../../src/utils/pagination.ts';
import { isPublished } from '../../src/utils/publishing.ts';
import { closest } from './suggest.ts';
import type { ArticleFacts, LinkUse, Problem } from './types.ts';

/** What a build made at this moment would serve at a path. */
export type PathState = { state: 'built' } | { state: 'draft'; file: string } | { state: 'scheduled'; what: string; date: number };

/** Every path the built site would have, and why some expected ones are missing. */
export interface SiteMap {
  paths: Map<string, PathState>;
  /** Paths that do not exist for a reason worth telling (a tag with no published article). */
  missing: Map<string, string>;
}

/** What the site map is made from. */
export interface SiteInput {
  articles: readonly ArticleFacts[];
  authors: readonly string[];
  tags: readonly string[];
  pages: readonly string[];
  /** Files under `public/`, relative to it. */
  publicFiles: readonly string[];
  pageSize: number;
  now: Date;
}

interface Entry extends RoutedArticle {
  facts: ArticleFacts;
  data: RoutedArticle['data'] & { draft: boolean };
}

/**
 * The paths of the site a build at `now` would produce, from the site's own route enumerators
 * (`src/lib/routes.ts`) and publishing rule, so links can be checked without building; and, for
 * the article and tag pages that would not be built, the reason.
 */
export function buildSiteMap(input: SiteInput): SiteMap {
  const paths = new Map<string, PathState>();
  const missing = new Map<string, string>();
  const built: PathState = { state: 'built' };
  const nowTime = input.now.getTime();

  const entries: Entry[] = input.articles.map((facts) => ({
    id: facts.id,
    facts,
    data: {
      pubDate: new Date(facts.pubDate),
      featured: facts.featured,
      draft: facts.draft,
      tags: facts.tags.map((id) => ({ id })),
      authors: facts.authors.map((id) => ({ id })),
    },
  }));
  const published = sortNewestFirst(entries.filter((entry) => !Number.isNaN(entry.facts.pubDate) && isPublished(entry.data, input.now)));
  const pages = input.pages.map((id) => ({ id }));
  for (const path of sitePaths({ published, authors: input.authors, pages, pageSize: input.pageSize })) paths.set(path, built);
  for (const file of input.publicFiles) paths.set(`/${file}`, built);

  for (const entry of entries) {
    const path = urls.article(entry.id);
    if (paths.has(path)) continue;
    if (entry.data.draft) paths.set(path, { state: 'draft', file: entry.facts.file });
    // An article whose date does not validate fails the build on its own; counting it as built avoids a second, misleading report.
    else if (Number.isNaN(entry.facts.pubDate)) paths.set(path, built);
    else paths.set(path, { state: 'scheduled', what: 'an article', date: entry.facts.pubDate });
  }

  const scheduled = entries.filter((entry) => !entry.data.draft && entry.facts.pubDate > nowTime);
  for (const tag of input.tags) {
    if (paths.has(urls.tag(tag))) continue;
    const first = scheduled.filter((entry) => entry.facts.tags.includes(tag)).sort((a, b) => a.facts.pubDate - b.facts.pubDate)[0];
    if (first) {
      const state: PathState = { state: 'scheduled', what: `the first article of the tag "${tag}"`, date: first.facts.pubDate };
      paths.set(urls.tag(tag), state);
      paths.set(urls.tagFeed(tag), state);
    } else {
      const reason = `the tag "${tag}" has no published article, so its page is not built`;
      missing.set(urls.tag(tag), reason);
      missing.set(urls.tagFeed(tag), reason);
    }
  }
  return { paths, missing };
}

/** `2026-11-22 18:05`, Warsaw time. */
const dateText = (time: number) => newsroomTimestamp(new Date(time)).slice(0, 16).replace('T', ' ');

/** Checks every collected link against the site map. */
export function checkLinks(links: readonly LinkUse[], site: SiteMap, display: (file: string) => string): Problem[] {
  const problems: Problem[] = [];
  const bySection = new Map<string, string[]>();
  const candidatesFor = (path: string) => {
    const section = path.split('/')[1] ?? '';
    let list = bySection.get(section);
    if (!list) {
      list = [...site.paths.keys()].filter((candidate) => candidate.split('/')[1] === section || section === '');
      bySection.set(section, list);
    }
    return list.length > 0 ? list : [...site.paths.keys()];
  };

  for (const link of links) {
    const add = (message: string, fix: string, severity: Problem['severity'] = 'error') =>
      problems.push({ file: link.file, line: link.line, column: link.column, rule: link.rule, message, fix, severity });
    const written = link.href === link.path ? link.path : `"${link.href}" (${link.path})`;
    const state = site.paths.get(link.path);
    if (state?.state === 'built') continue;
    if (state?.state === 'draft') {
      add(
        `the link to ${written} leads to a draft (${display(state.file)}), which is never published`,
        'remove the link, or publish the article first by removing "draft: true"',
      );
      continue;
    }
    if (state?.state === 'scheduled') {
      add(
        `the link to ${written} leads to ${state.what} scheduled for ${dateText(state.date)}; until then the link is broken`,
        'publish this text after it, or add the link later',
        'warning',
      );
      continue;
    }
    const reason = site.missing.get(link.path);
    if (reason) {
      add(`the link to ${written} leads nowhere: ${reason}`, 'link to a tag that has articles, or remove the link');
      continue;
    }
    if (!link.path.endsWith('/') && site.paths.has(`${link.path}/`)) {
      add(`the link to ${written} lacks the trailing slash that the site's addresses end with`, `write ${link.path}/`);
      continue;
    }
    const listPage = firstPageUrl(link.path);
    if (listPage !== undefined && site.paths.get(listPage)?.state === 'built') {
      add(`the link to ${written} leads past the last page of the list ${listPage}`, `link to ${listPage} instead`);
      continue;
    }
    // Typos are judged by the last part of the address: the shared prefix says nothing.
    const lastPart = link.path.split('/').findLast((part) => part !== '') ?? link.path;
    const suggestion = closest(link.path, candidatesFor(link.path), Math.max(1, Math.floor(lastPart.length / 3)));
    if (suggestion === undefined && lastPart.includes('.')) {
      const folder = link.path.slice(0, link.path.lastIndexOf('/') + 1);
      add(
        `the link to ${written} leads to a file that is not in the site's public folder`,
        `add the file to public${folder} or correct the address`,
      );
      continue;
    }
    const relative = !/^(?:\/|[a-z][a-z0-9+.-]*:)/i.test(link.href.trim());
    add(
      `the link to ${written} leads to a page that does not exist`,
      suggestion
        ? `did you mean ${suggestion}?`
        : relative
          ? `start addresses on the site with /, such as ${urls.article('<slug>')}`
          : 'correct the address or remove the link',
    );
  }
  return problems;
}
