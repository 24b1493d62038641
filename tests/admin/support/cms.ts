import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildAdmin } from '../../../admin/build.ts';
import { launchChromium } from './browser.ts';
import { startDecapServer, startStaticServer, type Running } from './servers.ts';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const exec = promisify(execFile);

/** Runs git in `cwd` and returns its output. */
export async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await exec('git', args, { cwd, env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: cwd } });
  return stdout;
}

/** Everything one admin test works with. */
export interface Cms {
  workDir: string;
  /** The repository decap-server edits: `content/` copied from the test's source (a git repository in `git` mode). */
  repoDir: string;
  contentDir: string;
  /** `http://127.0.0.1:<port>/admin/` */
  adminUrl: string;
  decap: Running;
  context: BrowserContext;
  page: Page;
}

/** A CMS started by `startCms`; `close` stops it all and removes the files. */
export interface RunningCms extends Cms {
  close: () => Promise<void>;
}

/** The project's sample content. */
export const SAMPLE_CONTENT = join(ROOT, 'content');
/** The site tests' fixture content: builds on its own and covers every component and setting. */
export const FIXTURE_CONTENT = join(ROOT, 'tests/fixtures/site');

/**
 * Copies `content` into a temporary repository, starts decap-server over it, builds the
 * admin with its local backend pointing at that server, serves it and opens it in Chromium.
 */
export async function startCms({ mode, content }: { mode: 'fs' | 'git'; content: string }): Promise<RunningCms> {
  const workDir = await mkdtemp(join(tmpdir(), `szpalta-admin-${mode}-`));
  const repoDir = join(workDir, 'repo');
  const contentDir = join(repoDir, 'content');
  const cleanups: (() => Promise<unknown>)[] = [() => rm(workDir, { recursive: true, force: true })];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  };
  try {
    await mkdir(repoDir, { recursive: true });
    await cp(content, contentDir, { recursive: true });
    if (mode === 'git') {
      await git(repoDir, 'init', '--quiet', '--initial-branch=main');
      await git(repoDir, 'config', 'user.email', 'test@szpalta.example');
      await git(repoDir, 'config', 'user.name', 'Test');
      await git(repoDir, 'config', 'commit.gpgsign', 'false');
      await git(repoDir, 'add', '.');
      await git(repoDir, 'commit', '--quiet', '-m', 'Content');
    }
    const decap = await startDecapServer({ repoDir, mode });
    cleanups.push(decap.stop);
    const siteDir = join(workDir, 'site');
    // What the built site serves beside the admin (the portal logo on the login screen among it).
    await cp(join(ROOT, 'public'), siteDir, { recursive: true });
    await buildAdmin({ outDir: join(siteDir, 'admin'), contentDir, localBackendUrl: decap.url });
    const site = await startStaticServer(siteDir);
    cleanups.push(site.stop);
    const context = await launchChromium(join(workDir, 'profile'));
    cleanups.push(() => context.close());
    const page = context.pages()[0] ?? (await context.newPage());
    return { workDir, repoDir, contentDir, adminUrl: `${site.url}/admin/`, decap, context, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Opens the admin and logs in with the local backend; resolves when the collections are listed. */
export async function login(cms: Cms): Promise<void> {
  await cms.page.goto(cms.adminUrl);
  await cms.page.getByRole('button', { name: 'Zaloguj się' }).click();
  await cms.page.getByRole('heading', { name: 'Kolekcje' }).waitFor();
}

/** How `useCms` starts the CMS for a test file. */
export interface UseCmsOptions {
  /** `fs` writes files directly; `git` commits and runs the editorial workflow. */
  mode: 'fs' | 'git';
  /** The content copied into the CMS's repository (`SAMPLE_CONTENT`, `FIXTURE_CONTENT`). */
  content: string;
  /** Logs in with the local backend before the tests, so that they start on the collections screen. */
  loggedIn: boolean;
  /** Answers yes to every dialog the page opens (leaving an unsaved entry, confirming a publication). Default: false. */
  acceptDialogs?: boolean;
  /** Called with the page before the admin is opened (and so before the login), to listen to it. */
  preparePage?: (page: Page) => void;
}

/** Every field of `Cms`: the ones `useCms`'s handle reads through to the running CMS. */
const CMS_FIELDS: Record<keyof Cms, true> = {
  workDir: true,
  repoDir: true,
  contentDir: true,
  adminUrl: true,
  decap: true,
  context: true,
  page: true,
};

/**
 * Starts the CMS for the tests of the calling file (`startCms` in a `beforeAll`) and closes it
 * in an `afterAll`. The returned handle reads every field through to the running CMS: use it
 * inside tests and hooks; read before the CMS started, a field throws.
 */
export function useCms({ mode, content, loggedIn, acceptDialogs = false, preparePage }: UseCmsOptions): Cms {
  let running: RunningCms | undefined;
  beforeAll(async () => {
    running = await startCms({ mode, content });
    if (acceptDialogs) running.page.on('dialog', (dialog) => void dialog.accept());
    preparePage?.(running.page);
    if (loggedIn) await login(running);
  }, 120_000);
  afterAll(async () => {
    // Unset when startCms failed: it closed what it had started itself.
    await running?.close();
  });
  const handle = {} as Cms;
  for (const field of Object.keys(CMS_FIELDS) as (keyof Cms)[]) {
    Object.defineProperty(handle, field, {
      enumerable: true,
      get: () => {
        if (!running) throw new Error(`cms.${field} was read before the CMS started: useCms starts it in beforeAll`);
        return running[field];
      },
    });
  }
  return handle;
}
