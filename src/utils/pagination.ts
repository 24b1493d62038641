/** One page of a paginated list. */
export interface Page<T> {
  /** 1-based page number. */
  number: number;
  /** How many pages the list has (at least 1, even when empty). */
  total: number;
  items: T[];
  /** URL of this page. */
  url: string;
  /** URL of the previous page, or undefined on the first. */
  previousUrl: string | undefined;
  /** URL of the next page, or undefined on the last. */
  nextUrl: string | undefined;
}

/** The path segment before the page number of page N ≥ 2 of a list. */
export const PAGE_SEGMENT = 'strona';

/**
 * URL of page `number` of a list whose first page lives at `baseUrl` (ending in `/`):
 * page 1 is `baseUrl` itself, page N is `<baseUrl>strona/N/`.
 */
export function pageUrl(baseUrl: string, number: number): string {
  return number <= 1 ? baseUrl : `${baseUrl}${PAGE_SEGMENT}/${number}/`;
}

const LATER_PAGE = new RegExp(`^(.*/)${PAGE_SEGMENT}/\\d+/$`);

/** The first page's URL when `path` is page N ≥ 2 of a list (`/tagi/x/strona/3/` → `/tagi/x/`), otherwise undefined. */
export function firstPageUrl(path: string): string | undefined {
  return LATER_PAGE.exec(path)?.[1];
}

/** Splits `items` into pages of `pageSize`. An empty list still has one (empty) page. */
export function paginate<T>(items: readonly T[], pageSize: number, baseUrl: string): Page<T>[] {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be a positive integer, got ${pageSize}`);
  const total = Math.max(1, Math.ceil(items.length / pageSize));
  return Array.from({ length: total }, (_, index) => {
    const number = index + 1;
    return {
      number,
      total,
      items: items.slice(index * pageSize, number * pageSize),
      url: pageUrl(baseUrl, number),
      previousUrl: number > 1 ? pageUrl(baseUrl, number - 1) : undefined,
      nextUrl: number < total ? pageUrl(baseUrl, number + 1) : undefined,
    };
  });
}
