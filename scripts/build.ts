/**
 * `npm run build`: the site build, whole or in shards (`--help` for the options).
 *
 * A sharded build checks the content once, writes each shard's plan (its part of the global
 * index of every article's front matter, `scripts/shards/plan.ts`), runs one `astro build` per
 * shard one after another,
 * each with its own cache and output folder, skipping a shard whose input digest is unchanged
 * since its last successful build, and assembles `dist/` from the shards' outputs
 * (`scripts/shards/assemble.ts`).
 *
 * After an edit, a shard whose code, settings and set of pages are as at its last build is not
 * built again: the plan names the pages whose digest changed (`ShardUnits`), one `astro build`
 * (the patch) renders those pages of all such shards together, and the driver copies them into
 * the shards' outputs and indexes again the search bundle of a shard whose own articles changed.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, lstat, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContent, formatSummary, formatText } from '../content-check/index.ts';
import { parseYaml } from '../src/content-model/yaml.ts';
import { discoverContent } from '../src/content-model/index.ts';
import { getCommentCounts } from '../src/lib/comments.ts';
import { listShardFiles, PATCH_SHARD, SHARD_ENV, shardOfSlug, type ShardPlan } from '../src/lib/shards.ts';
import { assemble, patchSite, type ShardOutput, type SiteChange } from './shards/assemble.ts';
import {
  AUTO_SHARD_ABOVE,
  AUTO_SHARD_MIN,
  AUTO_SHARD_SIZE,
  autoShardCount,
  LIST_PAGES_PER_SHARD,
  planShards,
  unitsDigest,
  type ShardInput,
  type ShardUnits,
} from './shards/plan.ts';
import { resolveContentDir } from '../src/content-model/content-dir.ts';
import { parseCommandLine } from './command-line.ts';
import { shardSearchIndex, writeSearchIndex } from '../src/integrations/pagefind.ts';

const usage = `Usage: npm run build [-- options]

Builds the site into dist/. Without --shards, a content folder of at most ${AUTO_SHARD_ABOVE.toLocaleString('en')} articles is built
by one \`astro build\`, as always; a larger one is built in shards of about ${AUTO_SHARD_SIZE.toLocaleString('en')} articles, at least ${AUTO_SHARD_MIN}.

Options:
  --shards N     build N article shards and one lists shard, one after another, then assemble
                 dist/; a shard whose inputs did not change since its last build is kept, one
                 with only some pages changed is patched (one astro build renders those pages)
  --plan-only    with --shards: check the content, write each shard's plan and the shard list
                 (<cache>/shards/plans/<shard>.json, shards.json), build nothing (CI's plan job)
  --list-shards M
                 with --shards: split the list pages (archive, tags, authors) over M lists
                 shards (default: one per ${LIST_PAGES_PER_SHARD.toLocaleString('en')} list pages)
  --only NAME    with --shards: build only the shard NAME (lists, lists-2, articles-1, …) from
                 the plan that --plan-only wrote, no assembly (CI's matrix job)
  --help         show this text

Environment:
  SZPALTA_CONTENT_DIR   the content folder (default content/)
  SZPALTA_CACHE_DIR     Astro's cache folder (default node_modules/.astro/); a sharded build keeps
                        its state in <cache>/shards/<shard>/ (cache, output, input digest)
  SZPALTA_BUILD_TIME    the moment that decides what is published (ISO 8601; default now); every
                        shard and every job of one sharded build must use the same`;

const values = parseCommandLine(
  {
    shards: { type: 'string' },
    'plan-only': { type: 'boolean', default: false },
    only: { type: 'string' },
    'list-shards': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
  usage,
);

const root = process.cwd();
const contentDir = resolveContentDir(root);
const cacheDir = resolve(root, process.env['SZPALTA_CACHE_DIR'] ?? 'node_modules/.astro');
const stateDir = join(cacheDir, 'shards');
const outDir = join(root, 'dist');
const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');

function fail(message: string, code = 2): never {
  console.error(`build: ${message}`);
  process.exit(code);
}

/** Runs a Node script (Astro's, this one) with extra environment variables; resolves with its exit code. */
function runNode(args: string[], env: Record<string, string>): Promise<number> {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: 'inherit' });
  return new Promise((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise(code ?? (signal ? 128 : 1)));
  });
}

const astroBuild = (env: Record<string, string>) => runNode([astro, 'build'], env);

const articleCount = () => discoverContent(contentDir).entries.filter((entry) => entry.collection === 'articles').length;

