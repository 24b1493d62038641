import { parse as parseBlocks } from '@wordpress/block-serialization-default-parser';
import type { Element, ElementContent, Nodes as HastNodes, Root as HastRoot } from 'hast';
import { defaultHandlers, toMdast, type State } from 'hast-util-to-mdast';
import type { BlockContent, Link, Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { mdxToMarkdown } from 'mdast-util-mdx';
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { toMarkdown } from 'mdast-util-to-markdown';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { autop } from './autop.ts';
import { embedFor } from './embeds.ts';
import { replaceShortcodes, type Shortcode } from './shortcodes.ts';

/** An image of the old site as the body converter needs it. */
export interface ImageRef {
  /** Path for the article: `../images/<file>`. */
  src: string;
}

/** What a body needs from the rest of the import. */
export interface BodyContext {
  /** The local copy of an image of the old site, or undefined when it is missing (the callee reports it). */
  image(url: string): ImageRef | undefined;
  /** An attachment of the old site by its post ID (for `[gallery ids=…]`). */
  attachment(id: string): { url: string; alt: string; caption: string } | undefined;
  /** Attachments whose parent is this post (for `[gallery]` without ids). */
  attachedImages(): { url: string; alt: string; caption: string }[];
  /** The new address of a link, or the link unchanged. */
  link(url: string): string;
  /** Reports something that was dropped or changed. */
  warn(message: string): void;
}

/** A converted body. */
export interface ConvertedBody {
  /** MDX that the content check accepts. */
  mdx: string;
  /** Plain text of the first paragraph (for a lead when there is no excerpt). */
  firstParagraph: string;
  /** A trailing agency signature such as "(PAP)", removed from the body. */
  source: string | undefined;
}

type Special =
  | { kind: 'figures'; images: { url: string; alt: string; caption: string }[] }
  | { kind: 'embed'; url: string }
  | { kind: 'caption'; caption: string };

const FORBIDDEN = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'form',
  'object',
  'embed',
  'applet',
  'frame',
  'frameset',
  'base',
  'link',
  'meta',
  'button',
  'input',
  'select',
  'textarea',
  'svg',
  'math',
  'canvas',
]);

const htmlParser = unified().use(rehypeParse, { fragment: true });

/** A property of an element as text (class lists joined by spaces). */
function prop(node: Element, name: string): string {
  const value: unknown = node.properties[name];
  if (Array.isArray(value)) return value.join(' ');
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function textOf(node: HastNodes): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((child) => textOf(child)).join('');
  return '';
}

/** Text of an HTML fragment, with entities decoded and tags removed. */
export function htmlToText(html: string): string {
  // Most titles and names hold neither tags nor entities.
  if (!/[<&]/.test(html)) return html.replace(/\s+/g, ' ').trim();
  return textOf(htmlParser.parse(html)).replace(/\s+/g, ' ').trim();
}

const CREDIT = /(?:^|\s)\(?(?:Foto|Fot\.|Zdjęcie|Źródło|Photo|Credit|Source):?\s+([^()]+?)\)?\s*$/iu;

/** Splits a caption into caption and credit: a trailing "Foto: …", "Fot. …", "Źródło: …" is the credit. */
export function splitCredit(caption: string): { caption: string | undefined; credit: string | undefined } {
  const text = caption.replace(/\s+/g, ' ').trim();
  const match = CREDIT.exec(text);
  if (match?.index === undefined) return { caption: text || undefined, credit: undefined };
  const rest = text.slice(0, match.index).replace(/[\s|,–—-]+$/, '');
  const credit = match[1]?.trim() ?? '';
  return { caption: rest === '' ? undefined : rest, credit: credit === '' ? undefined : credit };
}

function attribute(name: string, value: string | undefined): MdxJsxAttribute[] {
  return value === undefined || value.trim() === '' ? [] : [{ type: 'mdxJsxAttribute', name, value: value.trim() }];
}

function component(name: string, attributes: MdxJsxAttribute[], children: BlockContent[] = []): MdxJsxFlowElement {
  return { type: 'mdxJsxFlowElement', name, attributes, children };
}

const imageExtension = /\.(?:jpe?g|png|webp)$/i;

/**
 * Converts a WordPress post body (Gutenberg blocks or classic-editor HTML with shortcodes) into
 * MDX for the content check and the site: Markdown for text, `Figure`, `Quote` and `Embed` of the
 * component registry for images, cited quotes and embeds. Everything is built as a syntax tree and
 * printed by `mdast-util-to-markdown`, which escapes what MDX would otherwise read as syntax.
 */
