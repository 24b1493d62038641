import { describe, expect, it } from 'vitest';
import { homePages, leadStory } from './home.ts';

const story = (id: string, featured = false) => ({ id, data: { featured } });
// Newest first, as the home page gets them.
const newest = [story('f'), story('e', true), story('d'), story('c', true), story('b'), story('a')];

describe('leadStory', () => {
  it('is the newest featured article', () => {
    expect(leadStory(newest)?.id).toBe('e');
  });

  it('is the newest article when none is featured', () => {
    expect(leadStory([story('b'), story('a')])?.id).toBe('b');
  });

  it('is missing without articles', () => {
    const none: ReturnType<typeof story>[] = [];
    expect(leadStory(none)).toBeUndefined();
  });
});

describe('homePages', () => {
  it('lists every article but the lead story, with the archive at /strona/N/', () => {
    const pages = homePages(newest, leadStory(newest), 2);
    expect(pages.map(({ url, items, previousUrl, nextUrl }) => ({ url, ids: items.map((item) => item.id), previousUrl, nextUrl }))).toEqual(
      [
        { url: '/', ids: ['f', 'd'], previousUrl: undefined, nextUrl: '/strona/2/' },
        { url: '/strona/2/', ids: ['c', 'b'], previousUrl: '/', nextUrl: '/strona/3/' },
        { url: '/strona/3/', ids: ['a'], previousUrl: '/strona/2/', nextUrl: undefined },
      ],
    );
  });

  it('has one empty page when the lead story is the only article', () => {
    const only = [story('a')];
    expect(homePages(only, leadStory(only), 10)).toMatchObject([{ url: '/', items: [], total: 1 }]);
  });
});
