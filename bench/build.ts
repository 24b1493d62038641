/**
 * Build benchmark (issues 5 and 11):
 * `npm run bench -- --sizes 1000,5000 [--variants unsharded,sharded,bare,hugo] [--shard-size 2000]
 * [--runs 3] [--cold-only] [--keep] [--no-write]`.
 *
 * For each size it generates that many synthetic articles in a temporary folder, then builds
 * - `unsharded`: the full portal (a private copy of this repository, `SZPALTA_CONTENT_DIR`
 *   pointing at the content) through its build driver, as `npm run build` builds it,
 * - `sharded`: the same through the driver with `--shards ceil(size / shard size)`,
 * - `bare`: a bare Astro project with `@astrojs/mdx` and one minimal page per article, from the same MDX files,
 * - `hugo`: Debian's Hugo, one minimal page per article (skipped when it is not installed),
 * alternating their order when `--runs` is above 1 (each run cold: no cache, no output), and then
 * rebuilds each after editing one article's body, and again after editing its title, with the
 * caches of the last cold run. It reports wall time, the peak memory of the process tree (summed
 * and the largest single process) and pages per second, and writes them to BENCHMARKS.md.
 *
 * `--cold-only` skips the rebuilds (for sizes where only "does it complete, how long, how much
 * memory" is asked). `--report-only` builds nothing and rewrites BENCHMARKS.md from the results it
 * already holds and `bench/build-notes.md`. A run replaces the stored rows of the sizes and
 * variants it measured and keeps all others, so one size or one variant can be run alone.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createProjectCopy, linkNodeModules, nodeBinary, ROOT } from '../tests/support/build.ts';
import { measure, type Measurement } from './measure.ts';
import { generateContent } from './synthetic-content.ts';
import { keptSections } from './report-section.ts';
import { AUTO_SHARD_ABOVE } from '../scripts/shards/plan.ts';

const ASTRO = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
const REPORT = join(ROOT, 'BENCHMARKS.md');
/** What was measured by hand around these numbers (designs compared, rejected, not done), copied into the report. */
const NOTES = join(ROOT, 'bench', 'build-notes.md');

/** Issue 11's targets. */
const TARGETS = { peakBytesAt5000: 2 * 1024 ** 3, rebuildShare: 0.1, processBytes: 4 * 1024 ** 3 };

/** `portal` is the unsharded portal (its name in stored results), `sharded` the portal built in shards. */
type Kind = 'portal' | 'sharded' | 'bare' | 'hugo';

/** Command-line names of the kinds. */
const VARIANT_NAMES: Record<string, Kind> = { unsharded: 'portal', sharded: 'sharded', bare: 'bare', hugo: 'hugo' };

/** The portal's build driver (`npm run build`), when the project has one; before it, `astro build`. */
const DRIVER = join(ROOT, 'scripts', 'build.ts');

/** Debian's Hugo (`apt-get install hugo`), the floor of a static generator on this machine; its rows are skipped without it. */
const HUGO = '/usr/bin/hugo';
const hugoVersion = (() => {
  try {
    return /v[\d.]+/.exec(execFileSync(HUGO, ['version'], { encoding: 'utf8' }))?.[0];
  } catch {
    return undefined;
  }
})();

interface Result {
  n: number;
  kind: Kind;
  /** Median of the cold runs. */
  wallMs: number;
  /** Highest peak of the cold runs. */
  peakRssBytes: number | undefined;
  memoryMethod: Measurement['memoryMethod'];
  pages: number;
  runs: number;
  /** Undefined when the run was `--portal-only`. */
  rebuildMs?: number | undefined;
  /** One more build after changing one article's title (it shows on list pages too). */
  rebuildTitleMs?: number | undefined;
  /** Highest resident memory of any one process in the cold runs. */
  peakProcessBytes?: number | undefined;
  /** One-minute load average of the machine when this variant's runs started (others share it). */
  load?: number | undefined;
  /** Number of shards of a `sharded` build. */
  shards?: number | undefined;
  /** Highest resident memory per command name in the cold runs (`node`, Pagefind's binary…). */
  peakByCommand?: Record<string, number> | undefined;
  /** A sharded build's driver timeline of the last cold run, the body-edit and the title-edit rebuild. */
  shardRuns?: { cold: DriverRun; body?: DriverRun | undefined; title?: DriverRun | undefined } | undefined;
  date: string;
}

