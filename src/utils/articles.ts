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

/**
 * For one candidate list: each candidate's rank newest first, and the positions of the
 * candidates carrying each tag and each pair of tags, newest first.
 */
interface TagIndex {
  byTag: Map<string, number[]>;
  byPair: Map<string, number[]>;
  /** Rank (0 = newest) of the candidate at each position. */
  rank: Int32Array;
}

const tagIndexes = new WeakMap<readonly ArticleLike[], TagIndex>();

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** Every pair of distinct ids of a list. */
function pairsOf(ids: readonly string[]): string[] {
  const unique = [...new Set(ids)];
  return unique.flatMap((a, at) => unique.slice(at + 1).map((b) => pairKey(a, b)));
}

function push(map: Map<string, number[]>, key: string, position: number) {
  const list = map.get(key);
  if (list) list.push(position);
  else map.set(key, [position]);
}

function tagIndexOf(candidates: readonly ArticleLike[]): TagIndex {
  let index = tagIndexes.get(candidates);
  if (!index) {
    const order = candidates.map((_, position) => position);
    order.sort((a, b) => compareNewestFirst(candidates[a] as ArticleLike, candidates[b] as ArticleLike));
    const rank = new Int32Array(candidates.length);
    const byTag = new Map<string, number[]>();
    const byPair = new Map<string, number[]>();
    order.forEach((position, at) => {
      rank[position] = at;
      const ids = [...new Set((candidates[position] as ArticleLike).data.tags.map((tag) => tag.id))];
      for (const id of ids) push(byTag, id, position);
      for (const pair of pairsOf(ids)) push(byPair, pair, position);
    });
    index = { byTag, byPair, rank };
    tagIndexes.set(candidates, index);
  }
  return index;
}

/**
 * Up to `limit` other articles that share the most tags with `article`; ties go to the
 * newer one. Articles sharing no tag are not related.
 *
 * Level by level, from "shares all the article's `n` tags" down to "shares one". A candidate
 * sharing at least `c ≥ 2` tags carries `c(c-1)/2` of the article's `n(n-1)/2` tag pairs, so it
 * is in at least one of any `n(n-1)/2 - c(c-1)/2 + 1` of the pair lists; at `c = 1` it is in one
 * of the tag lists. Walking the shortest such lists together, newest first, meets every such
 * candidate, the newest first, and the walk stops as soon as `limit` are found. Pair lists are
 * short (two tags together are rare), so an article costs about the candidates it looks at, not
 * the archive: the plan of a sharded build asks for every article of 100,000.
 */
export function relatedArticles<T extends ArticleLike>(article: T, candidates: readonly T[], limit = 3): T[] {
  const ownTags = [...new Set(article.data.tags.map((tag) => tag.id))];
  if (ownTags.length === 0 || limit <= 0) return [];
  const own = new Set(ownTags);
  const { byTag, byPair, rank } = tagIndexOf(candidates);
  const shortestFirst = (lists: number[][]) => lists.sort((a, b) => a.length - b.length);
  const tagLists = shortestFirst(ownTags.map((tag) => byTag.get(tag) ?? []));
  const pairLists = shortestFirst(pairsOf(ownTags).map((pair) => byPair.get(pair) ?? []));
  const shared = (candidate: T) => new Set(candidate.data.tags.map((tag) => tag.id).filter((id) => own.has(id))).size;
  const picked: number[] = [];
  const isPicked = new Set<number>();
  for (let atLeast = ownTags.length; atLeast >= 1 && picked.length < limit; atLeast -= 1) {
    // Every candidate sharing more tags was met on an earlier level: those met here share exactly `atLeast`.
    const walked = atLeast === 1 ? tagLists : pairLists.slice(0, pairLists.length - (atLeast * (atLeast - 1)) / 2 + 1);
    const cursors = walked.map(() => 0);
    while (picked.length < limit) {
      let next = -1;
      walked.forEach((list, at) => {
        const position = list[cursors[at] ?? 0];
        if (position !== undefined && (next < 0 || (rank[position] ?? 0) < (rank[next] ?? 0))) next = position;
      });
      if (next < 0) break;
      walked.forEach((list, at) => {
        if (list[cursors[at] ?? 0] === next) cursors[at] = (cursors[at] ?? 0) + 1;
      });
      const candidate = candidates[next] as T;
      if (isPicked.has(next) || candidate.id === article.id || shared(candidate) < atLeast) continue;
      picked.push(next);
      isPicked.add(next);
    }
  }
  return picked.map((position) => candidates[position] as T);
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
