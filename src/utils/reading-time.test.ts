import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import { mdxToMdast } from 'satteri';
import { countWords, excerpt, parseMdx, plainText, plainTextOf, readingMinutes, readingMinutesOf } from './reading-time.ts';

describe('plainText', () => {
  it('keeps the words of text and components, drops code blocks and comments', () => {
    const body =
      '## Nagłówek\n\nZwykły *tekst* z [linkiem](/x/).\n\n<Callout title="Uwaga">Treść ramki</Callout>\n\n```js\nconst x = 1;\n```\n\n{/* komentarz */}\n';
    expect(plainText(body)).toBe('Nagłówek Zwykły tekst z linkiem . Treść ramki');
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

describe('excerpt', () => {
  it('cuts at a word boundary and adds an ellipsis', () => {
    expect(excerpt('Pierwsze zdanie artykułu jest tutaj, a drugie dalej.', 30)).toBe('Pierwsze zdanie artykułu jest…');
  });

  it('returns short text whole', () => {
    expect(excerpt('Krótko.', 30)).toBe('Krótko.');
  });
});

describe('readingMinutesOf', () => {
  it('gives the same minutes for Sätteri’s mdast as for the remark parse', () => {
    const body =
      '## Nagłówek\n\nZwykły *tekst* z [linkiem](/x/) i `kodem`.\n\n<Callout title="Uwaga">Treść **ramki**</Callout>\n\n- jeden\n- dwa\n\n> cytat\n\n```js\nconst x = 1;\n```\n\n{/* komentarz */}\n\n' +
      'słowo '.repeat(450);
    const tree = mdxToMdast(body);
    expect(tree.type).toBe('root');
    expect(plainTextOf(tree as Root)).toBe(plainTextOf(parseMdx(body)));
    expect(readingMinutesOf(tree as Root)).toBe(readingMinutes(body));
  });
});