export function convertBody(html: string, context: BodyContext): ConvertedBody {
  const specials: Special[] = [];
  const reported = new Set<string>();
  const warnOnce = (message: string) => {
    if (reported.has(message)) return;
    reported.add(message);
    context.warn(message);
  };
  const placeholder = (special: Special) => {
    specials.push(special);
    return `<wp-special data-index="${specials.length - 1}"></wp-special>`;
  };

  const shortcode = (code: Shortcode): string => {
    switch (code.name) {
      case 'caption':
      case 'wp_caption': {
        const caption = code.attrs['caption'] ?? '';
        return `<figure data-special="${specials.push({ kind: 'caption', caption }) - 1}">${code.content ?? ''}</figure>`;
      }
      case 'gallery': {
        const ids = (code.attrs['ids'] ?? code.attrs['include'] ?? '')
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean);
        const images = ids.length
          ? ids.flatMap((id) => {
              const found = context.attachment(id);
              if (!found) warnOnce(`gallery image ${id} is not in the export, dropped`);
              return found ? [found] : [];
            })
          : context.attachedImages();
        return placeholder({ kind: 'figures', images });
      }
      case 'embed':
      case 'youtube':
      case 'vimeo':
      case 'video':
      case 'audio': {
        const url = (code.content ?? code.attrs['src'] ?? code.attrs['mp4'] ?? code.attrs['url'] ?? code.attrs['0'] ?? '').trim();
        return placeholder({ kind: 'embed', url: htmlToText(url) });
      }
      default:
        warnOnce(`unknown shortcode [${code.name}] removed`);
        return code.content ?? '';
    }
  };

  const classic = (text: string) => {
    const withShortcodes = replaceShortcodes(text, shortcode);
    // WordPress turns a URL alone on its line into an embed.
    const withEmbeds = withShortcodes.replace(/^[ \t]*(https?:\/\/[^\s<>"]+)[ \t]*$/gm, (line, url: string) =>
      embedFor(url) ? placeholder({ kind: 'embed', url }) : line,
    );
    return autop(withEmbeds);
  };

  type Block = ReturnType<typeof parseBlocks>[number];
  const renderBlock = (block: Block): string => {
    const name = block.blockName;
    const attrs = (block.attrs ?? {}) as Record<string, unknown>;
    if (name === null || name === 'core/freeform') return block.innerHTML.trim() ? classic(block.innerHTML) : '';
    if (name === 'core/shortcode') return classic(block.innerHTML);
    if (name === 'core/embed' || name.startsWith('core-embed/')) {
      return placeholder({ kind: 'embed', url: typeof attrs['url'] === 'string' ? attrs['url'] : '' });
    }
    if (name === 'core/more' || name === 'core/nextpage' || name === 'core/spacer') return '';
    let out = '';
    let inner = 0;
    for (const part of block.innerContent) {
      if (part === null) {
        const child = block.innerBlocks[inner++];
        if (child) out += renderBlock(child);
      } else {
        out += name === 'core/html' ? replaceShortcodes(part, shortcode) : part;
      }
    }
    return out;
  };

  const html2 = /<!--\s*wp:/.test(html) ? parseBlocks(html).map(renderBlock).join('\n') : classic(html);
  const hast = htmlParser.parse(html2);
  sanitize(hast, warnOnce, placeholder);

  const figureFor = (url: string, alt: string, caption: string): MdxJsxFlowElement | undefined => {
    if (!url) return undefined;
    const found = context.image(url);
    if (!found) return undefined;
    if (!imageExtension.test(found.src)) {
      warnOnce(`image ${url} is not JPEG, PNG or WebP, dropped`);
      return undefined;
    }
    const { caption: text, credit } = splitCredit(caption);
    const altText = [alt.trim(), text ?? ''].find((candidate) => candidate !== '') ?? 'Ilustracja';
    return component('Figure', [
      ...attribute('src', found.src),
      ...attribute('alt', altText),
      ...attribute('caption', text),
      ...attribute('credit', credit),
    ]);
  };

  const embedComponent = (url: string): MdxJsxFlowElement | undefined => {
    const embed = embedFor(url);
    if (!embed) {
      if (url) warnOnce(`embed of ${url} dropped: not an https address of a known service`);
      return undefined;
    }
    return component('Embed', [
      ...attribute('url', embed.url),
      ...attribute('title', embed.title),
      ...attribute('provider', embed.provider),
    ]);
  };

  const mediaEmbed = (node: Element) => {
    const sources = [node.properties.src, ...node.children.flatMap((child) => (child.type === 'element' ? [child.properties.src] : []))];
    const url = sources.map((value) => (typeof value === 'string' ? value : '')).find(Boolean) ?? '';
    if (embedFor(url)) return embedComponent(url);
    warnOnce(`${node.tagName} ${url || 'without an address'} dropped: the site embeds only known services`);
    return undefined;
  };

  const imagesIn = (node: Element): Element[] => {
    const found: Element[] = [];
    const walk = (current: HastNodes) => {
      if (current.type === 'element' && current.tagName === 'img') found.push(current);
      if ('children' in current) for (const child of current.children) walk(child);
    };
    walk(node);
    return found;
  };
  const imageUrl = (img: Element) => prop(img, 'src') || prop(img, 'dataSrc');
  const figcaptionOf = (node: Element) => {
    const caption = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'figcaption');
    return caption ? textOf(caption).trim() : '';
  };

  const handlers = {
    'wp-special': (_state: State, node: Element) => {
      const special = specials[Number(node.properties['dataIndex'])];
      if (!special) return undefined;
      if (special.kind === 'embed') return embedComponent(special.url);
      if (special.kind === 'figures') {
        return special.images.flatMap((image) => figureFor(image.url, image.alt, image.caption) ?? []);
      }
      return undefined;
    },
    figure: (state: State, node: Element) => {
      const className = prop(node, 'className');
      const images = imagesIn(node);
      const special = node.properties['dataSpecial'] !== undefined ? specials[Number(node.properties['dataSpecial'])] : undefined;
      if (images.length === 0 || /wp-block-(?:table|pullquote|embed)/.test(className)) return state.toFlow(state.all(node));
      if (images.length > 1 || className.includes('gallery')) {
        const figures = node.children.filter((child): child is Element => child.type === 'element');
        return figures.flatMap((child) => {
          const img = imagesIn(child)[0];
          if (!img) return [];
          const caption = child.tagName === 'figure' ? figcaptionOf(child) : '';
          return figureFor(imageUrl(img), prop(img, 'alt'), caption) ?? [];
        });
      }
      const img = images[0] as Element;
      let caption = figcaptionOf(node);
      if (!caption && special?.kind === 'caption') caption = htmlToText(special.caption);
      if (!caption && special?.kind === 'caption') {
        // [caption]<img …> The caption text[/caption]: the text beside the image.
        caption = textOf(node).replace(/\s+/g, ' ').trim();
      }
      return figureFor(imageUrl(img), prop(img, 'alt'), caption);
    },
    video: (_state: State, node: Element) => mediaEmbed(node),
    audio: (_state: State, node: Element) => mediaEmbed(node),
    img: (_state: State, node: Element) => figureFor(imageUrl(node), prop(node, 'alt'), ''),
    ul: (state: State, node: Element) => {
      const className = prop(node, 'className');
      if (className.includes('gallery')) {
        return imagesIn(node).flatMap((img) => figureFor(imageUrl(img), prop(img, 'alt'), '') ?? []);
      }
      return defaultList(state, node);
    },
    blockquote: (state: State, node: Element) => {
      const cites = node.children.filter((child): child is Element => child.type === 'element' && child.tagName === 'cite');
      const author = cites
        .map((cite) => textOf(cite).trim())
        .join(' ')
        .replace(/^[—–-]\s*/, '');
      const rest: Element = { ...node, children: node.children.filter((child) => !cites.includes(child as Element)) };
      const children = state.toFlow(state.all(rest)) as BlockContent[];
      if (!author) return { type: 'blockquote' as const, children };
      return component('Quote', attribute('author', author), children);
    },
  };

  const tree = toMdast(hast, { handlers }) as Root;
  const fixed = tidy(tree, context, warnOnce);
  const source = takeSource(fixed);
  const mdx = toMarkdown(fixed, {
    extensions: [mdxToMarkdown(), gfmToMarkdown()],
    bullet: '-',
    emphasis: '_',
    strong: '*',
    rule: '-',
    fences: true,
    resourceLink: true,
  }).trim();
  const first = fixed.children.find((child): child is Paragraph => child.type === 'paragraph');
  return { mdx: mdx ? `${mdx}\n` : '', firstParagraph: first ? plain(first) : '', source };
}

