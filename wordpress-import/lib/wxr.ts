import { createReadStream } from 'node:fs';
import { SaxesParser, type SaxesTagNS } from 'saxes';

/** A WXR file that cannot be imported: names the file and, where known, the line and column. */
export class WxrError extends Error {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly reason: string;

  constructor(file: string, line: number, column: number, reason: string) {
    super(line > 0 ? `${file}:${line}:${column}: ${reason}` : `${file}: ${reason}`);
    this.name = 'WxrError';
    this.file = file;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }
}

/** The WXR versions this importer reads. */
export const SUPPORTED_VERSIONS = ['1.0', '1.1', '1.2'] as const;

/** A user of the old site (`<wp:author>`). */
export interface WxrAuthor {
  login: string;
  displayName: string;
  firstName: string;
  lastName: string;
}

/** A category or tag of the old site (`<wp:category>`, `<wp:tag>`, `<wp:term>`). */
export interface WxrTerm {
  taxonomy: 'category' | 'post_tag';
  /** The slug as exported; may be percent-encoded (`%c5%bcabka`). */
  nicename: string;
  name: string;
  description: string;
  parent: string;
}

/** A term an item belongs to (`<category domain="…" nicename="…">Name</category>`). */
export interface WxrItemTerm {
  domain: string;
  nicename: string;
  name: string;
}

/** A comment on an item (`<wp:comment>`). */
export interface WxrComment {
  id: string;
  parent: string;
  author: string;
  authorUrl: string;
  date: string;
  dateGmt: string;
  content: string;
  /** `1` approved, `0` pending, `spam`, `trash`. */
  approved: string;
  type: string;
}

/** One `<item>`: a post, page, attachment or any other post type. */
export interface WxrItem {
  file: string;
  /** Line of the `<item>` tag. */
  line: number;
  id: string;
  type: string;
  status: string;
  title: string;
  link: string;
  guid: string;
  creator: string;
  /** Post body (HTML with block comments or classic markup); empty in the first pass. */
  content: string;
  excerpt: string;
  date: string;
  dateGmt: string;
  modifiedGmt: string;
  name: string;
  parent: string;
  attachmentUrl: string;
  terms: WxrItemTerm[];
  meta: Map<string, string>;
  comments: WxrComment[];
}

/** What the channel says about the old site. */
export interface WxrChannel {
  file: string;
  version: string;
  title: string;
  /** The old site's address (`<wp:base_blog_url>`, else `<link>`), without a trailing slash. */
  blogUrl: string;
  authors: WxrAuthor[];
  terms: WxrTerm[];
}

/** What `readWxr` hands out. */
export interface WxrHandlers {
  /** Called once, before the first item, when the channel header has been read. */
  channel?: (channel: WxrChannel) => void;
  /** Called for every item, in file order; the next chunk of the file is read only after it resolves. */
  item: (item: WxrItem) => void | Promise<void>;
  /** Keep `content:encoded` and comment bodies (false in a pass that only needs the facts). Default: true. */
  bodies?: boolean;
}

type Kind = 'wp' | 'excerpt' | 'content' | 'dc' | '' | 'other';

function kindOf(uri: string): Kind {
  if (uri === '') return '';
  if (/^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/excerpt\/?$/.test(uri)) return 'excerpt';
  if (/^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/?$/.test(uri)) return 'wp';
  if (/^https?:\/\/purl\.org\/rss\/1\.0\/modules\/content\/?$/.test(uri)) return 'content';
  if (/^https?:\/\/purl\.org\/dc\/elements\/1\.1\/?$/.test(uri)) return 'dc';
  return 'other';
}

function emptyItem(file: string, line: number): WxrItem {
  return {
    file,
    line,
    id: '',
    type: '',
    status: '',
    title: '',
    link: '',
    guid: '',
    creator: '',
    content: '',
    excerpt: '',
    date: '',
    dateGmt: '',
    modifiedGmt: '',
    name: '',
    parent: '',
    attachmentUrl: '',
    terms: [],
    meta: new Map(),
    comments: [],
  };
}

