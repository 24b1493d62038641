import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Node as PMNode } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../../admin/src/formats/index.ts';
import { openBody, saveBody } from '../../../admin/src/mdx/document.ts';
import { schema } from '../../../admin/src/mdx/editor/schema.ts';
import { merge3 } from '../../../admin/src/mdx/merge.ts';
import { checkBody } from '../../../admin/src/mdx/policy.ts';
import { parseMdx } from '../../../admin/src/mdx/syntax.ts';
import { FIXTURE_CONTENT, SAMPLE_CONTENT } from '../support/cms.ts';

/**
 * The body editor's text model without a browser: opening and saving keeps every byte,
 * an edit changes only its own characters, and whatever an editor types is written so that
 * it reads back as exactly that text.
 */

const BODY = `
Akapit _pierwszy_ z **pogrubieniem** i [linkiem](https://example.com "tytuł").
Druga linia tego akapitu, a_b oraz \\{nawias}.

## Śródtytuł

* punkt jeden
* punkt dwa

<Callout type="warning" title="Uwaga">
Tekst ramki z jednym słowem.
</Callout>

<Figure src="../images/x.jpg" alt="Opis" caption="Podpis" />

{/* komentarz redakcji */}

\`\`\`js
kod()
\`\`\`

> Cytat w linii
> i druga linia

Ostatni akapit.
`;

/** Replaces the first occurrence of `word` in the document's text with `by`. */
function replaceWord(doc: PMNode, word: string, by: string): PMNode {
  const tr = new Transform(doc);
  let done = false;
  doc.descendants((node, pos) => {
    if (done || !node.isText) return;
    const at = node.text?.indexOf(word) ?? -1;
    if (at >= 0) {
      tr.replaceWith(pos + at, pos + at + word.length, schema.text(by, node.marks));
      done = true;
    }
  });
  if (tr.doc === doc) throw new Error(`"${word}" is not in the document`);
  return tr.doc;
}

async function articleBodies(folder: string): Promise<[string, string][]> {
  const files = (await readdir(join(folder, 'articles'))).filter((name) => name.endsWith('.mdx'));
  return Promise.all(
    files.map(async (name): Promise<[string, string]> => {
      const text = await readFile(join(folder, 'articles', name), 'utf8');
      return [name, splitFrontmatter(text)?.body ?? text];
    }),
  );
}

const bodies = [...(await articleBodies(SAMPLE_CONTENT)), ...(await articleBodies(FIXTURE_CONTENT))];

describe('opening and saving a body', () => {
  it('keeps every byte when nothing is edited', () => {
    const opened = openBody(BODY);
    expect(saveBody(opened, opened.doc)).toBe(BODY);
  });

  it.each(bodies)('keeps every byte of %s when nothing is edited', (_name, body) => {
    const opened = openBody(body);
    expect(saveBody(opened, opened.doc)).toBe(body);
  });

  it.each([
    ['pierwszy', 'PIERWSZY'],
    ['Druga', 'Trzecia'],
    ['jeden', 'jedenaście'],
    ['słowem', 'zdaniem'],
    ['druga', 'trzecia'],
    ['Ostatni', 'Końcowy'],
  ])('changes only "%s" when the editor changes it', (word, by) => {
    const opened = openBody(BODY);
    expect(saveBody(opened, replaceWord(opened.doc, word, by))).toBe(BODY.replace(word, by));
  });

  it('escapes what an editor types in a heading', () => {
    const opened = openBody(BODY);
    expect(saveBody(opened, replaceWord(opened.doc, 'Śródtytuł', 'Tytuł {x} <y>'))).toBe(
      BODY.replace('## Śródtytuł', '## Tytuł \\{x\\} \\<y>'),
    );
  });

  it('changes only the prop an editor edits in a component form', () => {
    const opened = openBody(BODY);
    let figure = -1;
    opened.doc.forEach((node, offset) => {
      if (node.type.name === 'embed') figure = offset;
    });
    const node = opened.doc.nodeAt(figure);
    if (!node) throw new Error('no figure');
    const tr = new Transform(opened.doc).setNodeMarkup(figure, undefined, {
      ...node.attrs,
      props: [
        ['src', '../images/x.jpg'],
        ['alt', 'Nowy "opis" & {więcej}'],
        ['caption', 'Podpis'],
      ],
    });
    expect(saveBody(opened, tr.doc)).toBe(BODY.replace('alt="Opis"', 'alt="Nowy &#x22;opis&#x22; & {więcej}"'));
  });

  it('removes a deleted block with its separator and nothing else', () => {
    const opened = openBody(BODY);
    let start = -1;
    let size = 0;
    opened.doc.forEach((node, offset) => {
      if (node.type.name === 'raw' && String(node.attrs['source']).startsWith('```')) {
        start = offset;
        size = node.nodeSize;
      }
    });
    const tr = new Transform(opened.doc).delete(start, start + size);
    expect(saveBody(opened, tr.doc)).toBe(BODY.replace('```js\nkod()\n```\n\n', ''));
  });
});

