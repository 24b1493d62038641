import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FixtureArticle } from '../support/content.ts';
import { listFiles, loadFixture, type Fixture } from '../support/site.ts';

let fixture: Fixture;
/** Every file of the build as text; Pagefind's gzip-compressed index files decompressed. */
let texts: Map<string, string>;

const BINARY = /\.(avif|webp|jpe?g|png|gif|ico|woff2?|wasm|pagefind)$/;

beforeAll(async () => {
  fixture = await loadFixture();
  texts = new Map();
  for (const file of await listFiles(fixture.dist)) {
    if (BINARY.test(file)) continue;
    const bytes = await readFile(join(fixture.dist, file));
    const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
    texts.set(file, (gzipped ? gunzipSync(bytes) : bytes).toString('utf8'));
  }
});

/** Distinctive strings of an article that would betray it: slug, title, lead. */
const traces = (article: FixtureArticle) => [article.slug, article.title, article.lead];

/** Files containing `needle` as written, or as HTML/XML/JSON would escape it. */
function filesContaining(needle: string): string[] {
  const forms = new Set([
    needle,
    needle.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'),
    JSON.stringify(needle).slice(1, -1),
    // xast-util-to-xml (feeds, the news sitemap) writes character references.
    needle.replace(/&/g, '&#x26;').replace(/</g, '&#x3C;'),
  ]);
  return [...texts].filter(([, text]) => [...forms].some((form) => text.includes(form))).map(([file]) => file);
}

describe('drafts and future-dated articles', () => {
  it('are in the fixture: one draft and one dated after the build', () => {
    expect(fixture.unpublished.some((article) => article.draft)).toBe(true);
    expect(fixture.unpublished.some((article) => !article.draft && article.pubDate > fixture.buildTime.to)).toBe(true);
  });

  it('leave no trace in any file of the build, Pagefind index included', () => {
    for (const article of fixture.unpublished) {
      for (const trace of traces(article)) expect(filesContaining(trace), `${article.slug}: "${trace}"`).toEqual([]);
    }
  });

  it('are searched for the way published articles are found (a control for the check above)', () => {
    for (const article of fixture.published) {
      const found = filesContaining(article.title);
      expect(found, article.slug).toContain(`artykuly/${article.slug}/index.html`);
      expect(found, article.slug).toContain('rss.xml');
      expect(
        found.some((file) => file.startsWith('pagefind/fragment/')),
        `${article.slug}: in the search index`,
      ).toBe(true);
    }
  });
});
