import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { x } from 'xastscript';
import { xmlDocument } from './xml.ts';

/** The text and the attribute `a` of the root element, as a strict XML parser reads them back. */
function readBack(xml: string): { text: string; attribute: string | undefined } {
  const parser = new SaxesParser();
  let text = '';
  let attribute: string | undefined;
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    attribute ??= tag.attributes['a'] as string | undefined;
  });
  parser.on('text', (value) => {
    text += value;
  });
  parser.write(xml).close();
  return { text: text.trim(), attribute };
}

describe('xmlDocument', () => {
  it('escapes markup and ]]> so that text and attributes read back as written', () => {
    const value = `]]> <x a="1"> & &amp; ' " </script> 👩‍💻 \u202E`;
    expect(readBack(xmlDocument(x('r', { a: value }, value)))).toEqual({ text: value, attribute: value });
  });

  it('never writes control characters, U+FFFE/U+FFFF or lone surrogates into XML', () => {
    const value = 'a\u0000b\u0001c\u001Fd\uFFFEe\uFFFFf\uD800g\uDC00h\tí';
    expect(readBack(xmlDocument(x('r', { a: value }, value)))).toEqual({
      text: 'abcdefgh\tí',
      // XML parsers normalise a tab in an attribute value to a space.
      attribute: 'abcdefgh í',
    });
  });

  it('starts with the XML declaration', () => {
    expect(xmlDocument(x('r'))).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<r\/?>/);
  });
});
