import { describe, expect, it } from 'vitest';
import { convertBody, splitCredit, type BodyContext } from '../../wordpress-import/lib/body.ts';
import { autop } from '../../wordpress-import/lib/autop.ts';
import { replaceShortcodes } from '../../wordpress-import/lib/shortcodes.ts';
import { parseMdx } from '../../src/content-model/mdx-parser.ts';
import { plainTextOf } from '../../src/utils/reading-time.ts';

/** A body context whose uploads hold every image except `brak.jpg`, collecting warnings. */
function context(overrides: Partial<BodyContext> = {}) {
  const warnings: string[] = [];
  const value: BodyContext = {
    image: (url) => (url.includes('brak') ? undefined : { src: `../images/wordpress/${url.split('/').pop() ?? ''}` }),
    attachment: (id) =>
      id === '7' ? { url: 'https://old.example/wp-content/uploads/siedem.jpg', alt: 'Siedem', caption: 'Siódme zdjęcie' } : undefined,
    attachedImages: () => [],
    link: (url) => (url === 'https://old.example/2020/01/02/stary/' ? '/artykuly/stary/' : url),
    warn: (message) => warnings.push(message),
    ...overrides,
  };
  return { value, warnings };
}

describe('text arrives literally', () => {
  it('escapes what MDX would read as syntax, so the page shows the same characters WordPress showed', () => {
    const { value } = context();
    const html =
      'Klamry {x} i }, gwiazdki *a* _b_, 2 < 3, `kod`, # nie nagłówek, [nawias] i \\ ukośnik &amp; &bdquo;cudzysłów&rdquo; &hellip;';
    const { mdx } = convertBody(html, value);
    expect(plainTextOf(parseMdx(mdx))).toBe(
      'Klamry {x} i }, gwiazdki *a* _b_, 2 < 3, `kod`, # nie nagłówek, [nawias] i \\ ukośnik & „cudzysłów” …',
    );
  });

  it('applies the paragraph rules of the classic editor: blank line → paragraph, single line break → <br>', () => {
    expect(autop('Pierwszy\ndrugi wiersz\n\nNowy akapit')).toBe('<p>Pierwszy<br />\ndrugi wiersz</p>\n<p>Nowy akapit</p>\n');
    const { mdx } = convertBody('Pierwszy\ndrugi wiersz\n\nNowy akapit', context().value);
    const tree = parseMdx(mdx);
    expect(tree.children.map((node) => node.type)).toEqual(['paragraph', 'paragraph']);
    expect(JSON.stringify(tree.children[0])).toContain('"type":"break"');
  });
});

