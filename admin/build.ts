import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';
import { backendOrigins, cmsConfigYaml, hasProductionRepo, readSettings } from './config/cms-config.ts';
import { ADMIN_ROOT, adminViteConfig } from './vite.config.ts';
import { resolveContentDir } from '../src/content-model/content-dir.ts';

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
  /**
   * A folder that keeps the last bundle and the list of files it was made from. When none of
   * those files nor the lockfile changed, the bundle is copied from there instead of rebuilt.
   * Default: no cache, always build.
   */
  cacheDir?: string;
}

/** A CSP with `origins` added to `connect-src` and `img-src` (the git host's API, token endpoint and avatars). */
function policyWithOrigins(policy: string, origins: readonly string[]): string {
  for (const origin of origins) {
    // Origins from new URL(): checked anyway, since they are written into an attribute or a header.
    if (!/^https?:\/\/[a-z0-9.-]+(?::\d+)?$/.test(origin)) throw new Error(`CMS backend origin "${origin}" is not a plain http(s) origin`);
  }
  return policy
    .split(';')
    .map((directive) => {
      const [name = '', ...sources] = directive.trim().split(/\s+/);
      if (name !== 'connect-src' && name !== 'img-src') return directive.trim();
      return [name, ...sources, ...origins.filter((origin) => !sources.includes(origin))].join(' ');
    })
    .join('; ');
}

/** The admin page with `origins` allowed by its policy. Throws if the page has no policy. */
export function withBackendOrigins(html: string, origins: readonly string[]): string {
  const meta = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)"/.exec(html);
  if (!meta) throw new Error('admin index.html has no Content-Security-Policy meta tag');
  const [whole, start = '', policy = ''] = meta;
  return html.replace(whole, () => `${start}${policyWithOrigins(policy, origins)}"`);
}

/** A `_headers` file (Netlify, Cloudflare Pages) whose `/admin/*` policy allows `origins` too; unchanged without such a block. */
export function headersWithBackendOrigins(text: string, origins: readonly string[]): string {
  let block = '';
  return text
    .split('\n')
    .map((line) => {
      if (/^\S/.test(line)) block = line.trim();
      const header = /^(\s+Content-Security-Policy:\s*)(.*)$/i.exec(line);
      return block === '/admin/*' && header ? `${header[1] ?? ''}${policyWithOrigins(header[2] ?? '', origins)}` : line;
    })
    .join('\n');
}

export async function writeAdminConfig({ outDir, contentDir, localBackendUrl, warn }: AdminBuildOptions): Promise<void> {
  const settings = readSettings(contentDir);
  if (!hasProductionRepo(settings)) {
    warn?.(
      `${join(contentDir, 'settings/site.yml')} has no cms section: the admin works with the local backend only until the repository is set.`,
    );
  }
  await writeFile(join(outDir, 'config.yml'), cmsConfigYaml({ settings, ...(localBackendUrl ? { localBackendUrl } : {}) }));
  const origins = backendOrigins(settings);
  const page = join(outDir, 'index.html');
  await writeFile(page, withBackendOrigins(await readFile(page, 'utf8'), origins));
  // In a site build the admin sits in dist/admin/, next to the static hosts' headers file.
  const headersFile = join(outDir, '..', '_headers');
  const headers = await readFile(headersFile, 'utf8').catch(() => undefined);
  if (headers !== undefined) await writeFile(headersFile, headersWithBackendOrigins(headers, origins));
}

const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Files that shape the bundle besides its module graph: the build configuration and the dependencies' versions. */
const FIXED_INPUTS = [join(ADMIN_ROOT, 'vite.config.ts'), join(ADMIN_ROOT, 'build.ts'), join(PROJECT_ROOT, 'package-lock.json')];

interface BundleRecord {
  /** Files of the project (not of node_modules) the bundle was made from, relative to the project. */
  inputs: string[];
  /** Digest of `inputs` and `FIXED_INPUTS` at the time. */
  digest: string;
}

async function digestOf(files: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const file of files)
    hash
      .update(file)
      .update('\u0000')
      .update(await readFile(resolve(PROJECT_ROOT, file)))
      .update('\u0000');
  return hash.digest('hex');
}

/** Collects the project's own files in the module graph; node_modules are covered by the lockfile. */
function inputCollector(into: Set<string>): Plugin {
  return {
    name: 'szpalta:admin-inputs',
    generateBundle() {
      for (const id of this.getModuleIds()) {
        const path = id.split('?')[0] ?? id;
        if (!isAbsolute(path) || path.includes('/node_modules/')) continue;
        into.add(relative(PROJECT_ROOT, path));
      }
    },
  };
}

/** The bundle kept in `cacheDir` when it was made from the files as they are now; undefined otherwise. */
async function reusableBundle(cacheDir: string): Promise<string | undefined> {
  try {
    const record = JSON.parse(await readFile(join(cacheDir, 'record.json'), 'utf8')) as BundleRecord;
    return (await digestOf(record.inputs)) === record.digest ? join(cacheDir, 'bundle') : undefined;
  } catch {
    // No record, or an input is gone: build.
    return undefined;
  }
}

export async function buildAdmin(options: AdminBuildOptions): Promise<void> {
  const { outDir, cacheDir } = options;
  const kept = cacheDir ? await reusableBundle(cacheDir) : undefined;
  if (kept) {
    await rm(outDir, { recursive: true, force: true });
    await cp(kept, outDir, { recursive: true });
  } else {
    const inputs = new Set<string>();
    const config = adminViteConfig({ outDir });
    await build({ ...config, plugins: [...(config.plugins ?? []), inputCollector(inputs)] });
    if (cacheDir) {
      const files = [...inputs, ...FIXED_INPUTS.map((file) => relative(PROJECT_ROOT, file))].sort();
      await rm(cacheDir, { recursive: true, force: true });
      await mkdir(cacheDir, { recursive: true });
      await cp(outDir, join(cacheDir, 'bundle'), { recursive: true });
      await writeFile(
        join(cacheDir, 'record.json'),
        JSON.stringify({ inputs: files, digest: await digestOf(files) } satisfies BundleRecord),
      );
    }
  }
  // Always written: it follows the settings of the content folder, which the bundle does not.
  await writeAdminConfig(options);
}

// `npm run admin:build [outDir]`: the admin alone, for working on it without a site build.
if (import.meta.main) {
  const outDir = resolve(process.argv[2] ?? 'dist/admin');
  const contentDir = resolveContentDir(process.cwd());
  await buildAdmin({ outDir, contentDir, warn: (message) => console.warn(message) });
  console.log(`Admin built into ${outDir}`);
}
