import type { Article, Author } from './content.ts';
import { lastModified } from '../utils/modified.ts';

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
  logo,
}: {
  article: Article;
  authors: Author[];
  url: string;
  imageUrl: string | undefined;
  site: { name: string; url: string };
  /** The publisher logo: absolute URL of a PNG and its size. */
  logo: { url: string; width: number; height: number };
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
    dateModified: lastModified(data).toISOString(),
    ...(imageUrl ? { image: [imageUrl] } : {}),
    author: authors.map((author) => ({
      '@type': 'Person',
      name: author.data.name,
      url: new URL(`/autorzy/${author.id}/`, site.url).href,
    })),
    publisher: {
      '@type': 'Organization',
      name: site.name,
      url: site.url,
      logo: { '@type': 'ImageObject', url: logo.url, width: logo.width, height: logo.height },
    },
    ...(data.tags.length > 0 ? { keywords: data.tags.map((tag) => tag.id).join(', ') } : {}),
  };
}
