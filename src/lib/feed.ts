import { getImage } from 'astro:assets';
import { render } from 'astro:content';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import rss, { type RSSFeedItem } from '@astrojs/rss';
import { ELEMENT_NODE, parse, renderSync, walkSync, type Node as HtmlNode } from 'ultrahtml';
import RenderedBody from '../components/RenderedBody.astro';
import { articleComponents } from '../components/mdx/index.ts';
import { BLOCK_SEPARATOR, hasComponentMarkers, hasOwnAd, parseBodyHtml } from '../loaders/component-markers.ts';
import { PARAGRAPH_END_MARKER } from '../markdown/auto-ad-slots.ts';
import { getNewsroom, required, type Article } from './content.ts';
import { getSite } from './site.ts';
import { urls } from './urls.ts';

/** How many of the newest articles a feed carries. */
export const FEED_SIZE = 30;

const URL_ATTRIBUTES = ['href', 'src', 'poster'];

/** Rewrites every site-relative URL in `html` (links, images, srcset candidates) to an absolute one. */
export function absolutizeUrls(html: string, site: URL): string {
  // ultrahtml types its parser's result as `any`.
  const doc = parse(html) as HtmlNode;
  walkSync(doc, (node) => {
    if (node.type !== ELEMENT_NODE) return;
    const { attributes } = node;
    for (const name of URL_ATTRIBUTES) {
      const value = attributes[name];
      if (value && !value.startsWith('#')) attributes[name] = new URL(value, site).href;
    }
    const srcset = attributes['srcset'];
    if (srcset) {
      attributes['srcset'] = srcset
        .split(',')
        .map((candidate) => {
          const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
          return [new URL(url, site).href, ...descriptor].join(' ');
        })
        .join(', ');
    }
  });
  return renderSync(doc);
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char] ?? char);

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
 * rendered with the site's components (no ads), the agency line. URLs are absolute.
 */
function feedContent(article: Article, site: URL): Promise<string> {
  let html = renderedBodies.get(article.id);
  if (!html) {
    html = (async () => {
      const body = await bodyHtml(article);
      const { t } = await getSite();
      const { hero, source } = article.data;
      let heroHtml = '';
      if (hero) {
        const image = await getImage({ src: hero.image, width: 1200, format: 'jpeg' });
        const caption = [hero.caption, hero.credit ? `${t.photo}: ${hero.credit}` : undefined].filter(Boolean).join(' ');
        heroHtml = `<figure><img src="${escapeHtml(image.src)}" alt="${escapeHtml(hero.alt)}" width="${image.attributes['width']}" height="${image.attributes['height']}">${caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : ''}</figure>`;
      }
      const agency = source ? `<p>(${escapeHtml(source)})</p>` : '';
      return absolutizeUrls(`${heroHtml}${body}${agency}`, site);
    })();
    renderedBodies.set(article.id, html);
  }
  return html;
}

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
  const items: RSSFeedItem[] = await Promise.all(
    articles.slice(0, FEED_SIZE).map(async (article) => ({
      title: article.data.title,
      link: urls.article(article.id),
      pubDate: article.data.pubDate,
      description: article.data.lead,
      categories: article.data.tags.map((ref) => required(tags, ref.id, 'tag').data.name),
      customData: article.data.authors
        .map((ref) => `<dc:creator>${escapeHtml(required(authors, ref.id, 'author').data.name)}</dc:creator>`)
        .join(''),
      ...(fullContent ? { content: await feedContent(article, site) } : {}),
    })),
  );
  return rss({
    title,
    description,
    // The channel link; item links are root-relative and resolve against it to the same origin.
    site: new URL(pagePath, site).href,
    items,
    trailingSlash: true,
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
    customData: [
      `<language>${language}</language>`,
      `<atom:link href="${new URL(selfPath, site).href}" rel="self" type="application/rss+xml"/>`,
      articles[0] ? `<lastBuildDate>${articles[0].data.pubDate.toUTCString()}</lastBuildDate>` : '',
    ].join(''),
  });
}
