import { defineMdastPlugin, type MdastPluginEntry } from 'satteri';
import { joinHangingLetters } from '../utils/typography.ts';

/**
 * A Sätteri mdast plugin for every Markdown and MDX body (articles and static pages): joins
 * one-letter words to the next word with a no-break space (`joinHangingLetters`) in the text
 * of paragraphs, headings, lists, quotes, tables and component children. Code, inline code,
 * URLs and component props are not text nodes and stay as written; the stored file is never
 * changed.
 */
export function hangingLetters(): MdastPluginEntry {
  return defineMdastPlugin({
    name: 'szpalta-hanging-letters',
    text(node) {
      const value = joinHangingLetters(node.value);
      return value === node.value ? undefined : { type: 'text', value };
    },
  });
}
