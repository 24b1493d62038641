import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, posix, resolve } from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import sharp from 'sharp';
import { RESERVED_PAGE_SLUGS, urls } from '../../src/lib/urls.ts';
import { asciiSlug } from '../../src/utils/slug.ts';
import { convertBody, htmlToText, splitCredit, type BodyContext } from './body.ts';
import { ImageStore } from './images.ts';
import { readWxr, type WxrAuthor, type WxrChannel, type WxrItem, type WxrTerm } from './wxr.ts';

/** What to import and where. */
export interface ImportOptions {
  /** WXR files, read in this order. */
  files: string[];
  /** The content folder to write into. */
  contentDir: string;
  /** A local copy of the old site's `wp-content/uploads`. */
  uploads?: string | undefined;
  /** Write nothing; report what would happen. */
  dryRun?: boolean;
  /** Overwrite files edited in Szpalta since the last import. */
  force?: boolean;
  /** Where approved comments go (JSON, outside the content folder). Default: `.szpalta/wordpress-comments.json`. */
  commentsOut?: string;
  /** Called after each post: posts done of total. */
  progress?: (done: number, total: number) => void;
}

/** One thing that happened to one WordPress post. */
export interface ImportWarning {
  /** WordPress post ID, or empty for the export as a whole. */
  postId: string;
  title: string;
  message: string;
}

/** What an import did (or, with `dryRun`, would do). */
export interface ImportReport {
  counts: {
    articles: number;
    drafts: number;
    scheduled: number;
    pages: number;
    authors: number;
    tags: number;
    images: number;
    comments: number;
    redirects: number;
    skipped: number;
  };
  /** Files written or that would be written, relative to the content folder. */
  written: string[];
  /** Files that already held exactly what the import would write. */
  unchanged: number;
  warnings: ImportWarning[];
  dryRun: boolean;
}

/**
 * The manifest of what the last import wrote, to tell an editor's change from an older import:
 * beside the content folder (in the project, `.szpalta/wordpress-import.json`), because the
 * content folder holds only content.
 */
const MANIFEST = join('.szpalta', 'wordpress-import.json');
/** The redirect table the importer owns. */
export const REDIRECTS_FILE = 'redirects/wordpress.yml';
/** Categories WordPress gives a post that has none. */
const DEFAULT_CATEGORIES = new Set(['uncategorized', 'bez-kategorii', 'uncategorised', 'general']);
const LEAD_MAX = 600;
const TITLE_MAX = 200;

interface Post {
  item: WxrItem;
  kind: 'article' | 'page';
  slug: string;
  /** The new address, when the post is published on the new site. */
  url: string | undefined;
}

interface Attachment {
  url: string;
  alt: string;
  caption: string;
  title: string;
  parent: string;
}

/** `decodeURIComponent` that gives up quietly on malformed input. */
function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** An ASCII slug from a WordPress slug (maybe percent-encoded) or, failing that, from a name. */
function slugFrom(nicename: string, name: string): string {
  return asciiSlug(decode(nicename)) || asciiSlug(name);
}

/**
 * Fills what old or hand-made exports leave out: a post ID from the `?p=` of the guid or link,
 * and categories written as plain `<category>Name</category>` (RSS style, no domain or slug).
 */
function normalize(item: WxrItem): WxrItem {
  if (!/^\d+$/.test(item.id)) item.id = /[?&](?:p|page_id)=(\d+)/.exec(`${item.guid} ${item.link}`)?.[1] ?? `${item.file}:${item.line}`;
  for (const term of item.terms) {
    if (term.domain === '') term.domain = 'category';
    if (term.nicename === '') term.nicename = asciiSlug(term.name);
  }
  return item;
}

/** `2013-01-10 20:15:40` (GMT) → ISO; empty for WordPress's zero date. */
function isoDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value.trim());
  if (!match || match[1] === '0000') return '';
  return `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}Z`;
}

/** A post's publication date: the GMT date, else the local one, else the RSS date. */
function pubDateOf(item: WxrItem, fallback: string): string {
  return isoDate(item.dateGmt) || isoDate(item.date) || fallback;
}

