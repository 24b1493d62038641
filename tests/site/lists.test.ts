import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FixtureArticle } from '../support/content.ts';
import { listedArticles, listFiles, loadFixture, readPage, type Fixture } from '../support/site.ts';

let fixture: Fixture;
let files: string[];

beforeAll(async () => {
  fixture = await loadFixture();
  files = await listFiles(fixture.dist);
});

const text = (value: string) => value.replace(/\s+/g, ' ').trim();
const slugs = (articles: readonly FixtureArticle[]) => articles.map((article) => article.slug);

/** Polish plural of "artykuł" for a count, as readers expect it ("1 artykuł", "3 artykuły", "5 artykułów"). */
function articlesPl(count: number): string {
  if (count === 1) return '1 artykuł';
  const lastDigit = count % 10;
  const lastTwo = count % 100;
  return `${count} ${lastDigit >= 2 && lastDigit <= 4 && (lastTwo < 12 || lastTwo > 14) ? 'artykuły' : 'artykułów'}`;
}

/**
 * Reads a paginated list starting at `base` (`/tagi/prawo/`): follows `/strona/N/` pages and
 * checks the head's rel=prev/next links between them. Returns the listed slugs per page.
 */
async function readPaginated(base: string): Promise<string[][]> {
  const pages: string[][] = [];
  for (let number = 1; ; number += 1) {
    const url = number === 1 ? base : `${base}strona/${number}/`;
    const { $ } = await readPage(fixture.dist, url);
    pages.push(listedArticles($));
    const previous = $('head link[rel="prev"]').attr('href');
    const next = $('head link[rel="next"]').attr('href');
    const expectedPrevious = number === 1 ? undefined : number === 2 ? base : `${base}strona/${number - 1}/`;
    expect(previous && new URL(previous, 'https://szpalta.example').pathname, `${url}: link rel=prev`).toBe(expectedPrevious);
    if (!next) break;
    expect(new URL(next, 'https://szpalta.example').pathname, `${url}: link rel=next`).toBe(`${base}strona/${number + 1}/`);
    if (number > 50) throw new Error(`${base}: more than 50 pages, rel=next loops`);
  }
  expect(files, `${base}: no page after the last one`).not.toContain(`${base.slice(1)}strona/${pages.length + 1}/index.html`);
  return pages;
}

function expectPages(pages: string[][], expected: FixtureArticle[], what: string) {
  const { pageSize } = fixture.content.settings;
  expect(pages.flat(), what).toEqual(slugs(expected));
  expect(pages.length, `${what}: number of pages`).toBe(Math.max(1, Math.ceil(expected.length / pageSize)));
  for (const page of pages) expect(page.length, what).toBeLessThanOrEqual(pageSize);
}

