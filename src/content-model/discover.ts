import { lstatSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { join, posix, sep } from 'node:path';
import { COLLECTIONS, collectionModel, fileSlug, IMAGE_TYPES_TEXT, MEDIA, slugMistake, type CollectionName } from './model.ts';

/**
 * What is content: the one function that decides which files under the content folder the
 * site builds, the content check checks and the CMS may read and write. Everything else is
 * refused with its path, the reason and what to do about it.
 */

/** A file the site reads as an entry of a collection. */
export interface ContentEntry {
  kind: 'entry';
  collection: CollectionName;
  /** Path relative to the content folder, with `/` separators (`articles/foo.mdx`). */
  relative: string;
  /** The entry id: the file name without its extension (`foo`). */
  id: string;
  extension: string;
}

/** An image file the site may use. */
export interface MediaFile {
  kind: 'media';
  relative: string;
}

/** Why a path under the content folder is not content. */
export type RefusalReason = 'hidden' | 'symlink' | 'special' | 'outside-collection' | 'nested' | 'extension' | 'slug' | 'name';

/** A path under the content folder that is not content, with a message and a fix for the editor. */
export interface RefusedPath {
  kind: 'refused';
  relative: string;
  reason: RefusalReason;
  message: string;
  fix: string;
}

export type ContentPath = ContentEntry | MediaFile | RefusedPath;

/** Everything under a content folder, sorted by path. */
export interface ContentDiscovery {
  entries: ContentEntry[];
  media: MediaFile[];
  refused: RefusedPath[];
}

const CONTENT_NAME = 'content';

function refuse(relative: string, reason: RefusalReason, message: string, fix: string): RefusedPath {
  return { kind: 'refused', relative, reason, message, fix };
}

const extensionOf = (name: string) => /\.[^./]+$/.exec(name)?.[0] ?? '';

/**
 * Classifies a regular file by its path relative to the content folder (`/` separators), without
 * looking at the disk. `contentName` is how messages name the content folder.
 */
export function classifyPath(relative: string, contentName = CONTENT_NAME): ContentPath {
  const parts = relative.split('/');
  const hidden = parts.findIndex((part) => part.startsWith('.'));
  if (hidden !== -1 || parts.some((part) => part === '' || part === '..')) {
    return refuse(
      relative,
      'hidden',
      'hidden files and folders (names starting with a dot) are not content, and the site does not build them',
      `rename it without the leading dot, or move it out of ${contentName}/`,
    );
  }
  const [folder = '', ...rest] = parts;
  const extension = extensionOf(parts.at(-1) ?? '');
  if (folder === MEDIA.folder && rest.length > 0) {
    if ((MEDIA.extensions as readonly string[]).includes(extension.toLowerCase())) return { kind: 'media', relative };
    return refuse(
      relative,
      'extension',
      extension.toLowerCase() === '.svg'
        ? 'an SVG file, which can carry scripts, so the site does not use it'
        : `not a ${IMAGE_TYPES_TEXT.en} image, so the site cannot use it`,
      `keep only ${IMAGE_TYPES_TEXT.en} files in ${contentName}/${MEDIA.folder}, a logo as PNG or WebP; move this one out of the content folder or delete it`,
    );
  }
  const model = COLLECTIONS.find((collection) => collection.folder === folder);
  if (!model || rest.length === 0) {
    return refuse(
      relative,
      'outside-collection',
      'not part of any collection, so the site does not build it',
      `move it into ${contentName}/${[...COLLECTIONS.map((collection) => collection.folder), MEDIA.folder].join(', ')}, or delete it`,
    );
  }
  const wanted = model.extensions[0] ?? '';
  const baseName = parts.at(-1) ?? '';
  const stem = extension ? baseName.slice(0, -extension.length) : baseName;
  if (rest.length > 1) {
    return refuse(
      relative,
      'nested',
      `the site only reads files directly in ${contentName}/${folder}, not in subfolders (a slash would break the address)`,
      `move it to ${contentName}/${folder}/${stem}${extension || wanted}`,
    );
  }
  if (!model.extensions.includes(extension)) {
    return refuse(
      relative,
      'extension',
      `the site only reads ${model.extensions.join(' or ')} files in ${contentName}/${folder}, so it does not build this one`,
      `rename it to ${stem}${wanted}, or move it out of ${contentName}/${folder}`,
    );
  }
  if (model.names === 'slug') {
    const mistake = slugMistake(stem);
    if (mistake) {
      const suggestion = fileSlug(stem);
      return refuse(
        relative,
        'slug',
        `the file name "${stem}" is not a valid address: ${mistake}`,
        suggestion
          ? `rename the file to ${suggestion}${extension}: lower-case letters a–z, digits and single hyphens`
          : 'rename the file using lower-case letters a–z, digits and hyphens',
      );
    }
  } else if (!model.names.includes(stem)) {
    return refuse(
      relative,
      'name',
      `${contentName}/${folder} holds only ${model.names.map((allowed) => `${allowed}${wanted}`).join(', ')}, so the site does not read this file`,
      `move its settings into ${contentName}/${folder}/${model.names[0] ?? ''}${wanted} and delete it`,
    );
  }
  return { kind: 'entry', collection: model.name, relative, id: stem, extension };
}

function refuseLink(relative: string, folder: boolean, contentName: string): RefusedPath {
  return refuse(
    relative,
    'symlink',
    `a symbolic link${folder ? ' to a folder' : ''}: the site does not follow links, which could bring files from outside ${contentName}/ into the build`,
    `replace the link with the ${folder ? 'folder' : 'file'} itself, or delete it`,
  );
}

/**
 * Lists the content folder without following symbolic links and sorts every path into
 * entries, images and refused paths. Hidden and linked folders are refused as a whole and not
 * entered. A missing content folder has no content.
 */
export function discoverContent(contentDir: string, contentName = CONTENT_NAME): ContentDiscovery {
  const found: ContentDiscovery = { entries: [], media: [], refused: [] };
  const visit = (dir: string, prefix: string) => {
    let dirents: Dirent[];
    try {
      dirents = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      if (prefix === '' && (error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const dirent of dirents) {
      const relative = prefix + dirent.name;
      let result: ContentPath | undefined;
      if (dirent.name.startsWith('.')) result = classifyPath(relative, contentName);
      else if (dirent.isSymbolicLink()) {
        let toFolder = false;
        try {
          toFolder = statSync(join(dir, dirent.name)).isDirectory();
        } catch {
          // A dangling link is refused all the same.
        }
        result = refuseLink(relative, toFolder, contentName);
      } else if (dirent.isDirectory()) {
        visit(join(dir, dirent.name), `${relative}/`);
        continue;
      } else if (dirent.isFile()) result = classifyPath(relative, contentName);
      else result = refuse(relative, 'special', 'not a regular file', 'delete it');
      if (result.kind === 'entry') found.entries.push(result);
      else if (result.kind === 'media') found.media.push(result);
      else found.refused.push(result);
    }
  };
  visit(contentDir, '');
  const byPath = (a: { relative: string }, b: { relative: string }) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0);
  found.entries.sort(byPath);
  found.media.sort(byPath);
  found.refused.sort(byPath);
  return found;
}

/**
 * Whether the folder of `collection` holds a file that `discoverContent` takes as its entry,
 * reading that one folder only (a missing folder holds none). A symbolic link is no entry, as
 * there.
 */
export function collectionHasEntries(contentDir: string, collection: CollectionName): boolean {
  const { folder } = collectionModel(collection);
  let dirents: Dirent[];
  try {
    dirents = readdirSync(join(contentDir, folder), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  return dirents.some((dirent) => dirent.isFile() && classifyPath(`${folder}/${dirent.name}`).kind === 'entry');
}

/**
 * Classifies one path (absolute, or relative to the working directory) as `discoverContent`
 * would: outside the content folder, through a symbolic link or a hidden folder, or not a
 * regular file when it exists, it is refused. A path that does not exist yet is classified by
 * its name (for files about to be written); its existing parent folders must not be links.
 */
export function classifyOnDisk(contentDir: string, path: string, contentName = CONTENT_NAME): ContentPath {
  const relative = posix.normalize(posix.relative(contentDir.split(sep).join('/'), path.split(sep).join('/')));
  if (relative === '.' || relative.startsWith('../') || relative === '..' || posix.isAbsolute(relative)) {
    return refuse(relative, 'outside-collection', `not inside ${contentName}/`, `only files in ${contentName}/ are content`);
  }
  const byName = classifyPath(relative, contentName);
  if (byName.kind === 'refused') return byName;
  const parts = relative.split('/');
  for (let length = 1; length <= parts.length; length++) {
    const partial = parts.slice(0, length).join('/');
    let stats;
    try {
      stats = lstatSync(join(contentDir, ...parts.slice(0, length)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return byName;
      throw error;
    }
    if (stats.isSymbolicLink()) return refuseLink(partial, length < parts.length, contentName);
    if (length === parts.length && !stats.isFile()) return refuse(relative, 'special', 'not a regular file', 'delete it');
  }
  return byName;
}
