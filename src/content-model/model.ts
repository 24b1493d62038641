import type { z } from 'astro/zod';
import {
  articleSchema,
  authorSchema,
  pageSchema,
  redirectsSchema,
  settingsSchema,
  sponsorSchema,
  tagSchema,
  type SchemaHelpers,
} from '../schemas/index.ts';
import { asciiSlug } from '../utils/slug.ts';
import { IMAGE_TYPES } from './image-rule.ts';

export { IMAGE_TYPES, IMAGE_TYPES_TEXT, imageTypeProblem, type ImageTypeProblem } from './image-rule.ts';

/**
 * The content model as a table: which collections exist, the folder of each under `content/`,
 * the file types it reads, the schema of an entry and how its files are named. The site's
 * collections (`src/content.config.ts`), the content check's file discovery, the CMS
 * configuration (`admin/config/cms-config.ts`) and the CMS's local backend all read it here.
 * Pure data and functions: safe to import in Node and in the browser.
 */

/** The collections of the content folder. */
export type CollectionName = 'articles' | 'pages' | 'authors' | 'tags' | 'sponsors' | 'settings' | 'redirects';

/** One row of the content model. */
export interface CollectionModel {
  name: CollectionName;
  /** Folder under the content folder; entries are files directly in it (no subfolders). */
  folder: string;
  /** File name endings the site reads, the first one being the one to write (`.mdx`, `.yml`). */
  extensions: readonly string[];
  /** `mdx`: front matter and an MDX body; `yaml`: a YAML mapping. */
  format: 'mdx' | 'yaml';
  /**
   * The schema of an entry (`src/schemas/`) with the given `image()` and `reference()`: plain
   * validators in the content check, markers in the CMS configuration. (The site's
   * `content.config.ts` calls the factories itself, to keep each collection's own types.)
   */
  schema: (helpers: SchemaHelpers<z.ZodType, z.ZodType>) => z.ZodType;
  /**
   * How files are named: `slug` when the file name is the entry's address and must be what
   * `fileSlug` makes of it; otherwise the list of the only names allowed (without extension).
   */
  names: 'slug' | readonly string[];
  /** The field a new entry's file name is made from with `fileSlug` (`title`, `name`); none when names are fixed. */
  slugFrom?: 'title' | 'name';
}

/** Every collection, in the order the CMS lists them. */
export const COLLECTIONS: readonly CollectionModel[] = [
  {
    name: 'articles',
    folder: 'articles',
    extensions: ['.mdx'],
    format: 'mdx',
    schema: (helpers) => articleSchema(helpers),
    names: 'slug',
    slugFrom: 'title',
  },
  { name: 'pages', folder: 'pages', extensions: ['.mdx'], format: 'mdx', schema: () => pageSchema(), names: 'slug', slugFrom: 'title' },
  {
    name: 'authors',
    folder: 'authors',
    extensions: ['.yml', '.yaml'],
    format: 'yaml',
    schema: (helpers) => authorSchema(helpers),
    names: 'slug',
    slugFrom: 'name',
  },
  {
    name: 'tags',
    folder: 'tags',
    extensions: ['.yml', '.yaml'],
    format: 'yaml',
    schema: () => tagSchema(),
    names: 'slug',
    slugFrom: 'name',
  },
  {
    name: 'sponsors',
    folder: 'sponsors',
    extensions: ['.yml', '.yaml'],
    format: 'yaml',
    schema: (helpers) => sponsorSchema(helpers),
    names: 'slug',
    slugFrom: 'name',
  },
  // Redirect tables (`wordpress.yml` from the WordPress importer); the build turns them into `_redirects` and redirect pages.
  {
    name: 'redirects',
    folder: 'redirects',
    extensions: ['.yml', '.yaml'],
    format: 'yaml',
    schema: () => redirectsSchema(),
    names: 'slug',
    slugFrom: 'name',
  },
  { name: 'settings', folder: 'settings', extensions: ['.yml', '.yaml'], format: 'yaml', schema: () => settingsSchema(), names: ['site'] },
];

/** The row of a collection. */
export function collectionModel(name: CollectionName): CollectionModel {
  const model = COLLECTIONS.find((collection) => collection.name === name);
  if (!model) throw new Error(`unknown collection "${name}"`);
  return model;
}

/**
 * Images: the folder under the content folder and the file types it may hold (`IMAGE_TYPES`).
 * Images may sit in subfolders (`images/authors/…`).
 */
export const MEDIA = {
  folder: 'images',
  extensions: IMAGE_TYPES.map((type) => type.extension),
} as const;

/**
 * The one slug function of the project: turns a title or a name into the file name (without
 * extension) of a new entry, `"Promocja: 50% taniej_teraz"` → `"promocja-50-taniej-teraz"`.
 * `npm run new`, the CMS (for every collection) and the content check use it; a file name is
 * a valid slug exactly when `fileSlug(name) === name`. Empty when nothing usable is left.
 */
export function fileSlug(text: string): string {
  return asciiSlug(text);
}

/** The first thing that makes `stem` not a slug, said so that an editor knows what to change. */
export function slugMistake(stem: string): string | undefined {
  if (fileSlug(stem) === stem) return undefined;
  if (stem === '') return 'the file name is empty';
  const named: [RegExp, string][] = [
    [/_/, 'an underscore (_) is not allowed in a file name; use -'],
    [/~/, 'a tilde (~) is not allowed in a file name; use -'],
    [/\./, 'a dot (.) is not allowed in a file name except before the extension; use -'],
    [/\s/, 'a space is not allowed in a file name; use -'],
    [/[A-Z]/, 'capital letters are not allowed in a file name; use lower-case letters'],
    [/[^\x20-\x7e]/, 'letters with diacritics and other non-ASCII characters (ą, ł, emoji…) are not allowed in a file name'],
    [/^-|-$/, 'a file name must not start or end with -'],
    [/--/, 'a file name must not contain two hyphens in a row'],
  ];
  for (const [pattern, message] of named) if (pattern.test(stem)) return message;
  return 'only lower-case letters a–z, digits and single hyphens are allowed in a file name';
}
