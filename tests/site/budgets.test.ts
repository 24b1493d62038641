import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFixture, readAllPages, type BuiltPage, type Fixture } from '../support/site.ts';

/** Issue 5: article, home, tag and author pages weigh at most 20 kB gzip, HTML plus the CSS they link. */
const HTML_AND_CSS_BUDGET = 20_000;

type PageType = 'article' | 'home' | 'tag' | 'author';

function pageType(url: string): PageType | undefined {
  if (/^\/artykuly\/[^/]+\/$/.test(url)) return 'article';
  if (url === '/' || /^\/strona\/\d+\/$/.test(url)) return 'home';
  if (/^\/tagi\/[^/]+\/(strona\/\d+\/)?$/.test(url)) return 'tag';
  if (/^\/autorzy\/[^/]+\/(strona\/\d+\/)?$/.test(url)) return 'author';
  return undefined;
}

let fixture: Fixture;
let pages: (BuiltPage & { type: PageType })[];

beforeAll(async () => {
  fixture = await loadFixture();
  pages = (await readAllPages(fixture.dist)).flatMap((page) => {
    const type = pageType(page.url);
    return type ? [{ ...page, type }] : [];
  });
});

const gzipSize = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;

/** Internal files a page loads, by kind (only same-site paths: the fixture loads nothing from elsewhere). */
function linked({ $ }: BuiltPage) {
  const attr = (selector: string, name: string) =>
    $(selector)
      .toArray()
      .map((element) => $(element).attr(name) ?? '')
      .filter((href) => href.startsWith('/'));
  return {
    css: attr('link[rel~="stylesheet"]', 'href'),
    js: [...attr('script[src]', 'src'), ...attr('link[rel="modulepreload"]', 'href'), ...attr('link[rel="preload"][as="script"]', 'href')],
  };
}

describe('page budgets', () => {
  it('keep HTML plus linked CSS within 20 kB gzip on article, home, tag and author pages', async () => {
    const types = new Set(pages.map((page) => page.type));
    expect([...types].sort()).toEqual(['article', 'author', 'home', 'tag']);
    const heaviest = new Map<PageType, { url: string; html: number; css: number }>();
    const over: string[] = [];
    for (const page of pages) {
      const html = gzipSize(page.html);
      let css = 0;
      for (const href of linked(page).css) css += gzipSize(await readFile(join(fixture.dist, href)));
      if (html + css > HTML_AND_CSS_BUDGET) over.push(`${page.url}: ${html} B HTML + ${css} B CSS`);
      const current = heaviest.get(page.type);
      if (!current || html + css > current.html + current.css) heaviest.set(page.type, { url: page.url, html, css });
    }
    console.table(Object.fromEntries([...heaviest].map(([type, size]) => [type, { ...size, total: size.html + size.css }])));
    expect(over).toEqual([]);
  });

  it('load 0 bytes of JavaScript files on article, home, tag and author pages', () => {
    for (const page of pages) expect(linked(page).js, page.url).toEqual([]);
  });
});
