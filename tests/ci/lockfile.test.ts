import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockfileProblems } from '../../scripts/check-lockfile.ts';
import { ROOT } from '../support/build.ts';

/** `npm ci` on a fresh clone needs a lockfile that describes package.json exactly. */

const read = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, unknown>;
interface Lock {
  lockfileVersion: number;
  packages: Record<string, Record<string, unknown>>;
}

describe('package-lock.json', () => {
  it('describes package.json, every platform package included', () => {
    expect(lockfileProblems(read('package.json'), read('package-lock.json'))).toEqual([]);
  });

  it('is reported when package.json changes without it', () => {
    const manifest = read('package.json') as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    const drifted = {
      ...manifest,
      dependencies: { ...manifest.dependencies, 'left-pad': '^1.3.0', yaml: '^3.0.0' },
    };
    expect(lockfileProblems(drifted, read('package-lock.json'))).toEqual([
      'package.json dependencies.yaml is ^3.0.0, the lockfile has ^2.9.1',
      'package.json dependencies.left-pad (^1.3.0) is missing from the lockfile',
    ]);
  });

  it('is reported when a locked package lacks an optional platform package or has one of the wrong version', () => {
    const lock = read('package-lock.json') as unknown as Lock;
    const pagefind = 'node_modules/@pagefind/windows-x64';
    expect(lock.packages[pagefind]).toBeDefined();
    const packages = Object.fromEntries(Object.entries(lock.packages).filter(([path]) => path !== pagefind));
    const binding = Object.keys(packages).find((path) => path.endsWith('@astrojs/compiler-binding-linux-arm64-gnu')) ?? '';
    packages[binding] = { ...packages[binding], version: '0.0.1' };
    const problems = lockfileProblems(read('package.json'), { ...lock, packages });
    expect(problems).toContain('node_modules/pagefind: optional dependency @pagefind/windows-x64@1.6.0 is not in the lockfile');
    expect(
      problems.some((problem) => problem.includes(`@astrojs/compiler-binding-linux-arm64-gnu@`) && problem.endsWith(`${binding} 0.0.1`)),
    ).toBe(true);
  });
});
