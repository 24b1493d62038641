import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CheckedFile } from './check-file.ts';
import type { CheckContext } from './types.ts';

/**
 * The source folders whose code decides a file's report: the check itself, the schemas, the
 * component registry and the shared helpers they import (relative to the repository).
 */
const CODE_FOLDERS = ['content-check', 'src/content-model', 'src/schemas', 'src/components/mdx', 'src/utils', 'src/lib'];

const REPO = fileURLToPath(new URL('../../', import.meta.url));

function sha256(...parts: (string | Buffer)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\u0000');
  return hash.digest('hex');
}

let codeVersion: string | undefined;

/**
 * A digest of the code that checks one file: every `.ts` file of `CODE_FOLDERS` and the
 * lockfile (for Zod, YAML and the MDX parser). Computed from the files themselves, so a change
 * to a schema or to the registry invalidates the cache without anyone remembering to bump a number.
 */
export function checkerVersion(): string {
  if (codeVersion !== undefined) return codeVersion;
  const parts: string[] = [];
  for (const folder of CODE_FOLDERS) {
    const dir = join(REPO, folder);
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .sort();
    for (const file of files) parts.push(`${folder}/${file}`, readFileSync(join(dir, file), 'utf8'));
  }
  const lockfile = join(REPO, 'package-lock.json');
  if (existsSync(lockfile)) parts.push(readFileSync(lockfile, 'utf8'));
  codeVersion = sha256(...parts);
  return codeVersion;
}

/**
 * Everything besides a file's own bytes that its report depends on: the code, the folder, the
 * image files it may point at, the ids it may reference, the ad slots and the site's origin.
 * The full file list is not part of it: a file's check looks only at image paths.
 */
export function contextKey(context: CheckContext, imageFiles: readonly string[]): string {
  return sha256(
    checkerVersion(),
    JSON.stringify([context.contentDir, imageFiles, context.ids, context.adSlots ?? null, context.siteOrigin ?? null]),
  );
}

interface CacheFile {
  key: string;
  /** Report of each file by absolute path, with the digest of the bytes it was made from. */
  files: Record<string, { digest: string; report: CheckedFile }>;
}

/** Reports kept from an earlier check, valid for one context key. */
export interface ReportCache {
  /** The earlier report of `path` when its bytes are still `bytes`; also marks it as kept. */
  get(path: string, bytes: Buffer): CheckedFile | undefined;
  /** Remembers the report of `path`, made from `bytes`. */
  set(path: string, bytes: Buffer, report: CheckedFile): void;
  /** Writes what was got or set since loading (files no longer checked are dropped). */
  save(): Promise<void>;
}

/**
 * Opens the per-file report cache at `file` (JSON). A missing, unreadable or differently keyed
 * cache starts empty; the cache is an optimization, never a reason to fail the check.
 */
export async function openReportCache(file: string, key: string): Promise<ReportCache> {
  let previous: CacheFile['files'] = {};
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as CacheFile;
    if (parsed.key === key) previous = parsed.files;
  } catch {
    previous = {};
  }
  const next: CacheFile['files'] = {};
  const digest = (bytes: Buffer) => createHash('sha1').update(bytes).digest('hex');
  return {
    get(path, bytes) {
      const entry = previous[path];
      if (entry?.digest !== digest(bytes)) return undefined;
      next[path] = entry;
      return entry.report;
    },
    set(path, bytes, report) {
      next[path] = { digest: digest(bytes), report };
    },
    async save() {
      await mkdir(dirname(file), { recursive: true });
      // Written aside and renamed, so a build stopped halfway never leaves half a cache.
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, JSON.stringify({ key, files: next } satisfies CacheFile));
      await rename(temporary, file);
    },
  };
}
