import type { MdxFlowExpression, MdxTextExpression } from 'mdast-util-mdx';

/**
 * Whether `{…}` in a body holds only comments (`{/* … *\/}`), the one kind of expression
 * content may contain. Shared by the content check and the CMS body widget.
 */
export function isCommentOnlyExpression(node: MdxFlowExpression | MdxTextExpression): boolean {
  // The MDX parser attaches the expression's estree program (with its comments); without it, the text decides.
  const program = (node.data as { estree?: { body: unknown[]; comments?: unknown[] } | null } | undefined)?.estree;
  return program ? program.body.length === 0 && (program.comments?.length ?? 0) > 0 : /^\s*\/\*[\s\S]*\*\/\s*$/.test(node.value);
}
