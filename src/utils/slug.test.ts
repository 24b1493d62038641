import { describe, expect, it } from 'vitest';
import { asciiSlug } from './slug.ts';

describe('asciiSlug', () => {
  it.each([
    ['Bezpieczeństwo', 'bezpieczenstwo'],
    ['Ochrona danych', 'ochrona-danych'],
    ['Zażółć gęślą jaźń', 'zazolc-gesla-jazn'],
    ['ŁÓDŹ, ŻYRARDÓW i Śrem', 'lodz-zyrardow-i-srem'],
    ['  RODO — kary UODO (2026)  ', 'rodo-kary-uodo-2026'],
    ['„Cytat” w tytule?!', 'cytat-w-tytule'],
    ['Straße', 'strasse'],
    ['!!!', ''],
  ])('%s → %s', (input, expected) => {
    expect(asciiSlug(input)).toBe(expected);
  });
});
