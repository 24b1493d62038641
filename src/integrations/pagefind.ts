import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';
import { listShardName, shardRole } from '../lib/shards.ts';

/**
 * The pages Pagefind reads, relative to the output folder: articles (`/artykuly/<slug>/`) and
 * the pages one level deep, among them the static pages (`/<slug>/`). Home, archive, tag and
 * author pages only repeat article cards; they have no `data-pagefind-body`, so Pagefind would
 * drop them anyway, but only after parsing them (a third of the HTML of a large site).
 */
export const INDEXED_PAGES = '{artykuly/*/index.html,*/index.html}';

/** The pages an article shard indexes (it also renders the site's few static routes, which the lists shard indexes). */
const ARTICLE_PAGES = 'artykuly/*/index.html';

/**
 * Writes the Pagefind bundle of a built site or shard: the pages `glob` picks under `outDir`,
 * into `<outDir>/<folder>/`. Gives back how many pages it indexed.
 */
export async function writeSearchIndex(outDir: string, glob: string, folder: string): Promise<number> {
  const { index, errors } = await createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const indexed = await index.addDirectory({ path: outDir, glob });
    if (indexed.errors.length > 0) throw new Error(`Pagefind indexing failed: ${indexed.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(outDir, folder) });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return indexed.page_count;
  } finally {
    await close();
  }
}

/**
 * The search index of the shard `name` of a sharded build (`lists`, `lists-2`, `articles-1`, …),
 * or `undefined` for a lists shard other than the main one (its pages carry no search body).
 * The build driver writes it after the shard's `astro build` has exited, so that Pagefind's
 * memory never adds to Astro's.
 */
export function shardSearchIndex(name: string): { glob: string; folder: string } | undefined {
  if (name === listShardName(1)) return { glob: INDEXED_PAGES, folder: 'pagefind' };
  if (name.startsWith('articles-')) return { glob: ARTICLE_PAGES, folder: `pagefind-${name}` };
  return undefined;
}

/** Content types of Pagefind's files for the dev server (the index files are binary). */
const DEV_CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

/**
 * Builds the Pagefind search index over the finished site (`<outDir>/pagefind/`).
 * Only article and static-page bodies are indexed: they carry `data-pagefind-body`, and
 * `INDEXED_PAGES` keeps Pagefind from reading the lists. The search page loads the index in the
 * browser; no other page loads any search code. A shard of a sharded build leaves it to the
 * build driver (`shardSearchIndex`).
 */
export default function pagefind(): AstroIntegration {
  let outDir = '';
  return {
    name: 'szpalta:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      // The dev server has no index of its own: it serves the one of the last build, and the
      // search page explains how to make one when there is none.
      'astro:server:setup': ({ server }) => {
        const folder = join(outDir, 'pagefind');
        server.middlewares.use('/pagefind/', (request, response, next) => {
          const path = normalize(join(folder, decodeURIComponent((request.url ?? '').split('?')[0] ?? '')));
          if (!path.startsWith(folder + sep)) {
            next();
            return;
          }
          readFile(path).then(
            (body) => {
              response.setHeader('Content-Type', DEV_CONTENT_TYPES[extname(path)] ?? 'application/octet-stream');
              response.end(body);
            },
            () => next(),
          );
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (shardRole().kind !== 'whole') return;
        const pages = await writeSearchIndex(fileURLToPath(dir), INDEXED_PAGES, 'pagefind');
        logger.info(`indexed ${pages} pages`);
      },
    },
  };
}
