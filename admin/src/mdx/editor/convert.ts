import type { BlockContent, DefinitionContent, List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { mdxComponents, type MdxComponentName } from '../../../../src/components/mdx/registry.ts';
import { sourceOf } from '../syntax.ts';
import { schema, type Props } from './schema.ts';

/**
 * Between mdast (what the MDX text means) and the editor's ProseMirror document.
 *
 * `toDoc` gives one editor block per top-level mdast block, so the editor's blocks line up
 * with the source text. A block the editor cannot model exactly (code, tables, comments,
 * unknown components, components with expression props) becomes one `raw` block holding its
 * source text. `fromBlock` writes an editor block back as mdast for serialization.
 */

/** Thrown inside a block that has to stay raw. */
class Unmodelled extends Error {}

type Flow = BlockContent | DefinitionContent;

function componentEntry(name: string | null) {
  return name && Object.hasOwn(mdxComponents, name) ? mdxComponents[name as MdxComponentName] : undefined;
}

/** Props of a JSX element when all of them are plain strings, in source order. */
function literalProps(node: MdxJsxFlowElement): Props {
  return node.attributes.map((attribute) => {
    if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') throw new Unmodelled();
    return [attribute.name, attribute.value];
  });
}

interface Context {
  source: string;
  /** Inside a container: source slices there carry the container's line prefixes, so nothing may stay raw. */
  nested: boolean;
}

function inlineNodes(children: PhrasingContent[], marks: readonly Mark[], context: Context): PMNode[] {
  const result: PMNode[] = [];
  for (const child of children) {
    switch (child.type) {
      case 'text':
        if (child.value !== '') result.push(schema.text(child.value, marks));
        break;
      case 'strong':
        result.push(...inlineNodes(child.children, schema.marks.strong.create().addToSet(marks), context));
        break;
      case 'emphasis':
        result.push(...inlineNodes(child.children, schema.marks.em.create().addToSet(marks), context));
        break;
      case 'link':
        result.push(
          ...inlineNodes(
            child.children,
            schema.marks.link.create({ href: child.url, title: child.title ?? null }).addToSet(marks),
            context,
          ),
        );
        break;
      case 'inlineCode':
        if (child.value === '') throw new Unmodelled();
        result.push(schema.text(child.value, schema.marks.code.create().addToSet(marks)));
        break;
      case 'break':
        if (marks.length > 0) throw new Unmodelled();
        result.push(schema.nodes.hard_break.create());
        break;
      default: {
        const text = sourceOf(context.source, child);
        if (marks.length > 0 || (context.nested && text.includes('\n'))) throw new Unmodelled();
        result.push(schema.nodes.raw_inline.create({ source: text }));
      }
    }
  }
  return result;
}

function paragraphOf(node: Paragraph, context: Context): PMNode {
  return schema.nodes.paragraph.create(null, inlineNodes(node.children, [], context));
}

function listItemOf(item: ListItem, context: Context): PMNode {
  // Task list items (`- [ ]`) stay raw.
  if (typeof item.checked === 'boolean') throw new Unmodelled();
  const [first, ...rest] = item.children;
  if (first?.type !== 'paragraph') throw new Unmodelled();
  return schema.nodes.list_item.create({ spread: item.spread ?? false }, [
    paragraphOf(first, context),
    ...rest.map((child) => blockOf(child, context)),
  ]);
}

function listOf(node: List, context: Context): PMNode {
  const items = node.children.map((item) => listItemOf(item, context));
  return node.ordered
    ? schema.nodes.ordered_list.create({ start: node.start ?? 1, spread: node.spread ?? false }, items)
    : schema.nodes.bullet_list.create({ spread: node.spread ?? false }, items);
}

function blockOf(node: Flow | RootContent, context: Context): PMNode {
  const inner: Context = { ...context, nested: true };
  switch (node.type) {
    case 'paragraph':
      return paragraphOf(node, context);
    case 'heading':
      return schema.nodes.heading.create({ level: node.depth }, inlineNodes(node.children, [], context));
    case 'blockquote':
      if (node.children.length === 0) throw new Unmodelled();
      return schema.nodes.blockquote.create(
        null,
        node.children.map((child) => blockOf(child, inner)),
      );
    case 'list':
      return listOf(node, inner);
    case 'mdxJsxFlowElement': {
      const entry = componentEntry(node.name);
      if (!entry) throw new Unmodelled();
      const props = literalProps(node);
      if (!entry.children) {
        if (node.children.length > 0) throw new Unmodelled();
        return schema.nodes.embed.create({ name: node.name, props });
      }
      if (node.children.length === 0) throw new Unmodelled();
      return schema.nodes.component.create(
        { name: node.name, props },
        node.children.map((child) => blockOf(child, inner)),
      );
    }
    default:
      throw new Unmodelled();
  }
}

/** One editor block per top-level mdast block. */
export function toBlocks(tree: Root, source: string): PMNode[] {
  return tree.children.map((node) => {
    try {
      return blockOf(node, { source, nested: false });
    } catch (error) {
      if (!(error instanceof Unmodelled)) throw error;
      return schema.nodes.raw.create({ source: sourceOf(source, node) });
    }
  });
}

/** The editor document of a parsed body (an empty body gets one empty paragraph). */
export function toDoc(blocks: PMNode[]): PMNode {
  return schema.nodes.doc.create(null, blocks.length > 0 ? blocks : [schema.nodes.paragraph.create()]);
}

// ---------------------------------------------------------------------------------------

const markOrder = ['link', 'strong', 'em', 'code'] as const;

function sameMark(a: Mark, b: Mark) {
  return a.eq(b);
}

/** Inline editor content as nested mdast phrasing (marks become strong/emphasis/link/inlineCode). */
function phrasingOf(parent: PMNode): PhrasingContent[] {
  const root: PhrasingContent[] = [];
  const stack: { mark: Mark; children: PhrasingContent[] }[] = [];
  const current = () => stack[stack.length - 1]?.children ?? root;

  parent.forEach((child) => {
    const marks = [...child.marks]
      .filter((mark) => mark.type.name !== 'code')
      .sort((a, b) => markOrder.indexOf(a.type.name as never) - markOrder.indexOf(b.type.name as never));
    let keep = 0;
    for (const [index, open] of stack.entries()) {
      const mark = marks[index];
      if (!mark || !sameMark(open.mark, mark)) break;
      keep = index + 1;
    }
    stack.length = keep;
    for (const mark of marks.slice(keep)) {
      const children: PhrasingContent[] = [];
      const name = mark.type.name;
      const node: PhrasingContent =
        name === 'link'
          ? { type: 'link', url: mark.attrs['href'] as string, title: (mark.attrs['title'] as string | null) ?? null, children }
          : name === 'strong'
            ? { type: 'strong', children }
            : { type: 'emphasis', children };
      current().push(node);
      stack.push({ mark, children });
    }
    if (child.isText) {
      const text = child.text ?? '';
      const code = child.marks.some((mark) => mark.type.name === 'code');
      const target = current();
      const previous = target[target.length - 1];
      if (code) target.push({ type: 'inlineCode', value: text });
      else if (previous?.type === 'text') previous.value += text;
      else target.push({ type: 'text', value: text });
    } else if (child.type.name === 'hard_break') {
      current().push({ type: 'break' });
    } else if (child.type.name === 'raw_inline') {
      current().push({ type: 'raw', value: child.attrs['source'] as string });
    }
  });
  return root;
}

function propsOf(node: PMNode): MdxJsxAttribute[] {
  return (node.attrs['props'] as Props).map(([name, value]) => ({ type: 'mdxJsxAttribute', name, value }));
}

/** An editor block as mdast; `undefined` for an empty paragraph (Markdown has none). */
export function fromBlock(node: PMNode): RootContent | undefined {
  const blocks = (parent: PMNode) =>
    parent.children.map(fromBlock).filter((child): child is RootContent => child !== undefined) as BlockContent[];
  switch (node.type.name) {
    case 'paragraph':
      return node.childCount === 0 ? undefined : { type: 'paragraph', children: phrasingOf(node) };
    case 'heading':
      return { type: 'heading', depth: node.attrs['level'] as 1 | 2 | 3 | 4 | 5 | 6, children: phrasingOf(node) };
    case 'blockquote':
      return { type: 'blockquote', children: blocks(node) };
    case 'bullet_list':
    case 'ordered_list':
      return {
        type: 'list',
        ordered: node.type.name === 'ordered_list',
        start: node.type.name === 'ordered_list' ? (node.attrs['start'] as number) : null,
        spread: node.attrs['spread'] as boolean,
        children: node.children.map((item): ListItem => ({
          type: 'listItem',
          spread: item.attrs['spread'] as boolean,
          checked: null,
          children: item.children.map(
            (child) => fromBlock(child) ?? ({ type: 'paragraph', children: [] } satisfies Paragraph),
          ) as BlockContent[],
        })),
      };
    case 'component':
      return {
        type: 'mdxJsxFlowElement',
        name: node.attrs['name'] as string,
        attributes: propsOf(node),
        children: blocks(node),
      };
    case 'embed':
      return { type: 'mdxJsxFlowElement', name: node.attrs['name'] as string, attributes: propsOf(node), children: [] };
    case 'raw':
      return { type: 'raw', value: node.attrs['source'] as string };
    default:
      throw new Error(`Unknown editor block "${node.type.name}"`);
  }
}
