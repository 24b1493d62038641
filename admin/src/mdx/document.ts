import type { Node as PMNode } from 'prosemirror-model';
import { fromBlock, toBlocks, toDoc } from './editor/convert.ts';
import { detectStyle, meaningOf, parseMdx, serializeMdx, type Style } from './syntax.ts';
import { rebuild, type SourceBlock } from './splice.ts';

/**
 * A body opened in the rich editor: its original text, the editor document made from it
 * and, for each top-level block, where it sits in the text. `saveBody` turns an edited
 * document back into text that differs from the original only where the editor changed it.
 */
export interface OpenedBody {
  source: string;
  style: Style;
  blocks: SourceBlock<PMNode>[];
  doc: PMNode;
}

const canonicalCache = new WeakMap<PMNode, string>();

/** The block as the editor writes it; `undefined` for blocks with no text (empty paragraphs). */
function canonicalOf(node: PMNode, style: Style): string | undefined {
  const cached = canonicalCache.get(node);
  if (cached !== undefined) return cached;
  const tree = fromBlock(node);
  if (!tree) return undefined;
  const text = serializeMdx(tree, style);
  canonicalCache.set(node, text);
  return text;
}

/** Opens a body for editing. Throws `MdxSyntaxError` when the text is not valid MDX. */
export function openBody(source: string): OpenedBody {
  const tree = parseMdx(source);
  const style = detectStyle(source, tree);
  const nodes = toBlocks(tree, source);
  const blocks = tree.children.map((child, index): SourceBlock<PMNode> => {
    const node = nodes[index] as PMNode;
    return {
      key: node,
      from: child.position?.start.offset ?? 0,
      to: child.position?.end.offset ?? 0,
      canonical: canonicalOf(node, style) ?? '',
    };
  });
  return { source, style, blocks, doc: toDoc(nodes) };
}

/** Whether two texts parse to the same tree. */
export function sameMeaning(a: string, b: string): boolean {
  try {
    return JSON.stringify(meaningOf(parseMdx(a))) === JSON.stringify(meaningOf(parseMdx(b)));
  } catch {
    return false;
  }
}

/** The text of an edited document. */
export function saveBody(opened: OpenedBody, doc: PMNode): string {
  const edited: { key: PMNode; canonical: string }[] = [];
  doc.forEach((node) => {
    const canonical = canonicalOf(node, opened.style);
    if (canonical !== undefined) edited.push({ key: node, canonical });
  });
  return rebuild(opened.source, opened.blocks, edited, {
    same: (original, next) => original === next || original.eq(next),
    verify: sameMeaning,
  });
}
