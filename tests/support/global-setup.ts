import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { fixtureBuild, type FixtureBuild } from './build.ts';
import type { Variant } from './fixture.ts';

/** A fixture build, or why it failed (so that only the tests of that variant fail, with the build log). */
export type BuildOutcome = { ok: true; build: FixtureBuild } | { ok: false; error: string };

declare module 'vitest' {
  export interface ProvidedContext {
    /** The full fixture site: every feature configured. */
    site: BuildOutcome;
    /** The bare fixture site: no newsletter, no ad slots. */
    bareSite: BuildOutcome;
  }
}

async function attempt(variant: Variant): Promise<BuildOutcome> {
  try {
    const build = await fixtureBuild(variant);
    const seconds = (Date.parse(build.finishedAt) - Date.parse(build.startedAt)) / 1000;
    console.log(`[fixture] ${variant} site built in ${seconds.toFixed(1)} s: ${build.dist}`);
    return { ok: true, build };
  } catch (error) {
    console.error(`[fixture] ${variant} site failed to build`);
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Builds both fixture sites once for the whole `site` project and removes them afterwards
 * (`SZPALTA_TEST_KEEP_BUILD=1` keeps them for inspection). Each build runs in its own copy of
 * the project, so the two run in parallel.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [site, bareSite] = await Promise.all([attempt('full'), attempt('bare')]);
  project.provide('site', site);
  project.provide('bareSite', bareSite);
  return async () => {
    if (process.env['SZPALTA_TEST_KEEP_BUILD'] === '1') return;
    for (const outcome of [site, bareSite]) {
      if (outcome.ok) await rm(outcome.build.workDir, { recursive: true, force: true });
    }
  };
}
