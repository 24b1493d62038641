import { pageUrl } from '../utils/pagination.ts';

/**
 * Site paths of every kind of page, in one place (all pages end in `/`, as `trailingSlash:
 * 'always'` wants). Pure: the site, the content check, the CMS and the importers all take their
 * addresses from here.
 */
export const urls = {
  home: '/',
  /** The folder of article pages; links in an article are resolved against it. */
  articles: '/artykuly/',
  article: (slug: string) => `/artykuly/${slug}/`,
  /** Page `number` (2 or more) of the home page's archive. */
  archivePage: (number: number) => pageUrl('/', Math.max(2, number)),
  tags: '/tagi/',
  tag: (slug: string) => `/tagi/${slug}/`,
  tagFeed: (slug: string) => `/tagi/${slug}/rss.xml`,
  authors: '/autorzy/',
  author: (slug: string) => `/autorzy/${slug}/`,
  authorFeed: (slug: string) => `/autorzy/${slug}/rss.xml`,
  page: (slug: string) => `/${slug}/`,
  feed: '/rss.xml',
  search: '/szukaj/',
  /** Written by `@astrojs/sitemap`. */
  sitemapIndex: '/sitemap-index.xml',
  newsSitemap: '/sitemap-news.xml',
  robots: '/robots.txt',
  logo: '/logo.png',
  socialImage: '/social.png',
  notFound: '/404.html',
  /** The CMS (built by `src/integrations/admin.ts`). */
  admin: '/admin/',
  /** Written by Pagefind after the build. */
  searchIndex: '/pagefind/',
  /** Astro's bundled scripts, styles and images. */
  assets: '/_astro/',
} as const;

/** The first segment of a path (`/tagi/x/` → `tagi`, `/404.html` → `404`). */
function firstSegment(path: string): string {
  return (path.split('/')[1] ?? '').replace(/\.[a-z]+$/, '');
}

/**
 * First path segments that the site's own routes and its build output use; a static page
 * (`/<slug>/`) may not take them.
 */
export const RESERVED_PAGE_SLUGS: ReadonlySet<string> = new Set(
  [urls.articles, urls.archivePage(2), urls.tags, urls.authors, urls.search, urls.admin, urls.searchIndex, urls.notFound, urls.assets].map(
    firstSegment,
  ),
);