const ITEM_FIELDS: Record<string, keyof WxrItem> = {
  ':title': 'title',
  ':link': 'link',
  ':guid': 'guid',
  'dc:creator': 'creator',
  'content:encoded': 'content',
  'excerpt:encoded': 'excerpt',
  'wp:post_id': 'id',
  'wp:post_type': 'type',
  'wp:status': 'status',
  'wp:post_date': 'date',
  'wp:post_date_gmt': 'dateGmt',
  'wp:post_modified_gmt': 'modifiedGmt',
  'wp:post_name': 'name',
  'wp:post_parent': 'parent',
  'wp:attachment_url': 'attachmentUrl',
};

const COMMENT_FIELDS: Record<string, keyof WxrComment> = {
  'wp:comment_id': 'id',
  'wp:comment_parent': 'parent',
  'wp:comment_author': 'author',
  'wp:comment_author_url': 'authorUrl',
  'wp:comment_date': 'date',
  'wp:comment_date_gmt': 'dateGmt',
  'wp:comment_content': 'content',
  'wp:comment_approved': 'approved',
  'wp:comment_type': 'type',
};

/**
 * Streams one WXR file and hands out its channel and items. Memory stays bounded by the largest
 * item, whatever the size of the file.
 *
 * @throws WxrError when the file is not XML, is truncated or malformed (with the line and column
 *   of the fault), is not a WordPress export, or has an unsupported WXR version.
 */
