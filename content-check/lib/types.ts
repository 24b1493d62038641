import type { CollectionName } from '../../src/content-model/model.ts';

/** How bad a problem is: errors fail the check (and the build), warnings are reported only. */
export type Severity = 'error' | 'warning';

/** One thing wrong with one file, at one place. */
export interface Problem {
  /** Absolute path of the file. */
  file: string;
  /** 1-based line in the file as an editor shows it (front matter included). */
  line: number;
  /** 1-based column. */
  column: number;
  /** The field (`hero.alt`, `authors[1]`, `Figure.src`) or the rule (`mdx-syntax`, `link`) that failed. */
  rule: string;
  /** What is wrong, in one sentence without a trailing period. */
  message: string;
  /** What to do about it. */
  fix: string;
  severity: Severity;
}

/** The collections of the content folder (`src/content-model/`). */
export type { CollectionName };

/** A file to check, found in the first pass over the content folder. */
export interface ContentFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the content folder, with `/` separators (`articles/foo.mdx`). */
  relative: string;
  collection: CollectionName;
  /** The entry id Astro derives from the file name (`foo` for `articles/foo.mdx`). */
  id: string;
}

/** What a link inside a file points at, kept for the second pass (which knows every page). */
export interface LinkUse {
  file: string;
  line: number;
  column: number;
  /** The field or rule to report under (`link`, `navigation[0].href`). */
  rule: string;
  /** The link as written. */
  href: string;
  /** The site path it resolves to (`/artykuly/foo/`), query and fragment removed. */
  path: string;
}

/** What the second pass needs to know about an article. */
export interface ArticleFacts {
  id: string;
  file: string;
  draft: boolean;
  /** Milliseconds since the epoch; `NaN` when the date did not validate. */
  pubDate: number;
  featured: boolean;
  tags: string[];
  authors: string[];
}

/** Everything one file contributes: its problems, and the facts the second pass needs. */
export interface FileReport {
  file: string;
  problems: Problem[];
  links: LinkUse[];
  /** Set for articles whose front matter could be read. */
  article?: ArticleFacts;
  /** The `slug` front matter field when present: Astro uses it instead of the file name. */
  slugField?: string;
  /** The old addresses of a redirect table (`redirects/*.yml`), which must not be addresses of the site. */
  redirectSources?: LinkUse[];
}

/** Facts about the whole content folder that every per-file check needs. */
export interface CheckContext {
  /** Absolute path of the content folder. */
  contentDir: string;
  /** Every file under the content folder, relative to it, with `/` separators. */
  files: string[];
  /** Entry ids of each referenceable collection. */
  ids: { authors: string[]; tags: string[]; sponsors: string[] };
  /** Ids of the ad slots defined in the settings, or undefined when the settings could not be read. */
  adSlots: string[] | undefined;
  /** Origin of the public site (`https://szpalta.example`), to treat absolute links to it as internal. */
  siteOrigin: string | undefined;
  /** A file whose check takes longer than this (milliseconds) is refused. Default: `MAX_FILE_MILLISECONDS`. */
  fileTimeLimitMs?: number;
}
