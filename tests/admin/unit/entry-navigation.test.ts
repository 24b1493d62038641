import { describe, expect, it } from 'vitest';
import { editorAddress, needsFreshEditor } from '../../../admin/src/entry-navigation.ts';

/** Which address changes the admin reloads for, so that Decap opens the entry in a fresh editor. */
describe('a fresh editor per entry', () => {
  it('reads the entry of an editor address, and nothing of other screens', () => {
    expect(editorAddress('#/collections/settings/entries/site')).toEqual({ collection: 'settings', slug: 'site' });
    expect(editorAddress('#/collections/articles/new?title=X')).toEqual({ collection: 'articles', slug: undefined });
    expect(editorAddress('#/collections/articles/entries/a%C5%BC')).toEqual({ collection: 'articles', slug: 'aż' });
    expect(editorAddress('#/collections/articles')).toBeUndefined();
    expect(editorAddress('#/workflow')).toBeUndefined();
    expect(editorAddress('')).toBeUndefined();
  });

  it('reloads between two entries, and between new entries of two collections', () => {
    expect(needsFreshEditor('#/collections/articles/entries/a', '#/collections/settings/entries/site')).toBe(true);
    expect(needsFreshEditor('#/collections/articles/entries/a', '#/collections/articles/entries/b')).toBe(true);
    expect(needsFreshEditor('#/collections/articles/new', '#/collections/settings/entries/site')).toBe(true);
    expect(needsFreshEditor('#/collections/articles/new', '#/collections/tags/new')).toBe(true);
  });

  it("leaves to Decap what it does itself: a new entry's first save, a new entry after an entry, other screens", () => {
    expect(needsFreshEditor('#/collections/articles/new', '#/collections/articles/entries/nowy')).toBe(false);
    expect(needsFreshEditor('#/collections/articles/entries/a', '#/collections/tags/new')).toBe(false);
    expect(needsFreshEditor('#/collections/articles/entries/a', '#/collections/articles/entries/a')).toBe(false);
    expect(needsFreshEditor('#/collections/articles', '#/collections/settings/entries/site')).toBe(false);
    expect(needsFreshEditor('#/collections/articles/entries/a', '#/collections/articles')).toBe(false);
  });
});
