import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { load } from 'cheerio';
import { describe, expect, inject, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { MODERATION_URL_KEY } from '../../admin/config/names.ts';
import { buildIsland } from '../../comments/island/build.ts';
import { getCommentCounts } from '../../src/lib/comments.ts';
import { ARTICLE, NO_COMMENTS_ARTICLE, SEEDED_COUNT } from './support/global-setup.ts';
import { freePort } from './support/service.ts';

const fixture = inject('comments');
const page = async (slug: string) => load(await readFile(join(fixture.dist, 'artykuly', slug, 'index.html'), 'utf8'));

describe('comments on the built article page', () => {
  it('shows "Komentarze (N)" with the count from the service at build time, a button, and no script file', async () => {
    const $ = await page(ARTICLE);
    const section = $('section#komentarze');
    expect(section.find('h2').text().replace(/\s+/g, ' ').trim()).toBe(`Komentarze (${SEEDED_COUNT})`);
    expect(section.find('button[data-comments-open]').text()).toBe('Pokaż komentarze');
    expect(section.attr('data-island')).toBe(`http://127.0.0.1:${fixture.servicePort}/island.js`);
    expect($('script[src]').length).toBe(0);
    const csp = $('meta[http-equiv="content-security-policy"]').attr('content') ?? '';
    expect(csp).toMatch(new RegExp(`connect-src 'self' http://127\\.0\\.0\\.1:${fixture.servicePort}`));
    expect(csp).toMatch(new RegExp(`script-src [^;]*http://127\\.0\\.0\\.1:${fixture.servicePort}`));
    expect(csp).not.toContain('unsafe-inline');
  });

  it('leaves the section out of an article with comments: false', async () => {
    const $ = await page(NO_COMMENTS_ARTICLE);
    expect($('#komentarze').length).toBe(0);
    expect(
      $('script')
        .toArray()
        .map((element) => $(element).html() ?? '')
        .join(''),
    ).not.toContain('data-comments-open');
  });

  it('builds without counts when the service is configured but unreachable', async () => {
    const port = await freePort();
    expect(await getCommentCounts(`http://127.0.0.1:${port}`)).toBeUndefined();
  });

  it('gives the CMS the moderation page for its "Moderacja komentarzy" link', async () => {
    const config = parseYaml(await readFile(join(fixture.dist, 'admin', 'config.yml'), 'utf8')) as Record<string, unknown>;
    expect(config[MODERATION_URL_KEY]).toBe(`http://127.0.0.1:${fixture.servicePort}/moderacja/`);
  });

  it('keeps the island within 15 kB of gzip', async () => {
    const size = gzipSync(await buildIsland(), { level: 9 }).length;
    console.log(`[comments] island: ${size} bytes gzip`);
    expect(size).toBeLessThanOrEqual(15_000);
  });
});
