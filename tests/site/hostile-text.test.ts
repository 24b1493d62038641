import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, createProjectCopy } from '../support/build.ts';
import { HOSTILE_STRINGS, prepareHostileFixture, type HostileValues } from '../support/hostile.ts';
import { listFiles, readPage, readText } from '../support/site.ts';
import { elements, parseStrictXml, textContent, type XmlElementNode } from '../support/xml-tree.ts';

/**
 * Markup never breaks out of its context: a site whose every text field holds a hostile
 * string (quotes, `<`, `&`, `]]>`, `</script>`, `</noscript>`, RTL marks, emoji…) builds, every
 * XML file is well-formed for a strict XML parser, and every output gives back exactly the
 * text the editor typed: page HTML, attributes, Open Graph, JSON-LD, RSS (title, description,
 * content:encoded) and the Google News sitemap.
 */

let workDir: string;
let dist: string;
let values: HostileValues;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'szpalta-hostile-'));
  const projectDir = join(workDir, 'project');
  const contentDir = join(workDir, 'content');
  await createProjectCopy(projectDir);
  values = await prepareHostileFixture(contentDir, new Date());
  await astroBuild({ projectDir, contentDir, logFile: join(workDir, 'build.log') });
  dist = join(projectDir, 'dist');
}, 300_000);

afterAll(async () => {
  if (workDir && process.env['SZPALTA_TEST_KEEP_BUILD'] !== '1') await rm(workDir, { recursive: true, force: true });
});

const value = (field: string): string => {
  const found = values[field];
  if (found === undefined) throw new Error(`no hostile value for ${field}`);
  return found;
};

/** Text of an HTML fragment as a browser shows it (the HTML inside an RSS `<description>` or `content:encoded`). */
const htmlText = (html: string) => load(html, null, false).root().text();
/** Page text as typed: the site joins one-letter words to the next with a no-break space (Polish typography). */
const asTyped = (text: string) => text.replaceAll('\u00a0', ' ');

/** Elements a hostile value could have created if it escaped its context. */
const INJECTED = 'x, script:not([type="application/ld+json"]), [onerror], noscript';

function expectNoInjection($: CheerioAPI, where: string) {
  const injected = $(INJECTED)
    .toArray()
    .map((element) => $.html(element))
    // The theme script is the page's own inline script (no src, no attributes from content).
    .filter((html) => !/^<script>[^<]*<\/script>$/.test(html) || HOSTILE_STRINGS.some((text) => html.includes(text)));
  expect(injected, where).toEqual([]);
}