const { values } = parseArgs({
  options: {
    sizes: { type: 'string' },
    n: { type: 'string' },
    variants: { type: 'string', default: 'unsharded,sharded,bare,hugo' },
    'shard-size': { type: 'string', default: '2000' },
    runs: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    'cold-only': { type: 'boolean', default: false },
    'portal-only': { type: 'boolean', default: false },
    'report-only': { type: 'boolean', default: false },
  },
});
const sizes = (values.sizes ?? values.n ?? '1000').split(',').map((value) => {
  const n = Number(value.trim());
  if (!Number.isInteger(n) || n < 1) throw new Error(`--sizes takes positive integers separated by commas, got "${value}"`);
  return n;
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs takes a positive integer, got "${values.runs}"`);
const shardSize = Number(values['shard-size']);
if (!Number.isInteger(shardSize) || shardSize < 1) throw new Error(`--shard-size takes a positive integer, got "${values['shard-size']}"`);
/** `--portal-only` (the earlier name): the unsharded portal alone, cold only. */
const coldOnly = values['cold-only'] || values['portal-only'];
const requested = (values['portal-only'] ? 'unsharded' : values.variants).split(',').map((name) => {
  const kind = VARIANT_NAMES[name.trim()];
  if (!kind) throw new Error(`--variants takes ${Object.keys(VARIANT_NAMES).join(', ')} separated by commas, got "${name}"`);
  return kind;
});
if (requested.includes('hugo') && !hugoVersion) console.log(`[bench] no Hugo at ${HUGO} (apt-get install -y hugo): its rows are left out`);
if (requested.includes('sharded') && !existsSync(DRIVER)) throw new Error(`--variants sharded needs the build driver ${DRIVER}`);
const kinds: readonly Kind[] = requested.filter((kind) => kind !== 'hugo' || hugoVersion);

/** Shards of a sharded build of `n` articles: one per `--shard-size` articles (at least two). */
const shardCount = (n: number) => Math.max(2, Math.ceil(n / shardSize));

/** A minimal Astro project that renders each article's MDX body on a page of its own: the baseline. */
async function createBareProject(dir: string, contentDir: string): Promise<void> {
  await mkdir(join(dir, 'src', 'pages'), { recursive: true });
  await mkdir(join(dir, 'src', 'components'), { recursive: true });
  await linkNodeModules(dir);
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'bench-bare-astro', private: true, type: 'module' }));
  await writeFile(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  site: 'https://bench.example',
  integrations: [mdx()],
  vite: {
    build: {
      rolldownOptions: {
        // One warning per MDX module otherwise (withastro/astro#18087); printing thousands of them is not the build's work.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  },
});
`,
  );
  await writeFile(
    join(dir, 'src', 'content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
  articles: defineCollection({ loader: glob({ base: ${JSON.stringify(join(contentDir, 'articles'))}, pattern: '**/*.mdx' }) }),
};
`,
  );
  const components: Record<string, string> = {
    Figure: '<figure><img src={Astro.props.src} alt={Astro.props.alt} /><figcaption>{Astro.props.caption}</figcaption></figure>',
    Callout: '<aside><p>{Astro.props.title}</p><slot /></aside>',
    Quote: '<figure><blockquote><slot /></blockquote><figcaption>{Astro.props.author}</figcaption></figure>',
    Embed: '<p><a href={Astro.props.url}>{Astro.props.title}</a></p>',
    Ad: '<div class="ad"></div>',
  };
  for (const [name, markup] of Object.entries(components)) await writeFile(join(dir, 'src', 'components', `${name}.astro`), `${markup}\n`);
  await writeFile(
    join(dir, 'src', 'pages', '[slug].astro'),
    `---
import { getCollection, render } from 'astro:content';
${Object.keys(components)
  .map((name) => `import ${name} from '../components/${name}.astro';`)
  .join('\n')}

export async function getStaticPaths() {
  const entries = await getCollection('articles');
  return entries.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}

const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="pl">
  <head><meta charset="utf-8" /><title>{entry.data.title}</title></head>
  <body><h1>{entry.data.title}</h1><Content components={{ ${Object.keys(components).join(', ')} }} /></body>
</html>
`,
  );
}

/**
 * A minimal Hugo site with one page per article: the same files as Markdown (Hugo does not read
 * MDX; its Markdown renderer leaves the component tags out as unsafe HTML), a one-line layout,
 * no taxonomies, no RSS.
 */
async function createHugoProject(dir: string, contentDir: string): Promise<void> {
  await mkdir(join(dir, 'content', 'artykuly'), { recursive: true });
  await mkdir(join(dir, 'layouts', '_default'), { recursive: true });
  await writeFile(
    join(dir, 'hugo.toml'),
    `baseURL = 'https://bench.example/'\nlanguageCode = 'pl'\ntitle = 'Bench'\ndisableKinds = ['taxonomy', 'term', 'RSS']\n`,
  );
  await writeFile(
    join(dir, 'layouts', '_default', 'single.html'),
    '<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n',
  );
  await writeFile(
    join(dir, 'layouts', '_default', 'list.html'),
    '<!doctype html><html lang="pl"><head><title>{{ .Title }}</title></head></html>\n',
  );
  for (const name of await readdir(join(contentDir, 'articles'))) {
    await copyFile(join(contentDir, 'articles', name), join(dir, 'content', 'artykuly', name.replace(/\.mdx$/, '.md')));
  }
}

/** Applies one edit to the article at `path` in the Hugo copy as well (it reads its own copies). */
async function mirrorToHugo(project: string, path: string): Promise<void> {
  const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.mdx$/, '.md');
  await copyFile(path, join(project, 'content', 'artykuly', name));
}

async function countPages(dist: string): Promise<number> {
  const entries = await readdir(dist, { recursive: true });
  return entries.filter((entry) => entry.endsWith('.html') && !entry.startsWith('pagefind')).length;
}

/** Removes a project's build output and caches, so the next build is cold. */
async function coldStart(project: string): Promise<void> {
  for (const path of ['dist', '.astro', '.cache', 'node_modules/.astro', 'node_modules/.vite', 'resources']) {
    await rm(join(project, path), { recursive: true, force: true });
  }
}

async function build(kind: Kind, project: string, contentDir: string, logFile: string, n: number): Promise<Measurement> {
  if (kind === 'hugo') return measure(HUGO, ['--destination', 'dist', '--quiet'], { cwd: project, env: process.env, logFile });
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' };
  if (kind === 'bare') return measure(nodeBinary(), [ASTRO, 'build'], { cwd: project, env, logFile });
  env['SZPALTA_CONTENT_DIR'] = contentDir;
  env['SZPALTA_CACHE_DIR'] = join(project, '.cache');
  // The driver as `npm run build` runs it, from the copy (without npm's own process in the tree).
  // Above its threshold the driver shards on its own: the unsharded row is then one `astro build`.
  const driver = join(project, 'scripts', 'build.ts');
  if (!existsSync(driver) || (kind === 'portal' && n > AUTO_SHARD_ABOVE))
    return measure(nodeBinary(), [ASTRO, 'build'], { cwd: project, env, logFile });
  return measure(nodeBinary(), [driver, ...(kind === 'sharded' ? ['--shards', String(shardCount(n))] : [])], {
    cwd: project,
    env,
    logFile,
  });
}

/** What the build driver did in one sharded build (its `last-run.json`), with each built shard's peak memory. */
interface DriverRun {
  planMs: number;
  assembleMs: number;
  totalMs: number;
  shards: { name: string; done: 'built' | 'kept' | 'patched'; ms: number; peakBytes?: number | undefined }[];
  /** The patch (one `astro build` of the changed pages of several shards), if there was one. */
  patch?: { ms: number; pages: number; shards: string[]; peakBytes?: number | undefined } | null | undefined;
}

/**
 * The driver's record of the sharded build just measured, each built shard matched with its
 * `astro build` process (they run one after another, in the order of the record).
 */
async function driverRun(project: string, measurement: Measurement): Promise<DriverRun | undefined> {
  const file = join(project, '.cache', 'shards', 'last-run.json');
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const run = JSON.parse(text) as {
    planMs: number;
    assembleMs: number;
    totalMs: number;
    shardRuns: DriverRun['shards'];
    patch?: DriverRun['patch'];
  };
  // The driver's own process is not in the list; its other children (the plan) are not shards.
  const builds = (measurement.processes ?? []).filter((entry) => /astro\.mjs build\b/.test(entry.commandLine));
  let next = 0;
  const shards = run.shardRuns.map((shard) => ({
    ...shard,
    peakBytes: shard.done === 'built' ? builds[next++]?.peakBytes : undefined,
  }));
  // The patch runs after the shards built whole.
  const patch = run.patch ? { ...run.patch, peakBytes: builds[next]?.peakBytes } : undefined;
  return { planMs: run.planMs, assembleMs: run.assembleMs, totalMs: run.totalMs, shards, patch };
}

const median = (numbers: number[]) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** The highest peak of each command over several runs. */
function mergePeaks(runs: Record<string, number>[]): Record<string, number> {
  const merged: Record<string, number> = {};
  for (const peaks of runs) for (const [command, bytes] of Object.entries(peaks)) merged[command] = Math.max(merged[command] ?? 0, bytes);
  return merged;
}

async function benchmark(n: number): Promise<Result[]> {
  const work = await mkdtemp(join(tmpdir(), `szpalta-bench-${n}-`));
  console.log(`\n[bench] N=${n}: working in ${work}`);
  try {
    const contentDir = join(work, 'content');
    const content = await generateContent(contentDir, n);
    console.log(
      `[bench] generated ${content.articles} articles (${content.withComponents} with components), ${content.tags} tags, ${content.authors} authors`,
    );
    const projects: Record<Kind, string> = {
      portal: join(work, 'portal'),
      sharded: join(work, 'sharded'),
      bare: join(work, 'bare'),
      hugo: join(work, 'hugo'),
    };
    if (kinds.includes('portal')) await createProjectCopy(projects.portal);
    if (kinds.includes('sharded')) await createProjectCopy(projects.sharded);
    if (kinds.includes('bare')) await createBareProject(projects.bare, contentDir);
    if (kinds.includes('hugo')) await createHugoProject(projects.hugo, contentDir);

    const cold: Record<Kind, Measurement[]> = { portal: [], sharded: [], bare: [], hugo: [] };
    const load: Partial<Record<Kind, number>> = {};
    const driverRuns: { cold?: DriverRun | undefined; body?: DriverRun | undefined; title?: DriverRun | undefined } = {};
    for (let run = 1; run <= runs; run += 1) {
      // Alternate which goes first, so neither always meets the warmer disk cache.
      const order = run % 2 === 1 ? kinds : [...kinds].reverse();
      for (const kind of order) {
        await coldStart(projects[kind]);
        load[kind] ??= loadavg()[0] ?? 0;
        const result = await build(kind, projects[kind], contentDir, join(work, `${kind}-cold-${run}.log`), n);
        cold[kind].push(result);
        if (kind === 'sharded') driverRuns.cold = await driverRun(projects[kind], result);
        console.log(
          `[bench] N=${n} ${kind} cold run ${run}: ${(result.wallMs / 1000).toFixed(1)} s, ${formatBytes(result.peakRssBytes)} summed, largest process ${formatBytes(result.peakProcessBytes)} (load ${(load[kind] ?? 0).toFixed(1)})`,
        );
      }
    }
    const pages: Partial<Record<Kind, number>> = {};
    for (const kind of kinds) pages[kind] = await countPages(join(projects[kind], 'dist'));

    // One editor's change: a sentence added to the body of an article in the middle of the archive.
    const edited = join(contentDir, 'articles', `${content.slugs[Math.floor(n / 2)] ?? ''}.mdx`);
    await writeFile(edited, `${await readFile(edited, 'utf8')}\nRedakcja uzupełniła ten tekst o jedno zdanie.\n`);
    if (kinds.includes('hugo')) await mirrorToHugo(projects.hugo, edited);
    const rebuild: Partial<Record<Kind, Measurement>> = {};
    for (const kind of coldOnly ? [] : kinds) {
      const result = await build(kind, projects[kind], contentDir, join(work, `${kind}-rebuild.log`), n);
      rebuild[kind] = result;
      if (kind === 'sharded') driverRuns.body = await driverRun(projects[kind], result);
      console.log(`[bench] N=${n} ${kind} rebuild after one edit: ${(result.wallMs / 1000).toFixed(1)} s`);
    }
    // Another editor's change: a new title for the same article, shown also on its list pages and its neighbours'.
    const text = await readFile(edited, 'utf8');
    await writeFile(edited, text.replace(/^title: .*$/m, 'title: "Poprawiony tytuł artykułu po korekcie"'));
    if (kinds.includes('hugo')) await mirrorToHugo(projects.hugo, edited);
    const rebuildTitle: Partial<Record<Kind, Measurement>> = {};
    for (const kind of coldOnly ? [] : kinds) {
      const result = await build(kind, projects[kind], contentDir, join(work, `${kind}-rebuild-title.log`), n);
      rebuildTitle[kind] = result;
      if (kind === 'sharded') driverRuns.title = await driverRun(projects[kind], result);
      console.log(`[bench] N=${n} ${kind} rebuild after a title edit: ${(result.wallMs / 1000).toFixed(1)} s`);
    }

    const date = new Date().toISOString();
    return kinds.map((kind) => {
      const peaks = cold[kind].map((result) => result.peakRssBytes).filter((value) => value !== undefined);
      return {
        n,
        kind,
        wallMs: median(cold[kind].map((result) => result.wallMs)),
        peakRssBytes: peaks.length > 0 ? Math.max(...peaks) : undefined,
        memoryMethod: cold[kind][0]?.memoryMethod ?? 'none',
        pages: pages[kind] ?? 0,
        runs,
        rebuildMs: rebuild[kind]?.wallMs,
        rebuildTitleMs: rebuildTitle[kind]?.wallMs,
        peakProcessBytes: Math.max(...cold[kind].map((result) => result.peakProcessBytes ?? 0)) || undefined,
        peakByCommand: mergePeaks(cold[kind].map((result) => result.peakByCommand ?? {})),
        load: load[kind],
        ...(kind === 'sharded'
          ? {
              shards: shardCount(n),
              ...(driverRuns.cold ? { shardRuns: { cold: driverRuns.cold, body: driverRuns.body, title: driverRuns.title } } : {}),
            }
          : {}),
        date,
      };
    });
  } finally {
    if (values.keep) console.log(`[bench] kept ${work}`);
    else await rm(work, { recursive: true, force: true });
  }
}

function formatBytes(bytes: number | undefined): string {
  return bytes === undefined ? 'n/a' : `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function versions(): Promise<Record<string, string>> {
  const version = async (name: string) =>
    (JSON.parse(await readFile(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  const names = ['astro', '@astrojs/mdx', '@astrojs/markdown-satteri', 'vite', 'rolldown', 'pagefind', 'sharp'];
  const entries = await Promise.all(names.map(async (name) => [name, await version(name)] as const));
  return { node: process.versions.node, ...Object.fromEntries(entries) };
}

const DATA_MARK = 'bench-data';

/** Results of earlier runs kept in BENCHMARKS.md, so a run at one N keeps the others' rows. */
async function previousResults(): Promise<Result[]> {
  const text = await readFile(REPORT, 'utf8').catch(() => '');
  const json = new RegExp(`<!-- ${DATA_MARK}\\n([\\s\\S]*?)\\n-->`).exec(text)?.[1];
  return json ? (JSON.parse(json) as Result[]) : [];
}

function report(results: Result[], machine: Record<string, string>, toolVersions: Record<string, string>, notes: string): string {
  const order: Kind[] = ['bare', 'hugo', 'portal', 'sharded'];
  const sorted = [...results].sort((a, b) => a.n - b.n || order.indexOf(a.kind) - order.indexOf(b.kind));
  const label = (result: Result) =>
    ({
      portal: 'full portal',
      sharded: `full portal, ${result.shards ?? '?'} shards`,
      bare: 'bare Astro + MDX',
      hugo: `Hugo ${hugoVersion ?? ''}`.trim(),
    })[result.kind];
  const share = (ms: number | undefined, of: number) =>
    ms === undefined ? 'not measured' : `${seconds(ms)} (${((100 * ms) / of).toFixed(0)} %)`;
  const rows = sorted.map(
    (result) =>
      `| ${result.n.toLocaleString('en')} | ${label(result)} | ${seconds(result.wallMs)} | ${formatBytes(result.peakRssBytes)} | ${formatBytes(result.peakProcessBytes)} | ${result.pages.toLocaleString('en')} | ${(result.pages / (result.wallMs / 1000)).toFixed(0)} | ${share(result.rebuildMs, result.wallMs)} | ${share(result.rebuildTitleMs, result.wallMs)} | ${result.runs} | ${result.load === undefined ? 'n/a' : result.load.toFixed(1)} | ${result.date.slice(0, 10)} |`,
  );
  const sizes = [...new Set(sorted.map((result) => result.n))];
  const comparisons = sizes.flatMap((n) =>
    sorted
      .filter((portal) => portal.n === n && (portal.kind === 'portal' || portal.kind === 'sharded'))
      .map((portal) => {
        // Only rows of the same run are compared: other runs met another load on the shared machine.
        const sameRun = (kind: Kind) => sorted.find((result) => result.n === n && result.kind === kind && result.date === portal.date);
        const bare = sameRun('bare');
        const hugo = sameRun('hugo');
        const ratio = bare ? (portal.wallMs / bare.wallMs).toFixed(2) : 'n/a';
        const hugoRatio = hugo ? (portal.wallMs / hugo.wallMs).toFixed(1) : 'n/a';
        const memory = portal.peakRssBytes && bare?.peakRssBytes ? (portal.peakRssBytes / bare.peakRssBytes).toFixed(2) : 'n/a';
        const checks = [
          ...(portal.rebuildMs === undefined
            ? []
            : [
                `rebuild ${Math.max(portal.rebuildMs, portal.rebuildTitleMs ?? 0) / portal.wallMs <= TARGETS.rebuildShare ? 'meets' : 'misses'} ≤ 10 %`,
              ]),
          ...(n === 5000 && portal.peakRssBytes !== undefined
            ? [`memory ${portal.peakRssBytes <= TARGETS.peakBytesAt5000 ? 'meets' : 'misses'} ≤ 2 GB`]
            : []),
          ...(portal.peakProcessBytes !== undefined
            ? [`largest process ${portal.peakProcessBytes <= TARGETS.processBytes ? 'meets' : 'misses'} ≤ 4 GB`]
            : []),
        ];
        return `| ${n.toLocaleString('en')} | ${label(portal)} | ${ratio} | ${hugoRatio} | ${memory} | ${checks.join('; ')} |`;
      }),
  );
  const shardLines = sorted.flatMap((result) => {
    const runs = result.shardRuns;
    if (!runs) return [];
    const built = runs.cold.shards.filter((shard) => shard.done === 'built');
    const articleShards = built.filter((shard) => !shard.name.startsWith('lists'));
    const listShards = built.filter((shard) => shard.name.startsWith('lists'));
    const times = articleShards.map((shard) => shard.ms);
    const peaks = articleShards.map((shard) => shard.peakBytes ?? 0);
    const describe = (run: DriverRun | undefined, what: string) => {
      if (!run) return [];
      const rebuilt = run.shards.filter((shard) => shard.done === 'built');
      const shards = rebuilt.map((shard) => `${shard.name} ${seconds(shard.ms)}`).join(', ') || 'none';
      const kept = run.shards.filter((shard) => shard.done === 'kept').length;
      const patch = run.patch
        ? `, patch of ${run.patch.pages.toLocaleString('en')} pages of ${run.patch.shards.length} shards ${seconds(run.patch.ms)}${run.patch.peakBytes ? ` (${formatBytes(run.patch.peakBytes)})` : ''}`
        : '';
      return [
        `  - after ${what}: plan ${seconds(run.planMs)}, shards rebuilt: ${shards}${patch} (${kept} kept), assembly ${seconds(run.assembleMs)}; driver total ${seconds(run.totalMs)}`,
      ];
    };
    return [
      `- **${result.n.toLocaleString('en')} articles, ${result.shards ?? '?'} shards** (cold): plan ${seconds(runs.cold.planMs)}; ${articleShards.length} article shards of ${times.length > 0 ? seconds(median(times)) : 'n/a'} median (${seconds(Math.min(...times))}–${seconds(Math.max(...times))}), largest process ${formatBytes(median(peaks))} median, ${formatBytes(Math.max(...peaks))} at most; ${listShards.length === 1 ? 'lists shard' : `${listShards.length} lists shards`} ${listShards.length > 0 ? `${seconds(Math.max(...listShards.map((shard) => shard.ms)))}, ${formatBytes(Math.max(...listShards.map((shard) => shard.peakBytes ?? 0)))}${listShards.length > 1 ? ' at most' : ''}` : 'n/a'}; assembly ${seconds(runs.cold.assembleMs)}`,
      ...describe(runs.body, 'a body edit'),
      ...describe(runs.title, 'a title edit'),
    ];
  });
  return `# Build benchmark

Written by \`npm run bench\` (\`bench/build.ts\`); do not edit by hand. Each row is the median of the
cold runs (no cache, no output) at that size; "rebuild" is one more build after adding a sentence
to one article's body, then one more after changing its title, with the caches the builds left.

The **full portal** is this repository built with \`SZPALTA_CONTENT_DIR\` pointing at N synthetic
articles (~800 words of Polish-like text, 40 tags, 12 authors, every article with a hero photo
from a pool of six, one in five with Callout, Quote, Figure and Embed). Its pages are the articles
plus home and archive pages, tag and author pages with their feeds, the site feed, sitemaps and
the Pagefind index, built through the build driver (\`npm run build\`); **full portal, N shards** is
the same with \`npm run build -- --shards N\` (N = ceil(articles / shard size), at least 2), and
"largest process" is then the largest of its \`astro build\`s. The **bare Astro** baseline builds the same MDX files with \`@astrojs/mdx\`
into one minimal page per article (no layout, no image processing, no lists). **Hugo** (Debian's
package) builds the same files as Markdown into one minimal page per article: the floor of a
static generator on this machine.

## Results

| articles | build | wall time | peak memory (sum) | largest process | HTML pages | pages/s | rebuild after a body edit | after a title edit | runs | load | date |
|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|
${rows.join('\n')}

Ratios compare rows of the same run only ("n/a": bare Astro or Hugo was not measured in that run).

| articles | build | ÷ bare (wall time) | ÷ Hugo | peak memory ÷ bare | issue 11 targets |
|---:|---|---:|---:|---:|---|
${comparisons.join('\n')}

${shardLines.length > 0 ? `Sharded builds, shard by shard (from the driver's \`last-run.json\`; a shard's memory is its \`astro build\` process):\n\n${shardLines.join('\n')}\n\n` : ''}"load" is the machine's one-minute load average (2 cores) when the runs of that variant started:
other builds shared the machine, so times at a high load are longer than on a quiet machine.
Peak memory is the summed resident memory of the build's process tree, sampled every 100 ms
(\`/proc\`), and the largest resident memory of any one process of it; where \`/proc\` is missing it falls back to GNU time's maximum RSS of one process.

${notes.trim()}

## Machine

${Object.entries(machine)
  .map(([key, value]) => `- ${key}: ${value}`)
  .join('\n')}
- versions: ${Object.entries(toolVersions)
    .map(([name, version]) => `${name} ${version}`)
    .join(', ')}

## Run it

\`\`\`sh
npm run bench                                    # 1,000 articles, every variant, one cold run each
npm run bench -- --sizes 1000,5000 --runs 3
npm run bench -- --sizes 20000 --variants sharded  # one size, one variant (the other rows are kept)
npm run bench -- --sizes 100000 --variants sharded --cold-only --shard-size 2000
npm run bench -- --report-only                   # rewrite this file from its results and bench/build-notes.md
npm run bench:memory -- --n 1000                 # where one astro build's memory goes (parts switched off one at a time)
\`\`\`

Hugo rows need Debian's \`hugo\` (\`apt-get install -y hugo\`); without it they are left out.

<!-- ${DATA_MARK}
${JSON.stringify(sorted, null, 1)}
-->
`;
}

const results: Result[] = [];
// `--report-only` rewrites BENCHMARKS.md from the results it holds (after editing the notes).
if (!values['report-only']) for (const n of sizes) results.push(...(await benchmark(n)));

const machine = {
  CPU: `${cpus()[0]?.model.trim() ?? 'unknown'} × ${cpus().length}`,
  memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GB`,
  kernel: `Linux ${release()}`,
};
const kept = (await previousResults()).filter(
  (old) => values['report-only'] || !results.some((result) => result.n === old.n && result.kind === old.kind),
);
// Other benchmarks' sections (bench/report-section.ts) stay after the build report.
const text = `${report([...kept, ...results], machine, await versions(), await readFile(NOTES, 'utf8')).trimEnd()}\n\n${keptSections(await readFile(REPORT, 'utf8').catch(() => ''))}`;
console.log(`\n${text.slice(text.indexOf('## Results'), text.indexOf('## Machine'))}`);
if (!values['no-write']) {
  await writeFile(REPORT, text);
  console.log(`[bench] wrote ${REPORT}`);
}
