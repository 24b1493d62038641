import type { Element, Root } from 'xast';
import { toXml } from 'xast-util-to-xml';
import { xmlSafe } from '../content-model/text-rules.ts';

/**
 * A complete XML document from an xast element: the declaration, then the element serialised
 * by `xast-util-to-xml` (which escapes text and attribute values; `]]>` is escaped too). Characters XML 1.0 cannot
 * carry are dropped from every text and attribute first, so the result is always well-formed.
 */
export function xmlDocument(root: Element): string {
  const clean = (node: Element): Element => ({
    ...node,
    attributes: Object.fromEntries(
      Object.entries(node.attributes).flatMap(([name, value]) => (value === null || value === undefined ? [] : [[name, xmlSafe(value)]])),
    ),
    children: node.children.map((child) =>
      child.type === 'element' ? clean(child) : child.type === 'text' ? { ...child, value: xmlSafe(child.value) } : child,
    ),
  });
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8"' },
      { type: 'text', value: '\n' },
      clean(root),
      { type: 'text', value: '\n' },
    ],
  };
  // xast-util-to-xml escapes `&` and `<` but not the `>` of `]]>`, which XML forbids in text.
  // The tree holds no CDATA section or comment, so every `]]>` in the output is inside text or
  // an attribute value, where `]]&gt;` reads back as the same characters.
  return toXml(tree).replaceAll(']]>', ']]&gt;');
}

/** An HTTP response carrying `xml` with the given XML media type. */
export function xmlResponse(xml: string, type = 'application/xml'): Response {
  return new Response(xml, { headers: { 'Content-Type': `${type}; charset=utf-8` } });
}
