/**
 * WordPress's paragraph rules for classic-editor content (`wpautop`), as WordPress documents
 * them: a blank line separates paragraphs, a single line break is a `<br>`, and block-level
 * elements are left as they are. Applied to markup before it is parsed as HTML.
 */

/** Block-level elements that are never wrapped in a paragraph; `wp-special` is the importer's placeholder. */
const BLOCK =
  '(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary|wp-special|script|iframe|object|embed|video|audio|noscript)';

const openOrClose = new RegExp(`(</?${BLOCK}(?=[\\s/>])[^>]*>)`, 'gi');

/** Applies the paragraph rules to `text` and returns HTML. */
export function autop(text: string): string {
  let html = text.replace(/\r\n?/g, '\n');
  if (html.trim() === '') return '';
  // Line breaks inside <pre> are content, not paragraph breaks.
  const kept: string[] = [];
  html = html.replace(/<pre[\s>][\s\S]*?<\/pre>/gi, (pre) => {
    kept.push(pre);
    return `<pre wp-pre="${kept.length - 1}"></pre>`;
  });
  // A line break inside a tag (between attributes) is not a line of text.
  html = html.replace(/<[^<>]*>/g, (tag) => tag.replace(/\s*\n\s*/g, ' '));
  html = html.replace(new RegExp(`(<${BLOCK}(?=[\\s/>])[^>]*>)`, 'gi'), '\n\n$1');
  html = html.replace(new RegExp(`(</${BLOCK}>)`, 'gi'), '$1\n\n');
  html = html.replace(/\n\n+/g, '\n\n');
  const paragraphs = html
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk !== '')
    .map((chunk) => `<p>${chunk}</p>\n`);
  html = paragraphs.join('');
  html = html.replace(/<p>\s*<\/p>/g, '');
  html = html.replace(/<p>([^<]+)<\/(div|address|form)>/gi, '<p>$1</p></$2>');
  html = html.replace(new RegExp(`<p>\\s*(</?${BLOCK}(?=[\\s/>])[^>]*>)\\s*</p>`, 'gi'), '$1');
  html = html.replace(/<p>(<li[\s\S]+?)<\/p>/gi, '$1');
  html = html.replace(/<p><blockquote([^>]*)>/gi, '<blockquote$1><p>');
  html = html.replace(/<\/blockquote><\/p>/gi, '</p></blockquote>');
  html = html.replace(new RegExp(`<p>\\s*(</?${BLOCK}(?=[\\s/>])[^>]*>)`, 'gi'), '$1');
  html = html.replace(new RegExp(`(</?${BLOCK}(?=[\\s/>])[^>]*>)\\s*</p>`, 'gi'), '$1');
  // Single line breaks inside paragraphs become <br>, except next to block tags.
  html = html.replace(/(?<!<br\s*\/?>)\s*\n(?!$)/g, '<br />\n');
  html = html.replace(new RegExp(`${openOrClose.source}\\s*<br />`, 'gi'), '$1');
  html = html.replace(/<br \/>(\s*<\/?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)/gi, '$1');
  html = html.replace(/\n<\/p>$/g, '</p>');
  return html.replace(/<pre wp-pre="(\d+)"><\/pre>/g, (_, index: string) => kept[Number(index)] ?? '');
}
