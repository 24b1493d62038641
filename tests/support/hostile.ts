import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { FIXTURE_DIR } from './fixture.ts';

/**
 * Strings an editor (or an attacker posing as one) may type into any text field, that the
 * content check accepts: quotes and brackets that would end an attribute or an element,
 * `]]>` that ends CDATA, closing tags of raw-text elements, character references that must
 * stay text, bidirectional overrides, joiners, astral-plane emoji and replacement patterns.
 */
export const HOSTILE_STRINGS: readonly string[] = [
  `&quot;'><x>`,
  `"'><img src=x onerror=alert(1)>`,
  `</script><script>alert(1)</script>`,
  `</noscript><p title="</noscript><img src=x onerror=alert(1)>">`,
  `]]><![CDATA[<x>]]>`,
  `a & b &amp; &lt; &#x3C; &#0; &bogus;`,
  `{not.code} \\ *not emphasis* _x_ \`tick\` [x](javascript:alert(1))`,
  `\u202Eodwrócony\u202C i \u200Fznak RTL\u200E`,
  `Zażółć gęślą jaźń 🇵🇱 👩‍💻 𝕏`,
  `--> <!-- komentarz <?php echo 1 ?>`,
  `</title></head><body>`,
  `$& $1 $\` $' \${x}`,
  `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "b">]>&e;`,
];

/** Every text field the hostile fixture fills, with the value it was given. */
export type HostileValues = Record<string, string>;

/** A distinct hostile value for `field`: a marker naming the field, then one of the strings. */
function valueFor(field: string, index: number, max = 200): string {
  const hostile = HOSTILE_STRINGS[index % HOSTILE_STRINGS.length] ?? '';
  // Cut by code points: cutting an emoji's surrogate pair in half would make the value invalid.
  return Array.from(`${field.toUpperCase()} ${hostile}`).slice(0, max).join('').trim();
}

/** Markdown text that renders as exactly `text`: every ASCII punctuation character backslash-escaped. */
export function markdownText(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, (char) => `\\${char}`);
}

/** `text` as a double-quoted JSX attribute value (MDX decodes character references in it). */
export function jsxAttribute(text: string): string {
  return `"${text.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
}

const HOUR = 60 * 60 * 1000;

/**
 * Writes a content folder whose every text field holds a hostile string into `target`, and
 * returns the values by field name (`article.title`, `figure.alt`, `tag.description`…).
 * The article is dated hours before `clock`, so it is in the Google News sitemap too.
 */
export async function prepareHostileFixture(target: string, clock: Date): Promise<HostileValues> {
  await rm(target, { recursive: true, force: true });
  await mkdir(target, { recursive: true });
  for (const folder of ['articles', 'authors', 'tags', 'sponsors', 'pages', 'settings']) await mkdir(join(target, folder));
  await cp(join(FIXTURE_DIR, 'images'), join(target, 'images'), { recursive: true });

  const values: HostileValues = {};
  let counter = 0;
  const text = (field: string, max?: number) => (values[field] = valueFor(field, counter++, max));

  const settings = {
    name: text('settings.name'),
    tagline: text('settings.tagline'),
    description: text('settings.description'),
    url: 'https://wrogie.szpalta.example',
    language: 'pl',
    navigation: [{ label: text('settings.navigation.label'), href: '/tagi/wrogi-tag/' }],
    footer: { text: text('settings.footer.text'), links: [{ label: text('settings.footer.label'), href: '/wroga-strona/' }] },
  };
  const author = {
    name: text('author.name'),
    role: text('author.role'),
    bio: text('author.bio'),
    links: [{ label: text('author.link.label'), url: 'https://autor.example/' }],
  };
  const tag = { name: text('tag.name'), description: text('tag.description') };
  const sponsor = { name: text('sponsor.name'), url: 'https://sponsor.example/', disclosure: text('sponsor.disclosure') };
  const page = { title: text('page.title'), description: text('page.description') };
  const article = {
    title: text('article.title'),
    lead: text('article.lead'),
    pubDate: new Date(clock.getTime() - 3 * HOUR).toISOString(),
    authors: ['wrogi-autor'],
    tags: ['wrogi-tag'],
    source: text('article.source', 40),
    sponsor: 'wrogi-sponsor',
    hero: {
      image: '../images/serwerownia.jpg',
      alt: text('hero.alt'),
      caption: text('hero.caption'),
      credit: text('hero.credit'),
    },
  };
  const body = {
    paragraph: text('body.paragraph'),
    heading: text('body.heading'),
    figureAlt: text('figure.alt'),
    figureCaption: text('figure.caption'),
    figureCredit: text('figure.credit'),
    calloutTitle: text('callout.title'),
    calloutText: text('callout.text'),
    quoteAuthor: text('quote.author'),
    quoteSource: text('quote.source'),
    embedTitle: text('embed.title'),
    embedProvider: text('embed.provider'),
    pageParagraph: text('page.paragraph'),
  };

  const frontMatter = (data: unknown) => `---\n${stringify(data)}---\n`;
  await writeFile(join(target, 'settings', 'site.yml'), stringify(settings));
  await writeFile(join(target, 'authors', 'wrogi-autor.yml'), stringify(author));
  await writeFile(join(target, 'tags', 'wrogi-tag.yml'), stringify(tag));
  await writeFile(join(target, 'sponsors', 'wrogi-sponsor.yml'), stringify(sponsor));
  await writeFile(join(target, 'pages', 'wroga-strona.mdx'), `${frontMatter(page)}\n${markdownText(body.pageParagraph)}\n`);
  await writeFile(
    join(target, 'articles', 'wrogi-artykul.mdx'),
    `${frontMatter(article)}
${markdownText(body.paragraph)}

## ${markdownText(body.heading)}

<Figure src="../images/sklep.jpg" alt=${jsxAttribute(body.figureAlt)} caption=${jsxAttribute(body.figureCaption)} credit=${jsxAttribute(body.figureCredit)} />

<Callout type="warning" title=${jsxAttribute(body.calloutTitle)}>
${markdownText(body.calloutText)}
</Callout>

<Quote author=${jsxAttribute(body.quoteAuthor)} source=${jsxAttribute(body.quoteSource)}>
Cytat.
</Quote>

<Embed url="https://video.example/film?a=1" title=${jsxAttribute(body.embedTitle)} provider=${jsxAttribute(body.embedProvider)} />
`,
  );
  return values;
}
