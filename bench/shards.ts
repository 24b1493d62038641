/**
 * Sharded build benchmark: `npm run bench:shards -- --n 1000 --shards 4 [--keep]`.
 *
 * Generates N synthetic articles (`bench/synthetic-content.ts`) and, in private copies of this
 * repository, measures with `bench/measure.ts` (wall time, peak memory summed over the process
 * tree and of the largest process):
 * - the whole build (`npm run build`, one `astro build`), cold;
 * - the sharded build (`npm run build -- --shards S`), cold; then again with nothing changed;
 *   then after a sentence added to one article's body; then after that article's title changed.
 * Every run uses the same `SZPALTA_BUILD_TIME`. It prints a Markdown table and the driver's
 * per-shard report of each sharded run (which shards were built or kept); it writes nothing:
 * the numbers go into `bench/build-notes.md` by hand, and `npm run bench` measures the goals.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildEnvironment, createProjectCopy, nodeBinary } from '../tests/support/build.ts';
import { measure, type Measurement } from './measure.ts';
import { generateContent } from './synthetic-content.ts';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000' },
    shards: { type: 'string', default: '4' },
    keep: { type: 'boolean', default: false },
  },
});
const n = Number(values.n);
const shards = Number(values.shards);
if (!Number.isInteger(n) || n < 1) throw new Error(`--n takes a positive integer, got "${values.n}"`);
if (!Number.isInteger(shards) || shards < 1) throw new Error(`--shards takes a positive integer, got "${values.shards}"`);

const work = await mkdtemp(join(tmpdir(), `szpalta-bench-shards-${n}-`));
const contentDir = join(work, 'content');
const buildTime = new Date().toISOString();
const gb = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${(bytes / 1024 ** 3).toFixed(2)} GB`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function run(project: string, args: string[], name: string): Promise<Measurement & { report: string }> {
  const logFile = join(work, `${name}.log`);
  const env = buildEnvironment(project, contentDir, { SZPALTA_BUILD_TIME: buildTime });
  const result = await measure(nodeBinary(), [join(project, 'scripts', 'build.ts'), ...args], { cwd: project, env, logFile });
  const report = (await readFile(logFile, 'utf8'))
    .split('\n')
    .filter((line) => line.startsWith('[build] shard') || line.startsWith('[build] done') || line.startsWith('[build] plan'))
    .join('\n');
  console.log(
    `[bench:shards] ${name}: ${seconds(result.wallMs)}, ${gb(result.peakRssBytes)} (largest process ${gb(result.peakProcessBytes)})`,
  );
  if (report) console.log(report);
  return { ...result, report };
}

try {
  const load = loadavg()[0] ?? 0;
  const content = await generateContent(contentDir, n);
  const whole = join(work, 'whole');
  const sharded = join(work, 'sharded');
  await createProjectCopy(whole);
  await createProjectCopy(sharded);
  const rows: [string, Measurement][] = [];
  rows.push(['whole, cold', await run(whole, [], 'whole-cold')]);
  rows.push([`${shards} shards, cold`, await run(sharded, ['--shards', String(shards)], 'sharded-cold')]);
  rows.push([`${shards} shards, nothing changed`, await run(sharded, ['--shards', String(shards)], 'sharded-same')]);
  // The benchmark's edits (bench/build.ts): a sentence in the body of an article in the middle of the archive, then its title.
  const edited = join(contentDir, 'articles', `${content.slugs[Math.floor(n / 2)] ?? ''}.mdx`);
  await writeFile(edited, `${await readFile(edited, 'utf8')}\nRedakcja uzupełniła ten tekst o jedno zdanie.\n`);
  rows.push([`${shards} shards, after a body edit`, await run(sharded, ['--shards', String(shards)], 'sharded-body')]);
  await writeFile(edited, (await readFile(edited, 'utf8')).replace(/^title: .*$/m, 'title: "Poprawiony tytuł artykułu po korekcie"'));
  rows.push([`${shards} shards, after a title edit`, await run(sharded, ['--shards', String(shards)], 'sharded-title')]);
  const cold = rows[1]?.[1].wallMs ?? 1;
  console.log(`\n${n.toLocaleString('en')} articles, load ${load.toFixed(1)} at the start, ${new Date().toISOString().slice(0, 10)}\n`);
  console.log('| build | wall time | share of the sharded cold build | peak memory (sum) | largest process |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [name, result] of rows) {
    console.log(
      `| ${name} | ${seconds(result.wallMs)} | ${((100 * result.wallMs) / cold).toFixed(0)} % | ${gb(result.peakRssBytes)} | ${gb(result.peakProcessBytes)} |`,
    );
  }
} finally {
  if (values.keep) console.log(`[bench:shards] kept ${work}`);
  else await rm(work, { recursive: true, force: true });
}
