import type { Page } from '../utils/pagination.ts';
import type { ListRoute } from './routes.ts';

/**
 * `getStaticPaths` entries for the pages of a list route (`routes.ts`), served through a
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
