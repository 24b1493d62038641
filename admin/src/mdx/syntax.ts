import type { Literal, Nodes, Parents, Root, RootContent } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { toMarkdown, type Options as ToMarkdownOptions } from 'mdast-util-to-markdown';

export { MdxLimitError, MdxSyntaxError, parseMdx } from '../../../src/content-model/mdx-parser.ts';

/**
 * Reading and writing article bodies: MDX with GitHub-flavoured Markdown, the syntax the
 * site's MDX pipeline accepts, read by the one parser of `src/content-model/mdx-parser.ts`. Text is escaped on the way out, so whatever an editor types
 * (`{`, `}`, `<`, `&`, `_`) reads back as the same text.
 */

/**
 * Source text kept as it is: a block or inline construct the rich editor does not model
 * (code, tables, comments, unknown markup), written back verbatim.
 */
export interface Raw extends Literal {
  type: 'raw';
}

declare module 'mdast' {
  interface RootContentMap {
    raw: Raw;
  }
  interface PhrasingContentMap {
    raw: Raw;
  }
  interface BlockContentMap {
    raw: Raw;
  }
}

/** How the source writes what Markdown lets one write in several ways. */
export interface Style {
  bullet: '-' | '*' | '+';
  emphasis: '*' | '_';
  strong: '*' | '_';
  rule: '-' | '*' | '_';
}

export const defaultStyle: Style = { bullet: '-', emphasis: '*', strong: '*', rule: '-' };

function options(style: Style): ToMarkdownOptions {
  return {
    extensions: [mdxToMarkdown(), gfmToMarkdown()],
    bullet: style.bullet,
    emphasis: style.emphasis,
    strong: style.strong,
    rule: style.rule,
    fences: true,
    listItemIndent: 'one',
    resourceLink: true,
    handlers: { raw: (node: Raw) => node.value },
    unsafe: [
      // A lone `}` is harmless to micromark but not to every MDX parser; typed text never needs it raw.
      { character: '}', inConstruct: 'phrasing' },
      // A line of text starting with `import` or `export` would be read as JavaScript (MDX ESM);
      // the first letter is written as a character reference.
      { atBreak: true, character: 'i', after: 'mport\\b' },
      { atBreak: true, character: 'e', after: 'xport\\b' },
    ],
  };
}

/** Writes mdast (with `raw` nodes) as MDX, without a trailing newline. */
export function serializeMdx(node: Root | RootContent, style: Style = defaultStyle): string {
  const root: Root = node.type === 'root' ? node : { type: 'root', children: [node] };
  return toMarkdown(root, options(style)).replace(/\n+$/, '');
}

/** The text of `node` in `source`, by its position. */
export function sourceOf(source: string, node: Nodes): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) throw new Error(`${node.type} node without a position`);
  return source.slice(start, end);
}

function firstOf(tree: Parents, test: (node: Nodes) => boolean): Nodes | undefined {
  for (const child of tree.children as Nodes[]) {
    if (test(child)) return child;
    if ('children' in child) {
      const found = firstOf(child, test);
      if (found) return found;
    }
  }
  return undefined;
}

/** The markers `source` already uses, so that rewritten blocks look like their neighbours. */
export function detectStyle(source: string, tree: Root): Style {
  const marker = (node: Nodes | undefined) => (node ? sourceOf(source, node).trimStart().charAt(0) : '');
  const bullet = marker(firstOf(tree, (node) => node.type === 'list' && !node.ordered));
  const emphasis = marker(firstOf(tree, (node) => node.type === 'emphasis'));
  const strong = marker(firstOf(tree, (node) => node.type === 'strong'));
  const rule = marker(firstOf(tree, (node) => node.type === 'thematicBreak'));
  return {
    bullet: bullet === '*' || bullet === '+' || bullet === '-' ? bullet : defaultStyle.bullet,
    emphasis: emphasis === '*' || emphasis === '_' ? emphasis : defaultStyle.emphasis,
    strong: strong === '*' || strong === '_' ? strong : defaultStyle.strong,
    rule: rule === '*' || rule === '_' || rule === '-' ? rule : defaultStyle.rule,
  };
}

/** A tree without positions and parser data, for comparing what two texts mean. */
export function meaningOf(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(meaningOf);
  if (node && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node)
        .filter(([key]) => key !== 'position' && key !== 'data')
        .map(([key, value]) => [key, meaningOf(value)]),
    );
  }
  return node;
}
