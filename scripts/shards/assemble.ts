import { constants } from 'node:fs';
import { copyFile, cp, link, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { dirname, join, relative, sep } from 'node:path';

/** One shard's output and the part of it that goes into the site. */
export interface ShardOutput {
  /** Shard name, for messages. */
  name: string;
  /** The shard's output folder. */
  dir: string;
  /** Whether a file (path relative to `dir`, `/`-separated) belongs in the site. */
  keep: (path: string) => boolean;
  /**
   * The shard was not built since the previous assembly: its files are taken from the previous
   * site by a hard link (no copy; the site's files are never written in place) where it has them.
   */
  unchanged?: boolean;
  /**
   * The shard was patched since the previous assembly (`scripts/build.ts`): the files for which
   * this answers `true` changed, the others are taken from the previous site as for `unchanged`.
   */
  patched?: ((path: string) => boolean) | undefined;
}

/** Two shards wrote the same path with different bytes: the site would depend on the order. */
export class ShardConflictError extends Error {
  readonly path: string;
  readonly shards: [string, string];
  constructor(path: string, shards: [string, string]) {
    super(`${path}: shards ${shards[0]} and ${shards[1]} wrote different files at this path; the sharded build cannot choose one`);
    this.name = 'ShardConflictError';
    this.path = path;
    this.shards = shards;
  }
}

/** Puts the site assembled in `next` in the place of `outDir` (the previous site is removed last). */
async function swapIn(next: string, outDir: string): Promise<void> {
  const previous = `${outDir}.previous`;
  await rm(previous, { recursive: true, force: true });
  await rename(outDir, previous).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  });
  await rename(next, outDir);
  await rm(previous, { recursive: true, force: true });
}

/** Runs `task` on every item, at most `limit` at a time; the first failure stops the rest and is thrown. */
async function inParallel<T>(items: readonly T[], task: (item: T) => Promise<unknown>, limit = 32): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

async function filesOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/**
 * Assembles the site from the shards' outputs into `outDir`: each kept file is copied once; a
 * path kept by two shards must have the same bytes in both (shared assets such as `_astro/`
 * files are), otherwise nothing is written and a `ShardConflictError` names the path. The new
 * site is written beside `outDir` and swapped in at the end, so a failure leaves the previous
 * site whole; files of unchanged shards are hard links to the previous site's, so one rebuilt
 * shard costs copying its own files only.
 */
export async function assemble(outputs: readonly ShardOutput[], outDir: string): Promise<{ files: number }> {
  const source = new Map<string, ShardOutput>();
  for (const output of outputs) {
    for (const path of await filesOf(output.dir)) {
      if (!output.keep(path)) continue;
      const earlier = source.get(path);
      if (!earlier) {
        source.set(path, output);
        continue;
      }
      const [a, b] = await Promise.all([readFile(join(earlier.dir, path)), readFile(join(output.dir, path))]);
      if (!a.equals(b)) throw new ShardConflictError(path, [earlier.name, output.name]);
    }
  }
  const next = `${outDir}.assembling`;
  await rm(next, { recursive: true, force: true });
  const entries = [...source];
  // Folders first (one per article page), then the files; many at once, as the file system's
  // thread pool allows: one by one, 13,000 files took seconds that an edit's rebuild waits for.
  const folders = [...new Set(entries.map(([path]) => dirname(join(next, path))))];
  await inParallel(folders, (folder) => mkdir(folder, { recursive: true }));
  await inParallel(entries, async ([path, output]) => {
    const target = join(next, path);
    const unchanged = output.unchanged === true || (output.patched !== undefined && !output.patched(path));
    const linked =
      unchanged &&
      (await link(join(outDir, path), target).then(
        () => true,
        () => false,
      ));
    // Otherwise a copy-on-write clone where the file system has them, a plain copy elsewhere.
    if (!linked) await copyFile(join(output.dir, path), target, constants.COPYFILE_FICLONE);
  });
  await mkdir(next, { recursive: true });
  await swapIn(next, outDir);
  return { files: source.size };
}

/** Files of one shard's output that changed since the previous site. */
export interface SiteChange {
  /** The shard's output folder. */
  dir: string;
  /** Files (relative, `/`-separated) to take from `dir`. */
  files: readonly string[];
  /** Folders to take from `dir` whole, replacing the previous site's (a search bundle written again). */
  folders?: readonly string[];
}

/**
 * The previous site with a few files changed (after a patch, when no shard was built whole and
 * the shards are the ones the previous site was assembled from): a tree of hard links to the
 * previous site, made by one `cp -al` (GNU coreutils), with the changed files copied over. A
 * link made from Node costs a system call and a promise per file, seconds for tens of thousands
 * of files. A changed file is unlinked before it is copied, so the previous site is never written
 * in place, and it is swapped in at the end as in `assemble`. Resolves to `false`, changing
 * nothing, where `cp -al` is not available (the caller then assembles as usual).
 */
export async function patchSite(outDir: string, changes: readonly SiteChange[]): Promise<boolean> {
  const next = `${outDir}.assembling`;
  await rm(next, { recursive: true, force: true });
  const linked = await new Promise<boolean>((resolvePromise) => {
    const child = spawn('cp', ['-al', outDir, next], { stdio: 'ignore' });
    child.on('error', () => resolvePromise(false));
    child.on('close', (code) => resolvePromise(code === 0));
  });
  if (!linked) {
    await rm(next, { recursive: true, force: true });
    return false;
  }
  for (const change of changes) {
    for (const folder of change.folders ?? []) {
      await rm(join(next, folder), { recursive: true, force: true });
      await cp(join(change.dir, folder), join(next, folder), { recursive: true });
    }
    await inParallel(change.files, async (file) => {
      const target = join(next, file);
      await mkdir(dirname(target), { recursive: true });
      await rm(target, { force: true });
      await copyFile(join(change.dir, file), target, constants.COPYFILE_FICLONE);
    });
  }
  await swapIn(next, outDir);
  return true;
}
