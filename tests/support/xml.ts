import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';

/** An XML element as fast-xml-parser gives it: attributes under `@_name`, text under `#text`. */
export type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  // Numeric character references (`&#x3C;`) are XML too; the feeds' serialiser writes them.
  htmlEntities: true,
  // Elements that may repeat are always arrays, so a one-item feed reads like a long one.
  isArray: (name) => ['item', 'url', 'sitemap', 'category', 'dc:creator'].includes(name),
});

/** Parses well-formed XML that starts with an XML declaration; throws with the line and reason when it is not. */
export function parseXml(xml: string, what: string): XmlNode {
  try {
    SyntaxValidator.validate(xml, { xmlDeclaraion: { optional: false } });
  } catch (error) {
    throw new Error(`${what} is not well-formed XML: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return parser.parse(xml) as XmlNode;
}

/** A scalar XML value as text (fast-xml-parser gives text nodes as strings). */
function scalar(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The child element `name` of `node` (throws when missing or repeated). */
export function child(node: unknown, name: string, where: string): XmlNode {
  const value = (node as XmlNode | undefined)?.[name];
  if (value === undefined) throw new Error(`${where}: no <${name}>`);
  if (Array.isArray(value)) throw new Error(`${where}: <${name}> appears ${value.length} times`);
  return typeof value === 'object' && value !== null ? (value as XmlNode) : { '#text': scalar(value) };
}

/** The children `name` of `node`, as an array (empty when there are none). */
export function children(node: unknown, name: string): XmlNode[] {
  const value = (node as XmlNode | undefined)?.[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((item) =>
    typeof item === 'object' && item !== null ? (item as XmlNode) : { '#text': scalar(item) },
  );
}

/** Text content of an element (its `#text`), or undefined when it has none. */
export function textOf(node: XmlNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  const value = node['#text'];
  return value === undefined ? undefined : scalar(value);
}

/** Text of the child `name`, throwing when it is missing or empty. */
export function requiredText(node: unknown, name: string, where: string): string {
  const value = textOf(child(node, name, where))?.trim();
  if (!value) throw new Error(`${where}: <${name}> is empty`);
  return value;
}

/** Namespace prefixes used by element and attribute names in `xml` that its root element does not declare. */
export function undeclaredPrefixes(xml: string): string[] {
  const root = /<(?!\?|!)[^>]+>/.exec(xml)?.[0] ?? '';
  const declared = new Set([...root.matchAll(/xmlns:([\w-]+)=/g)].map((match) => match[1]));
  declared.add('xml');
  const used = new Set([...xml.matchAll(/<\/?([\w-]+):[\w-]+|\s([\w-]+):[\w-]+=/g)].map((match) => match[1] ?? match[2]));
  return [...used].filter((prefix): prefix is string => prefix !== undefined && prefix !== 'xmlns' && !declared.has(prefix));
}
