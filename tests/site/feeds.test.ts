import { parseFeed } from '@rowanmanning/feed-parser';
import { load } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FixtureArticle } from '../support/content.ts';
import { listFiles, loadFixture, readText, type Fixture } from '../support/site.ts';
import { child, children, parseXml, requiredText, textOf, undeclaredPrefixes, type XmlNode } from '../support/xml.ts';

interface FeedCase {
  url: string;
  /** Articles the feed must carry, newest first. */
  articles: FixtureArticle[];
  /** The site feed carries the full text in `content:encoded`. */
  fullContent: boolean;
  xml: string;
}

let fixture: Fixture;
let feeds: FeedCase[];
let origin: string;

/** How many newest articles a feed carries at most; the fixture stays below it, so feeds hold every matching article. */
const FEED_LIMIT = 30;

beforeAll(async () => {
  fixture = await loadFixture();
  origin = new URL(fixture.content.settings.url).origin;
  const files = new Set(await listFiles(fixture.dist));
  const cases: Omit<FeedCase, 'xml'>[] = [{ url: '/rss.xml', articles: fixture.published, fullContent: true }];
  for (const tag of fixture.content.tags.keys()) {
    const articles = fixture.published.filter((article) => article.tags.includes(tag));
    if (articles.length > 0) cases.push({ url: `/tagi/${tag}/rss.xml`, articles, fullContent: false });
  }
  for (const author of fixture.content.authors.keys()) {
    const articles = fixture.published.filter((article) => article.authors.includes(author));
    if (articles.length > 0) cases.push({ url: `/autorzy/${author}/rss.xml`, articles, fullContent: false });
  }
  for (const feed of cases) {
    if (!files.has(feed.url.slice(1))) throw new Error(`missing feed ${feed.url}`);
  }
  feeds = await Promise.all(cases.map(async (feed) => ({ ...feed, xml: await readText(fixture.dist, feed.url) })));
  expect(fixture.published.length).toBeLessThan(FEED_LIMIT);
});

/** RFC 822 date-time as RSS 2.0 requires (with a four-digit year, which the W3C validator accepts). */
const RFC822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) (GMT|UT|Z|[+-]\d{4})$/;

function expectRfc822(value: string, where: string, expected?: Date) {
  expect(value, `${where}: RFC 822 date`).toMatch(RFC822);
  const date = new Date(value);
  expect(Number.isNaN(date.getTime()), where).toBe(false);
  // The validator also rejects a weekday that does not match the date.
  const weekday = date.toUTCString().slice(0, 3);
  if (/(GMT|UT|Z|\+0000)$/.test(value)) expect(value.slice(0, 3), `${where}: weekday`).toBe(weekday);
  if (expected) expect(Math.floor(date.getTime() / 1000), where).toBe(Math.floor(expected.getTime() / 1000));
}

const channelOf = (feed: FeedCase) => child(child(parseXml(feed.xml, feed.url), 'rss', feed.url), 'channel', feed.url);