function defaultList(state: State, node: Element) {
  return defaultHandlers.ul(state, node);
}

function plain(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plain).join('');
  if (node.type === 'break') return ' ';
  return '';
}

/** Removes what content may not carry (scripts, styles, forms, frames outside Embed), reporting each kind once. */
function sanitize(tree: HastRoot, warn: (message: string) => void, placeholder: (special: Special) => string): void {
  const walk = (parent: HastRoot | Element) => {
    parent.children = parent.children.flatMap((child): ElementContent[] => {
      if (child.type === 'comment' || child.type === 'doctype') return [];
      if (child.type === 'text') return [child];
      // Parsed HTML holds no MDX or raw nodes.
      if (child.type !== 'element') return [];
      const name = child.tagName;
      if (name === 'iframe') {
        const src = prop(child, 'src');
        if (src.startsWith('https://') && embedFor(src)) {
          const marker = placeholder({ kind: 'embed', url: src });
          const index = /data-index="(\d+)"/.exec(marker)?.[1] ?? '0';
          return [{ type: 'element', tagName: 'wp-special', properties: { dataIndex: index }, children: [] }];
        }
        warn(`iframe${src ? ` of ${src}` : ''} removed`);
        return [];
      }
      if (FORBIDDEN.has(name)) {
        warn(`<${name}> removed`);
        return [];
      }
      walk(child);
      return [child];
    });
  };
  walk(tree);
}