function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, '')}…`;
}

/** The `wordpress` front-matter field: the post ID, when the export has one. */
function wordpressId(item: WxrItem): { wordpress?: { id: number } } {
  return /^\d+$/.test(item.id) && Number(item.id) > 0 ? { wordpress: { id: Number(item.id) } } : {};
}

function sha(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The path part of an address of the old site, with a trailing slash, or undefined for another site. */
function oldPath(address: string, origins: ReadonlySet<string>): string | undefined {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return undefined;
  }
  if (!origins.has(url.host.toLowerCase())) return undefined;
  if (url.search && url.search !== '?') return undefined;
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return path === '/' ? undefined : path;
}

/** Front matter and body as an MDX file; YAML written by the `yaml` serializer. */
function mdxFile(data: Record<string, unknown>, body: string): string {
  return `---\n${stringify(data, { lineWidth: 0 })}---\n${body ? `\n${body}` : ''}`;
}

/** Existing articles and pages: slug by WordPress ID, and every slug in use. */
function scanExisting(contentDir: string, folder: 'articles' | 'pages') {
  const byId = new Map<string, string>();
  const slugs = new Set<string>();
  let names: string[] = [];
  try {
    names = readdirSync(join(contentDir, folder)).filter((name) => name.endsWith('.mdx'));
  } catch {
    // No folder yet.
  }
  for (const name of names) {
    const slug = name.slice(0, -4);
    slugs.add(slug);
    const text = readFileSync(join(contentDir, folder, name), 'utf8');
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
    if (!front?.includes('wordpress')) continue;
    try {
      const data = parseYaml(front) as { wordpress?: { id?: unknown } } | null;
      const id = data?.wordpress?.id;
      if (typeof id === 'number' || typeof id === 'string') byId.set(String(id), slug);
    } catch {
      // The content check reports broken front matter; such a file is simply not ours.
    }
  }
  return { byId, slugs };
}

function existingIds(contentDir: string, folder: string): Set<string> {
  try {
    return new Set(
      readdirSync(join(contentDir, folder))
        .filter((name) => /\.ya?ml$/.test(name))
        .map((name) => name.replace(/\.ya?ml$/, '')),
    );
  } catch {
    return new Set();
  }
}

/**
 * Imports WordPress exports into a content folder. Reads every file twice, streaming: first the
 * facts (posts, slugs, terms, attachments) so links between posts can be rewritten, then the
 * bodies. Files are written into a temporary folder beside the content folder and moved into
 * place only when everything succeeded.
 *
 * @throws WxrError for a file that is not a readable WXR export; nothing is written then.
 */
export async function importWordPress(options: ImportOptions): Promise<ImportReport> {
  const contentDir = resolve(options.contentDir);
  const dryRun = options.dryRun ?? false;
  const report: ImportReport = {
    counts: { articles: 0, drafts: 0, scheduled: 0, pages: 0, authors: 0, tags: 0, images: 0, comments: 0, redirects: 0, skipped: 0 },
    written: [],
    unchanged: 0,
    warnings: [],
    dryRun,
  };
  const warn = (item: WxrItem | undefined, message: string) =>
    report.warnings.push({ postId: item?.id ?? '', title: item ? htmlToText(item.title) : '', message });

  // Pass 1: the facts.
  const channels: WxrChannel[] = [];
  const authors = new Map<string, WxrAuthor>();
  const terms = new Map<string, WxrTerm>();
  const attachments = new Map<string, Attachment>();
  const items: WxrItem[] = [];
  for (const file of options.files) {
    const channel = await readWxr(file, {
      bodies: false,
      item: (found) => {
        const item = normalize(found);
        if (item.type === 'attachment') {
          attachments.set(item.id, {
            url: item.attachmentUrl || item.guid,
            alt: item.meta.get('_wp_attachment_image_alt') ?? '',
            caption: htmlToText(item.excerpt),
            title: item.title,
            parent: item.parent,
          });
        } else if (item.type === 'post' || item.type === 'page') {
          item.excerpt = '';
          items.push(item);
        }
        for (const term of item.terms) {
          const taxonomy = term.domain === 'post_tag' ? 'post_tag' : term.domain === 'category' ? 'category' : undefined;
          if (taxonomy && !terms.has(`${taxonomy}:${term.nicename}`)) {
            terms.set(`${taxonomy}:${term.nicename}`, { taxonomy, nicename: term.nicename, name: term.name, description: '', parent: '' });
          }
        }
      },
    });
    channels.push(channel);
    for (const author of channel.authors) authors.set(author.login, author);
    for (const term of channel.terms) terms.set(`${term.taxonomy}:${term.nicename}`, term);
  }
  const origins = new Set<string>();
  for (const channel of channels) {
    try {
      if (channel.blogUrl) {
        // Old links use the address with and without "www." alike.
        const host = new URL(channel.blogUrl).host.toLowerCase().replace(/^www\./, '');
        origins.add(host).add(`www.${host}`);
      }
    } catch {
      // An export without a usable site address: its links cannot be recognised as internal.
    }
  }

  // Slugs: existing content keeps its names, a re-run finds its files by WordPress ID.
  const existingArticles = scanExisting(contentDir, 'articles');
  const existingPages = scanExisting(contentDir, 'pages');
  const existingAuthors = existingIds(contentDir, 'authors');
  const existingTags = existingIds(contentDir, 'tags');
  const takenArticles = new Set(existingArticles.slugs);
  const takenPages = new Set([...existingPages.slugs, ...RESERVED_PAGE_SLUGS]);
  const posts = new Map<string, Post>();
  const now = Date.now();
  const fallbackDate = '2000-01-01T00:00:00Z';
  for (const item of items) {
    const isPage = item.type === 'page';
    if (item.status === 'private' || item.status === 'trash' || item.status === 'auto-draft' || item.status === 'inherit') {
      report.counts.skipped++;
      warn(item, `skipped: its status is "${item.status}"`);
      continue;
    }
    if (isPage && item.status !== 'publish') {
      report.counts.skipped++;
      warn(item, `skipped: a page with status "${item.status}" (static pages have no drafts)`);
      continue;
    }
    if (posts.has(item.id)) continue;
    if (!/^\d+$/.test(item.id)) warn(item, 'the export gives no post ID: a later import cannot recognise this post and would add it again');
    const existing = (isPage ? existingPages : existingArticles).byId.get(item.id);
    const taken = isPage ? takenPages : takenArticles;
    let slug = existing;
    if (!slug) {
      const base = slugFrom(item.name, item.title) || `${isPage ? 'strona' : 'wpis'}-${item.id}`;
      slug = base;
      for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
      if (slug !== base) warn(item, `slug changed from "${base}" to "${slug}": the address is already taken`);
      taken.add(slug);
    }
    const published = item.status === 'publish' && Date.parse(pubDateOf(item, fallbackDate)) <= now;
    posts.set(item.id, {
      item,
      kind: isPage ? 'page' : 'article',
      slug,
      url: published ? (isPage ? urls.page(slug) : urls.article(slug)) : undefined,
    });
  }

  // Authors and tags: ASCII slugs; existing files of the same slug are reused, never overwritten.
  const authorSlug = new Map<string, string>();
  const authorFiles = new Map<string, Record<string, unknown>>();
  const addAuthor = (key: string, name: string): string => {
    const known = authorSlug.get(key);
    if (known) return known;
    const slug = asciiSlug(name) || asciiSlug(key) || 'redakcja';
    authorSlug.set(key, slug);
    if (!authorFiles.has(slug)) authorFiles.set(slug, { name: name.trim() || key });
    return slug;
  };
  const tagSlug = new Map<string, string>();
  const tagFiles = new Map<string, Record<string, unknown>>();
  const addTag = (term: WxrTerm): string | undefined => {
    const key = `${term.taxonomy}:${term.nicename}`;
    const known = tagSlug.get(key);
    if (known) return known;
    const slug = slugFrom(term.nicename, term.name);
    if (!slug || (term.taxonomy === 'category' && DEFAULT_CATEGORIES.has(slug))) return undefined;
    tagSlug.set(key, slug);
    if (!tagFiles.has(slug)) {
      const name = htmlToText(term.name) || slug;
      tagFiles.set(slug, { name, ...(term.description ? { description: htmlToText(term.description) } : {}) });
    }
    return slug;
  };

  // Where the old addresses go now.
  const byOldPath = new Map<string, string>();
  const byId = new Map<string, string>();
  for (const post of posts.values()) {
    if (!post.url) continue;
    byId.set(post.item.id, post.url);
    const path = oldPath(post.item.link, origins);
    if (path) byOldPath.set(path, post.url);
  }
  const categoryPaths = new Map<string, string>();
  const categoryPath = (term: WxrTerm): string => {
    const known = categoryPaths.get(term.nicename);
    if (known) return known;
    const parent = term.parent ? terms.get(`category:${term.parent}`) : undefined;
    const path = parent && parent !== term ? `${categoryPath(parent)}${term.nicename}/` : `/category/${term.nicename}/`;
    categoryPaths.set(term.nicename, path);
    return path;
  };
  const usedTags = new Set<string>();
  const usedAuthors = new Map<string, string>();
  const link = (item: WxrItem) => (address: string) => {
    let url: URL;
    try {
      url = new URL(address, channels[0]?.blogUrl ? `${channels[0].blogUrl}/` : undefined);
    } catch {
      return address;
    }
    if (!origins.has(url.host.toLowerCase())) return address;
    if (url.pathname.includes('/wp-content/uploads/')) {
      warn(item, `link to ${address} kept: a file of the old site, copy it to the new one or remove the link`);
      return address;
    }
    const id = url.searchParams.get('p') ?? url.searchParams.get('page_id');
    const target = id ? byId.get(id) : byOldPath.get(url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`);
    if (target) return target + url.hash;
    const tag = /^\/tag\/([^/]+)\/?$/.exec(url.pathname)?.[1];
    const category = /^\/category\/(?:[^/]+\/)*([^/]+)\/?$/.exec(url.pathname)?.[1];
    const author = /^\/author\/([^/]+)\/?$/.exec(url.pathname)?.[1];
    const term = tag ? terms.get(`post_tag:${tag}`) : category ? terms.get(`category:${category}`) : undefined;
    const termSlug = term ? addTag(term) : undefined;
    if (termSlug && usedTags.has(termSlug)) return `/tagi/${termSlug}/`;
    const authorTarget = author ? usedAuthors.get(author) : undefined;
    if (authorTarget) return `/autorzy/${authorTarget}/`;
    if (id || /\/\d{4}\/\d{2}\//.test(url.pathname)) warn(item, `link to ${address} kept: it points at a post that is not published here`);
    return address;
  };

  // Staging folder beside the content folder, so the final moves are renames on one file system.
  const parentDir = dirname(contentDir);
  const staging = dryRun ? '' : await mkdtemp(join(parentDir, '.szpalta-import-'));
  const manifestPath = join(dirname(contentDir), MANIFEST);
  let manifest: Record<string, string> = {};
  try {
    manifest = (JSON.parse(await readFile(manifestPath, 'utf8')) as { files?: Record<string, string> }).files ?? {};
  } catch {
    manifest = {};
  }
  const newManifest: Record<string, string> = { ...manifest };
  const staged = new Set<string>();

  /** Stages `relative` with `content` when it differs from what is there; honours edits unless forced. */
  // Synchronous file calls: one small file at a time, thousands of them, with nothing else to do meanwhile.
  const madeFolders = new Set<string>();
  const stage = (relative: string, content: string, item: WxrItem | undefined, overwrite: boolean): void => {
    const target = join(contentDir, relative);
    const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    if (current === content) {
      report.unchanged++;
      newManifest[relative] = sha(content);
      return;
    }
    if (current !== undefined) {
      if (!overwrite) return;
      const edited = manifest[relative] !== sha(current);
      if (edited && !options.force) {
        warn(item, `${relative} was changed after the import and is kept; --force overwrites it`);
        return;
      }
    }
    newManifest[relative] = sha(content);
    report.written.push(relative);
    if (dryRun) return;
    const path = join(staging, relative);
    if (!madeFolders.has(dirname(path))) {
      mkdirSync(dirname(path), { recursive: true });
      madeFolders.add(dirname(path));
    }
    writeFileSync(path, content);
    staged.add(relative);
  };

  const store = new ImageStore(options.uploads ? resolve(options.uploads) : undefined);
  const comments: Record<string, unknown[]> = {};
  const redirects = new Map<string, string>();
  // Bylines and tags of every article, before any body is converted: links in bodies point at them.
  const bylinesOf = new Map<string, string[]>();
  const tagsOf = new Map<string, string[]>();
  for (const post of posts.values()) {
    if (post.kind !== 'article') continue;
    const item = post.item;
    // Co-authors (Co-Authors Plus, PublishPress Authors) first, else the post's creator.
    const coAuthors = item.terms.filter((term) => term.domain === 'author');
    const bylines = coAuthors.length
      ? coAuthors.map((term) => addAuthor(`coauthor:${term.nicename}`, htmlToText(term.name) || term.nicename.replace(/^cap-/, '')))
      : item.creator
        ? [addAuthor(item.creator, authors.get(item.creator)?.displayName ?? item.creator)]
        : [];
    if (bylines.length === 0) {
      warn(item, 'no author in the export: signed "Redakcja"');
      bylines.push(addAuthor('', 'Redakcja'));
    }
    bylinesOf.set(item.id, [...new Set(bylines)]);
    for (const [index, slug] of bylines.entries()) {
      const login = coAuthors[index]?.nicename.replace(/^cap-/, '') ?? item.creator;
      if (post.url && login) {
        usedAuthors.set(login, slug);
        // WordPress's author address uses the login's URL form ("user_nicename").
        const nicename = /^[\w.-]+$/.test(login) ? login.toLowerCase() : asciiSlug(login);
        if (nicename) redirects.set(`/author/${nicename}/`, `/autorzy/${slug}/`);
      }
    }
    const tags: string[] = [];
    for (const taxonomy of ['category', 'post_tag'] as const) {
      for (const term of item.terms.filter((candidate) => candidate.domain === taxonomy)) {
        const known = terms.get(`${taxonomy}:${term.nicename}`) ?? {
          taxonomy,
          nicename: term.nicename,
          name: term.name,
          description: '',
          parent: '',
        };
        const slug = addTag(known);
        if (slug && !tags.includes(slug)) tags.push(slug);
        if (slug && post.url) {
          usedTags.add(slug);
          const old = taxonomy === 'category' ? categoryPath(known) : `/tag/${known.nicename}/`;
          if (!redirects.has(old)) redirects.set(old, `/tagi/${slug}/`);
        }
      }
    }
    tagsOf.set(item.id, tags);
  }
  try {
    // Pass 2: the bodies.
    let done = 0;
    const total = posts.size;
    for (const file of options.files) {
      await readWxr(file, {
        item: (found) => {
          const item = normalize(found);
          const post = posts.get(item.id);
          // The first item of an ID wins, as in the first pass.
          if (post?.item.file !== file || post.item.line !== item.line || (item.type !== 'post' && item.type !== 'page')) return;
          writePost(post, item);
          options.progress?.(++done, total);
        },
      });
    }
  } catch (error) {
    if (staging) await rm(staging, { recursive: true, force: true });
    throw error;
  }

  function writePost(post: Post, item: WxrItem): void {
    const images = new ImageStoreView(store, (url, refused) =>
      warn(item, refused ? `image dropped, ${refused}: ${url}` : `image missing from the uploads: ${url}`),
    );
    const context: BodyContext = {
      image: (url) => images.resolve(url),
      attachment: (id) => attachments.get(id),
      attachedImages: () => [...attachments.entries()].filter(([, a]) => a.parent === item.id).map(([, a]) => a),
      link: link(item),
      warn: (message) => warn(item, message),
    };
    const body = convertBody(item.content, context);
    const title = htmlToText(item.title);
    if (post.kind === 'page') {
      const description = htmlToText(item.meta.get('_yoast_wpseo_metadesc') ?? '') || htmlToText(item.excerpt);
      const data = {
        title: title || 'Bez tytułu',
        ...(description ? { description: shorten(description, LEAD_MAX) } : {}),
        ...wordpressId(item),
      };
      stage(`pages/${post.slug}.mdx`, mdxFile(data, body.mdx), item, true);
      report.counts.pages++;
      addRedirect(item, post);
      return;
    }
    const bylines = bylinesOf.get(item.id) ?? [];
    const tags = tagsOf.get(item.id) ?? [];
    let hero: Record<string, string> | undefined;
    const thumbnail = item.meta.get('_thumbnail_id');
    const attachment = thumbnail ? attachments.get(thumbnail) : undefined;
    if (thumbnail && !attachment) warn(item, `featured image ${thumbnail} is not in the export`);
    if (attachment) {
      const image = images.resolve(attachment.url);
      if (image) {
        const { caption, credit } = splitCredit(attachment.caption);
        hero = {
          image: image.src,
          alt: [attachment.alt, caption ?? '', htmlToText(attachment.title), title].find((text) => text.trim() !== '') ?? 'Zdjęcie',
          ...(caption ? { caption } : {}),
          ...(credit ? { credit } : {}),
        };
      }
    }
    const pubDate = pubDateOf(item, fallbackDate);
    const modified = isoDate(item.modifiedGmt);
    const lead =
      htmlToText(item.excerpt) || htmlToText(item.meta.get('_yoast_wpseo_metadesc') ?? '') || body.firstParagraph || title || 'Bez tytułu';
    if (!title) warn(item, 'the post has no title: titled "Bez tytułu"');
    if (title.length > TITLE_MAX) warn(item, `title shortened to ${TITLE_MAX} characters`);
    const draft = item.status === 'draft' || item.status === 'pending';
    const data = {
      title: shorten(title || 'Bez tytułu', TITLE_MAX),
      lead: shorten(lead, LEAD_MAX),
      pubDate,
      ...(modified && Date.parse(modified) > Date.parse(pubDate) + 60_000 ? { updatedDate: modified } : {}),
      authors: bylines,
      tags,
      ...(hero ? { hero } : {}),
      ...(body.source ? { source: body.source } : {}),
      ...(draft ? { draft: true } : {}),
      ...wordpressId(item),
    };
    stage(`articles/${post.slug}.mdx`, mdxFile(data, body.mdx), item, true);
    if (draft) report.counts.drafts++;
    else if (item.status === 'future' || Date.parse(pubDate) > now) report.counts.scheduled++;
    else report.counts.articles++;
    addRedirect(item, post);
    if (post.url) {
      const approved = item.comments.filter((comment) => comment.approved === '1' && (comment.type === '' || comment.type === 'comment'));
      if (approved.length) {
        comments[post.slug] = approved.map((comment) => ({
          id: `wp-${comment.id}`,
          parentId: comment.parent && comment.parent !== '0' ? `wp-${comment.parent}` : null,
          author: htmlToText(comment.author) || 'Anonim',
          ...(comment.authorUrl ? { authorUrl: comment.authorUrl } : {}),
          date: isoDate(comment.dateGmt) || isoDate(comment.date) || pubDate,
          text: comment.content
            .replace(/\r\n?/g, '\n')
            .split(/\n\s*\n/)
            .map((paragraph) => htmlToText(paragraph))
            .filter(Boolean)
            .join('\n\n'),
        }));
        report.counts.comments += approved.length;
      }
    }
  }

  function addRedirect(item: WxrItem, post: Post) {
    if (!post.url) return;
    const path = oldPath(item.link, origins);
    if (path && path !== post.url) redirects.set(path, post.url);
  }

  // Authors, tags, images, redirects: staged after the posts that use them.
  for (const [slug, data] of authorFiles) {
    if (existingAuthors.has(slug)) continue;
    report.counts.authors++;
    stage(`authors/${slug}.yml`, stringify(data, { lineWidth: 0 }), undefined, false);
  }
  for (const [slug, data] of tagFiles) {
    if (existingTags.has(slug)) continue;
    report.counts.tags++;
    stage(`tags/${slug}.yml`, stringify(data, { lineWidth: 0 }), undefined, false);
  }
  for (const image of store.planned.values()) {
    const target = join(contentDir, image.to);
    const bytes = image.toWebp ? await sharp(image.from, { animated: true }).webp().toBuffer() : await readFile(image.from);
    report.counts.images++;
    if (existsSync(target) && sha(await readFile(target)) === sha(bytes)) {
      report.unchanged++;
      continue;
    }
    report.written.push(image.to);
    if (dryRun) continue;
    await mkdir(dirname(join(staging, image.to)), { recursive: true });
    await writeFile(join(staging, image.to), bytes);
    staged.add(image.to);
  }
  // Redirects of earlier imports (other yearly files) are kept.
  // An old address that is also an address of the new site would shadow a page.
  const pageUrls = new Set([
    ...[...posts.values()].flatMap((post) => (post.url ? [post.url] : [])),
    ...[...existingPages.slugs, ...RESERVED_PAGE_SLUGS].map((slug) => `/${slug}/`),
  ]);
  const siteRoute = (path: string) => pageUrls.has(path) || [...RESERVED_PAGE_SLUGS].some((slug) => path.startsWith(`/${slug}/`));
  try {
    const previous = parseYaml(await readFile(join(contentDir, REDIRECTS_FILE), 'utf8')) as { redirects?: { from: string; to: string }[] };
    for (const entry of previous.redirects ?? []) if (!redirects.has(entry.from)) redirects.set(entry.from, entry.to);
  } catch {
    // No earlier table.
  }
  const table = [...redirects.entries()]
    .filter(([from, to]) => from !== to && !siteRoute(from))
    .sort(([a], [b]) => a.localeCompare(b, 'en'))
    .map(([from, to]) => ({ from, to }));
  report.counts.redirects = table.length;
  if (table.length) {
    const header = '# Addresses of the old WordPress site and where they are now. Written by npm run import:wordpress.\n';
    stage(REDIRECTS_FILE, header + stringify({ name: 'Stary serwis WordPress', redirects: table }, { lineWidth: 0 }), undefined, true);
  }

  if (dryRun) return report;
  // Everything succeeded: move the staged files into place.
  try {
    const targetFolders = new Set<string>();
    for (const relative of staged) {
      const target = join(contentDir, relative);
      if (!targetFolders.has(dirname(target))) {
        mkdirSync(dirname(target), { recursive: true });
        targetFolders.add(dirname(target));
      }
      renameSync(join(staging, relative), target);
    }
    if (staged.size > 0 || !existsSync(manifestPath)) {
      await mkdir(dirname(manifestPath), { recursive: true });
      await writeFile(manifestPath, `${JSON.stringify({ files: newManifest }, null, 2)}\n`);
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  if (Object.keys(comments).length) {
    const out = resolve(options.commentsOut ?? '.szpalta/wordpress-comments.json');
    let merged: Record<string, unknown[]>;
    try {
      merged = (JSON.parse(await readFile(out, 'utf8')) as { articles?: Record<string, unknown[]> }).articles ?? {};
    } catch {
      merged = {};
    }
    Object.assign(merged, comments);
    const sorted = Object.fromEntries(Object.entries(merged).sort(([a], [b]) => a.localeCompare(b, 'en')));
    await mkdir(dirname(out), { recursive: true });
    await writeFile(`${out}.tmp`, `${JSON.stringify({ version: 1, source: 'wordpress', articles: sorted }, null, 2)}\n`);
    await rename(`${out}.tmp`, out);
  }
  return report;
}

/** The image store as one post sees it: missing files are reported for that post, paths written relative to the article. */
class ImageStoreView {
  private readonly store: ImageStore;
  private readonly missing: (url: string, refused?: string) => void;
  private readonly reported = new Set<string>();
  constructor(store: ImageStore, missing: (url: string, refused?: string) => void) {
    this.store = store;
    this.missing = missing;
  }
  resolve(url: string): { src: string } | undefined {
    const found = this.store.resolve(url);
    if (!found || 'refused' in found) {
      if (!this.reported.has(url)) this.missing(url, found?.refused);
      this.reported.add(url);
      return undefined;
    }
    return { src: posix.join('..', found.to) };
  }
}
