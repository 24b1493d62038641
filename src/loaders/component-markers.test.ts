import { describe, expect, it } from 'vitest';
import { needsMdx } from './content.ts';
import { componentsToMarkers, parseBodyHtml, type BodyNode } from './component-markers.ts';

const plain = (text: string) => !needsMdx(text);
const toMarkers = (body: string) => componentsToMarkers(body, plain);

/** The markers of a converted body, decoded back into nodes (the Markdown between them is kept as text). */
const nodesOf = (body: string): BodyNode[] => parseBodyHtml(converted(body));

/** The body with markers; fails the test when the body is left to MDX. */
function converted(body: string): string {
  const markdown = toMarkers(body);
  if (markdown === undefined) throw new Error('not converted');
  return markdown;
}

describe('componentsToMarkers', () => {
  it('turns block components with string props into markers and keeps the Markdown around them', () => {
    const body = [
      'Pierwszy akapit z **pogrubieniem**.',
      '',
      '<Callout type="warning" title="Uwaga: „oszuści” & spółka">',
      'Treść ramki.',
      '',
      '<Figure src="../images/a.jpg" alt="Zdjęcie" caption="Podpis" />',
      '</Callout>',
      '',
      'Ostatni akapit.',
    ].join('\n');
    const nodes = nodesOf(body);
    const trimmed = (list: BodyNode[] | undefined): unknown[] =>
      (list ?? []).map((node) =>
        node.kind === 'html'
          ? node.html.trim()
          : node.kind === 'component'
            ? { ...node, children: node.children && trimmed(node.children) }
            : node,
      );
    expect(trimmed(nodes)).toEqual([
      'Pierwszy akapit z **pogrubieniem**.',
      {
        kind: 'component',
        name: 'Callout',
        props: { type: 'warning', title: 'Uwaga: „oszuści” & spółka' },
        children: [
          'Treść ramki.',
          { kind: 'component', name: 'Figure', props: { src: '../images/a.jpg', alt: 'Zdjęcie', caption: 'Podpis' }, children: undefined },
        ],
      },
      'Ostatni akapit.',
    ]);
  });

  it('decodes character references in props as MDX does', () => {
    const nodes = nodesOf('<Embed url="https://example.com/?a=1&amp;b=2" title="A &quot;B&quot;" />');
    expect(nodes.find((node) => node.kind === 'component')).toMatchObject({
      props: { url: 'https://example.com/?a=1&b=2', title: 'A "B"' },
    });
  });

  it.each([
    ['an unknown component', '<Gallery src="x" />'],
    ['an HTML element', '<div>tekst</div>'],
    ['a component inside a paragraph', 'Tekst <Ad /> dalej.'],
    ['an expression prop', '<Ad slot={"x"} />'],
    ['a spread prop', '<Ad {...props} />'],
    ['an expression', 'Tekst {1 + 1}.'],
    ['a comment expression', '{/* uwaga */}\n\nTekst.'],
    ['an import', 'import X from "y"\n\nTekst.'],
    ['text after an opening tag on its line', '<Callout>Tekst ramki.\n</Callout>'],
    ['text before a closing tag on its line', '<Callout>\nTekst ramki.</Callout>'],
    ['a component and its closing tag on one line', '<Quote>Cytat</Quote>'],
    ['indented code between components', '<Ad />\n\n    kod\n'],
    ['a Markdown image', '![opis](../images/a.jpg)\n\n<Ad />'],
    ['MDX that does not parse', '<Callout>\nTekst\n'],
  ])('leaves %s to MDX', (_, body) => {
    expect(toMarkers(body)).toBeUndefined();
  });
});

describe('parseBodyHtml', () => {
  it('keeps top-level paragraph ends and drops those inside components', () => {
    const html = converted('<Quote author="Ktoś">\nCytat.\n</Quote>')
      .replace('Cytat.', '<p>Cytat.</p><!--szpalta:paragraph-end-->')
      .concat('<p>a</p><!--szpalta:paragraph-end--><p>b</p>');
    const nodes = parseBodyHtml(html);
    expect(nodes.filter((node) => node.kind === 'paragraph-end')).toHaveLength(1);
    expect(nodes.find((node) => node.kind === 'component')).toMatchObject({
      name: 'Quote',
      children: [{ kind: 'html', html: '<p>Cytat.</p>' }],
    });
  });

  it('lays out a body with components as MDX blocks, and leaves one without components as it is', () => {
    const withComponent = parseBodyHtml('<p>a</p>\n\n<!--szpalta:void:Ad:e30-->\n\n<p>b</p>\n<!--szpalta:paragraph-end-->\n<p>c</p>\n');
    expect(withComponent).toEqual([
      { kind: 'html', html: '<p>a</p>' },
      { kind: 'component', name: 'Ad', props: {} },
      { kind: 'html', html: '<p>b</p>' },
      { kind: 'paragraph-end' },
      { kind: 'html', html: '<p>c</p>' },
    ]);
    expect(parseBodyHtml('<p>a</p>\n<!--szpalta:paragraph-end-->\n<p>b</p>\n')).toEqual([
      { kind: 'html', html: '<p>a</p>\n' },
      { kind: 'paragraph-end' },
      { kind: 'html', html: '\n<p>b</p>\n' },
    ]);
  });

  it('refuses unbalanced markers and unknown names', () => {
    expect(() => parseBodyHtml('<!--szpalta:close-->')).toThrow(/not opened/);
    expect(() => parseBodyHtml(converted('<Callout>\nTekst.\n</Callout>').replace('<!--szpalta:close-->', ''))).toThrow(/not closed/);
    expect(() => parseBodyHtml('<!--szpalta:void:Script:e30-->')).toThrow(/unknown component Script/);
  });
});
