import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const run = (script: string, args: string[]) => spawnSync(process.execPath, [script, ...args], { cwd: REPO, encoding: 'utf8' });

describe('parseCommandLine, as the commands use it', () => {
  it('refuses an unknown option with the error and the usage, exit code 2', () => {
    const result = run('scripts/build.ts', ['--shard', '3']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Unknown option '--shard'");
    expect(result.stderr).toContain('Usage: npm run build [-- options]');
    expect(result.stdout).toBe('');
  });

  it('refuses an option without its value', () => {
    const result = run('scripts/check-content.ts', ['--workers']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Option '--workers <value>' argument missing");
  });

  it('prints the usage for --help and exits with 0, building and checking nothing', () => {
    const result = run('scripts/build.ts', ['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: npm run build \[-- options\]/);
    expect(result.stdout).toContain('--plan-only');
    expect(result.stderr).toBe('');
  });
});
