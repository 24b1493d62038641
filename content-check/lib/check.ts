import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { contextKey, openReportCache } from './cache.ts';
import { createFileChecker, type CheckedFile, type SettingsFacts } from './check-file.ts';
import { IMAGE_FILE, listFiles, scanContent } from './files.ts';
import { displayPath, type CheckResult } from './report.ts';
import { RESERVED_PAGE_SLUGS } from '../../src/lib/urls.ts';
import { buildSiteMap, checkLinks } from './site.ts';
import type { ArticleFacts, CheckContext, ContentFile, Problem } from './types.ts';

/** What to check and how. */
export interface CheckOptions {
  /** The content folder (absolute, or relative to the working directory). */
  contentDir: string;
  /** Folder that reported paths are relative to. Default: the working directory. */
  root?: string;
  /** The site's `public/` folder, for links to files in it. Default: `<root>/public`. */
  publicDir?: string;
  /** The moment that decides which articles are published (drafts never are). Default: now. */
  now?: Date;
  /**
   * Worker threads besides the main thread. Default: none when fewer than 500 files need
   * checking; otherwise one fewer than the available cores (at most 3).
   */
  workers?: number;
  /**
   * A JSON file that keeps each file's report between runs (`content-check/lib/cache.ts`):
   * a file whose bytes, and whose context (code, schemas, registry, image files, ids, settings),
   * are unchanged is not checked again. Checks across files (slugs, links) always run.
   * Default: no cache.
   */
  cacheFile?: string;
  /** Time limit of one file's check, in milliseconds. Default: `MAX_FILE_MILLISECONDS` of `src/content-model/mdx-limits.ts`. */
  fileTimeLimitMs?: number;
}

const BATCH = 40;

/** Checks `entries`, spreading batches over worker threads while the main thread takes batches too. */
async function checkAll(entries: readonly ContentFile[], context: CheckContext, workers: number): Promise<CheckedFile[]> {
  const check = createFileChecker(context);
  if (workers === 0) return entries.map(check);
  const batches: ContentFile[][] = [];
  for (let start = 0; start < entries.length; start += BATCH) batches.push(entries.slice(start, start + BATCH));
  let next = 0;
  const take = () => batches[next++] ?? null;
  const results: CheckedFile[] = [];
  const threads: Worker[] = [];
  const finished = Array.from(
    { length: workers },
    () =>
      new Promise<void>((done, fail) => {
        // A plain Node thread: the parent's flags (`--input-type`, test runners' loaders) are not for it.
        const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: context, execArgv: [] });
        threads.push(worker);
        worker.on('message', (reports: CheckedFile[]) => {
          results.push(...reports);
          worker.postMessage(take());
        });
        worker.on('error', (error) => fail(new Error('a content-check worker failed', { cause: error })));
        worker.on('exit', (code) => (code === 0 ? done() : fail(new Error(`a content-check worker exited with code ${code}`))));
        worker.postMessage(take());
      }),
  );
  try {
    for (let batch = take(); batch; batch = take()) {
      for (const entry of batch) results.push(check(entry));
      // Let worker replies in, so idle workers get their next batch.
      await nextTurn();
    }
    await Promise.all(finished);
  } catch (error) {
    await Promise.all(threads.map((thread) => thread.terminate()));
    throw error;
  }
  return results;
}

function compareProblems(root: string) {
  return (a: Problem, b: Problem) =>
    displayPath(a.file, root).localeCompare(displayPath(b.file, root), 'en') ||
    a.line - b.line ||
    a.column - b.column ||
    a.rule.localeCompare(b.rule, 'en') ||
    a.message.localeCompare(b.message, 'en');
}

/** Entries whose ids collide within a collection (Astro would keep only one), and pages that take a route of the site. */
function slugProblems(
  entries: readonly ContentFile[],
  slugFields: ReadonlyMap<string, string>,
  root: string,
  contentName: string,
): Problem[] {
  const problems: Problem[] = [];
  const groups = new Map<string, ContentFile[]>();
  for (const entry of entries) {
    const id = slugFields.get(entry.path) ?? entry.id;
    const key = `${entry.collection}\u0000${id.toLowerCase()}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
    if (entry.collection === 'pages' && RESERVED_PAGE_SLUGS.has(id)) {
      problems.push({
        file: entry.path,
        line: 1,
        column: 1,
        rule: 'duplicate-slug',
        message: `the address /${id}/ belongs to the site's own pages`,
        fix: `rename the file, for example to ${contentName}/pages/o-${id}.mdx`,
        severity: 'error',
      });
    }
  }
  for (const group of groups.values()) {
    if (group.length < 2 || group[0]?.collection === 'settings') continue;
    for (const entry of group) {
      const others = group.filter((other) => other !== entry).map((other) => displayPath(other.path, root));
      const id = slugFields.get(entry.path) ?? entry.id;
      problems.push({
        file: entry.path,
        line: 1,
        column: 1,
        rule: 'duplicate-slug',
        message: `the slug "${id}" is also the slug of ${others.join(', ')}; only one of them would be published`,
        fix: slugFields.has(entry.path) ? 'remove the slug field or give each file its own slug' : 'rename one of the files',
        severity: 'error',
      });
    }
  }
  return problems;
}