describe('RSS feeds', () => {
  it('exist for the site, every tag and every author with articles', () => {
    expect(feeds.length).toBeGreaterThanOrEqual(1 + 5 + 3);
  });

  it('are RSS 2.0 with a channel title, link, description and language', () => {
    for (const feed of feeds) {
      const rss = child(parseXml(feed.xml, feed.url), 'rss', feed.url);
      expect(rss['@_version'], feed.url).toBe('2.0');
      const channel = child(rss, 'channel', feed.url);
      expect(requiredText(channel, 'title', feed.url)).toContain(fixture.content.settings.name);
      expect(requiredText(channel, 'description', feed.url).length).toBeGreaterThan(0);
      // The channel links to the page the feed follows: the home page, or the tag or author page.
      const page = feed.url.slice(0, -'rss.xml'.length);
      expect(requiredText(channel, 'link', feed.url), feed.url).toBe(new URL(page, origin).href);
      expect(requiredText(channel, 'language', feed.url), feed.url).toBe('pl');
      const lastBuild = textOf(children(channel, 'lastBuildDate')[0]);
      if (lastBuild !== undefined) expectRfc822(lastBuild, `${feed.url} lastBuildDate`);
    }
  });

  it('declare every namespace prefix they use', () => {
    for (const feed of feeds) expect(undeclaredPrefixes(feed.xml), feed.url).toEqual([]);
  });

  it('point to themselves with atom:link rel="self"', () => {
    for (const feed of feeds) {
      const self = children(channelOf(feed), 'atom:link').filter((link) => link['@_rel'] === 'self');
      expect(self.length, feed.url).toBe(1);
      expect(self[0]?.['@_href'], feed.url).toBe(`${origin}${feed.url}`);
      expect(self[0]?.['@_type'], feed.url).toBe('application/rss+xml');
    }
  });

  it('carry exactly their articles, newest first, with title, link, guid, pubDate and description', () => {
    for (const feed of feeds) {
      const items = children(channelOf(feed), 'item');
      expect(items.length, feed.url).toBe(feed.articles.length);
      items.forEach((item, index) => {
        const article = feed.articles[index];
        if (!article) throw new Error(`${feed.url}: unexpected item ${index}`);
        const where = `${feed.url} item ${index + 1}`;
        expect(requiredText(item, 'title', where)).toBe(article.title);
        const link = requiredText(item, 'link', where);
        expect(link).toBe(`${origin}/artykuly/${article.slug}/`);
        // RSS readers read <description> as HTML: the lead is escaped for HTML, so its text is the lead as typed.
        expect(
          load(requiredText(item, 'description', where), null, false)
            .root()
            .text(),
        ).toBe(article.lead);
        expectRfc822(requiredText(item, 'pubDate', where), where, article.pubDate);
      });
    }
  });

  it('give every item a stable guid: its permanent link, unique in the feed', () => {
    for (const feed of feeds) {
      const guids = children(channelOf(feed), 'item').map((item, index) => {
        const where = `${feed.url} item ${index + 1}`;
        const guid = child(item, 'guid', where);
        const value = textOf(guid)?.trim() ?? '';
        // A guid that is not a permalink must still never change; a permalink is the article URL, which never changes.
        if (guid['@_isPermaLink'] !== 'false') expect(value, where).toBe(requiredText(item, 'link', where));
        expect(value, where).not.toBe('');
        return value;
      });
      expect(new Set(guids).size, feed.url).toBe(guids.length);
    }
  });

  it('carry the full article as content:encoded in the site feed, with absolute URLs only', () => {
    const site = feeds.find((feed) => feed.fullContent);
    if (!site) throw new Error('no site feed');
    const items = children(channelOf(site), 'item');
    items.forEach((item, index) => {
      const article = site.articles[index] as FixtureArticle;
      const html = requiredText(item, 'content:encoded', `${site.url} ${article.slug}`);
      const $ = load(html);
      const firstParagraph =
        article.body
          .trim()
          .split(/\n\s*\n/)[0]
          ?.replace(/\s+/g, ' ') ?? '';
      expect($.text().replace(/\s+/g, ' '), article.slug).toContain(firstParagraph.slice(0, 40));
      if (article.hero) expect($(`img[alt="${article.hero.alt}"]`).length, `${article.slug}: hero in the feed`).toBe(1);
      for (const element of $('[href], [src], [srcset], [poster]').toArray()) {
        const values = [
          $(element).attr('href'),
          $(element).attr('src'),
          $(element).attr('poster'),
          ...($(element)
            .attr('srcset')
            ?.split(',')
            .map((candidate) => candidate.trim().split(/\s+/)[0]) ?? []),
        ].filter((value): value is string => value !== undefined);
        for (const value of values) expect(value, `${article.slug}: URL in content:encoded`).toMatch(/^(https?:|mailto:|data:)/);
      }
    });
  });

  it('have only absolute URLs in links, guids and atom:link', () => {
    for (const feed of feeds) {
      const urls = [...feed.xml.matchAll(/<(link|guid)[^>]*>([^<]*)<\/\1>|href="([^"]*)"/g)].map((match) => match[2] ?? match[3] ?? '');
      for (const url of urls) expect(url, feed.url).toMatch(/^https?:\/\//);
    }
  });

  it('parse with a real feed parser to the same items', () => {
    for (const feed of feeds) {
      const parsed = parseFeed(feed.xml);
      expect(parsed.meta.type, feed.url).toBe('rss');
      expect(parsed.self, feed.url).toBe(`${origin}${feed.url}`);
      expect(
        parsed.items.map((item) => item.url),
        feed.url,
      ).toEqual(feed.articles.map((article) => `${origin}/artykuly/${article.slug}/`));
      expect(
        parsed.items.map((item) => item.published?.getTime()),
        feed.url,
      ).toEqual(feed.articles.map((article) => Math.floor(article.pubDate.getTime() / 1000) * 1000));
      for (const item of parsed.items) expect(item.authors.length, `${feed.url} ${item.url}: authors`).toBeGreaterThan(0);
    }
  });
});

describe('feed items as XML nodes', () => {
  it('name their authors and tags', () => {
    for (const feed of feeds) {
      children(channelOf(feed), 'item').forEach((item: XmlNode, index) => {
        const article = feed.articles[index] as FixtureArticle;
        const creators = children(item, 'dc:creator').map((node) => textOf(node));
        expect(creators, `${feed.url} ${article.slug}`).toEqual(article.authors.map((slug) => fixture.content.authors.get(slug)?.name));
        const categories = children(item, 'category').map((node) => textOf(node));
        expect(categories, `${feed.url} ${article.slug}`).toEqual(article.tags.map((slug) => fixture.content.tags.get(slug)?.name));
      });
    }
  });
});
