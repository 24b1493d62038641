import { describe, expect, it } from 'vitest';
import { dictionaries } from '../i18n/ui.ts';
import { pluralize } from './plural.ts';

describe('pluralize', () => {
  const pl = dictionaries.pl.articles;
  it.each([
    [1, '1 artykuł'],
    [2, '2 artykuły'],
    [4, '4 artykuły'],
    [5, '5 artykułów'],
    [12, '12 artykułów'],
    [22, '22 artykuły'],
    [25, '25 artykułów'],
    [0, '0 artykułów'],
    [1500, '1500 artykułów'],
  ])('Polish: %i → %s', (count, expected) => {
    expect(pluralize(count, pl, 'pl-PL').replace(/\s/g, ' ')).toBe(expected);
  });

  it('English uses one and other', () => {
    expect(pluralize(1, dictionaries.en.articles, 'en-GB')).toBe('1 article');
    expect(pluralize(2, dictionaries.en.articles, 'en-GB')).toBe('2 articles');
  });
});
