import { describe, expect, it } from 'vitest';
import { groupByTag } from '../utils/articles.ts';
import { pageParam } from '../utils/paths.ts';
import {
  articleRoutes,
  authorFeedRoutes,
  authorRoutes,
  homeRoutes,
  sitePaths,
  staticPageRoutes,
  tagFeedRoutes,
  tagRoutes,
  type RoutedArticle,
} from './routes.ts';
import { RESERVED_PAGE_SLUGS, urls } from './urls.ts';

function article(id: string, day: number, tags: string[], authors: string[], featured = false): RoutedArticle {
  return {
    id,
    data: {
      pubDate: new Date(Date.UTC(2026, 0, day)),
      featured,
      tags: tags.map((tag) => ({ id: tag })),
      authors: authors.map((author) => ({ id: author })),
    },
  };
}

// Newest first, as the site and the check hand them over.
const published = [
  article('e', 5, ['kraj'], ['ala']),
  article('d', 4, ['kraj', 'sport'], ['ala', 'olek']),
  article('c', 3, ['kraj'], ['olek'], true),
  article('b', 2, [], ['ala']),
  article('a', 1, ['kraj'], ['ala']),
];

describe('route enumerators', () => {
  it('gives page N ≥ 2 of a list the parameter strona/N', () => {
    expect([1, 2, 10].map(pageParam)).toEqual([undefined, 'strona/2', 'strona/10']);
  });

  it('builds one page per published article', () => {
    expect(articleRoutes(published.slice(0, 2)).map(({ url, params }) => ({ url, params }))).toEqual([
      { url: '/artykuly/e/', params: { slug: 'e' } },
      { url: '/artykuly/d/', params: { slug: 'd' } },
    ]);
  });

  it('puts the featured article on top of the home page and the others in the list and archive', () => {
    const { lead, home, archive } = homeRoutes(published, 2);
    expect(lead?.id).toBe('c');
    expect(home.items.map((item) => item.id)).toEqual(['e', 'd']);
    expect(archive.map(({ url, params, page }) => ({ url, params, ids: page.items.map((item) => item.id) }))).toEqual([
      { url: '/strona/2/', params: { page: '2' }, ids: ['b', 'a'] },
    ]);
  });

  it('gives the home page one empty page and no archive without articles', () => {
    const { lead, home, archive } = homeRoutes([], 2);
    expect(lead).toBeUndefined();
    expect(home).toMatchObject({ url: '/', items: [], total: 1 });
    expect(archive).toEqual([]);
  });

  it('gives a tag pages only when a published article carries it, paginated with the list length', () => {
    const routes = tagRoutes(groupByTag(published), 3);
    expect(routes.map(({ url, params, count, baseUrl }) => ({ url, params, count, baseUrl }))).toEqual([
      { url: '/tagi/kraj/', params: { tag: 'kraj', page: undefined }, count: 4, baseUrl: '/tagi/kraj/' },
      { url: '/tagi/kraj/strona/2/', params: { tag: 'kraj', page: 'strona/2' }, count: 4, baseUrl: '/tagi/kraj/' },
      { url: '/tagi/sport/', params: { tag: 'sport', page: undefined }, count: 1, baseUrl: '/tagi/sport/' },
    ]);
    expect(tagFeedRoutes(groupByTag(published)).map((route) => route.url)).toEqual(['/tagi/kraj/rss.xml', '/tagi/sport/rss.xml']);
  });

  it('gives every author a page and a feed, also one without published articles', () => {
    const byAuthor = new Map([['olek', [published[1], published[2]]]]);
    expect(authorRoutes(['olek', 'nowy'], byAuthor, 1).map(({ url, page }) => ({ url, items: page.items.length }))).toEqual([
      { url: '/autorzy/olek/', items: 1 },
      { url: '/autorzy/olek/strona/2/', items: 1 },
      { url: '/autorzy/nowy/', items: 0 },
    ]);
    expect(authorFeedRoutes(['nowy']).map((route) => route.url)).toEqual(['/autorzy/nowy/rss.xml']);
  });

  it('serves static pages at the root, keeping their entries', () => {
    const entry = { id: 'o-nas', title: 'O nas' };
    expect(staticPageRoutes([entry])).toEqual([{ url: '/o-nas/', params: { page: 'o-nas' }, entry }]);
  });

  it('lists every path of a small site exactly', () => {
    const paths = sitePaths({ published: published.slice(0, 3), authors: ['ala', 'olek'], pages: [{ id: 'kontakt' }], pageSize: 1 });
    expect(paths.toSorted()).toEqual(
      [
        '/',
        '/404.html',
        '/admin/',
        '/artykuly/c/',
        '/artykuly/d/',
        '/artykuly/e/',
        '/autorzy/',
        '/autorzy/ala/',
        '/autorzy/ala/rss.xml',
        '/autorzy/ala/strona/2/',
        '/autorzy/olek/',
        '/autorzy/olek/rss.xml',
        '/autorzy/olek/strona/2/',
        '/kontakt/',
        '/logo.png',
        '/robots.txt',
        '/rss.xml',
        '/sitemap-index.xml',
        '/sitemap-news.xml',
        '/social.png',
        '/strona/2/',
        '/szukaj/',
        '/tagi/',
        '/tagi/kraj/',
        '/tagi/kraj/rss.xml',
        '/tagi/kraj/strona/2/',
        '/tagi/kraj/strona/3/',
        '/tagi/sport/',
        '/tagi/sport/rss.xml',
      ].toSorted(),
    );
  });
});

describe('reserved page slugs', () => {
  it("are the first segments of the site's own routes and build output", () => {
    expect([...RESERVED_PAGE_SLUGS].toSorted()).toEqual([
      '404',
      '_astro',
      'admin',
      'artykuly',
      'autorzy',
      'pagefind',
      'strona',
      'szukaj',
      'tagi',
    ]);
  });

  it('are not where static pages go', () => {
    expect(urls.page('o-nas')).toBe('/o-nas/');
    expect(urls.archivePage(3)).toBe('/strona/3/');
  });
});
