import { defineMdastPlugin, type MdastPluginEntry } from 'satteri';

/** Matches an editor-placed `<Ad …/>` anywhere in the source. */
const OWN_AD = /<Ad[\s/>]/;

/**
 * The HTML comment the plugin leaves after each top-level paragraph (but the last block) of an
 * article rendered as plain Markdown, where no component can be inserted. The page counts
 * these places and puts the in-article slot at every N-th (`ArticleBody.astro`), so the
 * rendered HTML, which the content layer caches, does not depend on the ad settings.
 */
export const PARAGRAPH_END_MARKER = '<!--szpalta:paragraph-end-->';

/**
 * A Sätteri mdast plugin for article bodies:
 * - MDX: after every `everyParagraphs`-th top-level paragraph (never after the last block) it
 *   inserts `<AutoAd />`, which the article page maps to the in-article ad slot, or to nothing
 *   when the article has `ads: false`;
 * - Markdown (an MDX article without components, rendered by the articles loader): after every
 *   top-level paragraph but the last block it inserts `PARAGRAPH_END_MARKER`.
 *
 * Files outside an `articles/` folder, and articles where the editor placed an `<Ad />`
 * themselves, are left untouched.
 */
export function autoAdSlots({ everyParagraphs, element }: { everyParagraphs: number; element: string }): MdastPluginEntry {
  return (context) => {
    const path = context.fileURL?.pathname ?? '';
    if (!path.includes('/articles/') || OWN_AD.test(context.source)) return null;
    const markdown = context.sourceFormat === 'markdown';
    let paragraphs = 0;
    return defineMdastPlugin({
      name: 'szpalta-auto-ad-slots',
      paragraph(node, ctx) {
        const parent = ctx.parent(node);
        if (parent.type !== 'root') return;
        paragraphs += 1;
        const index = ctx.indexOf(node);
        if (index === undefined || index >= parent.children.length - 1) return;
        if (markdown) ctx.insertAfter(node, { type: 'html', value: PARAGRAPH_END_MARKER });
        else if (paragraphs % everyParagraphs === 0)
          ctx.insertAfter(node, { type: 'mdxJsxFlowElement', name: element, attributes: [], children: [] });
      },
    });
  };
}
