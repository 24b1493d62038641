import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { listFiles, loadFixture, readPage, readText, type Fixture } from '../support/site.ts';
import { child, children, parseXml, requiredText } from '../support/xml.ts';

let fixture: Fixture;

beforeAll(async () => {
  fixture = await loadFixture();
});

/** The CMS is part of every `astro build` (src/integrations/admin.ts); what it does is tested in tests/admin/. */
describe('the admin in the built site', () => {
  it('is served at /admin/, kept out of search engines, with its generated config', async () => {
    const page = await readPage(fixture.dist, '/admin/');
    expect(page.$('meta[name="robots"]').attr('content')).toContain('noindex');
    expect(page.$('meta[http-equiv="content-security-policy" i]').attr('content')).toContain("object-src 'none'");
    const config = parseYaml(await readText(fixture.dist, '/admin/config.yml')) as { locale?: string; collections?: { name: string }[] };
    expect(config.locale).toBe('pl');
    expect(config.collections?.map((collection) => collection.name)).toEqual(
      expect.arrayContaining(['articles', 'authors', 'tags', 'sponsors', 'pages', 'settings']),
    );
    expect((await listFiles(fixture.dist)).some((file) => file.startsWith('admin/') && file.endsWith('.js'))).toBe(true);
  });

  it('is in no sitemap', async () => {
    const index = parseXml(await readText(fixture.dist, '/sitemap-index.xml'), 'sitemap-index.xml');
    const sitemaps = children(child(index, 'sitemapindex', 'sitemap-index.xml'), 'sitemap').map(
      (entry) => new URL(requiredText(entry, 'loc', 'sitemap-index.xml')).pathname,
    );
    for (const sitemap of sitemaps) {
      const xml = await readText(fixture.dist, sitemap);
      expect(xml, sitemap).not.toContain('/admin/');
    }
  });
});
