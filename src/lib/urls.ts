/** Site paths of every kind of page, in one place (all end in `/`, as `trailingSlash: 'always'` wants). */
export const urls = {
  home: '/',
  article: (slug: string) => `/artykuly/${slug}/`,
  tags: '/tagi/',
  tag: (slug: string) => `/tagi/${slug}/`,
  tagFeed: (slug: string) => `/tagi/${slug}/rss.xml`,
  authors: '/autorzy/',
  author: (slug: string) => `/autorzy/${slug}/`,
  authorFeed: (slug: string) => `/autorzy/${slug}/rss.xml`,
  page: (slug: string) => `/${slug}/`,
  feed: '/rss.xml',
  search: '/szukaj/',
} as const;