describe('a site whose every text field is hostile', () => {
  it('gives every field a hostile value (the fuzz set is not empty)', () => {
    expect(Object.keys(values).length).toBeGreaterThanOrEqual(30);
    expect(new Set(Object.values(values).map((text) => text.split(' ')[0])).size).toBe(Object.keys(values).length);
  });

  it('writes only well-formed XML: every feed and sitemap parses with a strict XML parser', async () => {
    const xmlFiles = (await listFiles(dist)).filter((file) => file.endsWith('.xml'));
    expect(xmlFiles).toEqual(
      expect.arrayContaining(['rss.xml', 'sitemap-index.xml', 'sitemap-news.xml', 'tagi/wrogi-tag/rss.xml', 'autorzy/wrogi-autor/rss.xml']),
    );
    for (const file of xmlFiles) parseStrictXml(await readText(dist, `/${file}`), file);
  });

  it('gives back the typed text in the site feed: title, description, authors, tags, channel', async () => {
    const rss = parseStrictXml(await readText(dist, '/rss.xml'), 'rss.xml');
    const channel = elements(rss, 'channel')[0] as XmlElementNode;
    expect(textContent(elements(channel, 'title')[0])).toBe(value('settings.name'));
    expect(htmlText(textContent(elements(channel, 'description')[0]))).toBe(value('settings.description'));
    const item = elements(rss, 'item')[0];
    expect(textContent(elements(item as XmlElementNode, 'title')[0])).toBe(value('article.title'));
    // RSS readers read <description> as HTML: its text, once the HTML is read, is the lead as typed.
    expect(htmlText(textContent(elements(item as XmlElementNode, 'description')[0]))).toBe(value('article.lead'));
    expect(elements(item as XmlElementNode, 'dc:creator').map(textContent)).toEqual([value('author.name')]);
    expect(elements(item as XmlElementNode, 'category').map(textContent)).toEqual([value('tag.name')]);
  });

  it('keeps component props, the hero and the body as text in content:encoded', async () => {
    const rss = parseStrictXml(await readText(dist, '/rss.xml'), 'rss.xml');
    const html = textContent(elements(rss, 'content:encoded')[0]);
    const $ = load(html, null, false);
    expectNoInjection($, 'content:encoded');
    const alts = $('img')
      .toArray()
      .map((image) => $(image).attr('alt'));
    expect(alts).toEqual([value('hero.alt'), value('figure.alt')]);
    const text = $.root().text();
    for (const field of [
      'hero.caption',
      'hero.credit',
      'body.paragraph',
      'body.heading',
      'figure.caption',
      'figure.credit',
      'callout.title',
      'callout.text',
      'quote.author',
      'quote.source',
      'embed.title',
      'embed.provider',
    ]) {
      expect(text, field).toContain(value(field));
    }
    expect(text).toContain(`(${value('article.source')})`);
    // No attribute of the feed's HTML holds a value that only an escape could have produced.
    for (const element of $('*').toArray()) {
      for (const name of Object.keys((element as { attribs?: Record<string, string> }).attribs ?? {})) {
        expect(name, 'attribute name in content:encoded').toMatch(/^[a-z][a-z-]*$/);
      }
    }
  });

  it('gives back the tag and author names and descriptions in their feeds', async () => {
    const tag = elements(parseStrictXml(await readText(dist, '/tagi/wrogi-tag/rss.xml'), 'tag feed'), 'channel')[0] as XmlElementNode;
    expect(textContent(elements(tag, 'title')[0])).toBe(`${value('settings.name')} — ${value('tag.name')}`);
    expect(htmlText(textContent(elements(tag, 'description')[0]))).toBe(value('tag.description'));
    const author = elements(
      parseStrictXml(await readText(dist, '/autorzy/wrogi-autor/rss.xml'), 'author feed'),
      'channel',
    )[0] as XmlElementNode;
    expect(textContent(elements(author, 'title')[0])).toBe(`${value('settings.name')} — ${value('author.name')}`);
    expect(htmlText(textContent(elements(author, 'description')[0]))).toBe(value('author.bio'));
  });

  it('gives back the title and the portal name in the Google News sitemap', async () => {
    const news = parseStrictXml(await readText(dist, '/sitemap-news.xml'), 'sitemap-news.xml');
    expect(elements(news, 'news:title').map(textContent)).toEqual([value('article.title')]);
    expect(elements(news, 'news:name').map(textContent)).toEqual([value('settings.name')]);
  });

  it('gives back every article field in the page: text, attributes, Open Graph and JSON-LD', async () => {
    const { $ } = await readPage(dist, '/artykuly/wrogi-artykul/');
    expectNoInjection($, 'article page');
    expect($('h1').text().trim()).toBe(value('article.title'));
    expect($('title').text()).toContain(value('article.title'));
    expect($('meta[name="description"]').attr('content')).toBe(value('article.lead'));
    expect($('meta[property="og:title"]').attr('content')).toBe(value('article.title'));
    expect($('meta[property="og:description"]').attr('content')).toBe(value('article.lead'));
    expect($('meta[property="og:image:alt"]').attr('content')).toBe(value('hero.alt'));
    expect($('meta[name="twitter:title"]').attr('content')).toBe(value('article.title'));
    expect($('meta[property="og:site_name"]').attr('content')).toBe(value('settings.name'));
    const jsonLd = $('script[type="application/ld+json"]')
      .toArray()
      .map((script) => JSON.parse($(script).text()) as Record<string, unknown>);
    const article = jsonLd.find((block) => block['@type'] === 'NewsArticle');
    expect(article?.['headline']).toBe(value('article.title'));
    expect(article?.['description']).toBe(value('article.lead'));
    expect((article?.['author'] as { name: string }[])[0]?.name).toBe(value('author.name'));
    expect((article?.['publisher'] as { name: string }).name).toBe(value('settings.name'));
    const alts = $('main img')
      .toArray()
      .map((image) => $(image).attr('alt'));
    expect(alts).toEqual(expect.arrayContaining([value('hero.alt'), value('figure.alt')]));
    const text = asTyped($('body').text());
    for (const field of [
      'article.lead',
      'hero.caption',
      'hero.credit',
      'body.paragraph',
      'body.heading',
      'figure.caption',
      'figure.credit',
      'callout.title',
      'callout.text',
      'quote.author',
      'quote.source',
      'embed.title',
      'embed.provider',
      'author.name',
      'tag.name',
      'sponsor.name',
      'sponsor.disclosure',
      'settings.navigation.label',
      'settings.footer.text',
      'settings.footer.label',
    ]) {
      expect(text, field).toContain(value(field));
    }
  });

  it('gives back the author, tag and page fields on their pages', async () => {
    const author = await readPage(dist, '/autorzy/wrogi-autor/');
    expectNoInjection(author.$, 'author page');
    for (const field of ['author.name', 'author.role', 'author.bio', 'author.link.label']) {
      expect(asTyped(author.$('body').text()), field).toContain(value(field));
    }
    const tag = await readPage(dist, '/tagi/wrogi-tag/');
    expectNoInjection(tag.$, 'tag page');
    expect(tag.$('h1').text().trim()).toBe(value('tag.name'));
    expect(asTyped(tag.$('body').text())).toContain(value('tag.description'));
    const page = await readPage(dist, '/wroga-strona/');
    expectNoInjection(page.$, 'static page');
    expect(page.$('h1').text().trim()).toBe(value('page.title'));
    expect(page.$('meta[name="description"]').attr('content')).toBe(value('page.description'));
    expect(asTyped(page.$('body').text())).toContain(value('page.paragraph'));
    const home = await readPage(dist, '/');
    expectNoInjection(home.$, 'home page');
    expect(asTyped(home.$('body').text())).toContain(value('settings.tagline'));
  });
});