/**
 * Checks a content folder: every file's front matter or data against the site's schemas and
 * references, every MDX body against the MDX policy and the component registry, image files,
 * headings, duplicate slugs and internal links. Reports all problems in one pass.
 */
export async function checkContent(options: CheckOptions): Promise<CheckResult> {
  const root = resolve(options.root ?? process.cwd());
  const contentDir = resolve(root, options.contentDir);
  const publicDir = resolve(root, options.publicDir ?? 'public');
  const now = options.now ?? new Date();
  const scan = scanContent(contentDir);
  const problems: Problem[] = [...scan.problems];
  const ids = (collection: ContentFile['collection']) =>
    scan.entries
      .filter((entry) => entry.collection === collection && !entry.relative.slice(collection.length + 1).includes('/'))
      .map((entry) => entry.id);

  const baseContext: CheckContext = {
    ...(options.fileTimeLimitMs === undefined ? {} : { fileTimeLimitMs: options.fileTimeLimitMs }),
    contentDir,
    files: [...scan.index.all],
    ids: { authors: ids('authors'), tags: ids('tags'), sponsors: ids('sponsors') },
    adSlots: undefined,
    siteOrigin: undefined,
  };

  const settingsEntries = scan.entries.filter((entry) => entry.collection === 'settings');
  const settingsReports = settingsEntries.map(createFileChecker(baseContext));
  const siteSettings = settingsReports.find((report) => /[\\/]settings[\\/]site\.ya?ml$/.test(report.file));
  if (!siteSettings) {
    problems.push({
      file: join(contentDir, 'settings', 'site.yml'),
      line: 1,
      column: 1,
      rule: 'settings',
      message: 'the site settings file is missing, and the site cannot be built without it',
      fix: `create ${scan.index.contentName}/settings/site.yml with at least name, description and url`,
      severity: 'error',
    });
  }
  const settings: SettingsFacts = siteSettings?.settings ?? { adSlots: undefined, siteOrigin: undefined, pageSize: 10 };

  const rest = scan.entries.filter((entry) => entry.collection !== 'settings');
  const context: CheckContext = { ...baseContext, adSlots: settings.adSlots, siteOrigin: settings.siteOrigin };
  const cache = options.cacheFile
    ? await openReportCache(
        options.cacheFile,
        contextKey(
          context,
          baseContext.files.filter((path) => path.startsWith('images/') && IMAGE_FILE.test(path)),
        ),
      )
    : undefined;
  const restReports: CheckedFile[] = [];
  const toCheck: { entry: ContentFile; bytes: Buffer | undefined }[] = [];
  for (const entry of rest) {
    let bytes: Buffer | undefined;
    try {
      bytes = cache ? readFileSync(entry.path) : undefined;
    } catch {
      // Unreadable now: the check reports it.
      bytes = undefined;
    }
    const kept = bytes && cache?.get(entry.path, bytes);
    if (kept) restReports.push(kept);
    else toCheck.push({ entry, bytes });
  }
  const workers = options.workers ?? (toCheck.length >= 500 ? Math.max(0, Math.min(availableParallelism() - 1, 3)) : 0);
  const checked = await checkAll(
    toCheck.map(({ entry }) => entry),
    context,
    workers,
  );
  if (cache) {
    const bytesOf = new Map(toCheck.map(({ entry, bytes }) => [entry.path, bytes]));
    for (const report of checked) {
      const bytes = bytesOf.get(report.file);
      if (bytes) cache.set(report.file, bytes, report);
    }
    await cache.save();
  }
  restReports.push(...checked);
  const reports = [...settingsReports, ...restReports];

  const articles: ArticleFacts[] = [];
  const slugFields = new Map<string, string>();
  for (const report of reports) {
    problems.push(...report.problems);
    if (report.article) articles.push(report.article);
    if (report.slugField !== undefined) slugFields.set(report.file, report.slugField);
  }
  problems.push(...slugProblems(scan.entries, slugFields, root, scan.index.contentName));

  const site = buildSiteMap({
    articles: articles.map((article) => ({ ...article, id: slugFields.get(article.file) ?? article.id })),
    authors: baseContext.ids.authors,
    tags: baseContext.ids.tags,
    pages: ids('pages'),
    publicFiles: listFiles(publicDir),
    pageSize: settings.pageSize,
    now,
  });
  problems.push(
    ...checkLinks(
      reports.flatMap((report) => report.links),
      site,
      (file) => displayPath(file, root),
    ),
  );
  for (const source of reports.flatMap((report) => report.redirectSources ?? [])) {
    const section = source.path.split('/')[1] ?? '';
    if (site.paths.has(source.path) || RESERVED_PAGE_SLUGS.has(section)) {
      problems.push({
        file: source.file,
        line: source.line,
        column: source.column,
        rule: source.rule,
        message: site.paths.has(source.path)
          ? `${source.path} is an address of this site, and a redirect from it would hide the page there`
          : `${source.path} is in /${section}/, a section of this site, where a redirect would shadow its pages`,
        fix: 'remove this entry: only old addresses that no page uses can redirect',
        severity: 'error',
      });
    }
  }

  problems.sort(compareProblems(root));
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  return { contentDir, root, files: scan.entries.length, problems, errors, warnings: problems.length - errors };
}
