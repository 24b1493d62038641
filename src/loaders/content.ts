import { readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { decodeSource, splitFrontMatter } from '../content-model/source.ts';
import { parseYaml } from '../content-model/yaml.ts';
import { findBodyLimitProblem, fileSizeProblem, type FileLimitProblem } from '../content-model/mdx-limits.ts';
import { classifyOnDisk, collectionModel, discoverContent, type CollectionName, type ContentEntry } from '../content-model/index.ts';
import { MdxPolicyError, mdxPolicyCheck } from '../integrations/mdx-policy.ts';
import { componentsToMarkers } from './component-markers.ts';

/**
 * Bumped whenever this loader stores something different for the same file, so that entries
 * cached in the data store by an older version are rendered again.
 */
const LOADER_VERSION = '3';

/** Files read and rendered at once; the Markdown renderer is native and fast, reading is I/O. */
const CONCURRENCY = 16;

/**
 * Whether a body must go through the MDX pipeline, or renders the same as plain Markdown.
 *
 * The content check allows no JavaScript expressions, imports or exports in bodies, so an MDX
 * body differs from CommonMark only through constructs that start with an unescaped `<` or `{`
 * (components, `{/* comments *\/}`, and the HTML and autolinks MDX refuses) or through
 * indentation (MDX has no indented code blocks: four leading spaces are a paragraph there).
 * Escapes such as `\{` and `\<` are Markdown escapes too and give the same character.
 * Images (`![…](…)`) are left to MDX, which turns them into optimized `astro:assets` images.
 * When in doubt the answer is "MDX": it is always correct, only slower to build.
 */
export function needsMdx(body: string): boolean {
  const unescaped = body.replace(/\\[\\<{]/g, '');
  return /[<{]/.test(unescaped) || /^(?: {4}|\t)/m.test(body) || body.includes('![');
}

/**
 * The file with its body (from `bodyStart`) replaced, or `undefined` without a new body; with
 * `blankFrontMatter`, the front matter is spaces (lines kept), as `@astrojs/mdx` hands files to
 * the MDX policy.
 */
const withBody = (contents: string, bodyStart: number, body: string | undefined, blankFrontMatter = false) => {
  if (body === undefined) return undefined;
  const head = contents.slice(0, bodyStart);
  return (blankFrontMatter ? head.replace(/[^\n]/g, ' ') : head) + body;
};

/** Options of `contentLoader`. */
export interface ContentLoaderOptions {
  /** The content folder, relative to the project root or absolute. */
  contentDir: string;
  collection: CollectionName;
  /** Fields the loader adds to every entry's data (the articles' reading time). */
  extraData?: (body: string) => Record<string, unknown>;
  /**
   * Render bodies with editor components to HTML with component markers
   * (`component-markers.ts`) instead of MDX modules; the page must render them with
   * `RenderedBody.astro`. Only bodies that `componentsToMarkers` refuses stay MDX.
   */
  componentMarkers?: boolean;
  /**
   * A shard of a sharded build (`src/lib/shards.ts`): only the entries in `ids` are read and
   * rendered; the other entries of `index` get their data from it (front matter as written)
   * without their file being read, and have no body; entries in neither are not loaded. `files`
   * is the number of files the plan was made from: another number means the plan is stale.
   */
  only?: { ids: ReadonlySet<string>; index: ReadonlyMap<string, Record<string, unknown>>; files: number } | undefined;
}

/** A limit problem as the content check words it: `file:line:column limit: message (fix)`. */
function limitMessage(filePath: string, problem: FileLimitProblem): string {
  return `${filePath}:${problem.line}:${problem.column} limit: ${problem.message} (${problem.fix})`;
}

/**
 * The loader of every collection: it reads exactly the entries that the content model's
 * `discoverContent` finds for the collection (the files the content check checks), so hidden
 * files, other file types, subfolders and badly named files are never built; each one is named
 * in a warning. A symbolic link anywhere in the content folder stops the build: a link can
 * bring files from outside the content folder (an image folder, an article) in, unchecked.
 *
 * YAML entries are parsed with the content check's YAML reader. MDX entries get the same ids,
 * data and rendering as Astro's `glob()` loader gives, but without one Vite module per entry:
 * most bodies use no component, and those are rendered here with `renderMarkdown` (the
 * configured Sätteri pipeline with its plugins) and the HTML is kept in the data store, where it
 * is reused while the file's digest is unchanged. With `componentMarkers` (the articles), bodies
 * whose components are blocks with string props are rendered the same way, the components left
 * as markers for the page (`component-markers.ts`). Only the remaining bodies that need MDX are
 * handed to the MDX integration as deferred entries, which Vite compiles to modules (with the
 * MDX policy enforced, `src/integrations/mdx-policy.ts`) as it does for `glob()`.
 */
export function contentLoader({ contentDir, collection, extraData, componentMarkers = false, only }: ContentLoaderOptions): Loader {
  const model = collectionModel(collection);
  return {
    name: `szpalta-content-loader:${collection}`,
    load: async (context: LoaderContext) => {
      const { config, store, logger, watcher } = context;
      const root = fileURLToPath(config.root);
      const contentRoot = resolve(root, contentDir);
      const baseDir = join(contentRoot, model.folder);
      const idOfFile = new Map<string, string>();
      const policyErrors = componentMarkers ? mdxPolicyCheck(contentRoot) : undefined;

      /** An entry of another shard: its data from the plan, no body, its file not read. */
      async function fromIndex(entry: ContentEntry, indexed: Record<string, unknown>): Promise<string> {
        const absolutePath = join(contentRoot, entry.relative);
        const id = entry.id;
        idOfFile.set(absolutePath, id);
        const digest = context.generateDigest(`${LOADER_VERSION}\nindex\n${JSON.stringify(indexed)}`);
        if (store.get(id)?.digest === digest) return id;
        const data = await context.parseData({ id, data: indexed, filePath: absolutePath });
        store.set({ id, data, filePath: relative(root, absolutePath).split(sep).join('/'), digest });
        return id;
      }

      async function sync(entry: ContentEntry): Promise<string | undefined> {
        if (only && !only.ids.has(entry.id)) {
          const indexed = only.index.get(entry.id);
          // Not shown by this shard's pages: not loaded (its store stays the size of the shard).
          return indexed ? fromIndex(entry, indexed) : undefined;
        }
        const absolutePath = join(contentRoot, entry.relative);
        // Decoded as the content check reads it: UTF-8, without a byte order mark.
        const decoded = decodeSource(await readFile(absolutePath));
        const contents = 'kind' in decoded ? '' : decoded.text;
        const id = entry.id;
        idOfFile.set(absolutePath, id);
        const filePath = relative(root, absolutePath).split(sep).join('/');
        const digest = context.generateDigest(`${LOADER_VERSION}\n${contents}`);
        const existing = store.get(id);
        if (existing?.digest === digest) {
          // Deferred entries must be listed again for Vite on every sync, as `glob()` does.
          if (existing.deferredRender && existing.filePath) store.addModuleImport(existing.filePath);
          return id;
        }
        // The content check's limits hold even when the check did not run: no parser sees a file or body beyond them.
        const tooLarge = fileSizeProblem(Buffer.byteLength(contents));
        if (tooLarge) throw new Error(limitMessage(filePath, tooLarge));
        if (model.format === 'yaml') {
          const yaml = parseYaml(contents);
          if (yaml.problems.some((problem) => problem.severity === 'error')) {
            throw new Error(`${filePath}: the file is not valid YAML; run npm run check:content`);
          }
          const data = await context.parseData({ id, data: (yaml.value ?? {}) as Record<string, unknown>, filePath: absolutePath });
          store.set({ id, data, filePath, digest });
          return id;
        }
        const split = splitFrontMatter(contents);
        if ('kind' in split) throw new Error(`${filePath}: the front matter could not be read (${split.kind}); run npm run check:content`);
        const yaml = parseYaml(split.yaml);
        if (yaml.problems.some((problem) => problem.severity === 'error') || typeof yaml.value !== 'object' || yaml.value === null) {
          throw new Error(`${filePath}: the front matter is not valid YAML; run npm run check:content`);
        }
        // `glob()` trims the body of MDX entries; the reading time and `entry.body` use the same text.
        const body = split.body.trim();
        const beyond = findBodyLimitProblem(contents, body, body === '' ? 0 : contents.lastIndexOf(body));
        if (beyond) throw new Error(limitMessage(filePath, beyond));
        const data = await context.parseData({
          id,
          data: { ...(yaml.value as Record<string, unknown>), ...extraData?.(body) },
          filePath: absolutePath,
        });
        // The whole file, so that the renderer reads the front matter as the MDX pipeline does.
        let markdown: string | undefined = contents;
        if (needsMdx(body)) {
          markdown = policyErrors
            ? withBody(
                contents,
                split.bodyStart,
                componentsToMarkers(split.body, (text) => !needsMdx(text)),
              )
            : undefined;
          if (markdown !== undefined && policyErrors) {
            // The same policy the MDX compiler enforces (`mdx-policy.ts`), for bodies that never reach it.
            const errors = policyErrors(absolutePath, withBody(contents, split.bodyStart, split.body, true) as string);
            if (errors.length > 0) throw new MdxPolicyError(errors, root);
          }
        }
        if (markdown === undefined) {
          store.set({ id, data, body, filePath, digest, deferredRender: true });
        } else {
          const rendered = await context.renderMarkdown(markdown, { fileURL: pathToFileURL(absolutePath) });
          // No `body`: nothing reads the source of a rendered entry, and Astro bundles the whole
          // store into the build as one module (42 % smaller without it; bench/build-notes.md).
          store.set({ id, data, filePath, digest, rendered });
        }
        return id;
      }

      const found = discoverContent(contentRoot);
      const links = found.refused.filter((refused) => refused.reason === 'symlink');
      if (links.length > 0) {
        throw new Error(
          links.map((link) => `${relative(root, join(contentRoot, link.relative))}: ${link.message} (${link.fix})`).join('\n'),
        );
      }
      for (const refused of found.refused) {
        if (refused.relative.startsWith(`${model.folder}/`)) {
          logger.warn(`${relative(root, join(contentRoot, refused.relative))} is not built: ${refused.message} (${refused.fix})`);
        }
      }
      const files = found.entries.filter((entry) => entry.collection === collection);
      if (only && files.length !== only.files) {
        throw new Error(
          `${collection} loader: the shard plan was made from ${only.files} files, the content folder has ${files.length}; run the build driver again`,
        );
      }
      const seen = new Set<string>();
      let next = 0;
      const worker = async () => {
        for (let index = next++; index < files.length; index = next++) {
          const file = files[index] as ContentEntry;
          try {
            const id = await sync(file);
            if (id !== undefined) seen.add(id);
          } catch (error) {
            throw new Error(`${collection} loader: ${file.relative}: ${error instanceof Error ? error.message : String(error)}`, {
              cause: error,
            });
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);

      if (!watcher) return;
      watcher.add(baseDir);
      const entryAt = (path: string) => {
        if (!path.startsWith(`${baseDir}${sep}`)) return undefined;
        const classified = classifyOnDisk(contentRoot, path);
        return classified.kind === 'entry' && classified.collection === collection ? classified : undefined;
      };
      const onChange = async (path: string) => {
        const entry = entryAt(path);
        if (!entry) return;
        try {
          await sync(entry);
          logger.info(`Reloaded ${relative(root, path)}`);
        } catch (error) {
          logger.error(`Failed to reload ${relative(root, path)}: ${error instanceof Error ? error.message : String(error)}`);
        }
      };
      watcher.on('change', (path) => void onChange(path));
      watcher.on('add', (path) => void onChange(path));
      watcher.on('unlink', (path) => {
        const id = idOfFile.get(path);
        if (id === undefined) return;
        store.delete(id);
        idOfFile.delete(path);
      });
    },
  };
}
