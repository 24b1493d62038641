import { readdirSync } from 'node:fs';
import { basename, join, posix, relative, sep } from 'node:path';
import { discoverContent, imageTypeProblem, MEDIA } from '../../src/content-model/index.ts';
import { closest } from './suggest.ts';
import type { ContentFile, Problem } from './types.ts';

/** Image formats `astro:assets` can read from the content folder (the content model's media types). */
export const IMAGE_FILE = new RegExp(`(?:${MEDIA.extensions.map((extension) => extension.replace('.', '\\.')).join('|')})$`, 'i');

/** A path into the images folder with an accepted image type; group 1 is the path inside the folder. */
export const IMAGE_IN_FOLDER = new RegExp(
  `(?:^|/)${MEDIA.folder}/(.+(?:${MEDIA.extensions.map((extension) => extension.replace('.', '\\.')).join('|')}))$`,
  'i',
);

/** Every file under `dir` (hidden files and folders skipped), relative to it, with `/` separators, sorted. */
export function listFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/');
    if (path.split('/').some((part) => part.startsWith('.'))) continue;
    files.push(path);
  }
  return files.sort();
}

/** The files of the content folder as the site reads them. */
export interface FileIndex {
  /** Absolute path of the content folder. */
  contentDir: string;
  /** How the report names the content folder in hints (`content`). */
  contentName: string;
  /** Every content file (entries and images), relative to the content folder. */
  all: ReadonlySet<string>;
  /** Image files, relative to the content folder. */
  images: readonly string[];
}

/** What the first pass finds: the entries to check and the paths that are not content. */
export interface Scan {
  index: FileIndex;
  entries: ContentFile[];
  problems: Problem[];
}

/**
 * Lists the content folder with the content model's `discoverContent` (the same function the
 * site's loaders and the CMS backend use) and reports, as errors, every path that is not
 * content: hidden files and folders, symbolic links, files outside the collections' folders,
 * wrong file types, subfolders, and file names that are not slugs (the file name is the URL).
 */
export function scanContent(contentDir: string): Scan {
  const contentName = basename(contentDir);
  const found = discoverContent(contentDir, contentName);
  const problems: Problem[] = found.refused.map((refused) => ({
    file: join(contentDir, refused.relative),
    line: 1,
    column: 1,
    rule: refused.reason === 'slug' ? 'slug' : 'unexpected-file',
    message: refused.message,
    fix: refused.fix,
    severity: 'error',
  }));
  const entries: ContentFile[] = found.entries.map((entry) => ({
    path: join(contentDir, entry.relative),
    relative: entry.relative,
    collection: entry.collection,
    id: entry.id,
  }));
  const images = found.media.map((media) => media.relative);
  return {
    index: { contentDir, contentName, all: new Set([...entries.map((entry) => entry.relative), ...images].sort()), images },
    entries,
    problems,
  };
}

/** Why an image path written in a file does not lead to a usable image. */
export interface ImageProblem {
  message: string;
  fix: string;
}

/**
 * Checks an image path written in the file at `fromRelative` (both relative to the content
 * folder): it must be a relative path (`../images/foto.jpg`) to an image file that exists.
 */
export function checkImagePath(value: string, fromRelative: string, index: FileIndex): ImageProblem | undefined {
  const images = `${index.contentName}/images`;
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(value)) {
    return {
      message: `"${value}" is a web address; the site only shows images stored with the content, and its security policy blocks others`,
      fix: `save the image in ${images} and write ../images/<file>`,
    };
  }
  if (value.startsWith('/')) {
    return { message: `"${value}" is an absolute path`, fix: `write the path relative to this file: ../images/<file>` };
  }
  const resolved = posix.normalize(posix.join(posix.dirname(fromRelative), value));
  if (resolved.startsWith('../') || resolved === '..') {
    return { message: `"${value}" points outside the content folder`, fix: `keep images in ${images} and write ../images/<file>` };
  }
  const typeProblem = imageTypeProblem(value);
  if (typeProblem) return { message: typeProblem.message, fix: typeProblem.fix };
  if (index.all.has(resolved)) return undefined;
  const similar = closest(resolved, index.images);
  const written = similar ? posix.relative(posix.dirname(fromRelative), similar) : undefined;
  return {
    message: `image file ${index.contentName}/${resolved} not found`,
    fix: written ? `did you mean ${written}? Otherwise add the file or correct the path` : `add the file to ${images} or correct the path`,
  };
}
