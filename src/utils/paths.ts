import { pageUrl, type Page } from './pagination.ts';

/** One page of a paginated list route (home archive aside: tag, author). */
export interface ListRoute<T, P extends Record<string, string>> {
  url: string;
  /** The route's parameters; `page` is `strona/N` on page N ≥ 2 of a `[...page]` route. */
  params: P & { page: string | undefined };
  page: Page<T>;
  /** URL of the list's first page. */
  baseUrl: string;
  /** How many items the whole list has. */
  count: number;
}

/** The `[...page]` parameter of page `number` of a list: none on page 1, `strona/N` after it. */
export function pageParam(number: number): string | undefined {
  return number <= 1 ? undefined : pageUrl('', number).slice(0, -1);
}

/**
 * `getStaticPaths` entries for the pages of list routes (`src/lib/routes.ts`), served through a
 * `[...page].astro` route. With `cacheKey` and `itemKey`, each page gets a key for incremental
 * builds from the list's address and length (list pages print it), the page's position and the
 * keys of its items.
 */
export function listStaticPaths<T, P extends Record<string, string>>(
  routes: readonly ListRoute<T, P>[],
  cacheKey?: (...parts: readonly unknown[]) => string,
  itemKey?: (item: T) => string,
): { params: P & { page: string | undefined }; props: { page: Page<T> }; cacheKey?: string }[] {
  return routes.map(({ params, page, baseUrl, count }) => ({
    params,
    props: { page },
    ...(cacheKey && itemKey ? { cacheKey: cacheKey(baseUrl, count, page.number, page.total, page.items.map(itemKey)) } : {}),
  }));
}
