/**
 * `npm run bench:publish -- [--n 1000,5000] [--keep] [--no-write]`: the build steps of
 * `.github/workflows/deploy.yml` on a fresh clone of this repository, with the cache a previous
 * run leaves (`node_modules/.astro` and `dist/`, as `actions/cache` saves and restores them):
 *
 * - install (`npm ci`), a cold build of the sample site, and a warm one with the cache restored
 *   and nothing changed (what most scheduled runs do);
 * - for each N, N generated articles committed, a cold build whose cache is kept (the previous
 *   deploy), then a commit that publishes one article and the build of it with that cache
 *   restored: the time from an editor's publish to the built site, less GitHub's own steps
 *   (queue, checkout, cache download, Pages upload and deployment), which cannot run here.
 *
 * Writes the "publishing" section of BENCHMARKS.md.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { ROOT } from '../tests/support/build.ts';
import { measure, type Measurement } from './measure.ts';
import { writeSection } from './report-section.ts';
import { generateContent } from './synthetic-content.ts';

const exec = promisify(execFile);
const REPORT = join(ROOT, 'BENCHMARKS.md');
/** What `actions/cache` keeps between runs in deploy.yml. */
const CACHED = ['node_modules/.astro', 'dist'];

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000,5000' },
    keep: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
  },
});
const sizes = values.n.split(',').map((value) => {
  const n = Number(value.trim());
  if (!Number.isInteger(n) || n < 1) throw new Error(`--n takes positive integers separated by commas, got "${value}"`);
  return n;
});

const work = await mkdtemp(join(tmpdir(), 'szpalta-publish-'));
const clone = join(work, 'clone');
const cache = join(work, 'cache');
const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', CI: 'true' };
delete env['SZPALTA_CONTENT_DIR'];
delete env['SZPALTA_CACHE_DIR'];

const git = (...args: string[]) =>
  exec('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@szpalta.example', '-c', 'commit.gpgsign=false', ...args], {
    cwd: clone,
    maxBuffer: 64 * 1024 * 1024,
  });
let step = 0;
const run = (label: string, command: string, args: string[]): Promise<Measurement> => {
  step += 1;
  console.log(`[publish] ${label}`);
  return measure(command, args, {
    cwd: clone,
    env,
    logFile: join(work, `${String(step).padStart(2, '0')}-${label.replace(/\W+/g, '-')}.log`),
  });
};
const build = (label: string) => run(label, 'npm', ['run', 'build']);

/** actions/cache's post step: keeps what the build left. */
async function saveCache(): Promise<void> {
  await rm(cache, { recursive: true, force: true });
  for (const path of CACHED) await cp(join(clone, path), join(cache, path), { recursive: true });
}
/** A fresh runner: no cache folder, no output, then actions/cache's restore. */
async function restoreCache(): Promise<void> {
  for (const path of CACHED) await rm(join(clone, path), { recursive: true, force: true });
  for (const path of CACHED) await cp(join(cache, path), join(clone, path), { recursive: true });
}
async function clearCache(): Promise<void> {
  for (const path of CACHED) await rm(join(clone, path), { recursive: true, force: true });
}

interface Row {
  content: string;
  step: string;
  result: Measurement;
  /** The machine's 1-minute load average when the step ended: other work on the shared cores. */
  load?: number;
}
const rows: Row[] = [];
const record = (row: Row) => rows.push({ ...row, load: loadavg()[0] ?? 0 });

try {
  const { stdout: sha } = await exec('git', ['rev-parse', 'HEAD'], { cwd: ROOT });
  console.log(`[publish] cloning ${sha.trim().slice(0, 12)} into ${clone}`);
  await exec('git', ['clone', '--quiet', '--no-local', ROOT, clone]);
  await git('checkout', '--quiet', '--detach', sha.trim());

  record({
    content: 'sample site',
    step: 'install (`npm ci`, npm cache warm)',
    result: await run('npm ci', 'npm', ['ci', '--no-audit', '--no-fund']),
  });
  record({ content: 'sample site', step: 'cold build (no cache)', result: await build('sample cold') });
  await saveCache();
  await restoreCache();
  record({ content: 'sample site', step: 'warm build, nothing changed (a scheduled run)', result: await build('sample warm') });

  for (const n of sizes) {
    const content = `${n.toLocaleString('en')} articles`;
    await rm(join(clone, 'content'), { recursive: true, force: true });
    const generated = await generateContent(join(clone, 'content'), n);
    await git('add', '--all', 'content');
    await git('commit', '--quiet', '-m', `${n} generated articles`);
    await clearCache();
    record({ content, step: 'cold build (the previous deploy)', result: await build(`${n} cold`) });
    await saveCache();

    // The editor publishes one article: a new file, committed as the CMS does, dated now.
    const model = await readFile(join(clone, 'content/articles', `${generated.slugs[0] ?? ''}.mdx`), 'utf8');
    const slug = 'pilne-nowy-artykul-opublikowany-z-cms';
    const published = model
      .replace(/^title: .*$/m, 'title: "Pilne: nowy artykuł opublikowany z CMS"')
      .replace(/^pubDate: .*$/m, `pubDate: ${new Date().toISOString()}`);
    await writeFile(join(clone, 'content/articles', `${slug}.mdx`), published);
    await git('add', '--all', 'content');
    await git('commit', '--quiet', '-m', `Publish “${slug}”`);
    await restoreCache();
    record({ content, step: 'publish one article (commit → built site, cache restored)', result: await build(`${n} publish`) });
    const home = await readFile(join(clone, 'dist/index.html'), 'utf8');
    await readFile(join(clone, 'dist/artykuly', slug, 'index.html'));
    if (!home.includes(`/artykuly/${slug}/`))
      throw new Error(`the home page of the ${n}-article build does not link the published article`);
  }

  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const memory = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${(bytes / 1024 ** 3).toFixed(2)} GB`);
  const table = rows.map(
    ({ content, step: what, result, load }) =>
      `| ${content} | ${what} | ${seconds(result.wallMs)} | ${memory(result.peakRssBytes)} | ${(load ?? 0).toFixed(1)} |`,
  );
  const body = `## Publishing latency (\`npm run bench:publish\`)

\`bench/publish.ts\` runs the build steps of \`.github/workflows/deploy.yml\` on a fresh clone, with
\`node_modules/.astro\` and \`dist/\` restored the way \`actions/cache\` restores them. "Publish one
article" is the time from the commit that adds a published article to the built site with the
cache of the previous deploy: what an editor waits for, plus GitHub's own steps (queue, checkout,
cache download, Pages upload and deployment, usually under a minute), which cannot run here.
Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores shared with other work (the
last column is the 1-minute load average when each step ended; above ${cpus().length} the build waited for CPU).

| content | step | wall time | peak memory | load average after |
|---|---|---:|---:|---:|
${table.join('\n')}
`;
  console.log(`\n${body}`);
  if (!values['no-write']) {
    await writeSection(REPORT, 'publishing', body);
    console.log(`[publish] wrote ${REPORT}`);
  }
} finally {
  if (values.keep) console.log(`[publish] kept ${work}`);
  else await rm(work, { recursive: true, force: true });
}
