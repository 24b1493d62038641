import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent, formatText } from '../../content-check/index.ts';
import { BASE, layContent, NOW, REPO } from './support.ts';

/**
 * Input that used to crash or stall the check, or silently become something else, checked on
 * the base content with the case's files written over it. Each test is named after the
 * problem it reproduces; the exact report is pinned.
 */

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** Runs the check on the base content plus `files` (paths relative to `content/`) and returns its text report. */
async function check(files: Record<string, string>, fileTimeLimitMs?: number): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'szpalta-hostile-check-'));
  temporary.push(root);
  const content = join(root, 'content');
  layContent(dirname(BASE), content);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(content, path)), { recursive: true });
    writeFileSync(join(content, path), text);
  }
  const result = await checkContent({
    contentDir: content,
    root,
    publicDir: join(REPO, 'public'),
    now: NOW,
    workers: 0,
    ...(fileTimeLimitMs === undefined ? {} : { fileTimeLimitMs }),
  });
  return formatText(result);
}

/** An article with the given front matter lines (replacing the defaults of the same field) and body. */
function article(fields: Record<string, string>, body = 'Treść artykułu.\n'): string {
  const all = { title: 'Tytuł', lead: 'Lead.', pubDate: '2026-11-20T10:00:00+01:00', authors: '[anna-kowalska]', ...fields };
  return `---\n${Object.entries(all)
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n')}\n---\n\n${body}`;
}

describe('dates that silently became other dates', () => {
  it('refuses an unquoted 2026-13-45 instead of reading 2027-02-14', async () => {
    expect(await check({ 'articles/tekst.mdx': article({ pubDate: '2026-13-45' }) })).toMatchInlineSnapshot(`
      "content/articles/tekst.mdx:4:10 pubDate: 2026-13-45 is not a real date (check the month (01–12), the day (it must exist in that month) and the time; write YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS+01:00)
      Content check: 1 error and 0 warnings in 1 of 13 files."
    `);
  });

  it('refuses an unquoted 2026-02-30 instead of reading 2 March', async () => {
    expect(await check({ 'articles/tekst.mdx': article({ pubDate: '2026-02-30T10:00:00+01:00' }) })).toMatchInlineSnapshot(`
      "content/articles/tekst.mdx:4:10 pubDate: 2026-02-30T10:00:00+01:00 is not a real date (check the month (01–12), the day (it must exist in that month) and the time; write YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS+01:00)
      Content check: 1 error and 0 warnings in 1 of 13 files."
    `);
  });

  it('refuses ~, true and 1 as dates instead of reading 1970', async () => {
    expect(
      await check({
        'articles/a.mdx': article({ pubDate: '~' }),
        'articles/b.mdx': article({ pubDate: 'true' }),
        'articles/c.mdx': article({ pubDate: '1' }),
      }),
    ).toMatchInlineSnapshot(`
      "content/articles/a.mdx:4:1 pubDate: pubDate is required (write a value after "pubDate:")
      content/articles/b.mdx:4:10 pubDate: must be a date such as 2026-11-22 or 2026-11-22T09:30:00+01:00 (write the date as YYYY-MM-DD, or with time and zone as YYYY-MM-DDTHH:MM:SS+01:00)
      content/articles/c.mdx:4:10 pubDate: must be a date such as 2026-11-22 or 2026-11-22T09:30:00+01:00 (write the date as YYYY-MM-DD, or with time and zone as YYYY-MM-DDTHH:MM:SS+01:00)
      Content check: 3 errors and 0 warnings in 3 of 15 files."
    `);
  });
});

describe('YAML that is code or a bomb', () => {
  it('refuses a !!js/function tag as an error, not a warning', async () => {
    expect(await check({ 'articles/tekst.mdx': article({ title: '!!js/function "function () { return 1 }"' }) })).toMatchInlineSnapshot(`
      "content/articles/tekst.mdx:2:8 yaml: the YAML tag !!js/function is not allowed: content is data, never code (remove the tag (the word starting with !) and write the value in double quotes)
      Content check: 1 error and 0 warnings in 1 of 13 files."
    `);
  });

  it('refuses any non-standard YAML tag', async () => {
    expect(await check({ 'tags/prawo.yml': 'name: !python/object:os.system "ls"\n' })).toMatchInlineSnapshot(`
      "content/tags/prawo.yml:1:7 yaml: the YAML tag !python/object:os.system is not allowed: content is data, never code (remove the tag (the word starting with !) and write the value in double quotes)
      Content check: 1 error and 0 warnings in 1 of 13 files."
    `);
  });

  it('refuses an alias bomb with file and line instead of throwing a ReferenceError', async () => {
    const bomb = [
      'name: Prawo',
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      '',
    ].join('\n');
    expect(await check({ 'tags/prawo.yml': bomb })).toMatchInlineSnapshot(`
      "content/tags/prawo.yml:3:8 yaml: invalid YAML: aliases (*name) expand to more than 100 copies, which would exhaust memory (write the values themselves instead of repeating them with & and *)
      Content check: 1 error and 0 warnings in 1 of 13 files."
    `);
  });

  it('refuses an alias without its anchor with file and line', async () => {
    expect(await check({ 'tags/prawo.yml': 'name: *nazwa\n' })).toMatchInlineSnapshot(`
      "content/tags/prawo.yml:1:7 yaml: invalid YAML: an alias (*name) refers to no anchor (&name) above it (write the value itself instead of the alias)
      Content check: 1 error and 0 warnings in 1 of 13 files."
    `);
  });
});

