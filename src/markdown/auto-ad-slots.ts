import { defineMdastPlugin, type MdastPluginEntry } from 'satteri';

/** Matches an editor-placed `<Ad …/>` anywhere in the source. */
const OWN_AD = /<Ad[\s/>]/;

/**
 * A Sätteri mdast plugin for article bodies: after every `everyParagraphs`-th top-level
 * paragraph (never after the last block) it inserts `<AutoAd />`, which the article page maps
 * to the in-article ad slot, or to nothing when the article has `ads: false`.
 *
 * Files outside an `articles/` folder, and articles where the editor placed an `<Ad />`
 * themselves, are left untouched.
 */
export function autoAdSlots({ everyParagraphs, element }: { everyParagraphs: number; element: string }): MdastPluginEntry {
  return (context) => {
    const path = context.fileURL?.pathname ?? '';
    if (context.sourceFormat !== 'mdx' || !path.includes('/articles/') || OWN_AD.test(context.source)) return null;
    let paragraphs = 0;
    return defineMdastPlugin({
      name: 'szpalta-auto-ad-slots',
      paragraph(node, ctx) {
        const parent = ctx.parent(node);
        if (parent.type !== 'root') return;
        paragraphs += 1;
        const index = ctx.indexOf(node);
        if (paragraphs % everyParagraphs !== 0 || index === undefined || index >= parent.children.length - 1) return;
        ctx.insertAfter(node, { type: 'mdxJsxFlowElement', name: element, attributes: [], children: [] });
      },
    });
  };
}