export async function readWxr(file: string, handlers: WxrHandlers): Promise<WxrChannel> {
  const bodies = handlers.bodies ?? true;
  const parser = new SaxesParser({ xmlns: true, position: true });
  const channel: WxrChannel = { file, version: '', title: '', blogUrl: '', authors: [], terms: [] };
  let link = '';
  let sawRoot = false;
  const rootSeen = () => sawRoot;
  const fail = (reason: string, line = parser.line, column = parser.column + 1): never => {
    throw new WxrError(file, line, column, reason);
  };
  parser.on('error', (error) => {
    // saxes prefixes its messages with the position, which our error carries separately.
    const reason = error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '');
    fail(rootSeen() ? `malformed XML: ${reason}` : `not an XML file (${reason}): a WordPress export starts with <?xml … ?> and <rss>`);
  });

  /** Open elements, as `kind:local`. */
  const stack: string[] = [];
  let text = '';
  let item: WxrItem | undefined;
  let comment: WxrComment | undefined;
  let author: Partial<WxrAuthor> | undefined;
  let term: (Partial<WxrTerm> & { taxonomyName?: string }) | undefined;
  let meta: { key: string; value: string } | undefined;
  let itemTerm: WxrItemTerm | undefined;
  let channelAnnounced = false;
  const pending: WxrItem[] = [];

  const announceChannel = (line: number) => {
    if (channelAnnounced) return;
    channelAnnounced = true;
    if (!channel.version) {
      fail('no <wp:wxr_version> in the channel: this is not a WordPress export (WXR), or it is damaged', line, 1);
    }
    channel.blogUrl = (channel.blogUrl || link).replace(/\/+$/, '');
    handlers.channel?.(channel);
  };

  parser.on('opentag', (tag: SaxesTagNS) => {
    const key = `${kindOf(tag.uri)}:${tag.local}`;
    if (!sawRoot) {
      sawRoot = true;
      if (key !== ':rss') fail(`the root element is <${tag.name}>, not <rss>: this is not a WordPress export (WXR)`);
    }
    const parent = stack.at(-1);
    stack.push(key);
    text = '';
    if (key === ':item' && parent === ':channel') {
      announceChannel(parser.line);
      item = emptyItem(file, parser.line);
    } else if (item && key === 'wp:comment') {
      comment = { id: '', parent: '0', author: '', authorUrl: '', date: '', dateGmt: '', content: '', approved: '', type: '' };
    } else if (item && key === 'wp:postmeta') {
      meta = { key: '', value: '' };
    } else if (item && key === ':category' && parent === ':item') {
      itemTerm = {
        domain: tag.attributes['domain']?.value ?? '',
        nicename: tag.attributes['nicename']?.value ?? '',
        name: '',
      };
    } else if (!item && key === 'wp:author') {
      author = {};
    } else if (!item && (key === 'wp:category' || key === 'wp:tag' || key === 'wp:term')) {
      term = { taxonomy: key === 'wp:tag' ? 'post_tag' : 'category', description: '', parent: '' };
    }
  });

  const collect = (chunk: string) => {
    text += chunk;
  };
  parser.on('text', collect);
  parser.on('cdata', collect);

  parser.on('closetag', () => {
    const key = stack.pop() ?? '';
    const parent = stack.at(-1) ?? '';
    const value = text;
    text = '';
    if (item) {
      if (key === ':item') {
        pending.push(item);
        item = undefined;
      } else if (comment) {
        if (key === 'wp:comment') {
          if (bodies || comment.approved === '1') item.comments.push(comment);
          comment = undefined;
        } else if (parent === 'wp:comment') {
          const field = COMMENT_FIELDS[key];
          if (field) comment[field] = field === 'content' && !bodies ? '' : value;
        }
      } else if (meta) {
        if (key === 'wp:postmeta') {
          item.meta.set(meta.key, meta.value);
          meta = undefined;
        } else if (key === 'wp:meta_key') meta.key = value.trim();
        else if (key === 'wp:meta_value') meta.value = value;
      } else if (itemTerm && key === ':category') {
        itemTerm.name = value.trim();
        item.terms.push(itemTerm);
        itemTerm = undefined;
      } else if (parent === ':item') {
        const field = ITEM_FIELDS[key];
        if (field === 'content') {
          if (bodies) item.content = value;
        } else if (field) {
          (item as unknown as Record<string, string>)[field] = field === 'excerpt' ? value : value.trim();
        }
      }
      return;
    }
    if (author) {
      if (key === 'wp:author') {
        channel.authors.push({
          login: author.login ?? '',
          displayName: author.displayName ?? '',
          firstName: author.firstName ?? '',
          lastName: author.lastName ?? '',
        });
        author = undefined;
      } else if (key === 'wp:author_login') author.login = value.trim();
      else if (key === 'wp:author_display_name') author.displayName = value.trim();
      else if (key === 'wp:author_first_name') author.firstName = value.trim();
      else if (key === 'wp:author_last_name') author.lastName = value.trim();
      return;
    }
    if (term) {
      if (key === 'wp:category' || key === 'wp:tag' || key === 'wp:term') {
        const taxonomy = key === 'wp:term' ? term.taxonomyName : term.taxonomy;
        if ((taxonomy === 'category' || taxonomy === 'post_tag') && term.nicename) {
          channel.terms.push({
            taxonomy,
            nicename: term.nicename,
            name: term.name ?? term.nicename,
            description: term.description ?? '',
            parent: term.parent ?? '',
          });
        }
        term = undefined;
      } else if (key === 'wp:category_nicename' || key === 'wp:tag_slug' || key === 'wp:term_slug') term.nicename = value.trim();
      else if (key === 'wp:cat_name' || key === 'wp:tag_name' || key === 'wp:term_name') term.name = value.trim();
      else if (key === 'wp:category_description' || key === 'wp:tag_description' || key === 'wp:term_description')
        term.description = value.trim();
      else if (key === 'wp:category_parent' || key === 'wp:term_parent') term.parent = value.trim();
      else if (key === 'wp:term_taxonomy') term.taxonomyName = value.trim();
      return;
    }
    if (parent === ':channel') {
      if (key === 'wp:wxr_version') {
        channel.version = value.trim();
        if (!(SUPPORTED_VERSIONS as readonly string[]).includes(channel.version)) {
          fail(`unsupported WXR version "${channel.version}": this importer reads WXR ${SUPPORTED_VERSIONS.join(', ')}`);
        }
      } else if (key === 'wp:base_blog_url') channel.blogUrl = value.trim();
      else if (key === ':link') link = value.trim();
      else if (key === ':title') channel.title = value.trim();
    }
  });

  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      parser.write(chunk);
      for (const done of pending.splice(0)) await handlers.item(done);
    }
    if (!rootSeen()) fail('the file is empty or holds no XML element: this is not a WordPress export (WXR)', 1, 1);
    parser.close();
  } catch (error) {
    if (error instanceof WxrError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') throw new WxrError(file, 0, 0, `cannot read the file (${code})`);
    throw error;
  } finally {
    stream.destroy();
  }
  for (const done of pending.splice(0)) await handlers.item(done);
  announceChannel(parser.line);
  return channel;
}
