import type { Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import { mdxComponentNames, type MdxComponentName } from '../components/mdx/registry.ts';
import { PARAGRAPH_END_MARKER } from '../markdown/auto-ad-slots.ts';

/**
 * Article bodies with editor components, without MDX modules.
 *
 * An MDX body whose only non-Markdown constructs are registry components written as blocks
 * (`<Callout type="warning">` … `</Callout>`, `<Figure … />`) with string props is rewritten
 * into plain Markdown in which every component tag is an HTML comment marker carrying the
 * component's name and props. The Markdown pipeline renders that once in the loader and the
 * HTML (markers included) is cached with the entry; the article page turns the markers back
 * into the site's Astro components (`parseBodyHtml`, `RenderedBody.astro`), so components keep
 * one implementation and the optimized images of `<Figure>` are still made by `astro:assets`.
 */

const MARKER_PREFIX = '<!--szpalta:';
const CLOSE_MARKER = `${MARKER_PREFIX}close-->`;
/** Every marker: components (name and base64url JSON props), their ends, and `PARAGRAPH_END_MARKER`. */
const MARKER = /<!--szpalta:(open|void):([A-Za-z]+):([A-Za-z0-9_-]*)-->|<!--szpalta:close-->|<!--szpalta:paragraph-end-->/g;

/** A component's props as written in the body: strings only. */
export type ComponentProps = Record<string, string>;

/** A piece of a rendered body. */
export type BodyNode =
  | { kind: 'html'; html: string }
  /** The place after a top-level paragraph where an automatic ad slot may go. */
  | { kind: 'paragraph-end' }
  | { kind: 'component'; name: MdxComponentName; props: ComponentProps; children?: BodyNode[] };

const encodeProps = (props: ComponentProps) => Buffer.from(JSON.stringify(props), 'utf8').toString('base64url');

function decodeProps(encoded: string): ComponentProps {
  const value: unknown = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  if (typeof value !== 'object' || value === null || Object.values(value).some((prop) => typeof prop !== 'string')) {
    throw new Error('component marker: props are not an object of strings');
  }
  return value as ComponentProps;
}

const isComponentName = (name: string | null): name is MdxComponentName => mdxComponentNames.includes(name as MdxComponentName);

/** Offset just after the `>` ending the opening tag that starts at `start` (props are quoted strings). */
function openingTagEnd(source: string, start: number): number {
  let quote: string | undefined;
  for (let index = start; index < source.length; index += 1) {
    const char = source[index];
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '>') {
      return index + 1;
    }
  }
  return -1;
}

const onlySpaceBetween = (source: string, from: number, to: number) => /^[ \t]*$/.test(source.slice(from, to));

const lineStart = (source: string, offset: number) => source.lastIndexOf('\n', offset - 1) + 1;

function lineEnd(source: string, offset: number): number {
  const end = source.indexOf('\n', offset);
  return end === -1 ? source.length : end;
}

/** A component tag of the source and the Markdown that replaces it. */
interface Replacement {
  start: number;
  end: number;
  text: string;
}

/**
 * Collects the replacements of every component of `nodes` (recursively), or returns false when
 * a node is something only MDX can render.
 */
function collect(nodes: readonly RootContent[], source: string, out: Replacement[]): boolean {
  for (const node of nodes) {
    if (node.type === 'mdxJsxTextElement' || node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') return false;
    if (node.type === 'mdxjsEsm') return false;
    if (node.type !== 'mdxJsxFlowElement') {
      if ('children' in node && !collect(node.children, source, out)) return false;
      continue;
    }
    const element: MdxJsxFlowElement = node;
    const start = element.position?.start.offset;
    const end = element.position?.end.offset;
    if (start === undefined || end === undefined || !isComponentName(element.name)) return false;
    const props: ComponentProps = {};
    for (const attribute of element.attributes) {
      if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') return false;
      props[attribute.name] = attribute.value;
    }
    // Each tag alone on its lines, so that the marker is a Markdown block of its own as the tag was.
    if (!onlySpaceBetween(source, lineStart(source, start), start) || !onlySpaceBetween(source, end, lineEnd(source, end))) return false;
    const openEnd = openingTagEnd(source, start);
    if (openEnd === -1) return false;
    const selfClosing = /\/\s*>$/.test(source.slice(start, openEnd));
    if (selfClosing) {
      if (openEnd !== end) return false;
      out.push({ start, end, text: `\n\n${MARKER_PREFIX}void:${element.name}:${encodeProps(props)}-->\n\n` });
      continue;
    }
    const closeStart = source.lastIndexOf('</', end);
    if (closeStart < openEnd || !/^<\/\s*[A-Za-z]+\s*>$/.test(source.slice(closeStart, end))) return false;
    if (!onlySpaceBetween(source, openEnd, lineEnd(source, openEnd))) return false;
    if (!onlySpaceBetween(source, lineStart(source, closeStart), closeStart)) return false;
    out.push({ start, end: openEnd, text: `\n\n${MARKER_PREFIX}open:${element.name}:${encodeProps(props)}-->\n\n` });
    if (!collect(element.children, source, out)) return false;
    out.push({ start: closeStart, end, text: `\n\n${CLOSE_MARKER}\n\n` });
  }
  return true;
}

/**
 * The body as plain Markdown with component markers, or `undefined` when the body has
 * anything only the MDX pipeline renders right (text-level or unknown components, expression
 * props, expressions, imports, constructs `isPlainMarkdown` refuses, or MDX that does not
 * parse): such bodies stay MDX modules.
 *
 * @param body the body after the front matter
 * @param isPlainMarkdown whether Markdown text renders the same as MDX (the loader's `needsMdx` negated)
 */
export function componentsToMarkers(body: string, isPlainMarkdown: (text: string) => boolean): string | undefined {
  let tree: Root;
  try {
    tree = fromMarkdown(body, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] });
  } catch {
    return undefined;
  }
  const replacements: Replacement[] = [];
  if (!collect(tree.children, body, replacements)) return undefined;
  replacements.sort((a, b) => a.start - b.start);
  let result = '';
  let offset = 0;
  for (const { start, end, text } of replacements) {
    const between = body.slice(offset, start);
    if (!isPlainMarkdown(between)) return undefined;
    result += between + text;
    offset = end;
  }
  const rest = body.slice(offset);
  if (!isPlainMarkdown(rest)) return undefined;
  return result + rest;
}

