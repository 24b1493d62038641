import { describe, expect, it } from 'vitest';
import { paginate } from './pagination.ts';
import { listStaticPaths, pageParam, type ListRoute } from './paths.ts';

function routes(items: string[], pageSize: number): ListRoute<string, { tag: string }>[] {
  return paginate(items, pageSize, '/tagi/rodo/').map((page) => ({
    url: page.url,
    params: { tag: 'rodo', page: pageParam(page.number) },
    page,
    baseUrl: '/tagi/rodo/',
    count: items.length,
  }));
}

describe('pageParam', () => {
  it('is absent on page 1 and strona/N from page 2 on', () => {
    expect([1, 2, 12].map(pageParam)).toEqual([undefined, 'strona/2', 'strona/12']);
  });
});

describe('listStaticPaths', () => {
  it('gives each page its params and the page as a prop, without cache keys when none are asked for', () => {
    const paths = listStaticPaths(routes(['a', 'b', 'c'], 2));
    expect(paths.map(({ params, props, cacheKey }) => ({ params, items: props.page.items, cacheKey }))).toEqual([
      { params: { tag: 'rodo', page: undefined }, items: ['a', 'b'], cacheKey: undefined },
      { params: { tag: 'rodo', page: 'strona/2' }, items: ['c'], cacheKey: undefined },
    ]);
  });

  it('keys each page by the list address and length, its position and its items', () => {
    const key = (...parts: readonly unknown[]) => JSON.stringify(parts);
    const paths = listStaticPaths(routes(['a', 'b', 'c'], 2), key, (item) => item.toUpperCase());
    expect(paths.map((path) => path.cacheKey)).toEqual(['["/tagi/rodo/",3,1,2,["A","B"]]', '["/tagi/rodo/",3,2,2,["C"]]']);
  });
});