type Parent = Extract<Nodes, { children: unknown[] }>;

/** Makes the tree valid for the site: components out of paragraphs and links, heading levels, links rewritten. */
function tidy(tree: Root, context: BodyContext, warn: (message: string) => void): Root {
  let previousDepth = 1;
  const rewritten = (link: Link): Link => ({ ...link, url: context.link(link.url.trim()) });
  const visit = (node: Nodes): Nodes[] => {
    if (node.type === 'link') {
      const url = node.url.trim();
      if (/^(?:javascript|vbscript|data):/i.test(url)) {
        warn(`a ${url.split(':')[0]}: link removed`);
        return node.children.flatMap(visit);
      }
      // A button or anchor without an address is text.
      if (url === '' || url.startsWith('#')) return node.children.flatMap(visit);
    }
    if (node.type === 'image' || node.type === 'imageReference') {
      const url = node.type === 'image' ? node.url : '';
      const found = url ? context.image(url) : undefined;
      if (!found || !imageExtension.test(found.src)) return [];
      return [component('Figure', [...attribute('src', found.src), ...attribute('alt', node.alt ?? 'Ilustracja')])];
    }
    if (node.type === 'heading') {
      const depth = Math.min(Math.max(node.depth, 2), previousDepth + 1) as 2 | 3 | 4 | 5 | 6;
      node.depth = depth;
      previousDepth = depth;
    }
    if ('children' in node) {
      const parent = node;
      parent.children = parent.children.flatMap((child) => visit(child as Nodes)) as typeof parent.children;
      if (node.type === 'link' || node.type === 'paragraph' || node.type === 'emphasis' || node.type === 'strong') {
        const hasFlow = node.children.some((child) => (child as Nodes).type === 'mdxJsxFlowElement');
        // An image linked to its full size becomes a Figure; the link goes (and is not reported).
        if (hasFlow) return splitAroundFlow(node).map((part) => (part.type === 'link' ? rewritten(part) : part));
      }
      if ((node.type === 'paragraph' || node.type === 'heading') && node.children.every((child) => isBlank(child))) return [];
      if (node.type === 'link' && node.children.every((child) => isBlank(child))) return [];
    }
    return [node.type === 'link' ? rewritten(node) : node];
  };
  tree.children = tree.children.flatMap((child) => visit(child)) as RootContent[];
  return tree;
}

function isBlank(node: PhrasingContent): boolean {
  return (node.type === 'text' && node.value.trim() === '') || node.type === 'break';
}

/** `[text, Figure, text]` inside a paragraph becomes paragraph, Figure, paragraph. */
function splitAroundFlow(node: Paragraph | PhrasingContent): Nodes[] {
  const out: Nodes[] = [];
  let run: PhrasingContent[] = [];
  const flush = () => {
    if (run.some((child) => !isBlank(child))) {
      // The text beside a Figure starts and ends a paragraph of its own now.
      const first = run[0];
      const last = run.at(-1);
      if (first?.type === 'text') run[0] = { ...first, value: first.value.trimStart() };
      if (last?.type === 'text') run[run.length - 1] = { ...last, value: (run.at(-1) as typeof last).value.trimEnd() };
      const wrapped = node.type === 'paragraph' ? { ...node, children: run } : { ...(node as Parent), children: run };
      out.push(wrapped as Nodes);
    }
    run = [];
  };
  for (const child of (node as Parent).children as Nodes[]) {
    if (child.type === 'mdxJsxFlowElement') {
      flush();
      out.push(child);
    } else run.push(child as PhrasingContent);
  }
  flush();
  return out;
}

/** Takes a trailing agency signature such as "(PAP)" or "(PAP/EPA)" off the last paragraph. */
function takeSource(tree: Root): string | undefined {
  const last = tree.children.at(-1);
  if (last?.type !== 'paragraph') return undefined;
  const tail = last.children.at(-1);
  if (tail?.type !== 'text') return undefined;
  const match = /\s*\(([A-ZĄĆĘŁŃÓŚŹŻ][A-Za-zĄĆĘŁŃÓŚŹŻąćęłńóśźż./-]{1,30})\)\s*$/u.exec(tail.value);
  if (!match?.[1] || !/^[A-ZĄĆĘŁŃÓŚŹŻ]{2,}/u.test(match[1])) return undefined;
  tail.value = tail.value.slice(0, match.index);
  if (last.children.every((child) => isBlank(child))) tree.children.pop();
  return match[1];
}
