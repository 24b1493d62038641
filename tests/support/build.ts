import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { prepareFixture, type Variant } from './fixture.ts';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Everything the site tests need to know about one fixture build. */
export interface FixtureBuild {
  variant: Variant;
  /** The built site (`--outDir`). */
  dist: string;
  /** The content folder it was built from. */
  contentDir: string;
  /** ISO time just before `astro build` started: the build's "now" is at or after it. */
  startedAt: string;
  /** ISO time just after the build finished. */
  finishedAt: string;
  /** The temporary folder holding all of the above; removed after the run. */
  workDir: string;
}

/**
 * The environment of a build in `projectDir` (a project copy) on `contentDir`: its own cache
 * folder (`<projectDir>/.cache`), no telemetry, no colours, plus `extra` (e.g. `SZPALTA_BUILD_TIME`).
 */
export function buildEnvironment(projectDir: string, contentDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    SZPALTA_CONTENT_DIR: contentDir,
    SZPALTA_CACHE_DIR: join(projectDir, '.cache'),
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ...extra,
  };
}

/**
 * Starts `astro build` in `projectDir` (a project copy) on `contentDir`, with `config` when given,
 * its own cache folder (`<projectDir>/.cache`) and no colours; stdout and stderr are piped.
 */
function spawnAstroBuild(projectDir: string, contentDir: string, config?: string) {
  const args = [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', ...(config ? ['--config', config] : [])];
  return spawn(nodeBinary(), args, {
    cwd: projectDir,
    env: buildEnvironment(projectDir, contentDir),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Resolves with the exit code of a finished child process. */
function exitCode(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
}

/**
 * Runs `astro build` in `projectDir` (a project copy) on `contentDir`, with its own cache folder
 * and no colours, and gives back the exit code and everything it printed (stdout and stderr).
 */
export async function runAstroBuild(
  projectDir: string,
  contentDir: string,
  config?: string,
): Promise<{ code: number | null; output: string }> {
  const child = spawnAstroBuild(projectDir, contentDir, config);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await exitCode(child);
  return { code, output: stripVTControlCharacters(output) };
}

/** Top-level entries of the repository that a build does not read (or that a copy must not share). */
const NOT_COPIED = new Set(['node_modules', 'dist', 'content', 'tests', 'bench', 'coverage', 'docs']);

/** Tool caches inside `node_modules` (Vite's, Astro's) that a copy keeps to itself. */
const PRIVATE_CACHES = new Set(['.vite', '.astro', '.cache', '.vite-admin']);

/**
 * Gives `dir` a `node_modules` folder of links to the repository's packages, without its cache
 * folders: Vite and Astro write caches under `<root>/node_modules/`, and those of a copy must
 * not land in the repository's.
 */
export async function linkNodeModules(dir: string): Promise<void> {
  const target = join(dir, 'node_modules');
  await mkdir(target);
  for (const entry of await readdir(join(ROOT, 'node_modules'))) {
    if (!PRIVATE_CACHES.has(entry)) await symlink(join(ROOT, 'node_modules', entry), join(target, entry));
  }
}

/**
 * Makes `dir` a private copy of the project to build from: every top-level file and folder of
 * the repository except content, output, tests and dot-folders, plus links to its packages.
 *
 * Astro keeps per-build state in `<root>/.astro/` (the list of content modules to bundle) and,
 * when the output folder is outside the working directory, in `<cwd>/.astro/.prerender/`.
 * Two builds of the same root with different content overwrite each other's files there, so a
 * fixture build never uses the repository itself as its root.
 */
export async function createProjectCopy(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const entry of await readdir(ROOT, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || NOT_COPIED.has(entry.name)) continue;
    await cp(join(ROOT, entry.name), join(dir, entry.name), { recursive: true });
  }
  await linkNodeModules(dir);
}

/** The Node that runs Astro: this process's own when it is recent enough (Astro refuses Node 20). */
export function nodeBinary(): string {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= 22) return process.execPath;
  throw new Error(
    `The fixture build needs Node 22 or newer, but the tests run on Node ${process.versions.node}. Run them through npm (npm test, npx vitest), which uses the project's Node 24.`,
  );
}

/**
 * Runs `astro build` in `projectDir` (a copy made by `createProjectCopy`) against `contentDir`,
 * writing to `<projectDir>/dist` with the Vite cache in `<projectDir>/.cache`. The log goes to
 * `logFile`; a failed build throws with the end of that log.
 */
export async function astroBuild({
  projectDir,
  contentDir,
  logFile,
}: {
  projectDir: string;
  contentDir: string;
  logFile: string;
}): Promise<void> {
  const log = createWriteStream(logFile);
  const child = spawnAstroBuild(projectDir, contentDir);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const code = await exitCode(child);
  await new Promise((resolve) => log.end(resolve));
  if (code !== 0) {
    const lines = stripVTControlCharacters(await readFile(logFile, 'utf8')).split('\n');
    const errors = lines.filter((line) => /\[ERROR\]|^\s*\w*Error\b/.test(line)).slice(0, 10);
    throw new Error(
      `astro build of ${contentDir} failed with exit code ${code}. Errors:\n${errors.join('\n')}\nLast lines of ${logFile}:\n${lines.slice(-15).join('\n')}`,
    );
  }
}

/**
 * Prepares the content folder of `variant` and builds the site from it in a project copy,
 * all inside a new temporary folder that the caller removes.
 */
export async function fixtureBuild(variant: Variant): Promise<FixtureBuild> {
  const workDir = await mkdtemp(join(tmpdir(), `szpalta-${variant}-`));
  const projectDir = join(workDir, 'project');
  const contentDir = join(workDir, 'content');
  await createProjectCopy(projectDir);
  await prepareFixture(variant, contentDir, new Date());
  const startedAt = new Date().toISOString();
  try {
    await astroBuild({ projectDir, contentDir, logFile: join(workDir, 'build.log') });
  } catch (error) {
    // Only the log is worth keeping after a failed build; the error names it.
    await Promise.all([rm(projectDir, { recursive: true, force: true }), rm(contentDir, { recursive: true, force: true })]);
    throw error;
  }
  return { variant, dist: join(projectDir, 'dist'), contentDir, startedAt, finishedAt: new Date().toISOString(), workDir };
}