let shards: number;
if (values.shards === undefined) {
  if (values['plan-only'] || values.only !== undefined) fail('--plan-only and --only go with --shards N');
  const count = articleCount();
  if (count <= AUTO_SHARD_ABOVE) process.exit(await astroBuild({}));
  shards = autoShardCount(count);
  console.log(`[build] ${count.toLocaleString('en')} articles: building in ${shards} shards (npm run build -- --shards N to choose)`);
} else {
  shards = Number(values.shards);
  if (!Number.isInteger(shards) || shards < 1) fail(`--shards takes a whole number of at least 1, got "${values.shards}"`);
}

let listShards: number | undefined;
if (values['list-shards'] !== undefined) {
  listShards = Number(values['list-shards']);
  if (!Number.isInteger(listShards) || listShards < 1)
    fail(`--list-shards takes a whole number of at least 1, got "${values['list-shards']}"`);
}

const timeText = process.env[SHARD_ENV.buildTime];
const buildTime = timeText ? new Date(timeText) : new Date();
if (Number.isNaN(buildTime.getTime())) fail(`${SHARD_ENV.buildTime}="${timeText ?? ''}" is not a date and time (ISO 8601)`);

const plansDir = join(stateDir, 'plans');
const planFile = (name: string) => join(plansDir, `${name}.json`);
/** A shard's digests page by page, as planned (`ShardUnits`). */
const plannedUnitsFile = (name: string) => join(plansDir, `${name}.units.json`);
/** The shards a patch renders pages of (`PatchTarget[]`); absent when nothing is patched. */
const patchTargetsFile = join(plansDir, 'patch-targets.json');
const inputsFile = join(stateDir, 'shards.json');
const digestFile = (name: string) => join(stateDir, name, 'digest');
/** The digests of the pages of a shard's output as it is (written with its digest). */
const builtUnitsFile = (name: string) => join(stateDir, name, 'units.json');
const shardOut = (name: string) => join(stateDir, name, 'dist');

/** Pages of one shard that a patch renders again. */
interface PatchTarget {
  name: string;
  files: string[];
  /** Its own articles changed: its search bundle is written again. */
  reindex: boolean;
}
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * One cache of transformed images for all shards (and the patch): a photo on the cards of
 * several shards is encoded once (Astro keys each file by its source and options).
 */
async function shareImageCache(name: string): Promise<void> {
  const assets = join(stateDir, name, 'cache', 'assets');
  await mkdir(join(stateDir, 'assets'), { recursive: true });
  await mkdir(dirname(assets), { recursive: true });
  if (!(await lstat(assets).catch(() => undefined))?.isSymbolicLink()) {
    await rm(assets, { recursive: true, force: true });
    // Relative, so that a cache restored at another path (CI) still points at it.
    await symlink(relative(dirname(assets), join(stateDir, 'assets')), assets);
  }
}

/** Records that a shard's output is that of `input`: its page digests, then its digest. */
async function markBuilt(input: ShardInput): Promise<void> {
  if (existsSync(plannedUnitsFile(input.name))) await copyFile(plannedUnitsFile(input.name), builtUnitsFile(input.name));
  await writeFile(digestFile(input.name), input.digest);
}

/** Builds one shard unless its output of the same inputs is there; gives back what it did. */
async function buildShard(input: ShardInput): Promise<'built' | 'kept'> {
  const previous = await readFile(digestFile(input.name), 'utf8').catch(() => '');
  if (previous === input.digest && existsSync(shardOut(input.name))) return 'kept';
  // No digest while building: a build that fails half-way is never taken for a finished one.
  await rm(digestFile(input.name), { force: true });
  await shareImageCache(input.name);
  const code = await astroBuild({
    [SHARD_ENV.shard]: input.shard,
    [SHARD_ENV.plan]: planFile(input.name),
    [SHARD_ENV.outDir]: shardOut(input.name),
    [SHARD_ENV.buildTime]: buildTime.toISOString(),
    SZPALTA_CONTENT_DIR: contentDir,
    SZPALTA_CACHE_DIR: join(stateDir, input.name, 'cache'),
  });
  if (code !== 0) fail(`shard ${input.name} failed (astro build exited with ${code}); dist/ was not changed`, 1);
  const search = shardSearchIndex(input.name);
  if (search) {
    const pages = await writeSearchIndex(shardOut(input.name), search.glob, search.folder).catch((error: unknown) =>
      fail(`shard ${input.name}: ${error instanceof Error ? error.message : String(error)}; dist/ was not changed`, 1),
    );
    console.log(`[build] shard ${input.name}: search index of ${pages.toLocaleString('en')} pages`);
  }
  await markBuilt(input);
  return 'built';
}

