import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'devalue';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureSite, readPage } from '../support/site.ts';

/** What the content layer keeps of an entry (the fields this test reads). */
interface StoredEntry {
  rendered?: { html: string };
  deferredRender?: boolean;
}

let articles: Map<string, StoredEntry>;

beforeAll(async () => {
  const build = fixtureSite();
  // The content layer's data store, written by the fixture build into its cache folder (`SZPALTA_CACHE_DIR`).
  const store = parse(await readFile(join(build.workDir, 'project', '.cache', 'data-store.json'), 'utf8')) as Map<
    string,
    Map<string, StoredEntry>
  >;
  const collection = store.get('articles');
  if (!collection) throw new Error('the data store has no articles collection');
  articles = collection;
});

describe('article bodies are HTML made by the loader, not MDX modules', () => {
  it('renders every article of the fixture in the loader, components included', () => {
    expect(articles.size).toBeGreaterThan(5);
    for (const [id, entry] of articles) {
      expect(entry.deferredRender, id).toBeFalsy();
      expect(entry.rendered?.html, id).toEqual(expect.any(String));
    }
  });

  it('keeps the components of an article as markers in the cached HTML', () => {
    const html = articles.get('obowiazki-z-ai-act')?.rendered?.html ?? '';
    for (const name of ['Callout', 'Quote', 'Figure', 'Embed', 'Ad'])
      expect(html).toMatch(new RegExp(`<!--szpalta:(?:open|void):${name}:`));
  });

  it('renders those components on the page, the figure as a responsive picture made by astro:assets', async () => {
    const { $ } = await readPage(fixtureSite().dist, '/artykuly/obowiazki-z-ai-act/');
    const body = $('.prose');
    expect(body.html()).not.toContain('szpalta:');
    expect(body.find('aside.callout.callout--warning .callout__title').text()).toBe('Uwaga na terminy');
    expect(body.find('figure.quote figcaption cite').text()).toBe('radczyni prawna');
    expect(body.find('aside.embed a').attr('href')).toBe('https://www.youtube.com/watch?v=abc123');
    const picture = body.find('figure.figure picture');
    expect(picture.find('source[type="image/avif"]').attr('srcset')).toMatch(/^\/_astro\/wykres\.[\w-]+\.avif \d+w/);
    expect(picture.find('source[type="image/webp"]').attr('srcset')).toMatch(/^\/_astro\/wykres\.[\w-]+\.webp \d+w/);
    expect(picture.find('img').attr('src')).toMatch(/^\/_astro\/wykres\.[\w-]+\.jpg$/);
    expect(picture.find('img').attr('sizes')).toBe('(min-width: 44rem) 42rem, 100vw');
  });
});
