import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../support/build.ts';

/**
 * The admin is built from Decap's parts (`decap-cms-core` with one backend pair, the widgets
 * and the locale it needs), not from the `decap-cms-app` bundle, to stay under 1 MB of
 * initial JavaScript. `decap-cms-app` is kept as a development dependency to name the Decap
 * release: it pins its parts to exact versions, and mixing parts of two releases is not
 * something Decap tests. To upgrade, bump `decap-cms-app` and align the versions this lists.
 */
interface PackageJson {
  version: string;
  dependencies?: Record<string, string>;
}

const readPackage = (...path: string[]) => JSON.parse(readFileSync(join(ROOT, ...path, 'package.json'), 'utf8')) as PackageJson;

describe('the Decap parts the admin is built from', () => {
  it('are the exact versions of the decap-cms-app release', () => {
    const pinned = readPackage('node_modules', 'decap-cms-app').dependencies ?? {};
    const parts = Object.keys(readPackage().dependencies ?? {}).filter((name) => name.startsWith('decap-cms-'));
    expect(parts.length).toBeGreaterThan(5);
    const mismatches = parts.flatMap((name) => {
      const installed = readPackage('node_modules', name).version;
      const wanted = pinned[name];
      if (wanted === undefined) return [`${name} is not part of decap-cms-app`];
      return installed === wanted ? [] : [`${name}: installed ${installed}, decap-cms-app pins ${wanted}`];
    });
    expect(mismatches).toEqual([]);
  });
});