/**
 * The pages of a shard that a patch can render again instead of a whole build: its output is
 * complete and was made from the same code, settings and set of pages, only some pages' digests
 * differ. `undefined` when the shard must be built whole (or kept, when nothing differs).
 */
async function patchTarget(name: string, planned: ShardUnits, digest: string): Promise<PatchTarget | undefined> {
  const built = await readFile(builtUnitsFile(name), 'utf8')
    .then((text) => JSON.parse(text) as ShardUnits)
    .catch(() => undefined);
  const finished = await readFile(digestFile(name), 'utf8').catch(() => '');
  if (!built || finished !== unitsDigest(built) || finished === digest || !existsSync(shardOut(name))) return undefined;
  if (built.base !== planned.base) return undefined;
  const files = Object.keys(planned.files);
  if (files.length !== Object.keys(built.files).length || files.some((file) => built.files[file] === undefined)) return undefined;
  return { name, files: files.filter((file) => built.files[file] !== planned.files[file]), reindex: built.search !== planned.search };
}

/**
 * Renders the pages the targets name in one `astro build` (the patch) and puts them into the
 * shards' outputs; a shard whose own articles changed gets its search bundle written again.
 * Gives back the patch's `_astro/` files.
 */
async function patchShards(targets: readonly PatchTarget[], inputs: readonly ShardInput[]): Promise<string[]> {
  const out = shardOut(PATCH_SHARD);
  await rm(out, { recursive: true, force: true });
  await shareImageCache(PATCH_SHARD);
  const code = await astroBuild({
    [SHARD_ENV.shard]: PATCH_SHARD,
    [SHARD_ENV.plan]: planFile(PATCH_SHARD),
    [SHARD_ENV.outDir]: out,
    [SHARD_ENV.buildTime]: buildTime.toISOString(),
    SZPALTA_CONTENT_DIR: contentDir,
    SZPALTA_CACHE_DIR: join(stateDir, PATCH_SHARD, 'cache'),
  });
  if (code !== 0) fail(`the patch failed (astro build exited with ${code}); dist/ was not changed`, 1);
  // Images of the patched pages (hashed names: an existing file is the same file).
  const assets = await readdir(join(out, '_astro')).catch(() => [] as string[]);
  for (const target of targets) {
    const input = inputs.find((candidate) => candidate.name === target.name);
    if (!input) throw new Error(`patch: ${target.name} is not in the plan`);
    // No digest while the output changes: a patch cut short leaves a shard that is built whole next time.
    await rm(digestFile(target.name), { force: true });
    for (const file of target.files) {
      const from = join(out, file);
      if (!existsSync(from)) fail(`the patch did not render ${file} of shard ${target.name}; dist/ was not changed`, 1);
      await mkdir(dirname(join(shardOut(target.name), file)), { recursive: true });
      await copyFile(from, join(shardOut(target.name), file));
    }
    await mkdir(join(shardOut(target.name), '_astro'), { recursive: true });
    for (const asset of assets) {
      const to = join(shardOut(target.name), '_astro', asset);
      if (!existsSync(to)) await copyFile(join(out, '_astro', asset), to);
    }
    const search = target.reindex ? shardSearchIndex(target.name) : undefined;
    if (search) {
      await rm(join(shardOut(target.name), search.folder), { recursive: true, force: true });
      const pages = await writeSearchIndex(shardOut(target.name), search.glob, search.folder).catch((error: unknown) =>
        fail(`shard ${target.name}: ${error instanceof Error ? error.message : String(error)}; dist/ was not changed`, 1),
      );
      console.log(`[build] shard ${target.name}: search index of ${pages.toLocaleString('en')} pages`);
    }
    await markBuilt(input);
  }
  return assets;
}

if (values.only !== undefined) {
  // CI's matrix job: the plan job's plan and digests, one shard.
  if (!existsSync(inputsFile)) fail(`${inputsFile} is missing: run npm run build -- --shards ${shards} --plan-only first`);
  const inputs = JSON.parse(await readFile(inputsFile, 'utf8')) as ShardInput[];
  const input = inputs.find((candidate) => candidate.name === values.only);
  if (!input) fail(`--only ${values.only}: no such shard; the plan has ${inputs.map((candidate) => candidate.name).join(', ')}`);
  if (!existsSync(planFile(input.name)))
    fail(`${planFile(input.name)} is missing: run npm run build -- --shards ${shards} --plan-only first`);
  const articleShards = inputs.filter((candidate) => !candidate.name.startsWith('lists')).length;
  if (articleShards !== shards) fail(`the plan in ${plansDir} has ${articleShards} article shards, not ${shards}`);
  const started = Date.now();
  const done = await buildShard(input);
  console.log(`[build] shard ${input.name}: ${done} (${seconds(Date.now() - started)})`);
  process.exit(0);
}

