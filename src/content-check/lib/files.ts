import { readdirSync } from 'node:fs';
import { basename, join, posix, relative, sep } from 'node:path';
import { slugPattern } from '../../schemas/index.ts';
import { asciiSlug } from '../../utils/slug.ts';
import { closest } from './suggest.ts';
import type { CollectionName, ContentFile, Problem } from './types.ts';

/** Image formats `astro:assets` can read from the content folder. */
export const IMAGE_FILE = /\.(?:jpe?g|png|webp|gif|avif|svg|tiff?)$/i;

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
  /** Every file, relative to the content folder. */
  all: ReadonlySet<string>;
  /** Image files, relative to the content folder. */
  images: readonly string[];
}

/** What the first pass finds: the entries to check and the files no collection reads. */
export interface Scan {
  index: FileIndex;
  entries: ContentFile[];
  problems: Problem[];
}

const dataFile = /\.ya?ml$/;

interface Placement {
  collection: CollectionName;
  /** Whether the file name, which becomes a URL, must be a slug. */
  slug: boolean;
  extension: RegExp;
  /** The extension to suggest for a file of the wrong type. */
  wanted: string;
}

const placements: Record<string, Placement> = {
  articles: { collection: 'articles', slug: true, extension: /\.mdx$/, wanted: '.mdx' },
  pages: { collection: 'pages', slug: true, extension: /\.mdx$/, wanted: '.mdx' },
  authors: { collection: 'authors', slug: true, extension: dataFile, wanted: '.yml' },
  tags: { collection: 'tags', slug: true, extension: dataFile, wanted: '.yml' },
  sponsors: { collection: 'sponsors', slug: true, extension: dataFile, wanted: '.yml' },
  settings: { collection: 'settings', slug: false, extension: dataFile, wanted: '.yml' },
  redirects: { collection: 'redirects', slug: false, extension: dataFile, wanted: '.yml' },
};

/**
 * Lists the content folder and sorts its files into the collections of `src/content.config.ts`.
 * Reports files the site would silently ignore, article files in subfolders, and file names that
 * are not ASCII slugs (the file name is the URL).
 */
export function scanContent(contentDir: string): Scan {
  const all = listFiles(contentDir);
  const contentName = basename(contentDir);
  const entries: ContentFile[] = [];
  const problems: Problem[] = [];
  const problem = (path: string, rule: string, message: string, fix: string, severity: Problem['severity'] = 'error') =>
    problems.push({ file: join(contentDir, path), line: 1, column: 1, rule, message, fix, severity });

  for (const path of all) {
    const [folder = '', ...rest] = path.split('/');
    const name = rest.join('/');
    if (folder === 'images' && rest.length > 0) {
      if (!IMAGE_FILE.test(path)) {
        problem(
          path,
          'unexpected-file',
          'not an image file, so the site cannot use it',
          'move it out of the content folder or delete it',
          'warning',
        );
      }
      continue;
    }
    const placement = placements[folder];
    if (!placement || rest.length === 0) {
      problem(
        path,
        'unexpected-file',
        `not part of any collection, so the site ignores it`,
        `move it into ${contentName}/articles, authors, tags, sponsors, pages, settings, redirects or images, or delete it`,
        'warning',
      );
      continue;
    }
    const extension = /\.[^./]+$/.exec(name)?.[0] ?? '';
    const stem = extension ? name.slice(0, -extension.length) : name;
    const nested = rest.length > 1;
    const unread = nested && placement.collection !== 'articles';
    if (unread || !placement.extension.test(name)) {
      problem(
        path,
        'unexpected-file',
        unread
          ? `the site only reads files directly in ${contentName}/${folder}, not in subfolders`
          : `the site only reads ${placement.wanted} files in ${contentName}/${folder}, so it ignores this one`,
        unread
          ? `move it to ${contentName}/${folder}/${basename(stem)}${placement.wanted}`
          : `rename it to ${basename(stem)}${placement.wanted}, or move it out of ${contentName}/${folder}`,
      );
      continue;
    }
    entries.push({ path: join(contentDir, path), relative: path, collection: placement.collection, id: stem });
    if (nested) {
      problem(
        path,
        'slug',
        `articles must be directly in ${contentName}/articles: a slash in the slug breaks the URL /artykuly/<slug>/`,
        `move it to ${contentName}/articles/${basename(stem)}.mdx`,
      );
    } else if (placement.slug && !slugPattern.test(stem)) {
      const suggestion = asciiSlug(stem);
      problem(
        path,
        'slug',
        `the file name "${stem}" is not an ASCII slug, and it becomes the address of the page`,
        suggestion
          ? `rename the file to ${suggestion}${extension}: lower-case letters without Polish characters, digits and hyphens`
          : 'rename the file using lower-case letters, digits and hyphens',
      );
    }
  }
  return {
    index: {
      contentDir,
      contentName,
      all: new Set(all),
      images: all.filter((path) => path.startsWith('images/') && IMAGE_FILE.test(path)),
    },
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
  if (!IMAGE_FILE.test(resolved)) {
    return { message: `"${value}" is not an image file`, fix: 'use a JPEG, PNG, WebP, AVIF, GIF or SVG file' };
  }
  if (index.all.has(resolved)) return undefined;
  const similar = closest(resolved, index.images);
  const written = similar ? posix.relative(posix.dirname(fromRelative), similar) : undefined;
  return {
    message: `image file ${index.contentName}/${resolved} not found`,
    fix: written ? `did you mean ${written}? Otherwise add the file or correct the path` : `add the file to ${images} or correct the path`,
  };
}