function feedLinks(url: string, $: Awaited<ReturnType<typeof readPage>>['$']): string[] {
  return $('head link[rel="alternate"][type="application/rss+xml"]')
    .toArray()
    .map((link) => {
      const href = $(link).attr('href') ?? '';
      expect(href, `${url}: feed link is absolute`).toMatch(/^https:\/\//);
      return new URL(href).pathname;
    });
}

describe('home page and its archive', () => {
  it('shows the lead story once and every other published article once, newest first', async () => {
    const { $ } = await readPage(fixture.dist, '/');
    const home = listedArticles($);
    const lead = fixture.published.find((article) => article.featured) ?? fixture.published[0];
    if (!lead) throw new Error('the fixture publishes articles');
    expect(home[0], 'the lead story comes first').toBe(lead.slug);
    const rest = fixture.published.filter((article) => article !== lead);
    const archive = await readPaginated('/');
    // The first page lists the lead story above the paginated list.
    const [first = [], ...others] = archive;
    expect(first[0]).toBe(lead.slug);
    expectPages([first.slice(1), ...others], rest, 'home archive');
  });

  it('offers the site feed for autodiscovery', async () => {
    const { $ } = await readPage(fixture.dist, '/');
    expect(feedLinks('/', $)).toContain('/rss.xml');
  });
});

describe('tag pages', () => {
  const byTag = () => {
    const groups = new Map<string, FixtureArticle[]>();
    for (const article of fixture.published) {
      for (const tag of article.tags) groups.set(tag, [...(groups.get(tag) ?? []), article]);
    }
    return groups;
  };

  it('exist for exactly the tags with published articles', () => {
    const built = files.map((file) => /^tagi\/([^/]+)\/index\.html$/.exec(file)?.[1]).filter((slug) => slug !== undefined);
    expect(built.sort()).toEqual([...byTag().keys()].sort());
  });

  it('list exactly their articles, newest first, over linked pages', async () => {
    let paginated = 0;
    for (const [tag, articles] of byTag()) {
      const pages = await readPaginated(`/tagi/${tag}/`);
      if (pages.length > 1) paginated += 1;
      expectPages(pages, articles, `tag ${tag}`);
      const { $ } = await readPage(fixture.dist, `/tagi/${tag}/`);
      expect(text($('h1').text())).toBe(fixture.content.tags.get(tag)?.name);
      expect(feedLinks(`/tagi/${tag}/`, $)).toContain(`/tagi/${tag}/rss.xml`);
    }
    expect(paginated, 'the fixture paginates some tag').toBeGreaterThanOrEqual(1);
  });

  it('are listed on /tagi/ with their article counts', async () => {
    const { $ } = await readPage(fixture.dist, '/tagi/');
    for (const [tag, articles] of byTag()) {
      const link = $(`a[href="/tagi/${tag}/"]`).filter((_, element) => $(element).closest('header, footer').length === 0);
      expect(link.length, tag).toBe(1);
      expect(text(link.text()), tag).toBe(fixture.content.tags.get(tag)?.name);
      expect(text(link.closest('li').text()), tag).toContain(articlesPl(articles.length));
    }
  });
});

describe('author pages', () => {
  const byAuthor = () => {
    const groups = new Map<string, FixtureArticle[]>();
    for (const article of fixture.published) {
      for (const author of article.authors) groups.set(author, [...(groups.get(author) ?? []), article]);
    }
    return groups;
  };

  it('list exactly their articles, newest first, over linked pages', async () => {
    let paginated = 0;
    for (const [author, articles] of byAuthor()) {
      const pages = await readPaginated(`/autorzy/${author}/`);
      if (pages.length > 1) paginated += 1;
      expectPages(pages, articles, `author ${author}`);
      const { $ } = await readPage(fixture.dist, `/autorzy/${author}/`);
      expect(text($('h1').text())).toBe(fixture.content.authors.get(author)?.name);
      expect(feedLinks(`/autorzy/${author}/`, $)).toContain(`/autorzy/${author}/rss.xml`);
    }
    expect(paginated, 'the fixture paginates some author').toBeGreaterThanOrEqual(1);
  });

  it('are listed on /autorzy/', async () => {
    const { $ } = await readPage(fixture.dist, '/autorzy/');
    expect(fixture.content.authors.size).toBeGreaterThanOrEqual(3);
    for (const [slug, author] of fixture.content.authors) {
      const link = $(`main a[href="/autorzy/${slug}/"]`);
      expect(link.length, slug).toBeGreaterThanOrEqual(1);
      expect(text(link.first().text()), slug).toBe(author.name);
    }
  });
});

describe('static pages', () => {
  it('are served at /<slug>/ with their title', async () => {
    expect(fixture.content.pages.length).toBeGreaterThanOrEqual(1);
    for (const page of fixture.content.pages) {
      const { $ } = await readPage(fixture.dist, `/${page.slug}/`);
      expect(text($('h1').text())).toBe(page.title);
    }
  });

  it('include a 404 page', () => {
    expect(existsSync(join(fixture.dist, '404.html'))).toBe(true);
  });
});