/** Checks the content, plans the shards and writes the plan and the shard list (`--plan-only`). */
async function checkAndPlan(): Promise<void> {
  const started = Date.now();
  await mkdir(stateDir, { recursive: true });
  const check = await checkContent({
    root,
    contentDir,
    publicDir: join(root, 'public'),
    now: buildTime,
    cacheFile: join(stateDir, 'content-check.json'),
  });
  if (check.errors > 0) {
    console.error(formatText(check));
    fail('the content has errors (above); nothing was built', 1);
  }
  console.log(`[build] ${formatSummary(check)}`);

  const settings = parseYaml(await readFile(join(contentDir, 'settings', 'site.yml'), 'utf8').catch(() => '')).value as {
    comments?: { enabled?: boolean; url?: string };
  } | null;
  const comments = settings?.comments;
  const commentCounts = comments?.enabled && comments.url ? await getCommentCounts(comments.url) : undefined;

  const planned = planShards({
    root,
    contentDir,
    shards,
    buildTime,
    commentCounts,
    listShards,
    readCache: join(stateDir, 'plan-read.json'),
  });
  // The shard list last: a plan job cut short leaves no list that names plans not written.
  await rm(inputsFile, { force: true });
  await rm(plansDir, { recursive: true, force: true });
  await mkdir(plansDir, { recursive: true });
  for (const [name, plan] of planned.plans) await writeFile(planFile(name), JSON.stringify(plan));
  for (const [name, units] of planned.units) await writeFile(plannedUnitsFile(name), JSON.stringify(units));
  // Shards that need only some pages rendered again (after an edit): one patch for all of them.
  // (A CI plan job has no shard outputs, so it plans no patch.)
  const targets: PatchTarget[] = [];
  for (const input of planned.shards) {
    const target = await patchTarget(input.name, planned.units.get(input.name) as ShardUnits, input.digest);
    if (target) targets.push(target);
  }
  if (targets.length > 0) {
    const plan = planned.patchPlan(new Map(targets.map((target) => [target.name, target.files])));
    await writeFile(planFile(PATCH_SHARD), JSON.stringify(plan));
    await writeFile(patchTargetsFile, JSON.stringify(targets));
  }
  await writeFile(inputsFile, JSON.stringify(planned.shards, null, 1));
  const planMs = Date.now() - started;
  console.log(
    `[build] plan: ${planned.index.length.toLocaleString('en')} articles in ${shards} article shards and ${planned.shards.length - shards} lists shard${planned.shards.length - shards === 1 ? '' : 's'} (${seconds(planMs)})`,
  );
}

if (values['plan-only']) {
  await checkAndPlan();
  process.exit(0);
}

// The check and the plan run in a process of their own: their memory (every file read once) is
// given back before the shards build.
const started = Date.now();
const planCode = await runNode(
  [fileURLToPath(import.meta.url), '--shards', String(shards), ...(listShards ? ['--list-shards', String(listShards)] : []), '--plan-only'],
  {
    [SHARD_ENV.buildTime]: buildTime.toISOString(),
  },
);
if (planCode !== 0) process.exit(planCode);
const planned = { shards: JSON.parse(await readFile(inputsFile, 'utf8')) as ShardInput[] };
const planMs = Date.now() - started;

const patchTargets = existsSync(patchTargetsFile) ? (JSON.parse(await readFile(patchTargetsFile, 'utf8')) as PatchTarget[]) : [];
const report: { name: string; done: 'built' | 'kept' | 'patched'; ms: number }[] = [];
// One after another: Astro writes part of a build's state into the project's own `.astro/`
// folder (content-assets.mjs), so two builds of one checkout at once break each other; a CI
// matrix gives every shard its own checkout.
for (const input of planned.shards) {
  if (patchTargets.some((target) => target.name === input.name)) continue;
  const shardStarted = Date.now();
  const done = await buildShard(input);
  report.push({ name: input.name, done, ms: Date.now() - shardStarted });
  console.log(
    `[build] shard ${input.name} (${input.articles.toLocaleString('en')} article pages): ${done} (${seconds(Date.now() - shardStarted)})`,
  );
}
let patchRun: { ms: number; pages: number; shards: string[] } | null = null;
let patchAssets: string[] = [];
if (patchTargets.length > 0) {
  const patchStarted = Date.now();
  patchAssets = await patchShards(patchTargets, planned.shards);
  const ms = Date.now() - patchStarted;
  patchRun = {
    ms,
    pages: patchTargets.reduce((sum, target) => sum + target.files.length, 0),
    shards: patchTargets.map((target) => target.name),
  };
  for (const target of patchTargets) report.push({ name: target.name, done: 'patched', ms });
  console.log(
    `[build] patch: ${patchTargets.map((target) => `${target.files.length.toLocaleString('en')} pages of ${target.name}`).join(', ')} (${seconds(ms)})`,
  );
}

