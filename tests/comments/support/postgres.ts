import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throwaway PostgreSQL server on 127.0.0.1 for one test run. */
export interface Postgres {
  url: string;
  stop: () => Promise<void>;
}

/** Debian's PostgreSQL binaries (`apt-get install -y postgresql`), newest version first; undefined when absent. */
export function postgresBin(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base)
    .filter((name) => existsSync(join(base, name, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const asPostgres = (command: string) => execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', command], { stdio: 'pipe' });

/**
 * Starts a cluster in a new temporary folder, owned by the `postgres` user (initdb refuses
 * root), listening on 127.0.0.1 and a free port with its socket in the same folder. Trust
 * authentication: it is reachable from this machine only and removed by `stop()`.
 */
export async function startPostgres(bin: string): Promise<Postgres> {
  const dir = await mkdtemp(join(tmpdir(), 'szpalta-pg-'));
  await chmod(dir, 0o755);
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  await chown(dir, uid, gid);
  const port = await freePort();
  asPostgres(`${bin}/initdb -D ${dir}/data -A trust -U postgres > ${dir}/initdb.log 2>&1`);
  asPostgres(`${bin}/pg_ctl -D ${dir}/data -o "-c listen_addresses=127.0.0.1 -p ${port} -k ${dir}" -l ${dir}/log -w start > /dev/null`);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      asPostgres(`${bin}/pg_ctl -D ${dir}/data -m fast -w stop > /dev/null`);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
