import { beforeAll, describe, expect, it } from 'vitest';
import { fileOfUrl, listFiles, loadFixture, readText, urlOfFile, type Fixture } from '../support/site.ts';
import { child, children, parseXml, requiredText } from '../support/xml.ts';

/** The sitemaps protocol's limit of URLs per file. */
const MAX_URLS_PER_SITEMAP = 50_000;
/** Google News takes articles published in the last two days. */
const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;

let fixture: Fixture;
let files: Set<string>;
let origin: string;

beforeAll(async () => {
  fixture = await loadFixture();
  files = new Set(await listFiles(fixture.dist));
  origin = new URL(fixture.content.settings.url).origin;
});

/** Reads a sitemap file of the build by its absolute URL. */
async function readSitemap(loc: string) {
  const url = new URL(loc);
  expect(url.origin, loc).toBe(origin);
  const file = fileOfUrl(url.pathname, files);
  if (!file) throw new Error(`sitemap ${loc} is not in the build`);
  return { file, xml: parseXml(await readText(fixture.dist, `/${file}`), file) };
}

async function childSitemaps() {
  const index = parseXml(await readText(fixture.dist, '/sitemap-index.xml'), 'sitemap-index.xml');
  const locs = children(child(index, 'sitemapindex', 'sitemap-index.xml'), 'sitemap').map((entry) =>
    requiredText(entry, 'loc', 'sitemap-index.xml'),
  );
  return Promise.all(locs.map(async (loc) => ({ loc, ...(await readSitemap(loc)) })));
}

describe('sitemaps', () => {
  it('has an index whose child sitemaps all exist, parse and stay within 50,000 URLs each', async () => {
    const sitemaps = await childSitemaps();
    expect(sitemaps.length).toBeGreaterThanOrEqual(2);
    for (const { file, xml } of sitemaps) {
      const urls = children(child(xml, 'urlset', file), 'url');
      expect(urls.length, file).toBeLessThanOrEqual(MAX_URLS_PER_SITEMAP);
      for (const url of urls) expect(new URL(requiredText(url, 'loc', file)).origin, file).toBe(origin);
    }
  });

  it('list every public page, each once, and nothing else', async () => {
    const locs = (await childSitemaps())
      .filter(({ file }) => file !== 'sitemap-news.xml')
      .flatMap(({ file, xml }) => children(child(xml, 'urlset', file), 'url').map((url) => requiredText(url, 'loc', file)));
    expect(new Set(locs).size, 'no URL twice').toBe(locs.length);
    const publicPages = [...files]
      .filter((file) => file.endsWith('index.html') && !file.startsWith('admin/') && !file.startsWith('pagefind/'))
      .map((file) => `${origin}${urlOfFile(file)}`)
      .sort();
    expect([...locs].sort()).toEqual(publicPages);
    expect(locs.some((loc) => loc.includes('/admin/'))).toBe(false);
    expect(locs.some((loc) => loc.endsWith('/404/') || loc.endsWith('/404.html'))).toBe(false);
  });
});

describe('Google News sitemap', () => {
  it('holds exactly the articles of the 48 hours before the build, with publication, date and title', async () => {
    const { xml } = await readSitemap(`${origin}/sitemap-news.xml`);
    const urlset = child(xml, 'urlset', 'sitemap-news.xml');
    expect(urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    expect(urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const inWindow = (at: Date) =>
      fixture.published.filter((article) => at.getTime() - article.pubDate.getTime() <= NEWS_WINDOW_MS).map((article) => article.slug);
    const expected = inWindow(fixture.buildTime.from);
    expect(inWindow(fixture.buildTime.to), 'no article crosses the window during the build').toEqual(expected);
    expect(expected.length, 'the fixture has a recent article').toBeGreaterThanOrEqual(1);
    expect(fixture.published.length - expected.length, 'and older ones').toBeGreaterThanOrEqual(1);

    const entries = children(urlset, 'url');
    const listed = entries.map((entry) => {
      const loc = requiredText(entry, 'loc', 'sitemap-news.xml');
      const slug = /\/artykuly\/([^/]+)\/$/.exec(new URL(loc).pathname)?.[1];
      const article = fixture.published.find((candidate) => candidate.slug === slug);
      if (!article) throw new Error(`sitemap-news.xml lists ${loc}, which is no published article`);
      const news = child(entry, 'news:news', loc);
      const publication = child(news, 'news:publication', loc);
      expect(requiredText(publication, 'news:name', loc)).toBe(fixture.content.settings.name);
      expect(requiredText(publication, 'news:language', loc)).toBe('pl');
      const date = requiredText(news, 'news:publication_date', loc);
      expect(date, `${loc}: W3C date-time`).toMatch(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/);
      expect(new Date(date).getTime(), loc).toBe(article.pubDate.getTime());
      expect(requiredText(news, 'news:title', loc)).toBe(article.title);
      return article.slug;
    });
    expect(listed.sort()).toEqual([...expected].sort());
  });
});
