import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../support/build.ts';

/**
 * Decap's parts declare React 16–18 peers while the admin runs React 19. `overrides` in
 * package.json declares those peers met by our React, so that `npm ci` does not print an
 * ERESOLVE warning for each. An override is only declared for a package that either runs in
 * the admin, where the CMS browser tests (editor, preview, media library, list, menus) prove it
 * works with React 19, or that no part of the admin imports, so that React 19 never meets it.
 * Two warnings are left, about the Slate peers of the Markdown widget of `decap-cms-app` (kept
 * only to name the Decap release), which the admin does not import either (README, "What
 * `npm ci` prints").
 */

interface Locked {
  version?: string;
  peerDependencies?: Record<string, string>;
}
type Rules = Record<string, unknown>;

const readJson = (...path: string[]) => JSON.parse(readFileSync(join(ROOT, ...path), 'utf8')) as Record<string, unknown>;
const manifest = readJson('package.json') as { dependencies: Record<string, string>; overrides: Rules };
const lock = readJson('package-lock.json') as { packages: Record<string, Locked> };

/** Installed by Decap, imported by no part of the admin: their peer ranges never meet our React. */
const NEVER_IMPORTED_OVERRIDDEN = ['@reduxjs/toolkit', 'react-codemirror2', 'redux-notifications'];
/** Left to warn about their (non-React) Slate peers: the Markdown widget's serializers, not imported either. */
const NEVER_IMPORTED_WARNING = ['slate-base64-serializer', 'slate-plain-serializer'];

/** The rule `overrides` sets for dependency `peer` of the package installed at `path`, npm's way: a rule of a package holds in its subtree. */
function overrideFor(rules: Rules, path: string, peer: string): unknown {
  const chain = path
    .split('node_modules/')
    .filter(Boolean)
    .map((part) => part.replace(/\/$/, ''));
  let scopes: Rules[] = [];
  for (const name of chain) {
    const entered = [rules, ...scopes]
      .map((scope) => scope[name])
      .filter((rule): rule is Rules => typeof rule === 'object' && rule !== null);
    scopes = [...scopes, ...entered];
  }
  return scopes.map((scope) => scope[peer]).find((rule) => rule !== undefined);
}

/** Every `[path, peer, range]` whose peer range excludes the React (or React DOM) that is installed. */
function unmetReactPeers(): [string, string, string][] {
  return Object.entries(lock.packages).flatMap(([path, locked]) =>
    (['react', 'react-dom'] as const).flatMap((peer): [string, string, string][] => {
      const range = locked.peerDependencies?.[peer];
      const installed = lock.packages[`node_modules/${peer}`]?.version ?? '';
      return range !== undefined && !semver.satisfies(installed, range) ? [[path, peer, range]] : [];
    }),
  );
}

/** Package names imported by the admin's sources and by the Decap parts it bundles (their ES modules). */
function importedByTheAdmin(): Set<string> {
  const parts = Object.keys(manifest.dependencies).filter((name) => name.startsWith('decap-cms-'));
  const folders = [join(ROOT, 'admin/src'), ...parts.map((name) => join(ROOT, 'node_modules', name, 'dist/esm'))];
  const names = new Set<string>();
  for (const folder of folders) {
    for (const file of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
      if (!/\.(?:[cm]?js|tsx?)$/.test(file)) continue;
      const source = readFileSync(join(folder, file), 'utf8');
      for (const match of source.matchAll(/(?:from\s*|import\s*\(\s*|require\(\s*)['"]((?:@[^/'"]+\/)?[^/'"]+)/g))
        names.add(match[1] ?? '');
    }
  }
  return names;
}

describe("Decap's React peers", () => {
  it('are met by our React through overrides', () => {
    const unmet = unmetReactPeers();
    expect(unmet.length).toBeGreaterThan(5);
    const warned = unmet
      .filter(([path, peer]) => overrideFor(manifest.overrides, path, peer) !== `$${peer}`)
      .map(([path, peer, range]) => `${path} wants ${peer}@${range}`);
    expect(warned).toEqual([]);
  });

  it('are overridden either for a package the admin runs or for one no part of the admin imports', () => {
    const imported = importedByTheAdmin();
    // The scan finds the admin's imports: Decap's core and the parts that run in the browser tests.
    for (const name of [
      'decap-cms-core',
      'react-redux',
      'react-split-pane',
      'react-scroll-sync',
      'react-waypoint',
      'react-aria-menubutton',
    ]) {
      expect(imported, name).toContain(name);
    }
    for (const name of [...NEVER_IMPORTED_OVERRIDDEN, ...NEVER_IMPORTED_WARNING]) expect(imported, name).not.toContain(name);
    const overridden = Object.entries(manifest.overrides)
      .filter(([, rule]) => typeof rule === 'object' && rule !== null && 'react' in rule)
      .map(([name]) => name);
    expect(overridden.filter((name) => !imported.has(name)).sort()).toEqual(NEVER_IMPORTED_OVERRIDDEN);
  });
});