/**
 * Splits HTML rendered from `componentsToMarkers` output into pieces: HTML, components with
 * their props and children, and the paragraph ends the ad-slot plugin marked. Paragraph ends
 * inside a component are dropped (MDX marks top-level paragraphs only).
 *
 * When the HTML has component markers, its pieces are laid out as MDX lays out blocks: each
 * HTML piece without leading or trailing line breaks, the page joining the blocks of a list
 * with one line break (`BLOCK_SEPARATOR`), so that the page is the same as the MDX module's.
 * Otherwise the pieces are the HTML as it is, joined with nothing.
 *
 * @throws when markers are unbalanced or name an unknown component (the cache was tampered with)
 */
export function parseBodyHtml(html: string): BodyNode[] {
  const root: BodyNode[] = [];
  const stack: Extract<BodyNode, { kind: 'component' }>[] = [];
  const current = () => stack.at(-1)?.children ?? root;
  let offset = 0;
  for (const match of html.matchAll(MARKER)) {
    current().push({ kind: 'html', html: html.slice(offset, match.index) });
    offset = match.index + match[0].length;
    const [marker, type, name, props] = match;
    if (marker === PARAGRAPH_END_MARKER) {
      if (stack.length === 0) root.push({ kind: 'paragraph-end' });
    } else if (marker === CLOSE_MARKER) {
      if (!stack.pop()) throw new Error('rendered body: a component is closed that was not opened');
    } else {
      if (!isComponentName(name ?? null)) throw new Error(`rendered body: unknown component ${name ?? ''}`);
      const node: BodyNode = { kind: 'component', name: name as MdxComponentName, props: decodeProps(props ?? '') };
      current().push(node);
      if (type === 'open') {
        node.children = [];
        stack.push(node);
      }
    }
  }
  if (stack.length > 0) throw new Error('rendered body: a component is not closed');
  root.push({ kind: 'html', html: html.slice(offset) });
  return tidy(root, hasComponentMarkers(html));
}

/** What the page puts between the blocks of a body with component markers (as MDX does). */
export const BLOCK_SEPARATOR = '\n';

/** Merges neighbouring HTML pieces and drops empty ones; as blocks (trimmed, joined by line breaks) when `blocks`. */
function tidy(nodes: BodyNode[], blocks: boolean): BodyNode[] {
  const result: BodyNode[] = [];
  for (const node of nodes) {
    if (node.kind === 'component' && node.children) node.children = tidy(node.children, blocks);
    if (node.kind !== 'html') {
      result.push(node);
      continue;
    }
    const html = blocks ? node.html.replace(/^\n+|\n+$/g, '') : node.html;
    if (html === '') continue;
    const last = result.at(-1);
    if (last?.kind === 'html') last.html += (blocks ? BLOCK_SEPARATOR : '') + html;
    else result.push({ kind: 'html', html });
  }
  return result;
}

/** Whether rendered body HTML has component markers (else it is plain HTML with paragraph ends). */
export const hasComponentMarkers = (html: string) => /<!--szpalta:(?:open|void):/.test(html);

/** Whether the body places an `<Ad />` itself (at any depth). */
export const hasOwnAd = (nodes: readonly BodyNode[]): boolean =>
  nodes.some((node) => node.kind === 'component' && (node.name === 'Ad' || hasOwnAd(node.children ?? [])));
