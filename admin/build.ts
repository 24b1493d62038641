import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { cmsConfigYaml, hasProductionRepo, readSettings } from './config/cms-config.ts';
import { adminViteConfig } from './vite.config.ts';

/**
 * Builds the admin app into `outDir` (the site's `dist/admin/`) and writes its `config.yml`
 * for the settings of `contentDir`.
 */
export interface AdminBuildOptions {
  outDir: string;
  contentDir: string;
  /** Where the admin looks for `decap-server` when opened on this machine. Default: port 8081 on 127.0.0.1. */
  localBackendUrl?: string;
  /** Called with warnings worth showing in the build log. */
  warn?: (message: string) => void;
}

export async function writeAdminConfig({ outDir, contentDir, localBackendUrl, warn }: AdminBuildOptions): Promise<void> {
  const settings = readSettings(contentDir);
  if (!hasProductionRepo(settings)) {
    warn?.(
      `${join(contentDir, 'settings/site.yml')} has no cms.repo: the admin works with the local backend only until the GitHub repository is set.`,
    );
  }
  await writeFile(join(outDir, 'config.yml'), cmsConfigYaml({ settings, ...(localBackendUrl ? { localBackendUrl } : {}) }));
}

export async function buildAdmin(options: AdminBuildOptions): Promise<void> {
  await build(adminViteConfig({ outDir: options.outDir }));
  await writeAdminConfig(options);
}

// `npm run admin:build [outDir]`: the admin alone, for working on it without a site build.
if (import.meta.main) {
  const outDir = resolve(process.argv[2] ?? 'dist/admin');
  const contentDir = resolve(process.env['SZPALTA_CONTENT_DIR'] ?? 'content');
  await buildAdmin({ outDir, contentDir, warn: (message) => console.warn(message) });
  console.log(`Admin built into ${outDir}`);
}
