import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseFeed } from '@rowanmanning/feed-parser';
import { load, type CheerioAPI } from 'cheerio';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FixtureArticle } from '../support/content.ts';
import { listFiles, loadFixture, readAllPages, readPage, readText, type BuiltPage, type Fixture } from '../support/site.ts';
import { child, children, parseXml, textOf } from '../support/xml.ts';

/**
 * What a Polish newsroom and its readers notice first (issue 14): typography, the masthead,
 * social previews, robots.txt, corrections, the section label, ads kept out of search.
 */
let fixture: Fixture;
let bare: Fixture;
let pages: BuiltPage[];
let files: Set<string>;

beforeAll(async () => {
  fixture = await loadFixture();
  bare = await loadFixture('bareSite');
  pages = await readAllPages(fixture.dist);
  files = new Set(await listFiles(fixture.dist));
});

/** A one-letter word (a, i, o, u, w, z, either case) followed by a space where a line may break. */
const HANGING = /(?<![\p{L}\p{N}\p{M}_'’])[aiouwzAIOUWZ][ \t\r\n]/u;

function corrected(): FixtureArticle {
  const article = fixture.published.find((candidate) => candidate.corrections.length > 0);
  if (!article) throw new Error('the fixture has no published article with corrections');
  return article;
}

/** The text a screen reader reads: without `aria-hidden` parts, CSS-generated content never being in the DOM. */
function spokenText($: CheerioAPI, selector: string): string {
  const copy = load($.html(selector));
  copy('[aria-hidden="true"]').remove();
  return copy.root().text().replace(/\s+/g, ' ').trim();
}

describe('Polish typography: no one-letter word ends a line', () => {
  it('joins one-letter words with a no-break space in titles, leads, paragraphs, headings, list items and cards', () => {
    let checked = 0;
    const problems: string[] = [];
    for (const { url, $ } of pages) {
      $('h1, h2, h3, .lead, .card__lead, .prose p, .prose li, figcaption, .correction').each((_, element) => {
        const text = $(element).text();
        checked += 1;
        if (HANGING.test(text)) problems.push(`${url}: ${HANGING.exec(text)?.[0] ?? ''}… in "${text.slice(0, 100)}"`);
      });
    }
    expect(checked).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });

  it('changes only the rendering: the stored title keeps ordinary spaces, the page shows no-break ones', async () => {
    const article = fixture.published.find((candidate) => candidate.title.includes(' w '));
    if (!article) throw new Error('no fixture title with " w "');
    const { $ } = await readPage(fixture.dist, `/artykuly/${article.slug}/`);
    expect($('h1').text()).toBe(article.title.replace(/(?<=(?:^|\s)[aiouwzAIOUWZ]) /g, '\u00a0'));
    expect($('meta[property="og:title"]').attr('content')).toBe(article.title);
  });
});

describe('masthead and social previews', () => {
  it('shows the logo from the settings in the header, with its size and the portal name as alternative text', async () => {
    const { $ } = await readPage(fixture.dist, '/');
    const logo = $('header.site-header img.site-header__logo');
    expect(logo.attr('src')).toBe(fixture.content.settings.logo?.src);
    expect(logo.attr('width')).toBe(String(fixture.content.settings.logo?.width));
    expect(logo.attr('height')).toBe(String(fixture.content.settings.logo?.height));
    expect(logo.attr('alt')).toBe(fixture.content.settings.name);
    expect(files.has(String(fixture.content.settings.logo?.src).slice(1))).toBe(true);
  });

  it('shows the name in type when the settings have no logo', async () => {
    const { $ } = await readPage(bare.dist, '/');
    expect($('header.site-header img').length).toBe(0);
    expect($('.site-header__name').text()).toBe(bare.content.settings.name);
  });

  it('gives every page an og:image with its width and height, which exists at that size', async () => {
    const sizes = new Map<string, { width: number; height: number }>();
    for (const { url, $ } of pages) {
      if (url === '/404.html') continue;
      const image = $('meta[property="og:image"]').attr('content');
      const width = Number($('meta[property="og:image:width"]').attr('content'));
      const height = Number($('meta[property="og:image:height"]').attr('content'));
      expect(image, url).toMatch(/^https:\/\/szpalta\.example\//);
      expect(width, url).toBeGreaterThan(0);
      expect(height, url).toBeGreaterThan(0);
      expect($('meta[name="twitter:image"]').attr('content'), url).toBe(image);
      sizes.set(new URL(image ?? '').pathname, { width, height });
    }
    for (const [path, size] of sizes) {
      const metadata = await sharp(`${fixture.dist}${path}`).metadata();
      expect({ width: metadata.width, height: metadata.height }, path).toEqual(size);
    }
    expect(sizes.get('/social.png')).toEqual({ width: 1200, height: 630 });
  });

  it('uses the hero photo on articles with one and the default social image on the others', async () => {
    const withHero = fixture.published.find((article) => article.hero);
    const without = fixture.published.find((article) => !article.hero);
    if (!withHero || !without) throw new Error('the fixture needs articles with and without a hero');
    const hero = await readPage(fixture.dist, `/artykuly/${withHero.slug}/`);
    expect(hero.$('meta[property="og:image"]').attr('content')).toMatch(/\/_astro\/.+\.jpe?g$/);
    expect(hero.$('meta[property="og:image:alt"]').attr('content')).toBe(withHero.hero?.alt);
    const plain = await readPage(fixture.dist, `/artykuly/${without.slug}/`);
    expect(plain.$('meta[property="og:image"]').attr('content')).toBe('https://szpalta.example/social.png');
  });

  it('names a publisher logo (a PNG within 600×60) in the articles’ structured data', async () => {
    const { $ } = await readPage(fixture.dist, `/artykuly/${fixture.published[0]?.slug ?? ''}/`);
    const data = JSON.parse($('script[type="application/ld+json"]').first().text()) as {
      publisher: { logo: { '@type': string; url: string; width: number; height: number } };
    };
    const { logo } = data.publisher;
    expect(logo['@type']).toBe('ImageObject');
    expect(logo.url).toBe('https://szpalta.example/logo.png');
    const metadata = await sharp(`${fixture.dist}/logo.png`).metadata();
    expect(metadata.format).toBe('png');
    expect({ width: logo.width, height: logo.height }).toEqual({ width: metadata.width, height: metadata.height });
    expect(logo.width).toBeLessThanOrEqual(600);
    expect(logo.height).toBeLessThanOrEqual(60);
  });

  it('writes robots.txt naming the sitemap index, which exists', async () => {
    const robots = await readText(fixture.dist, '/robots.txt');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).toMatch(/^Disallow: \/admin\/$/m);
    expect(robots).toMatch(/^Sitemap: https:\/\/szpalta\.example\/sitemap-index\.xml$/m);
    expect(files.has('sitemap-index.xml')).toBe(true);
  });

  it('gives the theme toggle the name "Tryb ciemny" and a pressed state', async () => {
    const { $ } = await readPage(fixture.dist, '/');
    const toggle = $('button.theme-toggle');
    expect(spokenText($, 'button.theme-toggle')).toBe('Tryb ciemny');
    expect(toggle.attr('aria-pressed')).toBe('false');
    expect(toggle.find('svg[aria-hidden="true"]').length).toBe(1);
  });
});

describe('article page', () => {
  it('prints the first tag as the section label above the headline', () => {
    for (const article of fixture.published.filter((candidate) => candidate.tags.length > 0)) {
      const page = pages.find((candidate) => candidate.url === `/artykuly/${article.slug}/`);
      if (!page) throw new Error(`no page for ${article.slug}`);
      const label = page.$('article header .section-label');
      expect(label.find('a').attr('href'), article.slug).toBe(`/tagi/${article.tags[0] ?? ''}/`);
      expect(label.find('a').text(), article.slug).toBe(fixture.content.tags.get(article.tags[0] ?? '')?.name);
      expect(label.nextAll('h1').length, article.slug).toBe(1);
    }
  });

  it('reads the byline and the card meta lines with separators ("date, author")', async () => {
    const article = fixture.published[0];
    if (!article) throw new Error('no published article');
    const { $ } = await readPage(fixture.dist, '/');
    const meta = spokenText($, 'article.card .card__meta');
    expect(meta).toMatch(/^\d{1,2} \p{L}+ \d{4}, \p{L}/u);
    const page = await readPage(fixture.dist, `/artykuly/${article.slug}/`);
    expect(spokenText(page.$, '.byline__meta')).toMatch(/^\d{1,2} \p{L}+ \d{4} \d{2}:\d{2}, \d+ min czytania$/u);
  });

  it('prints "Aktualizacja" under the byline when updatedDate is set, and not otherwise', async () => {
    for (const article of fixture.published) {
      const { $ } = await readPage(fixture.dist, `/artykuly/${article.slug}/`);
      const updated = $('.byline .byline__updated');
      if (article.updatedDate) {
        expect(updated.text(), article.slug).toMatch(/^Aktualizacja: /);
        expect(updated.find('time').attr('datetime'), article.slug).toBe(article.updatedDate.toISOString());
      } else expect(updated.length, article.slug).toBe(0);
    }
  });

  it('prints corrections at the end of the article, dated, and uses the latest as dateModified', async () => {
    const article = corrected();
    const { $ } = await readPage(fixture.dist, `/artykuly/${article.slug}/`);
    const printed = $('article .corrections .correction')
      .toArray()
      .map((element) => $(element).text().replace(/\s+/g, ' ').trim());
    expect(printed).toEqual(
      article.corrections.map((correction) =>
        `Korekta, ${new Intl.DateTimeFormat('pl-PL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Warsaw' }).format(correction.date)}: ${correction.text}`.replace(
          /\s+/g,
          ' ',
        ),
      ),
    );
    // After the body, before the tags and the author box.
    expect($('article .prose').nextAll('.corrections').length).toBe(1);
    const data = JSON.parse($('script[type="application/ld+json"]').first().text()) as { dateModified: string };
    const latest = Math.max(...article.corrections.map((correction) => correction.date.getTime()));
    expect(data.dateModified).toBe(new Date(latest).toISOString());
    expect($('meta[property="article:modified_time"]').attr('content')).toBe(new Date(latest).toISOString());
  });

  it('marks a corrected item in the site feed with atom:updated and carries the correction in its content', async () => {
    const article = corrected();
    const xml = await readText(fixture.dist, '/rss.xml');
    const items = children(child(child(parseXml(xml, '/rss.xml'), 'rss', '/rss.xml'), 'channel', '/rss.xml'), 'item');
    const latest = new Date(Math.max(...article.corrections.map((correction) => correction.date.getTime()))).toISOString();
    expect(items.length).toBeGreaterThan(1);
    for (const item of items) {
      const link = textOf(child(item, 'link', 'item')) ?? '';
      const updated = children(item, 'atom:updated');
      const other = fixture.published.find((candidate) => link.endsWith(`/artykuly/${candidate.slug}/`));
      if (other === article) expect(updated.map(textOf)).toEqual([latest]);
      else expect(updated.length, link).toBe(other?.updatedDate ? 1 : 0);
    }
    const feed = parseFeed(xml);
    const entry = feed.items.find((item) => item.url?.endsWith(`/artykuly/${article.slug}/`));
    expect(load(entry?.content ?? '').text()).toContain(`Korekta, `);
    expect(load(entry?.content ?? '').text()).toContain(article.corrections[0]?.text);
  });

  it('keeps every ad slot out of the search index', async () => {
    let ads = 0;
    for (const { url, $ } of pages) {
      $('.ad').each((_, element) => {
        ads += 1;
        expect($(element).attr('data-pagefind-ignore'), url).toBeDefined();
      });
    }
    expect(ads).toBeGreaterThan(0);
    // The index itself: no indexed page's text carries the ad label or an ad's text.
    const dir = join(fixture.dist, 'pagefind', 'fragment');
    const fragments = await Promise.all(
      (await listFiles(dir)).map(async (file) => gunzipSync(await readFile(join(dir, file))).toString('utf8')),
    );
    expect(fragments.length).toBeGreaterThan(3);
    for (const fragment of fragments) {
      const { url, content } = JSON.parse(fragment.slice('pagefind_dcd'.length)) as { url: string; content: string };
      expect(content, url).not.toContain('REKLAMA');
      expect(content, url).not.toContain('Kampania testowa');
    }
  });

  it('gives search results their date and section through Pagefind metadata', async () => {
    const article = fixture.published.find((candidate) => candidate.tags.length > 0);
    if (!article) throw new Error('no article with tags');
    const { $ } = await readPage(fixture.dist, `/artykuly/${article.slug}/`);
    expect($('[data-pagefind-meta^="date:"]').attr('data-pagefind-meta')).toMatch(/^date:\d{1,2} \p{L}+ \d{4}$/u);
    expect($('[data-pagefind-meta="section"]').text()).toBe(fixture.content.tags.get(article.tags[0] ?? '')?.name);
  });
});
