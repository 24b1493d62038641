import type { Article, Author } from './content.ts';

/**
 * schema.org `NewsArticle` for an article page, as Google News reads it.
 * `imageUrl` and every URL must be absolute.
 */
export function newsArticleJsonLd({
  article,
  authors,
  url,
  imageUrl,
  site,
}: {
  article: Article;
  authors: Author[];
  url: string;
  imageUrl: string | undefined;
  site: { name: string; url: string };
}): Record<string, unknown> {
  const { data } = article;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: data.title,
    description: data.lead,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    datePublished: data.pubDate.toISOString(),
    dateModified: (data.updatedDate ?? data.pubDate).toISOString(),
    ...(imageUrl ? { image: [imageUrl] } : {}),
    author: authors.map((author) => ({
      '@type': 'Person',
      name: author.data.name,
      url: new URL(`/autorzy/${author.id}/`, site.url).href,
    })),
    publisher: { '@type': 'Organization', name: site.name, url: site.url },
    ...(data.tags.length > 0 ? { keywords: data.tags.map((tag) => tag.id).join(', ') } : {}),
  };
}
