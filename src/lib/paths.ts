import { paginate, type Page } from '../utils/pagination.ts';

/**
 * `getStaticPaths` entries for a paginated list served from `baseUrl` through a
 * `[...page].astro` route: page 1 has no `page` param, page N has `strona/N`. With `cacheKey`,
 * each page gets a key for incremental builds from the list's length (list pages print it), the
 * page's position and the keys of its items.
 */
export function paginatedPaths<T, P extends Record<string, string>>(
  items: readonly T[],
  pageSize: number,
  baseUrl: string,
  params: P,
  cacheKey?: (...parts: readonly unknown[]) => string,
  itemKey?: (item: T) => string,
): { params: P & { page: string | undefined }; props: { page: Page<T> }; cacheKey?: string }[] {
  return paginate(items, pageSize, baseUrl).map((page) => ({
    params: { ...params, page: page.number === 1 ? undefined : `strona/${page.number}` },
    props: { page },
    ...(cacheKey && itemKey ? { cacheKey: cacheKey(baseUrl, items.length, page.number, page.total, page.items.map(itemKey)) } : {}),
  }));
}