/** Text editors type that means something in MDX or Markdown. */
const typed = [
  'Nawiasy { i } oraz {wyrażenie}',
  'Znaczniki <div> i <Callout> oraz a < b > c',
  'Encje &amp; &#123; &copy; i sam &',
  'Cudzysłowy "proste" i \'pojedyncze\'',
  'pod_kreślenie, _kursywa_ i *gwiazdki* oraz **dwie**',
  '# nie nagłówek',
  '> nie cytat',
  '- nie lista',
  '1. nie lista numerowana',
  '`nie kod` i ~~nie skreślenie~~',
  '[nie link](https://example.com) i https://example.com',
  'Ukośnik \\ i \\{ ucieczka',
  '<!-- nie komentarz --> {/* nie komentarz */}',
  'import x from "y"',
  'export const a = 1',
  '| nie | tabela |',
  '[^1] nie przypis',
];

describe('text typed in the rich editor', () => {
  it.each(typed)('is saved so that it reads back literally: %s', (text) => {
    const opened = openBody('\nAkapit.\n');
    const tr = new Transform(opened.doc).insert(opened.doc.content.size, schema.nodes.paragraph.create(null, schema.text(text)));
    const saved = saveBody(opened, tr.doc);
    expect(checkBody(saved)).toEqual([]);
    const [first, second, ...rest] = parseMdx(saved).children;
    expect(rest).toEqual([]);
    expect(first?.type).toBe('paragraph');
    expect(second?.type).toBe('paragraph');
    // A bare https:// address becomes a link, as GitHub-flavoured Markdown does on the site; its text stays.
    expect(second && toString(second)).toBe(text);
    const kinds = new Set<string>();
    if (second) visit(second, (node) => void kinds.add(node.type));
    expect([...kinds].filter((kind) => !['paragraph', 'text', 'link'].includes(kind))).toEqual([]);
  });
});

describe('merge3', () => {
  it('carries a change over to differently written text', () => {
    expect(merge3('- _a_ kot', '* *a* kot', '* *a* pies')).toBe('- _a_ pies');
  });

  it('gives up when the change touches text the source writes differently', () => {
    expect(merge3('- _a_ kot', '* *a* kot', '+ *a* kot')).toBeUndefined();
  });
});

describe('an edit that cannot be carried over to the source text', () => {
  it('rewrites that block alone, in the form the editor writes', () => {
    const opened = openBody(BODY);
    const tr = new Transform(opened.doc);
    opened.doc.descendants((node, pos) => {
      const at = node.isText ? (node.text?.indexOf('pierwszy') ?? -1) : -1;
      if (at >= 0) tr.addMark(pos + at, pos + at + 'pierwszy'.length, schema.marks.strong.create());
    });
    const saved = saveBody(opened, tr.doc);
    const firstBlockEnd = BODY.indexOf('\n\n## ');
    expect(saved.slice(saved.indexOf('\n\n## '))).toBe(BODY.slice(firstBlockEnd));
    const paragraph = parseMdx(saved).children[0];
    const strong = paragraph && 'children' in paragraph ? paragraph.children.find((child) => child.type !== 'text') : undefined;
    expect(strong && toString(strong)).toBe('pierwszy');
    expect(JSON.stringify(strong)).toContain('"strong"');
  });
});
