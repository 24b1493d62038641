import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { CONTINUE, SKIP, visit } from 'unist-util-visit';
import { parseMdx } from '../content-model/mdx-parser.ts';

/** Average silent reading speed for Polish news text, in words per minute. */
export const WORDS_PER_MINUTE = 200;

/** Nodes whose text a reader does not read: code blocks, ESM and expressions (comments included). */
const UNREAD = new Set<Nodes['type']>(['code', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression']);

/** Plain text of an MDX body, whitespace collapsed. Throws `MdxSyntaxError` (with line and column) on invalid MDX. */
export function plainText(mdxBody: string): string {
  return plainTextOf(parseMdx(mdxBody));
}

/**
 * Plain text of an already parsed body (see `src/content-model/mdx-parser.ts`), whitespace
 * collapsed: the text of every paragraph, heading and table cell (inside components too),
 * one block after another; image alternative texts are not read.
 */
export function plainTextOf(tree: Root): string {
  const blocks: string[] = [];
  visit(tree, (node: Nodes) => {
    if (UNREAD.has(node.type)) return SKIP;
    if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell') return CONTINUE;
    // An MDX comment written inside the block's text is not read either.
    const read = { ...node, children: node.children.filter((child) => !UNREAD.has(child.type)) };
    blocks.push(toString(read, { includeImageAlt: false, includeHtml: false }));
    return SKIP;
  });
  return blocks.join(' ').replace(/\s+/g, ' ').trim();
}

/** Number of words in a text (runs of letters or digits, Polish letters included). */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** Reading time of an MDX body in whole minutes, at least 1. */
export function readingMinutes(mdxBody: string): number {
  return Math.max(1, Math.round(countWords(plainText(mdxBody)) / WORDS_PER_MINUTE));
}
