import { paginate, type Page } from '../utils/pagination.ts';

/**
 * `getStaticPaths` entries for a paginated list served from `baseUrl` through a
 * `[...page].astro` route: page 1 has no `page` param, page N has `strona/N`.
 */
export function paginatedPaths<T, P extends Record<string, string>>(
  items: readonly T[],
  pageSize: number,
  baseUrl: string,
  params: P,
): { params: P & { page: string | undefined }; props: { page: Page<T> } }[] {
  return paginate(items, pageSize, baseUrl).map((page) => ({
    params: { ...params, page: page.number === 1 ? undefined : `strona/${page.number}` },
    props: { page },
  }));
}
