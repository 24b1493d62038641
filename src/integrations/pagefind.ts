import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';

/**
 * Builds the Pagefind search index over the finished site (`<outDir>/pagefind/`).
 * Only article bodies are indexed: they carry `data-pagefind-body`. The search page loads
 * the index in the browser; no other page loads any search code.
 */
export default function pagefind(): AstroIntegration {
  return {
    name: 'szpalta:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const { index, errors } = await createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        try {
          const indexed = await index.addDirectory({ path: outDir });
          if (indexed.errors.length > 0) throw new Error(`Pagefind indexing failed: ${indexed.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
          if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
          logger.info(`indexed ${indexed.page_count} pages`);
        } finally {
          await close();
        }
      },
    },
  };
}
