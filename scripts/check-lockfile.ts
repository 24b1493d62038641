import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import semver from 'semver';

/**
 * Offline check that `package-lock.json` still describes `package.json`, the condition for
 * `npm ci` to install on a fresh clone:
 *
 * 1. the lockfile's root entry lists the same dependencies with the same ranges as
 *    `package.json` (npm copies them there on every install);
 * 2. every dependency and optional dependency (platform packages included) of every locked
 *    package resolves, the way Node resolves it (the nearest `node_modules` up the tree), to a
 *    locked package whose version is in range, or in the range `overrides` sets for it.
 *
 * Peer dependencies are left out: npm only warns about unmet peers (Decap's React 16 peers).
 *
 * `npm run check:lockfile` prints each problem; a test runs it in `npm test`. Fix a drift
 * with `npm install` and commit both files.
 */

interface LockedPackage {
  version?: string;
  name?: string;
  link?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

interface Lockfile {
  lockfileVersion?: number;
  packages?: Record<string, LockedPackage>;
}

type Manifest = Pick<LockedPackage, 'dependencies' | 'optionalDependencies' | 'peerDependencies'> & {
  devDependencies?: Record<string, string>;
  overrides?: Record<string, unknown>;
};

const SECTIONS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;

/** Where Node finds `name` for the package installed at `from` (`node_modules/a/node_modules/b`). */
function resolveFrom(packages: Record<string, LockedPackage>, from: string, name: string): [string, LockedPackage] | undefined {
  let base = from;
  for (;;) {
    const path = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
    const found = packages[path];
    if (found) return [path, found];
    if (!base) return undefined;
    const parent = base.lastIndexOf('/node_modules/');
    base = parent === -1 ? '' : base.slice(0, parent);
  }
}

/** Whether the locked package satisfies `range` (`^1.2.0`, or an alias `npm:name@^1.2.0`). */
function satisfies(locked: LockedPackage, path: string, packages: Record<string, LockedPackage>, range: string): boolean {
  const target = locked.link ? packages[(locked as { resolved?: string }).resolved ?? ''] : locked;
  const alias = /^npm:((?:@[^/]+\/)?[^@]+)@(.*)$/.exec(range);
  const wanted = alias ? (alias[2] ?? '') : range;
  if (alias && (target?.name ?? path.split('node_modules/').at(-1)) !== alias[1]) return false;
  // Tags, URLs and git specs are not version ranges; npm ci checks those against the registry.
  if (semver.validRange(wanted) === null) return true;
  const version = target?.version;
  return version !== undefined && semver.satisfies(version, wanted, { includePrerelease: true });
}

/** Every way `lockfile` fails to describe `manifest`; empty when `npm ci` can install from it. */
export function lockfileProblems(manifest: Manifest, lockfile: Lockfile): string[] {
  const problems: string[] = [];
  const packages = lockfile.packages;
  if (!packages || (lockfile.lockfileVersion ?? 0) < 2) return ['package-lock.json: not a lockfile of npm 7 or newer (no "packages")'];
  const root = packages[''] ?? {};

  for (const section of SECTIONS) {
    const declared = manifest[section] ?? {};
    const locked = (root as Manifest)[section] ?? {};
    for (const [name, range] of Object.entries(declared)) {
      if (locked[name] === undefined) problems.push(`package.json ${section}.${name} (${range}) is missing from the lockfile`);
      else if (locked[name] !== range) problems.push(`package.json ${section}.${name} is ${range}, the lockfile has ${locked[name]}`);
    }
    for (const name of Object.keys(locked)) {
      if (declared[name] === undefined) problems.push(`the lockfile has ${section}.${name}, which package.json no longer lists`);
    }
  }

  // Only overrides of a package by name with a version; nested override rules are npm's business.
  const overrides = new Map(
    Object.entries(manifest.overrides ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  for (const [path, locked] of Object.entries(packages)) {
    if (locked.link) continue;
    const wants: [string, string, string][] = [
      ...Object.entries(locked.dependencies ?? {}).map(([name, range]): [string, string, string] => [name, range, 'dependency']),
      ...Object.entries(locked.optionalDependencies ?? {}).map(([name, range]): [string, string, string] => [
        name,
        range,
        'optional dependency',
      ]),
      ...(path === ''
        ? Object.entries((root as Manifest).devDependencies ?? {}).map(([name, range]): [string, string, string] => [
            name,
            range,
            'dev dependency',
          ])
        : []),
    ];
    const owner = path || 'package.json';
    for (const [name, declared, kind] of wants) {
      const range = overrides.get(name) ?? declared;
      const found = resolveFrom(packages, path, name);
      if (!found) problems.push(`${owner}: ${kind} ${name}@${range} is not in the lockfile`);
      else if (!satisfies(found[1], found[0], packages, range)) {
        problems.push(`${owner}: ${kind} ${name}@${range} resolves to ${found[0]} ${found[1].version ?? '(no version)'}`);
      }
    }
  }
  return problems;
}

if (import.meta.main) {
  const dir = resolve(process.argv[2] ?? '.');
  const read = (file: string) => JSON.parse(readFileSync(resolve(dir, file), 'utf8')) as unknown;
  const problems = lockfileProblems(read('package.json') as Manifest, read('package-lock.json') as Lockfile);
  if (problems.length > 0) {
    console.error(
      `package-lock.json does not match package.json (run "npm install" and commit both):\n${problems.map((line) => `  - ${line}`).join('\n')}`,
    );
    process.exit(1);
  }
  console.log('package-lock.json matches package.json.');
}
