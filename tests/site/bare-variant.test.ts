import { beforeAll, describe, expect, it } from 'vitest';
import { loadFixture, readAllPages, type BuiltPage, type Fixture } from '../support/site.ts';

/**
 * The bare fixture: the same portal with no newsletter and no ad slots configured (the defaults
 * of a new site), and an article long enough to get automatic in-article ads if any slot existed.
 */
let fixture: Fixture;
let pages: BuiltPage[];

beforeAll(async () => {
  fixture = await loadFixture('bareSite');
  pages = await readAllPages(fixture.dist);
});

describe('a site without newsletter and ads', () => {
  it('builds every published article', () => {
    expect(fixture.content.settings.newsletter.action).toBeUndefined();
    expect(fixture.content.settings.ads.slots).toEqual([]);
    for (const article of fixture.published) {
      expect(
        pages.some((page) => page.url === `/artykuly/${article.slug}/`),
        article.slug,
      ).toBe(true);
    }
  });

  it('speaks English when the settings say `language: en`', () => {
    for (const { url, $ } of pages) {
      expect($('html').attr('lang'), url).toBe('en');
      expect($('.skip-link').text(), url).toBe('Skip to content');
    }
    const article = pages.find((page) => page.url === '/artykuly/phishing-na-klientow-bankow/');
    if (!article) throw new Error('the long article is missing');
    const published = article.$('time[datetime]').first();
    const expected = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/Warsaw' }).format(
      new Date(published.attr('datetime') ?? ''),
    );
    expect(published.text()).toContain(expected);
    expect(article.$('meta[property="og:locale"]').attr('content')).toBe('en_GB');
  });

  it('shows no newsletter form anywhere', () => {
    for (const { url, $ } of pages) {
      expect($('form:not([role="search"])').length, url).toBe(0);
      expect($('.newsletter').length, url).toBe(0);
    }
  });

  it('shows no ad slot anywhere', () => {
    for (const { url, $ } of pages) expect($('.ad').length, url).toBe(0);
  });

  it('lets forms post only to the site itself', () => {
    for (const { url, $ } of pages) {
      const policy = $('meta[http-equiv="content-security-policy" i]').attr('content') ?? '';
      const formAction = policy
        .split(';')
        .map((part) => part.trim())
        .find((part) => part.startsWith('form-action'));
      expect(formAction, url).toBe("form-action 'self'");
    }
  });
});
