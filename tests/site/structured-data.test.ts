import { beforeAll, describe, expect, it } from 'vitest';
import { fileOfUrl, listFiles, loadFixture, readAllPages, type BuiltPage, type Fixture } from '../support/site.ts';

let fixture: Fixture;
let pages: BuiltPage[];
let files: Set<string>;

beforeAll(async () => {
  fixture = await loadFixture();
  pages = await readAllPages(fixture.dist);
  files = new Set(await listFiles(fixture.dist));
});

type JsonObject = Record<string, unknown>;

function jsonLdBlocks({ url, $ }: BuiltPage): JsonObject[] {
  return $('script[type="application/ld+json"]')
    .toArray()
    .map((script, index) => {
      try {
        return JSON.parse($(script).text()) as JsonObject;
      } catch (error) {
        throw new Error(`${url}: JSON-LD block ${index + 1} does not parse`, { cause: error });
      }
    });
}

describe('JSON-LD', () => {
  it('parses on every page and names the schema.org context', () => {
    let blocks = 0;
    for (const page of pages) {
      for (const block of jsonLdBlocks(page)) {
        blocks += 1;
        expect(String(block['@context']), page.url).toMatch(/^https?:\/\/schema\.org\/?$/);
        expect(block['@type'], page.url).toBeDefined();
      }
    }
    expect(blocks).toBeGreaterThanOrEqual(fixture.published.length);
  });

  it('describes each article page as a NewsArticle with headline, date, authors and image', () => {
    const origin = new URL(fixture.content.settings.url).origin;
    for (const article of fixture.published) {
      const page = pages.find((candidate) => candidate.url === `/artykuly/${article.slug}/`);
      if (!page) throw new Error(`no page for ${article.slug}`);
      const news = jsonLdBlocks(page).filter((block) => block['@type'] === 'NewsArticle');
      expect(news.length, article.slug).toBe(1);
      const data = news[0] as JsonObject;
      expect(data['headline'], article.slug).toBe(article.title);
      expect(new Date(String(data['datePublished'])).getTime(), article.slug).toBe(article.pubDate.getTime());
      if (article.updatedDate) expect(new Date(String(data['dateModified'])).getTime(), article.slug).toBe(article.updatedDate.getTime());
      const authors = (Array.isArray(data['author']) ? data['author'] : [data['author']]) as JsonObject[];
      expect(
        authors.map((author) => author['name']),
        article.slug,
      ).toEqual(article.authors.map((slug) => fixture.content.authors.get(slug)?.name));
      for (const author of authors) expect(author['@type'], article.slug).toBe('Person');

      const images = data['image'] === undefined ? [] : ((Array.isArray(data['image']) ? data['image'] : [data['image']]) as unknown[]);
      if (article.hero) expect(images.length, `${article.slug}: image of an article with a hero photo`).toBeGreaterThanOrEqual(1);
      for (const image of images) {
        const src = typeof image === 'string' ? image : String((image as JsonObject)['url']);
        const url = new URL(src);
        expect(url.origin, article.slug).toBe(origin);
        expect(fileOfUrl(url.pathname, files), `${article.slug}: ${src} exists`).toBeDefined();
      }
    }
  });
});
