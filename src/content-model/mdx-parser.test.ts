import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { gfm } from 'micromark-extension-gfm';
import { mdxjs } from 'micromark-extension-mdxjs';
import { describe, expect, it } from 'vitest';
import { MdxLimitError, MdxSyntaxError, parseMdx } from './mdx-parser.ts';

/** The tree with every GFM part switched on, as the site's pipeline reads the body. */
const withAllOfGfm = (text: string) =>
  fromMarkdown(text, { extensions: [mdxjs(), gfm()], mdastExtensions: [mdxFromMarkdown(), gfmFromMarkdown()] });

describe('the MDX parser', () => {
  it.each([
    'Adres www.example.com, https://example.com/a?b=1 i redakcja@szpalta.example.',
    'Przypis[^1] w tekście.\n\n[^1]: Treść przypisu.',
    '| a | b |\n| - | - |\n| 1 | 2 |',
    '~~skreślenie~~ i ~pojedyncza~',
    '- [ ] zadanie\n- [x] zrobione',
    'Zwykły *tekst* z [linkiem](/artykuly/x/), <abbr title="t">T</abbr> i {/* komentarzem */}.',
    'Nie przypis: [^ nawias] i nie adres: a@ oraz ftp:/x',
    '| a |\n| - |\n| jedna kolumna |',
    'Nagłówek setext\n-\n\nA to nie tabela:\n--- | ---',
    'Tylda ~ bez skreślenia i [nawias] bez zadania\n\n- [ ]\n- [x] zrobione *ważne*',
    '> | a | b |\n> |---|:-:|\n> | ~~x~~ | [y](/z/) |\n\n1. [ ] numerowane zadanie',
  ])('reads GFM exactly as with every GFM part switched on: %s', (text) => {
    const strip = (tree: unknown) =>
      JSON.stringify(tree, (key, value: unknown) => (key === 'position' || key === 'data' ? undefined : value));
    expect(strip(parseMdx(text))).toBe(strip(withAllOfGfm(text)));
  });

  it('gives the line and column of invalid MDX', () => {
    expect(() => parseMdx('Tekst\n\n<b tekst')).toThrow(MdxSyntaxError);
    try {
      parseMdx('Tekst\n\n<b tekst');
    } catch (error) {
      expect(error).toMatchObject({ line: 3 });
    }
  });

  it('refuses a body beyond the limits before parsing it', () => {
    expect(() => parseMdx('> '.repeat(20_000))).toThrow(MdxLimitError);
  });
});
