import { load, type CheerioAPI } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileOfUrl, listFiles, loadFixture, readAllPages, readText, urlOfFile, type BuiltPage, type Fixture } from '../support/site.ts';

let fixture: Fixture;
let files: Set<string>;
let pages: BuiltPage[];
let origin: string;
/** Element ids of each HTML file, for `#fragment` targets. */
const idsByFile = new Map<string, Set<string>>();

beforeAll(async () => {
  fixture = await loadFixture();
  files = new Set(await listFiles(fixture.dist));
  pages = await readAllPages(fixture.dist);
  origin = new URL(fixture.content.settings.url).origin;
  for (const { file, $ } of pages) {
    const ids = new Set<string>();
    $('[id]').each((_, element) => void ids.add($(element).attr('id') ?? ''));
    $('a[name]').each((_, element) => void ids.add($(element).attr('name') ?? ''));
    idsByFile.set(file, ids);
  }
});

/** A reference found in the build: where it is, what attribute or element holds it, and its value. */
interface Reference {
  from: string;
  what: string;
  value: string;
}

function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((url) => url !== '');
}

/** Every URL an HTML page refers to: links, resources, images with their srcset candidates, forms, social metadata. */
function htmlReferences(from: string, $: CheerioAPI): Reference[] {
  const references: Reference[] = [];
  const add = (selector: string, attribute: string) => {
    $(selector).each((_, element) => {
      const value = $(element).attr(attribute);
      if (value !== undefined) references.push({ from, what: `${selector} ${attribute}`, value });
    });
  };
  add('a[href]', 'href');
  add('area[href]', 'href');
  add('link[href]', 'href');
  add('img[src]', 'src');
  add('source[src]', 'src');
  add('script[src]', 'src');
  add('iframe[src]', 'src');
  add('video[poster]', 'poster');
  add('form[action]', 'action');
  add('meta[property="og:image"], meta[name="twitter:image"], meta[property="og:url"]', 'content');
  $('img[srcset], source[srcset]').each((_, element) => {
    for (const value of srcsetUrls($(element).attr('srcset') ?? '')) references.push({ from, what: 'srcset candidate', value });
  });
  return references;
}

/**
 * Checks one reference: internal targets (relative, or absolute on the site's origin) must
 * exist in the build, directory URLs must end in `/`, and a `#fragment` must name an element
 * of the target page. Returns a problem description, or undefined when the reference is fine.
 */
function check({ from, what, value }: Reference): string | undefined {
  if (/^(mailto:|tel:|data:)/i.test(value)) return undefined;
  if (/^javascript:/i.test(value)) return `${from}: ${what} "${value}" is a javascript: URL`;
  if (value === '#' || value === '') return `${from}: ${what} "${value}" goes nowhere`;
  const base = new URL(urlOfFile(from), origin);
  const url = new URL(value, base);
  if (url.origin !== origin) return undefined;
  const file = fileOfUrl(url.pathname, files);
  if (!file) return `${from}: ${what} "${value}" → ${url.pathname} does not exist`;
  if (file.endsWith('index.html') && !url.pathname.endsWith('/')) return `${from}: ${what} "${value}" lacks the trailing slash`;
  if (url.hash.length > 1) {
    const id = decodeURIComponent(url.hash.slice(1));
    if (!idsByFile.get(file)?.has(id)) return `${from}: ${what} "${value}" → no element with id "${id}" in ${file}`;
  }
  return undefined;
}

describe('internal links', () => {
  it('are checked strictly enough to catch a missing page, anchor or trailing slash (a control)', () => {
    const article = [...files].find((file) => file.startsWith('artykuly/') && file.endsWith('/index.html'));
    if (!article) throw new Error('no article page');
    const page = `/${article.slice(0, -'index.html'.length)}`;
    expect(check({ from: 'index.html', what: 'a href', value: page })).toBeUndefined();
    expect(check({ from: 'index.html', what: 'a href', value: `${origin}${page}` })).toBeUndefined();
    expect(check({ from: 'index.html', what: 'a href', value: 'https://elsewhere.example/missing/' })).toBeUndefined();
    expect(check({ from: 'index.html', what: 'a href', value: '/artykuly/nie-ma-takiego/' })).toMatch(/does not exist/);
    expect(check({ from: 'index.html', what: 'a href', value: page.slice(0, -1) })).toMatch(/trailing slash/);
    expect(check({ from: 'index.html', what: 'a href', value: `${page}#nie-ma-takiej-kotwicy` })).toMatch(/no element with id/);
    expect(check({ from: 'index.html', what: 'a href', value: '#tresc' })).toBeUndefined();
  });

  it('all resolve on every HTML page: pages, anchors, images, srcset candidates, feeds, pagination', () => {
    const references = pages.flatMap(({ file, $ }) => htmlReferences(file, $));
    expect(references.length).toBeGreaterThan(500);
    expect(references.filter((reference) => reference.value.includes('#')).length, 'anchors are checked').toBeGreaterThan(0);
    expect(references.filter((reference) => reference.what === 'srcset candidate').length, 'srcsets are checked').toBeGreaterThan(0);
    const problems = references.map(check).filter((problem): problem is string => problem !== undefined);
    expect(problems).toEqual([]);
  });

  it('all resolve in feeds and sitemaps, including the HTML inside content:encoded', async () => {
    const xmlFiles = [...files].filter((file) => file.endsWith('.xml'));
    expect(xmlFiles.length).toBeGreaterThan(5);
    const problems: string[] = [];
    let checked = 0;
    for (const file of xmlFiles) {
      const xml = await readText(fixture.dist, `/${file}`);
      const values = [
        ...[...xml.matchAll(/<(link|guid|loc)(?:\s[^>]*)?>([^<]+)<\/\1>/g)].map((match) => match[2] ?? ''),
        ...[...xml.matchAll(/<atom:link[^>]*href="([^"]+)"/g)].map((match) => match[1] ?? ''),
      ];
      const encoded = [...xml.matchAll(/<content:encoded>([\s\S]*?)<\/content:encoded>/g)].map((match) =>
        (match[1] ?? '').replace(/^<!\[CDATA\[|\]\]>$/g, ''),
      );
      for (const html of encoded) {
        const $ = load(html.includes('&lt;') ? load(`<x>${html}</x>`)('x').text() : html);
        values.push(...htmlReferences(file, $).map((reference) => reference.value));
      }
      for (const value of values) {
        checked += 1;
        const problem = check({ from: file, what: 'URL', value: value.trim() });
        if (problem) problems.push(problem);
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });

  it('all resolve in the stylesheets (url(...) references)', async () => {
    const stylesheets = [...files].filter((file) => file.endsWith('.css') && !file.startsWith('pagefind/'));
    expect(stylesheets.length).toBeGreaterThanOrEqual(1);
    const problems: string[] = [];
    for (const file of stylesheets) {
      const css = await readText(fixture.dist, `/${file}`);
      for (const match of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) {
        const problem = check({ from: file, what: 'url()', value: match[2] ?? '' });
        if (problem) problems.push(problem);
      }
    }
    expect(problems).toEqual([]);
  });
});
