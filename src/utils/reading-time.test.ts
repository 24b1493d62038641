import { describe, expect, it } from 'vitest';
import { countWords, plainText, readingMinutes } from './reading-time.ts';

describe('plainText', () => {
  it('keeps the words of text and components, drops code blocks and comments', () => {
    const body =
      '## Nagłówek\n\nZwykły *tekst* z [linkiem](/x/).\n\n<Callout title="Uwaga">Treść ramki</Callout>\n\n```js\nconst x = 1;\n```\n\n{/* komentarz */}\n';
    expect(plainText(body)).toBe('Nagłówek Zwykły tekst z linkiem. Treść ramki');
    expect(plainText('Przed {/* uwaga */} po ![opis zdjęcia](../images/a.jpg)\n\n| a | b |\n| - | - |\n| c | `d` |')).toBe(
      'Przed po a b c d',
    );
  });
});

describe('countWords', () => {
  it('counts Polish words, numbers and hyphenated words once', () => {
    expect(countWords('Zażółć gęślą jaźń — 2026 r., e-commerce!')).toBe(6);
  });
});

describe('readingMinutes', () => {
  it('is at least one minute', () => {
    expect(readingMinutes('Krótko.')).toBe(1);
  });

  it('is words divided by 200, rounded', () => {
    const words = Array.from({ length: 700 }, () => 'słowo').join(' ');
    expect(readingMinutes(words)).toBe(4);
  });
});
