import { constants } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
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
  const previous = `${outDir}.previous`;
  await rm(previous, { recursive: true, force: true });
  await rename(outDir, previous).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  });
  await rename(next, outDir);
  await rm(previous, { recursive: true, force: true });
  return { files: source.size };
}
