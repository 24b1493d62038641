import { describe, expect, inject, it } from 'vitest';
import { createArticleStates } from '../../comments/articles.ts';
import { ARTICLE, NO_COMMENTS_ARTICLE } from './support/global-setup.ts';

const fixture = inject('comments');

describe('which articles take comments', () => {
  it('open, off by front matter, unknown when missing, a draft or scheduled', async () => {
    const state = createArticleStates(fixture.contentDir, 0);
    expect(await state(ARTICLE)).toBe('open');
    expect(await state(NO_COMMENTS_ARTICLE)).toBe('off');
    expect(await state('tajny-szkic')).toBe('unknown');
    expect(await state('zapowiedz-z-przyszlosci')).toBe('unknown');
    expect(await state('nie-ma-takiego')).toBe('unknown');
    expect(await state('../settings/site')).toBe('unknown');
  });

  it('closes a thread closeAfterDays after publication', async () => {
    // The article was published on 2025-03-10 09:30 (+01:00).
    const state = createArticleStates(fixture.contentDir, 30);
    expect(await state(ARTICLE, new Date('2025-04-09T08:00:00Z'))).toBe('open');
    expect(await state(ARTICLE, new Date('2025-04-09T09:00:00Z'))).toBe('closed');
  });
});