describe('shortcodes', () => {
  it('turns [caption] into a Figure with its caption and credit', () => {
    const { mdx } = convertBody(
      '[caption id="attachment_1" width="300"]<a href="https://old.example/wp-content/uploads/kot.jpg"><img src="https://old.example/wp-content/uploads/kot-300x200.jpg" alt="Kot" /></a> Kot na płocie. Fot. Jan Nowak[/caption]',
      context().value,
    );
    expect(mdx.trim()).toBe('<Figure src="../images/wordpress/kot-300x200.jpg" alt="Kot" caption="Kot na płocie." credit="Jan Nowak" />');
  });

  it('reads the caption attribute of the older [caption caption="…"] form', () => {
    const { mdx } = convertBody(
      '[caption caption="Stary &quot;podpis&quot;"]<img src="https://old.example/wp-content/uploads/a.jpg" alt="" />[/caption]',
      context().value,
    );
    expect(mdx).toContain('caption="Stary &#x22;podpis&#x22;"');
    expect(mdx).toContain('alt="Stary \\"podpis\\""'.replace(/\\"/g, '&#x22;'));
  });

  it('turns [gallery ids] into figures, [embed] and [youtube] into Embeds', () => {
    const { mdx } = convertBody(
      '[gallery ids="7"]\n\n[embed]https://www.youtube.com/watch?v=abc123[/embed]\n\n[youtube=https://youtu.be/xyz789]',
      context().value,
    );
    expect(mdx).toContain('<Figure src="../images/wordpress/siedem.jpg" alt="Siedem" caption="Siódme zdjęcie" />');
    expect(mdx).toContain('<Embed url="https://www.youtube.com/watch?v=abc123" title="Film w serwisie YouTube" provider="YouTube" />');
    expect(mdx).toContain('<Embed url="https://youtu.be/xyz789"');
  });

  it('removes an unknown shortcode and reports it by name, keeping its text; [[x]] and a bare [sic] stay text', () => {
    const { value, warnings } = context();
    const { mdx } = convertBody('Przed [contact-form-7 id="5"] [box kolor="red"]w ramce[/box] [[caption]] [sic] po', value);
    expect(plainTextOf(parseMdx(mdx))).toBe('Przed w ramce [caption] [sic] po');
    expect(warnings).toEqual(['unknown shortcode [contact-form-7] removed', 'unknown shortcode [box] removed']);
  });

  it('finds shortcodes the way WordPress does, attributes in every quoting style', () => {
    const found: unknown[] = [];
    replaceShortcodes('[gallery ids="1,2" columns=3 link=\'file\' size]', (code) => {
      found.push(code);
      return '';
    });
    expect(found).toEqual([{ name: 'gallery', attrs: { ids: '1,2', columns: '3', link: 'file', '0': 'size' }, content: undefined }]);
  });
});

describe('blocks', () => {
  const blocks = `<!-- wp:heading {"level":1} -->
<h1>Tytuł w treści</h1>
<!-- /wp:heading -->
<!-- wp:heading {"level":4} -->
<h4>Za głęboko</h4>
<!-- /wp:heading -->
<!-- wp:image {"id":3} -->
<figure class="wp-block-image"><img src="https://old.example/wp-content/uploads/b.jpg" alt="B"/><figcaption>Podpis. Foto: PAP</figcaption></figure>
<!-- /wp:image -->
<!-- wp:quote -->
<blockquote class="wp-block-quote"><p>Cytat</p><cite>Ktoś Ważny</cite></blockquote>
<!-- /wp:quote -->
<!-- wp:quote -->
<blockquote class="wp-block-quote"><p>Bez autora</p></blockquote>
<!-- /wp:quote -->
<!-- wp:embed {"url":"https://vimeo.com/12345"} -->
<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">https://vimeo.com/12345</div></figure>
<!-- /wp:embed -->
<!-- wp:table -->
<figure class="wp-block-table"><table><tbody><tr><td>a</td><td>b</td></tr></tbody></table></figure>
<!-- /wp:table -->
<!-- wp:latest-posts /-->
<!-- wp:more -->
<!--more-->
<!-- /wp:more -->`;

  it('maps core blocks to Markdown and the registered components, with no block comment left', () => {
    const { mdx } = convertBody(blocks, context().value);
    expect(mdx).not.toContain('wp:');
    expect(mdx).not.toContain('<!--');
    expect(mdx).toContain('## Tytuł w treści');
    // A level-4 heading after a level-2 one would skip a level.
    expect(mdx).toContain('### Za głęboko');
    expect(mdx).toContain('<Figure src="../images/wordpress/b.jpg" alt="B" caption="Podpis." credit="PAP" />');
    expect(mdx).toContain('<Quote author="Ktoś Ważny">');
    expect(mdx).toContain('> Bez autora');
    expect(mdx).toContain('<Embed url="https://vimeo.com/12345" title="Film w serwisie Vimeo" provider="Vimeo" />');
    expect(mdx).toMatch(/\| a \| b \|/);
  });

  it('drops an image missing from the uploads (the caller reports it) and keeps the rest', () => {
    const reported: string[] = [];
    const { value } = context({
      image: (url) => {
        reported.push(url);
        return undefined;
      },
    });
    const { mdx } = convertBody('<p>Tekst</p><p><img src="https://old.example/wp-content/uploads/brak.jpg" alt="x"></p>', value);
    expect(mdx.trim()).toBe('Tekst');
    expect(reported).toEqual(['https://old.example/wp-content/uploads/brak.jpg']);
  });
});

describe('what content may not carry', () => {
  it('removes scripts, styles, forms, foreign iframes and event handlers, reporting each kind', () => {
    const { value, warnings } = context();
    const { mdx } = convertBody(
      '<p onclick="steal()">Tekst</p><script>alert(1)</script><style>p{}</style><form action="/x"><input name="q"></form><iframe src="https://evil.example/"></iframe><iframe src="https://www.youtube.com/embed/abcdef"></iframe><a href="javascript:alert(1)">klik</a>',
      value,
    );
    expect(mdx).not.toMatch(/script|style|form|iframe|onclick|javascript/i);
    expect(mdx).toContain('<Embed url="https://www.youtube.com/watch?v=abcdef"');
    expect(warnings).toEqual(
      expect.arrayContaining([
        '<script> removed',
        '<style> removed',
        '<form> removed',
        'iframe of https://evil.example/ removed',
        'a javascript: link removed',
      ]),
    );
  });
});

describe('links and signatures', () => {
  it('turns an image linked to its full size into a Figure, without the link, and keeps the text beside it', () => {
    const links: string[] = [];
    const { value } = context({ link: (url) => (links.push(url), url) });
    const { mdx } = convertBody(
      '<p><a href="https://old.example/wp-content/uploads/duze.jpg"><img src="https://old.example/wp-content/uploads/duze-300x200.jpg" alt="Duże"></a> i tekst obok</p>',
      value,
    );
    expect(mdx).toBe('<Figure src="../images/wordpress/duze-300x200.jpg" alt="Duże" />\n\ni tekst obok\n');
    expect(links).toEqual([]);
  });

  it('rewrites links to the old site to the new addresses', () => {
    const { mdx } = convertBody('<a href="https://old.example/2020/01/02/stary/">stary tekst</a>', context().value);
    expect(mdx.trim()).toBe('[stary tekst](/artykuly/stary/)');
  });

  it('takes a trailing agency signature as the source', () => {
    expect(convertBody('Ostatnie zdanie. (PAP)', context().value)).toMatchObject({ source: 'PAP' });
    expect(convertBody('Zdanie w nawiasie (to nie agencja)', context().value)).toMatchObject({ source: undefined });
  });

  it('splits a caption into caption and credit', () => {
    expect(splitCredit('Łąka o świcie. Źródło: archiwum')).toEqual({ caption: 'Łąka o świcie.', credit: 'archiwum' });
    expect(splitCredit('Podpis (Foto: EPA)')).toEqual({ caption: 'Podpis', credit: 'EPA' });
    expect(splitCredit('Fotografia z wakacji')).toEqual({ caption: 'Fotografia z wakacji', credit: undefined });
  });
});