describe('text that shows nothing or cannot be written into XML', () => {
  it('refuses a title of only zero-width characters', async () => {
    expect(await check({ 'articles/tekst.mdx': article({ title: '"\\u200B\\u200C\\u200D\\u2060\\uFEFF"' }) })).toMatchInlineSnapshot(`
      "content/articles/tekst.mdx:2:8 title: title must not be empty: it has only invisible characters (write the title text)
      Content check: 1 error and 0 warnings in 1 of 13 files."
    `);
  });

  it('refuses control characters, U+FFFF and lone surrogates in front matter, data files and the body', async () => {
    expect(
      await check({
        'articles/tekst.mdx': article({ title: '"Tytuł\\x01"', lead: '"Lead \\uD800 z połową emoji"' }, 'Akapit\u0007 z dzwonkiem.\n'),
        'tags/prawo.yml': 'name: "Prawo\\uFFFF"\ndescription: "Opis\\x1B[31m"\n',
      }),
    ).toMatchInlineSnapshot(`
      "content/articles/tekst.mdx:2:8 title: contains the invisible control character U+0001 at character 6 (delete it (it usually comes with text pasted from another program) and retype the text around it)
      content/articles/tekst.mdx:3:7 lead: contains the invisible control character U+D800 at character 6 (delete it (it usually comes with text pasted from another program) and retype the text around it)
      content/articles/tekst.mdx:8:7 body: the text contains the invisible control character U+0007 (delete it (it usually comes with text pasted from another program) and retype the text around it)
      content/tags/prawo.yml:1:7 name: contains the invisible control character U+FFFF at character 6 (delete it (it usually comes with text pasted from another program) and retype the text around it)
      content/tags/prawo.yml:2:14 description: contains the invisible control character U+001B at character 5 (delete it (it usually comes with text pasted from another program) and retype the text around it)
      Content check: 5 errors and 0 warnings in 2 of 14 files."
    `);
  });
});

describe('lists that repeat', () => {
  it('refuses 10,000 duplicate tags', async () => {
    const tags = `[${Array.from({ length: 10_000 }, () => 'rodo').join(', ')}]`;
    const report = await check({ 'articles/tekst.mdx': article({ tags }) });
    expect(report).toMatchInlineSnapshot(`
      "content/articles/tekst.mdx:6:14 tags[1]: tag "rodo" is listed 10000 times (keep only item 1, remove the other 9999)
      Content check: 1 error and 0 warnings in 1 of 13 files."
    `);
  });

  it('refuses an author named twice', async () => {
    expect(await check({ 'articles/tekst.mdx': article({ authors: '[anna-kowalska, anna-kowalska]' }) })).toMatchInlineSnapshot(`
      "content/articles/tekst.mdx:5:26 authors[1]: author "anna-kowalska" is listed 2 times (keep only item 1, remove the other 1)
      Content check: 1 error and 0 warnings in 1 of 13 files."
    `);
  });
});

