import { getImage } from 'astro:assets';
import { render } from 'astro:content';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import type { Element as HastElement, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import type { Element as XmlElement } from 'xast';
import { x } from 'xastscript';
import RenderedBody from '../components/RenderedBody.astro';
import { articleComponents } from '../components/mdx/index.ts';
import { BLOCK_SEPARATOR, hasComponentMarkers, hasOwnAd, parseBodyHtml } from '../loaders/component-markers.ts';
import { PARAGRAPH_END_MARKER } from '../markdown/auto-ad-slots.ts';
import { getNewsroom, required, type Article } from './content.ts';
import { getSite } from './site.ts';
import { urls } from './urls.ts';
import { xmlDocument, xmlResponse } from './xml.ts';
import { FEED_SIZE } from './feed-size.ts';
import { lastModified, wasModified } from '../utils/modified.ts';

/** hast property names of the attributes that hold one address. */
const URL_PROPERTIES = ['href', 'src', 'poster'] as const;

/** Rewrites every site-relative URL in `tree` (links, images, srcset candidates) to an absolute one, in place. */
function absolutize(tree: HastRoot, site: URL): void {
  visit(tree, 'element', (node: HastElement) => {
    const { properties } = node;
    for (const name of URL_PROPERTIES) {
      const value = properties[name];
      if (typeof value === 'string' && value !== '' && !value.startsWith('#')) properties[name] = new URL(value, site).href;
    }
    // The HTML parser keeps srcset as one string: candidates separated by commas.
    const srcset = properties.srcSet;
    if (typeof srcset === 'string' && srcset.trim() !== '') {
      properties.srcSet = srcset
        .split(',')
        .map((candidate) => {
          const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
          return [new URL(url, site).href, ...descriptor].join(' ');
        })
        .join(', ');
    }
  });
}

let container: Promise<AstroContainer> | undefined;
const renderedBodies = new Map<string, Promise<string>>();

/** The body's HTML without ads: the loader's HTML, its component markers rendered with the site's components, or the MDX module rendered. */
async function bodyHtml(article: Article): Promise<string> {
  const html = article.rendered?.html;
  if (html !== undefined && !hasComponentMarkers(html)) return html.replaceAll(PARAGRAPH_END_MARKER, '');
  container ??= loadRenderers([getContainerRenderer()]).then((renderers) => AstroContainer.create({ renderers }));
  const components = articleComponents({ ads: false });
  if (html !== undefined) {
    const nodes = parseBodyHtml(html);
    const { settings } = await getSite();
    const autoAdEvery = hasOwnAd(nodes) ? 0 : settings.ads.everyParagraphs;
    return (await container).renderToString(RenderedBody, { props: { nodes, components, autoAdEvery, separator: BLOCK_SEPARATOR } });
  }
  const { Content } = await render(article);
  return (await container).renderToString(Content, { props: { components } });
}

/**
 * The article as feed readers show it: hero photo with caption and credit, the body
 * rendered with the site's components (no ads), the agency line. URLs are absolute. The body
 * is parsed into a syntax tree and everything is serialised by `hast-util-to-html`, so no
 * text of the article can turn into markup.
 */
function feedContent(article: Article, site: URL): Promise<string> {
  let html = renderedBodies.get(article.id);
  if (!html) {
    html = (async () => {
      const tree = fromHtml(await bodyHtml(article), { fragment: true });
      const { t, date } = await getSite();
      const { hero, source } = article.data;
      if (hero) {
        const image = await getImage({ src: hero.image, width: 1200, format: 'jpeg' });
        const caption = [hero.caption, hero.credit ? `${t.photo}: ${hero.credit}` : undefined].filter(Boolean).join(' ');
        tree.children.unshift(
          h('figure', [
            h('img', {
              src: image.src,
              alt: hero.alt,
              width: String(image.attributes['width']),
              height: String(image.attributes['height']),
            }),
            caption ? h('figcaption', caption) : undefined,
          ]),
        );
      }
      if (source) tree.children.push(h('p', `(${source})`));
      // Corrections as the page prints them, so that a corrected item reads differently in feed readers.
      for (const correction of article.data.corrections) {
        tree.children.push(h('p', [h('strong', `${t.correction}, ${date(correction.date)}:`), ` ${correction.text}`]));
      }
      absolutize(tree, site);
      return toHtml(tree);
    })();
    renderedBodies.set(article.id, html);
  }
  return html;
}

/** `text` as HTML: RSS readers treat `<description>` as HTML, so plain text is escaped for HTML before XML escapes it again. */
const asHtml = (text: string) => toHtml({ type: 'text', value: text });

/** A complete RSS 2.0 response for `articles` (newest first), with `atom:link rel="self"`. */
export async function articleFeed({
  title,
  description,
  selfPath,
  pagePath = '/',
  articles,
  site,
  fullContent,
}: {
  title: string;
  description: string;
  /** Path of the feed itself, for `atom:link rel="self"`. */
  selfPath: string;
  /** The page the feed follows (the channel's `<link>`): the home page, a tag or an author page. */
  pagePath?: string;
  articles: readonly Article[];
  site: URL;
  /** Include the whole rendered article as `content:encoded` (the site feed). */
  fullContent: boolean;
}): Promise<Response> {
  const { authors, tags } = await getNewsroom();
  const { language } = await getSite();
  const items: XmlElement[] = await Promise.all(
    articles.slice(0, FEED_SIZE).map(async (article) => {
      const link = new URL(urls.article(article.id), site).href;
      return x('item', [
        x('title', article.data.title),
        x('link', link),
        x('guid', { isPermaLink: 'true' }, link),
        x('description', asHtml(article.data.lead)),
        x('pubDate', article.data.pubDate.toUTCString()),
        ...article.data.authors.map((ref) => x('dc:creator', required(authors, ref.id, 'author').data.name)),
        ...article.data.tags.map((ref) => x('category', required(tags, ref.id, 'tag').data.name)),
        ...(wasModified(article.data) ? [x('atom:updated', lastModified(article.data).toISOString())] : []),
        ...(fullContent ? [x('content:encoded', await feedContent(article, site))] : []),
      ]);
    }),
  );
  const rss = x(
    'rss',
    {
      version: '2.0',
      'xmlns:atom': 'http://www.w3.org/2005/Atom',
      'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
      ...(fullContent ? { 'xmlns:content': 'http://purl.org/rss/1.0/modules/content/' } : {}),
    },
    [
      x('channel', [
        x('title', title),
        x('description', asHtml(description)),
        x('link', new URL(pagePath, site).href),
        x('language', language),
        x('atom:link', { href: new URL(selfPath, site).href, rel: 'self', type: 'application/rss+xml' }),
        articles[0] ? x('lastBuildDate', articles[0].data.pubDate.toUTCString()) : undefined,
        ...items,
      ]),
    ],
  );
  return xmlResponse(xmlDocument(rss));
}
