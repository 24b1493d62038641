import { describe, expect, it } from 'vitest';
import {
  adjacentArticles,
  compareNewestFirst,
  groupByAuthor,
  groupByTag,
  relatedArticles,
  sortNewestFirst,
  type ArticleLike,
} from './articles.ts';

const article = (id: string, date: string, tags: string[] = []): ArticleLike => ({
  id,
  data: { pubDate: new Date(date), tags: tags.map((tag) => ({ id: tag })) },
});

const a = article('a', '2026-11-01T10:00:00Z', ['rodo', 'banki']);
const b = article('b', '2026-11-02T10:00:00Z', ['rodo']);
const c = article('c', '2026-11-03T10:00:00Z', ['oszustwa']);
const d = article('d', '2026-11-03T10:00:00Z', ['rodo', 'banki']);

describe('sortNewestFirst', () => {
  it('orders by date, newest first, and by slug when dates are equal', () => {
    expect(sortNewestFirst([a, d, b, c]).map((x) => x.id)).toEqual(['c', 'd', 'b', 'a']);
  });

  it('does not change the input', () => {
    const input = [a, b];
    sortNewestFirst(input);
    expect(input.map((x) => x.id)).toEqual(['a', 'b']);
  });
});

describe('adjacentArticles', () => {
  const sorted = sortNewestFirst([a, b, c, d]);

  it('gives the older article as previous and the newer as next', () => {
    const { previous, next } = adjacentArticles(sorted, 'd');
    expect(previous?.id).toBe('b');
    expect(next?.id).toBe('c');
  });

  it('has no next for the newest and no previous for the oldest', () => {
    expect(adjacentArticles(sorted, 'c').next).toBeUndefined();
    expect(adjacentArticles(sorted, 'a').previous).toBeUndefined();
  });

  it('has no neighbours for an unknown id', () => {
    expect(adjacentArticles(sorted, 'x')).toEqual({ previous: undefined, next: undefined });
  });
});

describe('relatedArticles', () => {
  it('ranks by shared tags, then by date, and leaves out the article itself and unrelated ones', () => {
    expect(relatedArticles(a, [a, b, c, d]).map((x) => x.id)).toEqual(['d', 'b']);
  });

  it('respects the limit', () => {
    expect(relatedArticles(a, [a, b, c, d], 1).map((x) => x.id)).toEqual(['d']);
  });

  it('finds nothing for an article without tags', () => {
    expect(relatedArticles(article('e', '2026-11-04T00:00:00Z'), [a, b])).toEqual([]);
  });
});

describe('groupByTag', () => {
  it('lists each article under each of its tags, keeping order', () => {
    const groups = groupByTag(sortNewestFirst([a, b, c, d]));
    expect(groups.get('rodo')?.map((x) => x.id)).toEqual(['d', 'b', 'a']);
    expect(groups.get('oszustwa')?.map((x) => x.id)).toEqual(['c']);
    expect(groups.has('nieznany')).toBe(false);
  });
});

describe('groupByAuthor', () => {
  const written = (id: string, authors: string[]) => ({ id, data: { authors: authors.map((author) => ({ id: author })) } });

  it('lists each article under each of its authors, keeping order', () => {
    const groups = groupByAuthor([written('c', ['ala']), written('b', ['olek', 'ala']), written('a', ['olek'])]);
    expect([...groups].map(([author, list]) => [author, list.map((x) => x.id)])).toEqual([
      ['ala', ['c', 'b']],
      ['olek', ['b', 'a']],
    ]);
  });

  it('has no entry for an author without articles', () => {
    expect(groupByAuthor([]).size).toBe(0);
  });
});

describe('relatedArticles on a larger archive', () => {
  it('ranks exactly as comparing every candidate would', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const tags = ['a', 'b', 'c', 'd', 'e', 'f'];
    const archive = Array.from({ length: 300 }, (_, index) =>
      article(
        `x${index}`,
        new Date(Date.UTC(2026, 0, 1 + Math.floor(random() * 60))).toISOString(),
        tags.filter(() => random() < 0.3),
      ),
    );
    const byScan = (own: ArticleLike, limit = 3) => {
      const ownTags = new Set(own.data.tags.map((tag) => tag.id));
      return archive
        .filter((candidate) => candidate.id !== own.id)
        .map((candidate) => ({ candidate, shared: candidate.data.tags.filter((tag) => ownTags.has(tag.id)).length }))
        .filter(({ shared }) => shared > 0)
        .sort((x, y) => y.shared - x.shared || compareNewestFirst(x.candidate, y.candidate))
        .slice(0, limit)
        .map(({ candidate }) => candidate.id);
    };
    for (const own of archive) expect(relatedArticles(own, archive).map((x) => x.id)).toEqual(byScan(own));
    // Deeper lists reach the lower levels (fewer shared tags), and the newest-first order holds for a list in any order.
    const shuffled = [...archive].sort(() => random() - 0.5);
    for (const own of archive) expect(relatedArticles(own, shuffled, 12).map((x) => x.id)).toEqual(byScan(own, 12));
  });
});
