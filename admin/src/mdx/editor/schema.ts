import { Schema, type DOMOutputSpec } from 'prosemirror-model';
import { mdxComponents } from '../../../../src/components/mdx/registry.ts';

/**
 * The document model of the rich body editor: what editors may write (paragraphs,
 * headings, quotes, lists, bold, italic, links, inline code), the registry's components
 * (`component`: with text inside, `embed`: props only) and `raw` blocks and inlines that
 * carry any other MDX verbatim.
 */

/** Props of a component in the order the source writes them. */
export type Props = [string, string][];

const codeStyle = 'font-family: ui-monospace, monospace; white-space: pre-wrap;';

/**
 * Attributes of a component read back from the editor's own HTML (copy and paste inside
 * the editor). Only registry components with string props survive; anything else that
 * arrives with pasted HTML is dropped.
 */
function componentAttrs(dom: HTMLElement, attribute: string, children: boolean): false | { name: string; props: Props } {
  const name = dom.getAttribute(attribute) ?? '';
  const entry = Object.entries(mdxComponents).find(([key]) => key === name)?.[1];
  if (entry?.children !== children) return false;
  try {
    const props: unknown = JSON.parse(dom.getAttribute('data-props') ?? '[]');
    const valid =
      Array.isArray(props) &&
      props.every((pair) => Array.isArray(pair) && pair.length === 2 && pair.every((part) => typeof part === 'string'));
    return valid ? { name, props: props as Props } : false;
  } catch {
    return false;
  }
}

export const schema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: {
      content: 'inline*',
      group: 'block',
      parseDOM: [{ tag: 'p' }],
      toDOM: (): DOMOutputSpec => ['p', 0],
    },
    heading: {
      attrs: { level: { default: 2 } },
      content: 'inline*',
      group: 'block',
      defining: true,
      parseDOM: [1, 2, 3, 4, 5, 6].map((level) => ({ tag: `h${level}`, attrs: { level } })),
      toDOM: (node): DOMOutputSpec => [`h${node.attrs['level'] as number}`, 0],
    },
    blockquote: {
      content: 'block+',
      group: 'block',
      defining: true,
      parseDOM: [{ tag: 'blockquote' }],
      toDOM: (): DOMOutputSpec => ['blockquote', 0],
    },
    bullet_list: {
      attrs: { spread: { default: false } },
      content: 'list_item+',
      group: 'block',
      parseDOM: [{ tag: 'ul' }],
      toDOM: (): DOMOutputSpec => ['ul', 0],
    },
    ordered_list: {
      attrs: { start: { default: 1 }, spread: { default: false } },
      content: 'list_item+',
      group: 'block',
      parseDOM: [{ tag: 'ol', getAttrs: (dom) => ({ start: Number(dom.getAttribute('start') ?? 1) }) }],
      toDOM: (node): DOMOutputSpec => ['ol', { start: node.attrs['start'] as number }, 0],
    },
    list_item: {
      attrs: { spread: { default: false } },
      content: 'paragraph block*',
      defining: true,
      parseDOM: [{ tag: 'li' }],
      toDOM: (): DOMOutputSpec => ['li', 0],
    },
    component: {
      attrs: { name: {}, props: { default: [] } },
      content: 'block+',
      group: 'block',
      defining: true,
      isolating: true,
      parseDOM: [{ tag: 'div[data-component]', getAttrs: (dom) => componentAttrs(dom, 'data-component', true) }],
      toDOM: (node): DOMOutputSpec => [
        'div',
        { 'data-component': node.attrs['name'] as string, 'data-props': JSON.stringify(node.attrs['props']) },
        0,
      ],
    },
    embed: {
      attrs: { name: {}, props: { default: [] } },
      group: 'block',
      atom: true,
      selectable: true,
      parseDOM: [{ tag: 'div[data-embed]', getAttrs: (dom) => componentAttrs(dom, 'data-embed', false) }],
      toDOM: (node): DOMOutputSpec => [
        'div',
        { 'data-embed': node.attrs['name'] as string, 'data-props': JSON.stringify(node.attrs['props']) },
      ],
    },
    raw: {
      attrs: { source: { default: '' } },
      group: 'block',
      atom: true,
      selectable: true,
      parseDOM: [{ tag: 'pre[data-raw]', preserveWhitespace: 'full', getAttrs: (dom) => ({ source: dom.textContent }) }],
      toDOM: (node): DOMOutputSpec => ['pre', { 'data-raw': '', style: codeStyle }, node.attrs['source'] as string],
    },
    text: { group: 'inline' },
    hard_break: {
      inline: true,
      group: 'inline',
      selectable: false,
      parseDOM: [{ tag: 'br' }],
      toDOM: (): DOMOutputSpec => ['br'],
    },
    raw_inline: {
      attrs: { source: { default: '' } },
      inline: true,
      group: 'inline',
      atom: true,
      parseDOM: [{ tag: 'code[data-raw]', priority: 60, getAttrs: (dom) => ({ source: dom.textContent }) }],
      toDOM: (node): DOMOutputSpec => ['code', { 'data-raw': '', style: codeStyle }, node.attrs['source'] as string],
    },
  },
  marks: {
    link: {
      attrs: { href: {}, title: { default: null } },
      inclusive: false,
      parseDOM: [{ tag: 'a[href]', getAttrs: (dom) => ({ href: dom.getAttribute('href') }) }],
      toDOM: (mark): DOMOutputSpec => ['a', { href: mark.attrs['href'] as string, rel: 'noopener noreferrer' }, 0],
    },
    strong: {
      parseDOM: [{ tag: 'strong' }, { tag: 'b' }],
      toDOM: (): DOMOutputSpec => ['strong', 0],
    },
    em: {
      parseDOM: [{ tag: 'em' }, { tag: 'i' }],
      toDOM: (): DOMOutputSpec => ['em', 0],
    },
    code: {
      excludes: '_',
      parseDOM: [{ tag: 'code' }],
      toDOM: (): DOMOutputSpec => ['code', 0],
    },
  },
});
