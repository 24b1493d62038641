/** The fields of an article that ordering and relations need; works on Astro entries and on plain test data. */
export interface ArticleLike {
  id: string;
  data: { pubDate: Date; tags: readonly { id: string }[] };
}

/** Newest first; articles published at the same instant are ordered by slug so builds are stable. */
export function compareNewestFirst(a: ArticleLike, b: ArticleLike): number {
  return b.data.pubDate.getTime() - a.data.pubDate.getTime() || a.id.localeCompare(b.id);
}

/** A copy of the list sorted newest first. */
export function sortNewestFirst<T extends ArticleLike>(articles: readonly T[]): T[] {
  return [...articles].sort(compareNewestFirst);
}

/**
 * The articles just before (`previous`, older) and after (`next`, newer) the one with `id`
 * in a list sorted newest first. Either is undefined at the ends of the chain.
 */
export function adjacentArticles<T extends ArticleLike>(
  sortedNewestFirst: readonly T[],
  id: string,
): { previous: T | undefined; next: T | undefined } {
  const index = sortedNewestFirst.findIndex((article) => article.id === id);
  if (index === -1) return { previous: undefined, next: undefined };
  return { previous: sortedNewestFirst[index + 1], next: index > 0 ? sortedNewestFirst[index - 1] : undefined };
}

/**
 * Up to `limit` other articles that share the most tags with `article`; ties go to the
 * newer one. Articles sharing no tag are not related.
 */
export function relatedArticles<T extends ArticleLike>(article: T, candidates: readonly T[], limit = 3): T[] {
  const ownTags = new Set(article.data.tags.map((tag) => tag.id));
  if (ownTags.size === 0) return [];
  return candidates
    .filter((candidate) => candidate.id !== article.id)
    .map((candidate) => ({
      candidate,
      shared: candidate.data.tags.reduce((count, tag) => count + (ownTags.has(tag.id) ? 1 : 0), 0),
    }))
    .filter(({ shared }) => shared > 0)
    .sort((a, b) => b.shared - a.shared || compareNewestFirst(a.candidate, b.candidate))
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}

/** Articles grouped by tag slug, each group keeping the input order. */
export function groupByTag<T extends ArticleLike>(articles: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const article of articles) {
    for (const tag of article.data.tags) {
      const group = groups.get(tag.id);
      if (group) group.push(article);
      else groups.set(tag.id, [article]);
    }
  }
  return groups;
}
