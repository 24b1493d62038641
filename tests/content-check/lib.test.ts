import { describe, expect, it } from 'vitest';
import { classifyHref } from '../../src/content-model/links.ts';
import { decodeSource, lineStartsOf, positionAt, splitFrontMatter } from '../../src/content-model/source.ts';
import { closest, listOf } from '../../content-check/lib/suggest.ts';
import { locate, parseYaml } from '../../src/content-model/yaml.ts';

describe('positions', () => {
  it('count lines over LF and CRLF endings, 1-based', () => {
    const text = 'a\r\nbc\nd';
    const starts = lineStartsOf(text);
    expect(positionAt(starts, 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt(starts, 4)).toEqual({ line: 2, column: 2 });
    expect(positionAt(starts, 6)).toEqual({ line: 3, column: 1 });
  });

  it('drop a byte order mark so columns match what an editor shows', () => {
    const decoded = decodeSource(new TextEncoder().encode('\uFEFFtytuł'));
    expect(decoded).toMatchObject({ text: 'tytuł' });
  });

  it('point at the first byte that is not UTF-8', () => {
    expect(decodeSource(Uint8Array.from([0x61, 0x0a, 0x62, 0xb3]))).toEqual({ kind: 'encoding', at: { line: 2, column: 2 } });
  });
});

describe('splitFrontMatter', () => {
  it('gives the YAML and the body with their offsets, CRLF included', () => {
    const text = '---\r\ntitle: A\r\n---\r\n\r\nBody\r\n';
    const split = splitFrontMatter(text);
    expect(split).toEqual({ yaml: '\r\ntitle: A', yamlStart: 3, body: '\r\nBody\r\n', bodyStart: 20 });
  });

  it('never evaluates JavaScript front matter', () => {
    expect(splitFrontMatter('---js\n{ title: process.exit(9) }\n---\n')).toEqual({ kind: 'not-yaml', language: 'JavaScript' });
  });
});

describe('YAML', () => {
  it('keeps unquoted timestamps as written, so that the schemas can refuse impossible dates', () => {
    expect(parseYaml('pubDate: 2026-11-22T09:30:00+01:00\nupdatedDate: 2026-02-30\n').value).toEqual({
      pubDate: '2026-11-22T09:30:00+01:00',
      updatedDate: '2026-02-30',
    });
  });

  it('locates a field, a list item, and the parent of a missing field', () => {
    const { document } = parseYaml('title: A\nauthors:\n  - x\n  - y\nhero:\n  image: a.jpg\n');
    expect(locate(document, ['authors', 1])).toEqual({ offset: 28, exact: true });
    expect(locate(document, ['hero', 'alt'])).toEqual({ offset: 38, exact: false });
  });
});

describe('classifyHref', () => {
  it('resolves relative links from the page they are on', () => {
    expect(classifyHref('../inny/', '/artykuly/ten/', undefined)).toEqual({ kind: 'internal', path: '/artykuly/inny/' });
  });

  it('treats the site’s own absolute addresses as internal and decodes them', () => {
    expect(classifyHref('https://szpalta.example/tagi/b%C4%85/?x=1#y', '/', 'https://szpalta.example')).toEqual({
      kind: 'internal',
      path: '/tagi/bą/',
    });
  });

  it('refuses script addresses even when disguised', () => {
    expect(classifyHref(' Java\tScript:alert(1)', '/', undefined)).toEqual({ kind: 'unsafe', scheme: 'javascript' });
  });
});

describe('suggestions', () => {
  it('suggest only close candidates', () => {
    expect(closest('bezpieczenstow', ['rodo', 'bezpieczenstwo'])).toBe('bezpieczenstwo');
    expect(closest('polityka', ['rodo', 'bezpieczenstwo'])).toBeUndefined();
  });

  it('list values readably', () => {
    expect(listOf(['a', 'b', 'c'])).toBe('"a", "b" or "c"');
  });
});
