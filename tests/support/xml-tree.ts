import { SaxesParser } from 'saxes';

/** An XML element read by a strict parser: its qualified name, attributes and children. */
export interface XmlElementNode {
  name: string;
  attributes: Record<string, string>;
  children: (XmlElementNode | string)[];
}

/**
 * Parses `xml` with saxes, a conforming XML 1.0 parser with namespaces, and returns the root
 * element. Throws with the line, column and reason on anything that is not well-formed:
 * characters XML cannot carry, undeclared prefixes, unclosed elements, bad references.
 */
export function parseStrictXml(xml: string, what: string): XmlElementNode {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElementNode[] = [];
  let root: XmlElementNode | undefined;
  let failure: Error | undefined;
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const attribute of Object.values(tag.attributes)) attributes[attribute.name] = attribute.value;
    const element: XmlElementNode = { name: tag.name, attributes, children: [] };
    stack.at(-1)?.children.push(element);
    root ??= element;
    stack.push(element);
  });
  parser.on('closetag', () => stack.pop());
  parser.on('text', (text) => stack.at(-1)?.children.push(text));
  parser.on('cdata', (text) => stack.at(-1)?.children.push(text));
  parser.write(xml).close();
  if (failure) throw new Error(`${what} is not well-formed XML: ${failure.message}`, { cause: failure });
  if (!root) throw new Error(`${what} has no root element`);
  return root;
}

/** Every descendant element named `name`, in document order. */
export function elements(node: XmlElementNode, name: string): XmlElementNode[] {
  const found: XmlElementNode[] = [];
  for (const child of node.children) {
    if (typeof child === 'string') continue;
    if (child.name === name) found.push(child);
    found.push(...elements(child, name));
  }
  return found;
}

/** The text of an element (all its text and CDATA, concatenated). */
export function textContent(node: XmlElementNode | undefined): string {
  if (!node) return '';
  return node.children.map((child) => (typeof child === 'string' ? child : textContent(child))).join('');
}
