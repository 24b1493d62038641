import { fileURLToPath } from 'node:url';
import { defineConfig, type InlineConfig } from 'vite';

/**
 * Vite configuration of the admin app (`admin/index.html` → `/admin/`). Used by the Astro
 * integration (`src/integrations/admin.ts`) for the production build and the dev server,
 * and by `npm run admin:build`.
 */

/** The admin's source folder. */
export const ADMIN_ROOT = fileURLToPath(new URL('./', import.meta.url));

/** Where the admin is served. */
export const ADMIN_BASE = '/admin/';

export function adminViteConfig({
  outDir,
  mode = 'production',
}: { outDir?: string; mode?: 'production' | 'development' } = {}): InlineConfig {
  return {
    configFile: false,
    root: ADMIN_ROOT,
    base: ADMIN_BASE,
    mode,
    publicDir: false,
    logLevel: 'warn',
    cacheDir: fileURLToPath(new URL('../node_modules/.vite-admin/', import.meta.url)),
    oxc: { jsx: { runtime: 'automatic', importSource: 'react', development: mode === 'development' } },
    // Whatever NODE_ENV the calling process has (vitest sets "test"), a production build ships production React.
    ...(mode === 'production' ? { define: { 'process.env.NODE_ENV': JSON.stringify('production') } } : {}),
    resolve: { dedupe: ['react', 'react-dom', 'immutable', '@emotion/react', '@emotion/styled'] },
    build: {
      outDir: outDir ?? fileURLToPath(new URL('../dist/admin/', import.meta.url)),
      emptyOutDir: true,
      assetsDir: 'assets',
      // Decap's core is one large module graph; the size budget is checked by the admin tests instead.
      chunkSizeWarningLimit: 4096,
      rolldownOptions: {
        onLog(level, log, handler) {
          // Decap's dependencies: "use client" directives (meaningless here) and eval in
          // gray-matter's and @iarna/toml's JavaScript engines, which no content format uses.
          const fromDependency = (log.id ?? log.loc?.file ?? '').includes('node_modules');
          if (level === 'warn' && fromDependency && (log.code === 'MODULE_LEVEL_DIRECTIVE' || log.code === 'EVAL')) return;
          handler(level, log);
        },
      },
    },
  };
}

export default defineConfig(adminViteConfig());
