/** What decides whether an article is public. */
export interface PublishingFields {
  draft: boolean;
  pubDate: Date;
}

/**
 * An article is public when it is not a draft and its publication time has come.
 * A future-dated article is therefore published by the first build that runs after
 * its `pubDate`: a scheduled rebuild (hourly, say) is what makes scheduling work.
 */
export function isPublished(article: PublishingFields, now: Date): boolean {
  return !article.draft && article.pubDate.getTime() <= now.getTime();
}

/** Google News includes only articles published in the last two days (the news sitemap's window). */
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;
