/**
 * Where one `astro build` of the portal spends its memory (issue 11):
 * `npm run bench:memory -- [--n 1000] [--variants all,no-pagefind,…] [--keep]`.
 *
 * Generates N synthetic articles once, then builds a private copy of the portal cold (no cache,
 * no output) once per variant, each variant switching one part off in the copy's
 * `astro.config.mjs` or capping the V8 heap. For each build it prints the wall time, the summed
 * and the largest resident memory of the process tree, and the peak of each command (`node`,
 * Pagefind's binary…); the logs with elapsed seconds and the memory timelines
 * (`<variant>.log.memory.tsv`) stay in the work folder with `--keep`. The variants change what
 * the site is: they are measurements, never a way to build it.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createProjectCopy, nodeBinary, ROOT } from '../tests/support/build.ts';
import { measure } from './measure.ts';
import { generateContent } from './synthetic-content.ts';

const ASTRO = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');

interface Variant {
  /** What the variant switches off or limits. */
  description: string;
  /** Text replacements applied to the copy's `astro.config.mjs`; each must match. */
  config?: [string, string][];
  /** Text replacements applied to other files of the copy (paths relative to it); each must match. */
  files?: Record<string, [string, string][]>;
  /** Extra `NODE_OPTIONS`. */
  nodeOptions?: string;
}

const VARIANTS: Record<string, Variant> = {
  all: { description: 'the portal as it is' },
  'no-pagefind': { description: 'without the Pagefind integration', config: [['    pagefind(),\n', '']] },
  'no-admin': { description: 'without the admin (Decap CMS) build', config: [['    admin(),\n', '']] },
  'no-sitemap': { description: 'without @astrojs/sitemap', config: [['    sitemap({', '    false && sitemap({']] },
  'no-images': {
    description: "Astro's no-op image service instead of sharp (no transforms)",
    config: [
      [
        "image: { service: { entrypoint: './src/lib/image-service.ts' } }",
        "image: { service: { entrypoint: 'astro/assets/services/noop' } }",
      ],
    ],
  },
  'no-incremental': {
    description: 'incremental build off (no manifest of pages and transforms)',
    config: [['incrementalBuild: articleCount <= INCREMENTAL_BUILD_MAX_ARTICLES', 'incrementalBuild: false']],
  },
  'store-chunked': {
    description: 'content data store in 20 MiB chunks (experimental.collectionStorage)',
    config: [['  experimental: {\n', "  experimental: {\n    collectionStorage: 'chunked',\n"]],
  },
  'store-chunked-1m': {
    description: 'content data store in 1 MiB chunks',
    config: [['  experimental: {\n', "  experimental: {\n    collectionStorage: { type: 'chunked', chunkSize: 1024 * 1024 },\n"]],
  },
  'store-no-body': {
    description: 'rendered entries stored without their Markdown source (`entry.body`)',
    files: {
      'src/loaders/content.ts': [
        ['store.set({ id, data, body, filePath, digest, rendered });', 'store.set({ id, data, filePath, digest, rendered });'],
      ],
    },
  },
  'heap-1024': { description: 'V8 old space capped at 1,024 MB', nodeOptions: '--max-old-space-size=1024' },
  'heap-768': { description: 'V8 old space capped at 768 MB', nodeOptions: '--max-old-space-size=768' },
  'semi-16': { description: 'V8 young generation semi-space 16 MB', nodeOptions: '--max-semi-space-size=16' },
};

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000' },
    variants: { type: 'string', default: Object.keys(VARIANTS).join(',') },
    keep: { type: 'boolean', default: false },
  },
});
const n = Number(values.n);
if (!Number.isInteger(n) || n < 1) throw new Error(`--n takes a positive integer, got "${values.n}"`);
const chosen = values.variants.split(',').map((name) => name.trim());
for (const name of chosen) {
  if (!VARIANTS[name]) throw new Error(`--variants: unknown variant "${name}" (known: ${Object.keys(VARIANTS).join(', ')})`);
}

const gigabytes = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${(bytes / 1024 ** 3).toFixed(2)} GB`);

const work = await mkdtemp(join(tmpdir(), `szpalta-memory-${n}-`));
try {
  const contentDir = join(work, 'content');
  await generateContent(contentDir, n);
  console.log(`[memory] ${n} articles in ${contentDir}`);
  for (const name of chosen) {
    const variant = VARIANTS[name] as Variant;
    const project = join(work, name);
    await createProjectCopy(project);
    for (const [file, replacements] of Object.entries({ 'astro.config.mjs': variant.config ?? [], ...variant.files })) {
      let text = await readFile(join(project, file), 'utf8');
      for (const [from, to] of replacements) {
        if (!text.includes(from)) throw new Error(`variant ${name}: ${file} no longer contains ${JSON.stringify(from)}`);
        text = text.replace(from, to);
      }
      await writeFile(join(project, file), text);
    }
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      FORCE_COLOR: '0',
      SZPALTA_CONTENT_DIR: contentDir,
      SZPALTA_CACHE_DIR: join(project, '.cache'),
      ...(variant.nodeOptions ? { NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} ${variant.nodeOptions}`.trim() } : {}),
    };
    const load = loadavg()[0]?.toFixed(1);
    try {
      const result = await measure(nodeBinary(), [ASTRO, 'build'], { cwd: project, env, logFile: join(work, `${name}.log`) });
      const commands = Object.entries(result.peakByCommand ?? {})
        .filter(([, bytes]) => bytes > 20 * 1024 ** 2)
        .map(([command, bytes]) => `${command} ${gigabytes(bytes)}`)
        .join(', ');
      console.log(
        `[memory] ${name} (${variant.description}): ${(result.wallMs / 1000).toFixed(1)} s, sum ${gigabytes(result.peakRssBytes)}, largest ${gigabytes(result.peakProcessBytes)} [${commands}], load ${load}`,
      );
    } catch (error) {
      console.log(
        `[memory] ${name} (${variant.description}): failed, load ${load}\n${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (!values.keep) await rm(project, { recursive: true, force: true });
  }
} finally {
  if (values.keep) console.log(`[memory] kept ${work}`);
  else await rm(work, { recursive: true, force: true });
}
