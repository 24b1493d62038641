import { urls } from '../lib/urls.ts';
import { paginate, type Page } from './pagination.ts';

/** The lead story: the newest featured article, or the newest article when none is featured. */
export function leadStory<T extends { data: { featured: boolean } }>(articlesNewestFirst: readonly T[]): T | undefined {
  return articlesNewestFirst.find((article) => article.data.featured) ?? articlesNewestFirst[0];
}

/** The home page's "latest" list and its archive pages: every article but the lead story. */
export function homePages<T>(articlesNewestFirst: readonly T[], lead: T | undefined, pageSize: number): Page<T>[] {
  return paginate(
    articlesNewestFirst.filter((article) => article !== lead),
    pageSize,
    urls.home,
  );
}
