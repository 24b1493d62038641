import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSiteMap, type SiteMap } from '../../content-check/lib/site.ts';
import { ROOT } from '../support/build.ts';
import { listFiles, loadFixture, urlOfFile, type Fixture } from '../support/site.ts';

/**
 * The content check decides which links lead somewhere from the site's route enumerators
 * (`src/lib/routes.ts`) without building; the build's `getStaticPaths` use the same enumerators.
 * Here the check's map of the fixture content is compared with the fixture build, file by file.
 */
let fixture: Fixture;
let built: string[];
let map: SiteMap;
let publicFiles: string[];
/** Pages of `dist` that only redirect (`content/redirects/`), which the map leaves out. */
const redirectPages = new Set<string>();

/** Files of the build that are not pages of a route: bundles, the search index, the CMS's assets, sitemap chunks. */
const NOT_ROUTES = /^(?:_astro\/|pagefind\/|admin\/(?!index\.html$)|sitemap-\d+\.xml$)/;

beforeAll(async () => {
  fixture = await loadFixture();
  publicFiles = await listFiles(join(ROOT, 'public'));
  const publicSet = new Set(publicFiles);
  built = (await listFiles(fixture.dist)).filter((file) => !NOT_ROUTES.test(file) && !publicSet.has(file));
  for (const file of built.filter((name) => name.endsWith('.html'))) {
    if ((await readFile(join(fixture.dist, file), 'utf8')).includes('http-equiv="refresh"')) redirectPages.add(urlOfFile(file));
  }
  const { content } = fixture;
  map = buildSiteMap({
    articles: content.articles.map((article) => ({
      id: article.slug,
      file: `articles/${article.slug}.mdx`,
      draft: article.draft,
      pubDate: article.pubDate.getTime(),
      featured: article.featured,
      tags: article.tags,
      authors: article.authors,
    })),
    authors: [...content.authors.keys()],
    tags: [...content.tags.keys()],
    pages: content.pages.map((page) => page.slug),
    publicFiles,
    pageSize: content.settings.pageSize,
    now: fixture.buildTime.from,
  });
});

describe("the content check's map of the site", () => {
  const mapped = () => [...map.paths].filter(([, state]) => state.state === 'built').map(([path]) => path);

  it('lists every page, feed and file the build wrote', () => {
    const missing = built.map(urlOfFile).filter((url) => !redirectPages.has(url) && !map.paths.has(url));
    expect(missing).toEqual([]);
    expect(built.length).toBeGreaterThan(20);
  });

  it('lists nothing the build did not write', () => {
    const files = new Set([...built, ...publicFiles].map(urlOfFile));
    expect(mapped().filter((path) => !files.has(path))).toEqual([]);
  });

  it('knows the unpublished articles as drafts or scheduled, not as pages', () => {
    expect(fixture.unpublished.length).toBeGreaterThan(0);
    for (const article of fixture.unpublished) {
      expect(map.paths.get(`/artykuly/${article.slug}/`)?.state).toBe(article.draft ? 'draft' : 'scheduled');
    }
  });
});
