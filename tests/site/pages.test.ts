import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { listFiles, loadFixture, readAllPages, readPage, type BuiltPage, type Fixture } from '../support/site.ts';

let fixture: Fixture;
let pages: BuiltPage[];

beforeAll(async () => {
  fixture = await loadFixture();
  pages = await readAllPages(fixture.dist);
});

/** Reader pages that must work with no JavaScript at all: articles, home and its archive, tags, authors, static pages. */
const isReaderPage = (url: string) => !url.startsWith('/szukaj/') && url.endsWith('/');

/** The one inline script ordinary pages may carry (the theme switch) must stay tiny. */
const INLINE_SCRIPT_LIMIT = 1024;

describe('every page', () => {
  it('declares Polish as its language', () => {
    expect(pages.length).toBeGreaterThan(20);
    for (const { url, $ } of pages) expect($('html').attr('lang'), url).toBe('pl');
  });

  it('has a title and a meta description', () => {
    for (const { url, $ } of pages) {
      expect($('head > title').text().trim(), url).not.toBe('');
      expect($('head > meta[name="description"]').attr('content')?.trim(), url).toBeTruthy();
    }
  });
});

describe('scripts on reader pages', () => {
  it('are only JSON-LD and one tiny inline theme script, never a script file', () => {
    const readerPages = pages.filter((page) => isReaderPage(page.url));
    expect(readerPages.length).toBeGreaterThan(15);
    for (const { url, $ } of readerPages) {
      const scripts = $('script').toArray();
      const code = scripts.filter((script) => $(script).attr('type') !== 'application/ld+json');
      for (const script of code) {
        expect($(script).attr('src'), `${url}: script file`).toBeUndefined();
        expect($(script).text().length, `${url}: inline script size`).toBeLessThanOrEqual(INLINE_SCRIPT_LIMIT);
      }
      expect(code.length, `${url}: inline scripts`).toBeLessThanOrEqual(1);
      expect($('link[rel="modulepreload"], link[rel="preload"][as="script"]').length, url).toBe(0);
    }
  });
});

describe('content security policy', () => {
  const policyOf = ({ $ }: BuiltPage) => $('meta[http-equiv="content-security-policy" i]').attr('content') ?? '';
  const directive = (policy: string, name: string) =>
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .find(([directiveName]) => directiveName === name)
      ?.slice(1) ?? [];

  it('is set on every page, with no unsafe-inline scripts or styles', () => {
    for (const page of pages) {
      const policy = policyOf(page);
      expect(policy, page.url).not.toBe('');
      expect(directive(policy, 'script-src'), page.url).not.toContain("'unsafe-inline'");
      expect(directive(policy, 'style-src'), page.url).not.toContain("'unsafe-inline'");
      expect(directive(policy, 'object-src'), page.url).toEqual(["'none'"]);
      expect(directive(policy, 'base-uri'), page.url).toContain("'self'");
    }
  });

  it('allows each inline script by its hash, so the script still runs', () => {
    for (const page of pages) {
      const allowed = directive(policyOf(page), 'script-src');
      const { $ } = page;
      for (const script of $('script:not([src])').toArray()) {
        if ($(script).attr('type') === 'application/ld+json') continue;
        const hash = `'sha256-${createHash('sha256').update($(script).text()).digest('base64')}'`;
        expect(allowed, `${page.url}: hash of an inline script`).toContain(hash);
      }
    }
  });

  it('comes before every script in the document, since a meta policy does not cover what precedes it', () => {
    for (const { url, $ } of pages) {
      // JSON-LD is data, not code: the policy does not apply to it, wherever it is.
      const elements = $('meta[http-equiv="content-security-policy" i], script:not([type="application/ld+json"])').toArray();
      expect($(elements[0]).is('meta'), `${url}: the CSP meta tag is the first of these`).toBe(true);
    }
  });

  it('lets the newsletter form post to its provider', () => {
    const { action } = fixture.content.settings.newsletter;
    if (!action) throw new Error('the full fixture configures a newsletter');
    const article = pages.find((page) => page.url.startsWith('/artykuly/'));
    if (!article) throw new Error('no article page');
    expect(directive(policyOf(article), 'form-action')).toContain(new URL(action).origin);
  });
});

describe('search page', () => {
  it('loads Pagefind, whose index is in dist/pagefind/', async () => {
    const { $ } = await readPage(fixture.dist, '/szukaj/');
    const referenced = [
      ...$('link[href^="/pagefind/"], script[src^="/pagefind/"]')
        .toArray()
        .map((element) => $(element).attr('href') ?? $(element).attr('src') ?? ''),
      ...$('script:not([src])')
        .toArray()
        .flatMap(
          (script) =>
            $(script)
              .text()
              .match(/\/pagefind\/[\w.-]+/g) ?? [],
        ),
    ];
    expect(referenced).toContain('/pagefind/pagefind.js');
    for (const url of referenced) expect(existsSync(join(fixture.dist, url)), url).toBe(true);
    expect(existsSync(join(fixture.dist, 'pagefind', 'pagefind.js'))).toBe(true);
    const files = await listFiles(join(fixture.dist, 'pagefind'));
    expect(files.some((file) => file.startsWith('fragment/'))).toBe(true);
    expect(files.some((file) => file.startsWith('index/'))).toBe(true);
  });

  it('indexes exactly the published articles and the static pages', async () => {
    const dir = join(fixture.dist, 'pagefind', 'fragment');
    const indexed = await Promise.all(
      (await listFiles(dir)).map(async (file) => {
        // A fragment is gzipped `pagefind_dcd` followed by the page's JSON record.
        const text = gunzipSync(await readFile(join(dir, file))).toString('utf8');
        return (JSON.parse(text.slice('pagefind_dcd'.length)) as { url: string }).url;
      }),
    );
    const expected = [
      ...fixture.published.map((article) => `/artykuly/${article.slug}/`),
      ...fixture.content.pages.map((page) => `/${page.slug}/`),
    ];
    expect(indexed.sort()).toEqual(expected.sort());
  });
});
