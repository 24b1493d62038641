import { describe, expect, it } from 'vitest';
import { pageUrl, paginate } from './pagination.ts';

describe('pageUrl', () => {
  it('keeps page 1 at the base URL and puts later pages under strona/N/', () => {
    expect(pageUrl('/tagi/rodo/', 1)).toBe('/tagi/rodo/');
    expect(pageUrl('/tagi/rodo/', 3)).toBe('/tagi/rodo/strona/3/');
    expect(pageUrl('/', 2)).toBe('/strona/2/');
  });
});

describe('paginate', () => {
  it('splits items into pages with links to neighbours', () => {
    const pages = paginate([1, 2, 3, 4, 5], 2, '/autorzy/jan/');
    expect(pages.map((page) => page.items)).toEqual([[1, 2], [3, 4], [5]]);
    expect(pages.map((page) => [page.previousUrl, page.url, page.nextUrl])).toEqual([
      [undefined, '/autorzy/jan/', '/autorzy/jan/strona/2/'],
      ['/autorzy/jan/', '/autorzy/jan/strona/2/', '/autorzy/jan/strona/3/'],
      ['/autorzy/jan/strona/2/', '/autorzy/jan/strona/3/', undefined],
    ]);
    expect(pages.every((page) => page.total === 3)).toBe(true);
  });

  it('gives an empty list one empty page', () => {
    expect(paginate([], 10, '/')).toEqual([{ number: 1, total: 1, items: [], url: '/', previousUrl: undefined, nextUrl: undefined }]);
  });

  it('has exactly one page when items fill it', () => {
    expect(paginate([1, 2], 2, '/')).toHaveLength(1);
  });

  it('refuses a page size that is not a positive integer', () => {
    expect(() => paginate([1], 0, '/')).toThrow(/pageSize must be a positive integer/);
  });
});
