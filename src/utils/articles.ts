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
 * Positions of the ids in a list, built once per list: every article page asks for its
 * neighbours and relations in the same list, and a scan per page made the build quadratic.
 * Lists handed to these functions are treated as immutable, as the newsroom's are.
 */
const positionsByList = new WeakMap<readonly ArticleLike[], Map<string, number>>();

function positionsOf(list: readonly ArticleLike[]): Map<string, number> {
  let positions = positionsByList.get(list);
  if (!positions) {
    const map = new Map<string, number>();
    // The first occurrence wins, as with a scan from the start.
    list.forEach((article, index) => {
      if (!map.has(article.id)) map.set(article.id, index);
    });
    positionsByList.set(list, map);
    positions = map;
  }
  return positions;
}

/**
 * The articles just before (`previous`, older) and after (`next`, newer) the one with `id`
 * in a list sorted newest first. Either is undefined at the ends of the chain.
 */
export function adjacentArticles<T extends ArticleLike>(
  sortedNewestFirst: readonly T[],
  id: string,
): { previous: T | undefined; next: T | undefined } {
  const index = positionsOf(sortedNewestFirst).get(id);
  if (index === undefined) return { previous: undefined, next: undefined };
  return { previous: sortedNewestFirst[index + 1], next: index > 0 ? sortedNewestFirst[index - 1] : undefined };
}

/** For one candidate list: the positions of the candidates carrying each tag (once per occurrence), and a scratch counter per candidate. */
interface TagIndex {
  byTag: Map<string, number[]>;
  shared: Uint16Array;
}

const tagIndexes = new WeakMap<readonly ArticleLike[], TagIndex>();

function tagIndexOf(candidates: readonly ArticleLike[]): TagIndex {
  let index = tagIndexes.get(candidates);
  if (!index) {
    const byTag = new Map<string, number[]>();
    candidates.forEach((candidate, position) => {
      for (const tag of candidate.data.tags) {
        const list = byTag.get(tag.id);
        if (list) list.push(position);
        else byTag.set(tag.id, [position]);
      }
    });
    index = { byTag, shared: new Uint16Array(candidates.length) };
    tagIndexes.set(candidates, index);
  }
  return index;
}

/**
 * Up to `limit` other articles that share the most tags with `article`; ties go to the
 * newer one. Articles sharing no tag are not related.
 *
 * Only the candidates of the article's own tags are visited (through an index built once per
 * candidate list), so a build with every article page asking stays far from quadratic.
 */
export function relatedArticles<T extends ArticleLike>(article: T, candidates: readonly T[], limit = 3): T[] {
  const ownTags = new Set(article.data.tags.map((tag) => tag.id));
  if (ownTags.size === 0 || limit <= 0) return [];
  const { byTag, shared } = tagIndexOf(candidates);
  const touched: number[] = [];
  for (const tag of ownTags) {
    for (const position of byTag.get(tag) ?? []) {
      if (shared[position] === 0) touched.push(position);
      shared[position] = (shared[position] ?? 0) + 1;
    }
  }
  // Keep the best `limit` in order: more shared tags first, then newer.
  const best: { candidate: T; count: number }[] = [];
  for (const position of touched) {
    const candidate = candidates[position] as T;
    const count = shared[position] ?? 0;
    shared[position] = 0;
    if (candidate.id === article.id) continue;
    const better = (other: { candidate: T; count: number }) =>
      count > other.count || (count === other.count && compareNewestFirst(candidate, other.candidate) < 0);
    if (best.length === limit && !better(best[limit - 1] as { candidate: T; count: number })) continue;
    let at = best.length;
    while (at > 0 && better(best[at - 1] as { candidate: T; count: number })) at -= 1;
    best.splice(at, 0, { candidate, count });
    if (best.length > limit) best.pop();
  }
  return best.map(({ candidate }) => candidate);
}

/** Items under each of their keys, each group keeping the input order. */
function groupByEach<T>(items: readonly T[], keysOf: (item: T) => readonly { id: string }[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const { id } of keysOf(item)) {
      const group = groups.get(id);
      if (group) group.push(item);
      else groups.set(id, [item]);
    }
  }
  return groups;
}

/** Articles grouped by tag slug, each group keeping the input order. */
export function groupByTag<T extends ArticleLike>(articles: readonly T[]): Map<string, T[]> {
  return groupByEach(articles, (article) => article.data.tags);
}

/**
 * Articles of each author slug, in the order of `articles` (newest first when it is); an
 * article with several authors is in each of their lists.
 */
export function groupByAuthor<T extends { data: { authors: readonly { id: string }[] } }>(articles: readonly T[]): Map<string, T[]> {
  return groupByEach(articles, (article) => article.data.authors);
}
