import type { Nodes, Root } from 'mdast';
import { parseMdx } from '../content-model/mdx-parser.ts';

/** Average silent reading speed for Polish news text, in words per minute. */
export const WORDS_PER_MINUTE = 200;

/** Collects the words a reader reads: text, inline code and the text inside components; not code blocks or ESM. */
function collectText(node: Nodes, out: string[]): void {
  if (node.type === 'text' || node.type === 'inlineCode') {
    out.push(node.value);
    return;
  }
  if (node.type === 'code' || node.type === 'mdxjsEsm' || node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') return;
  if ('children' in node) for (const child of node.children) collectText(child, out);
  // Paragraph-level nodes end a sentence-run; keep words from gluing together.
  out.push(' ');
}

/** Plain text of an MDX body, whitespace collapsed. Throws `MdxSyntaxError` (with line and column) on invalid MDX. */
export function plainText(mdxBody: string): string {
  return plainTextOf(parseMdx(mdxBody));
}

/** Plain text of an already parsed body (see `src/content-model/mdx-parser.ts`), whitespace collapsed. */
export function plainTextOf(tree: Root): string {
  const parts: string[] = [];
  collectText(tree, parts);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** Number of words in a text (runs of letters or digits, Polish letters included). */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** Reading time of an MDX body in whole minutes, at least 1. */
export function readingMinutes(mdxBody: string): number {
  return Math.max(1, Math.round(countWords(plainText(mdxBody)) / WORDS_PER_MINUTE));
}

/** The first `maxLength` characters of the body's text, cut at a word boundary, with "…" when cut. */
export function excerpt(mdxBody: string, maxLength = 200): string {
  const text = plainText(mdxBody);
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength + 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${cut.slice(0, lastSpace > maxLength / 2 ? lastSpace : maxLength).replace(/[\s,;:.–—-]+$/, '')}…`;
}