describe('input that crashed or stalled the check', () => {
  it('refuses 20,000 nested > with file and line instead of overflowing the stack', async () => {
    expect(await check({ 'articles/tekst.mdx': article({}, `Wstęp.\n\n${'> '.repeat(20_000)}cytat\n`) })).toMatchInlineSnapshot(`
      "content/articles/tekst.mdx:10:1 limit: the line starts with 40000 characters of quote, list or indentation markers, more than the 100 allowed (nest quotes and lists a few levels deep at most)
      Content check: 1 error and 0 warnings in 1 of 13 files."
    `);
  });

  it('refuses 20,000 nested <div> with file and line instead of overflowing the stack', async () => {
    const body = `Wstęp.\n\n${'<div>'.repeat(20_000)}tekst${'</div>'.repeat(20_000)}\n`;
    expect(await check({ 'articles/tekst.mdx': article({}, body) })).toMatchInlineSnapshot(`
      "content/articles/tekst.mdx:10:501 limit: tags are nested more than 100 levels deep (close the tags that are open, or nest fewer of them)
      Content check: 1 error and 0 warnings in 1 of 13 files."
    `);
  });

  it('refuses 1,000 nested list levels at once instead of parsing for minutes', async () => {
    expect(await check({ 'articles/tekst.mdx': article({}, `Wstęp.\n\n${'- '.repeat(1_000)}punkt\n`) })).toMatchInlineSnapshot(`
      "content/articles/tekst.mdx:10:1 limit: the line starts with 2000 characters of quote, list or indentation markers, more than the 100 allowed (nest quotes and lists a few levels deep at most)
      Content check: 1 error and 0 warnings in 1 of 13 files."
    `);
  });

  it('refuses lists indented 300 levels deep', async () => {
    const list = Array.from({ length: 300 }, (_, level) => `${'  '.repeat(level)}- punkt`).join('\n');
    expect(await check({ 'articles/tekst.mdx': article({}, `Wstęp.\n\n${list}\n`) })).toMatchInlineSnapshot(`
      "content/articles/tekst.mdx:60:1 limit: the line starts with 102 characters of quote, list or indentation markers, more than the 100 allowed (nest quotes and lists a few levels deep at most)
      Content check: 1 error and 0 warnings in 1 of 13 files."
    `);
  });

  it('refuses *_ repeated 20,000 times at once instead of never finishing', async () => {
    expect(await check({ 'articles/tekst.mdx': article({}, `Wstęp.\n\n${'*_'.repeat(20_000)}\n`) })).toMatchInlineSnapshot(`
      "content/articles/tekst.mdx:10:1 limit: the paragraph has more than 500 emphasis marks (*, _ or ~) (remove the repeated marks; for a literal * or _ write \\* or \\_)
      Content check: 1 error and 0 warnings in 1 of 13 files."
    `);
  });

  it('refuses 10,000 opening brackets in a paragraph', async () => {
    expect(await check({ 'articles/tekst.mdx': article({}, `${'![a]('.repeat(10_000)}\n`) })).toMatchInlineSnapshot(`
      "content/articles/tekst.mdx:8:1 limit: the paragraph has more than 500 opening brackets [ (remove the repeated brackets; for a literal [ write \\[)
      Content check: 1 error and 0 warnings in 1 of 13 files."
    `);
  });

  it('refuses a file larger than the limit without parsing it', async () => {
    expect(await check({ 'articles/tekst.mdx': article({}, 'Długi tekst. '.repeat(25_000)) })).toMatchInlineSnapshot(`
      "content/articles/tekst.mdx:1:1 limit: the file has 350,095 bytes, more than the 300,000 allowed (split the text into several articles, or remove what was pasted by mistake)
      Content check: 1 error and 0 warnings in 1 of 13 files."
    `);
  });

  it('refuses a file whose check takes longer than the time limit, with its name', async () => {
    // A limit no check can meet stands in for input slow enough to exceed the real one.
    const report = await check({ 'articles/tekst.mdx': article({}) }, 0.000_001);
    expect(report).toMatch(
      /^content\/articles\/tekst\.mdx:1:1 limit: checking the file took \d+\.\d s, more than the 0\.0 s allowed \(shorten the file, or remove repeated markup such as long runs of \*, _, \[ or <\)$/m,
    );
  });

  it('still accepts a long article with ordinary nesting and emphasis', async () => {
    const paragraph = 'Akapit z *kursywą*, **pogrubieniem**, ~~skreśleniem~~ i [linkiem](https://example.com/).';
    const body = [
      ...Array.from({ length: 300 }, () => paragraph),
      '> cytat\n> > w cytacie',
      '- punkt\n  - podpunkt\n    - podpodpunkt',
      '<div><div><span>znaczniki</span></div></div>',
    ].join('\n\n');
    expect(await check({ 'articles/tekst.mdx': article({}, `${body}\n`) })).toMatchInlineSnapshot(
      `"Content check: 13 files checked, no problems."`,
    );
  });
});

describe('raw HTML is an allow-list', () => {
  it('refuses <noscript>, whose </noscript> inside an attribute ends it early in a browser (mXSS)', async () => {
    const body = '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>\n';
    expect(await check({ 'articles/tekst.mdx': article({}, body) })).toMatchInlineSnapshot(`
      "content/articles/tekst.mdx:8:1 forbidden-element: <noscript> is not allowed in content (remove it: scripts cannot be part of content)
      Content check: 1 error and 0 warnings in 1 of 13 files."
    `);
  });

  it('refuses SVG animation that sets href to javascript: (<animate>, <set>)', async () => {
    const body = [
      '<svg><animate attributeName="href" values="javascript:alert(1)" /></svg>',
      '<svg><set attributeName="href" to="javascript:alert(1)" /></svg>',
      '',
    ].join('\n\n');
    expect(await check({ 'articles/tekst.mdx': article({}, body) })).toMatchInlineSnapshot(`
      "content/articles/tekst.mdx:8:1 forbidden-element: <svg> is not allowed in content (use a photo or chart as <Figure src="../images/….png" alt="…" /> instead)
      content/articles/tekst.mdx:10:1 forbidden-element: <svg> is not allowed in content (use a photo or chart as <Figure src="../images/….png" alt="…" /> instead)
      Content check: 2 errors and 0 warnings in 1 of 13 files."
    `);
  });

  it('refuses <svg:script> and xlink:href', async () => {
    const body = '<svg:script>alert(1)</svg:script>\n\n<a xlink:href="javascript:alert(1)">link</a>\n';
    expect(await check({ 'articles/tekst.mdx': article({}, body) })).toMatchInlineSnapshot(`
      "content/articles/tekst.mdx:8:1 forbidden-element: <svg:script> is not allowed in content (remove it: scripts cannot be part of content)
      content/articles/tekst.mdx:10:4 forbidden-attribute: the attribute xlink:href is not allowed on <a> (remove it; <a> may have title, lang, dir, translate, href, hreflang)
      Content check: 2 errors and 0 warnings in 1 of 13 files."
    `);
  });

  it('refuses attributes that are not on the list (class, id) and every scheme outside the URL allow-list', async () => {
    const body = [
      '<span class="ad-slot" id="main">tekst</span>',
      '<a href="java\tscript:alert(1)">a</a> <a href="blob:https://example.com/x">b</a> [c](file:///etc/passwd)',
      '',
    ].join('\n\n');
    expect(await check({ 'articles/tekst.mdx': article({}, body) })).toMatchInlineSnapshot(`
      "content/articles/tekst.mdx:8:7 forbidden-attribute: the attribute class is not allowed on <span> (remove it; <span> may have title, lang, dir, translate)
      content/articles/tekst.mdx:8:23 forbidden-attribute: the attribute id is not allowed on <span> (remove it; <span> may have title, lang, dir, translate)
      content/articles/tekst.mdx:10:4 unsafe-url: javascript: addresses are not allowed (link to an https:// address or a page of the site)
      content/articles/tekst.mdx:10:41 unsafe-url: blob: addresses are not allowed (link to an https:// address or a page of the site)
      content/articles/tekst.mdx:10:81 unsafe-url: file: addresses are not allowed (link to an https:// address or a page of the site)
      Content check: 5 errors and 0 warnings in 1 of 13 files."
    `);
  });

  it('accepts the elements and addresses editors need', async () => {
    const body = [
      '<abbr title="Urząd Ochrony Danych Osobowych">UODO</abbr>, m<sup>2</sup>, H<sub>2</sub>O, <q cite="https://example.com/">cytat</q>',
      '<a href="tel:+48221234567">zadzwoń</a>, <a href="mailto:redakcja@szpalta.example">napisz</a>, <a href="#przypisy">przypisy</a>',
      '<details><summary>Więcej</summary>Tekst.</details>',
      '',
    ].join('\n\n');
    expect(await check({ 'articles/tekst.mdx': article({}, body) })).toMatchInlineSnapshot(
      `"Content check: 13 files checked, no problems."`,
    );
  });
});

describe('one image rule for the check, the build and the CMS', () => {
  it('refuses an .svg sponsor logo, which passed the check and the build while the CMS refused to save it', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>\n';
    const report = await check({
      'images/sponsors/tarcza.svg': svg,
      'sponsors/tarcza.yml': 'name: Tarcza Cyfrowa\nurl: https://tarcza.example\nlogo: ../images/sponsors/tarcza.svg\n',
      'articles/tekst.mdx': article(
        {},
        'Wstęp.\n\n![Wykres](../images/wykres.svg)\n\n<Figure src="../images/wykres.svg" alt="Wykres" />\n',
      ),
    });
    expect(report).toMatchInlineSnapshot(`
      "content/articles/tekst.mdx:10:1 image: "../images/wykres.svg" is an SVG file, which can carry scripts, so the site does not serve it (save it as PNG or WebP instead; both keep a logo's transparent background)
      content/articles/tekst.mdx:12:9 Figure.src: "../images/wykres.svg" is an SVG file, which can carry scripts, so the site does not serve it (save it as PNG or WebP instead; both keep a logo's transparent background)
      content/images/sponsors/tarcza.svg:1:1 unexpected-file: an SVG file, which can carry scripts, so the site does not use it (keep only JPEG, PNG or WebP files in content/images, a logo as PNG or WebP; move this one out of the content folder or delete it)
      content/sponsors/tarcza.yml:3:7 logo: "../images/sponsors/tarcza.svg" is an SVG file, which can carry scripts, so the site does not serve it (save it as PNG or WebP instead; both keep a logo's transparent background)
      Content check: 4 errors and 0 warnings in 3 of 13 files."
    `);
  });
});
