import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { decodeSource, splitFrontMatter } from '../content-check/lib/source.ts';
import { parseYaml } from '../content-check/lib/yaml.ts';
import { readingMinutes } from '../utils/reading-time.ts';

/**
 * Bumped whenever this loader stores something different for the same file, so that entries
 * cached in the data store by an older version are rendered again.
 */
const LOADER_VERSION = '2';

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

async function listMdxFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.mdx'))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/**
 * The loader of the `articles` collection: every `.mdx` file under `base`, with the same ids,
 * data and rendering as Astro's `glob()` loader gives, but without one Vite module per article.
 *
 * Most articles use no component. Their body is rendered here with `renderMarkdown` (the
 * configured Sätteri pipeline with its plugins) and the HTML is kept in the data store, where it
 * is reused while the file's digest is unchanged. Only bodies that need MDX (`needsMdx`) are
 * handed to the MDX integration as deferred entries, which Vite compiles to modules as it does
 * for `glob()`. Each entry also gets its reading time, computed once per change of the file (with
 * remark, by the module the content check shares) instead of on every page that shows it.
 */
export function articlesLoader({ base }: { base: string }): Loader {
  return {
    name: 'szpalta-articles-loader',
    load: async (context: LoaderContext) => {
      const { config, store, logger, watcher } = context;
      const baseDir = fileURLToPath(new URL(base.endsWith('/') ? base : `${base}/`, config.root));
      const root = fileURLToPath(config.root);
      const idOfFile = new Map<string, string>();

      async function sync(entry: string): Promise<string> {
        const absolutePath = join(baseDir, entry);
        // Decoded as the content check reads it: UTF-8, without a byte order mark.
        const decoded = decodeSource(await readFile(absolutePath));
        const contents = 'kind' in decoded ? '' : decoded.text;
        // File names are slugs already (the content check holds them to the slug pattern), which
        // is also what `glob()` would make of them.
        const id = entry.replace(/\.mdx$/, '');
        idOfFile.set(absolutePath, id);
        const filePath = relative(root, absolutePath).split(sep).join('/');
        const digest = context.generateDigest(`${LOADER_VERSION}\n${contents}`);
        const existing = store.get(id);
        if (existing?.digest === digest) {
          // Deferred entries must be listed again for Vite on every sync, as `glob()` does.
          if (existing.deferredRender && existing.filePath) store.addModuleImport(existing.filePath);
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
        const data = await context.parseData({
          id,
          data: { ...(yaml.value as Record<string, unknown>), readingMinutes: readingMinutes(body) },
          filePath: absolutePath,
        });
        if (needsMdx(body)) {
          store.set({ id, data, body, filePath, digest, deferredRender: true });
        } else {
          // The whole file, so that the renderer reads the front matter as the MDX pipeline does.
          const rendered = await context.renderMarkdown(contents, { fileURL: pathToFileURL(absolutePath) });
          store.set({ id, data, body, filePath, digest, rendered });
        }
        return id;
      }

      const files = await listMdxFiles(baseDir);
      const seen = new Set<string>();
      let next = 0;
      const worker = async () => {
        for (let index = next++; index < files.length; index = next++) {
          const file = files[index] as string;
          try {
            seen.add(await sync(file));
          } catch (error) {
            throw new Error(`articles loader: ${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);

      if (!watcher) return;
      watcher.add(baseDir);
      const isArticle = (path: string) => path.startsWith(baseDir) && path.endsWith('.mdx');
      const onChange = async (path: string) => {
        if (!isArticle(path)) return;
        try {
          await sync(relative(baseDir, path).split(sep).join('/'));
          logger.info(`Reloaded ${relative(root, path)}`);
        } catch (error) {
          logger.error(`Failed to reload ${relative(root, path)}: ${error instanceof Error ? error.message : String(error)}`);
        }
      };
      watcher.on('change', (path) => void onChange(path));
      watcher.on('add', (path) => void onChange(path));
      watcher.on('unlink', (path) => {
        const id = idOfFile.get(path);
        if (!isArticle(path) || id === undefined) return;
        store.delete(id);
        idOfFile.delete(path);
      });
    },
  };
}