// The previous dist/ holds the kept shards' files as they are, unless it was assembled from other shards.
const previousShards = await readFile(join(stateDir, 'assembled.json'), 'utf8').catch(() => '');
const sameLayout = previousShards === JSON.stringify(planned.shards.map((input) => input.name));
const unchanged = (name: string) => sameLayout && report.find((entry) => entry.name === name)?.done === 'kept';
/** A patched shard: the files the patch wrote (pages, new images, a new search bundle) changed, no other. */
const patched = (name: string) => {
  const target = patchTargets.find((candidate) => candidate.name === name);
  if (!sameLayout || !target) return undefined;
  const files = new Set(target.files);
  const search = target.reindex ? shardSearchIndex(name)?.folder : undefined;
  return (path: string) => files.has(path) || path.startsWith('_astro/') || (search !== undefined && path.startsWith(`${search}/`));
};
const outputs: ShardOutput[] = [];
for (const input of planned.shards) {
  const base = { name: input.name, dir: shardOut(input.name), unchanged: unchanged(input.name), patched: patched(input.name) };
  if (input.name === 'lists') {
    // The main lists shard: everything but article pages and the other lists shards' pages.
    outputs.push({ ...base, keep: () => true });
  } else if (input.name.startsWith('lists-')) {
    // Its list pages and feeds and the assets they use.
    const plan = JSON.parse(await readFile(planFile(input.name), 'utf8')) as ShardPlan;
    const own = new Set(plan.lists ? listShardFiles(plan.lists) : []);
    outputs.push({ ...base, keep: (path) => path.startsWith('_astro/') || own.has(path) });
  } else {
    const index = Number(input.shard);
    // Its articles' pages, its search bundle and the assets they use; the site's few static
    // routes, which every shard renders, come from the main lists shard.
    outputs.push({
      ...base,
      keep: (path) => {
        const [top, slug] = path.split('/');
        if (top === '_astro' || top === `pagefind-${input.name}`) return true;
        return top === 'artykuly' && slug !== undefined && shardOfSlug(slug, shards) === index;
      },
    });
  }
}
/**
 * After a patch alone (no shard built whole, the same shards as the previous dist/): what changed
 * in dist/, shard by shard; `undefined` when dist/ is assembled from all the shards' outputs.
 */
function patchedFiles(): SiteChange[] | undefined {
  if (!sameLayout || !existsSync(outDir) || report.some((entry) => entry.done === 'built')) return undefined;
  const assets = patchAssets.filter((asset) => !existsSync(join(outDir, '_astro', asset)));
  return patchTargets.map((target) => {
    const search = target.reindex ? shardSearchIndex(target.name)?.folder : undefined;
    return {
      dir: shardOut(target.name),
      files: [...target.files, ...assets.map((asset) => `_astro/${asset}`)],
      folders: search ? [search] : [],
    };
  });
}

const assembleStarted = Date.now();
await rm(join(stateDir, 'assembled.json'), { force: true });
const changes = patchedFiles();
if (changes && (await patchSite(outDir, changes))) {
  const files = changes.reduce((sum, change) => sum + change.files.length, 0);
  console.log(
    `[build] dist/: the previous site with ${files.toLocaleString('en')} files changed (${seconds(Date.now() - assembleStarted)})`,
  );
} else {
  const assembled = await assemble(outputs, outDir);
  console.log(
    `[build] dist/: ${assembled.files.toLocaleString('en')} files from ${outputs.length} shards (${seconds(Date.now() - assembleStarted)})`,
  );
}
await writeFile(join(stateDir, 'assembled.json'), JSON.stringify(planned.shards.map((input) => input.name)));
const assembleMs = Date.now() - assembleStarted;
await writeFile(
  join(stateDir, 'last-run.json'),
  JSON.stringify(
    { buildTime: buildTime.toISOString(), shards, planMs, shardRuns: report, patch: patchRun, assembleMs, totalMs: Date.now() - started },
    null,
    1,
  ),
);
const count = (done: (typeof report)[number]['done']) => report.filter((entry) => entry.done === done).length;
console.log(
  `[build] done in ${seconds(Date.now() - started)}: ${count('built')} shards built, ${count('patched')} patched, ${count('kept')} kept`,
);
