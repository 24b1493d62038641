import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PROXY_PORT } from '../admin/config/names.ts';

/**
 * `npm run dev` / `npm start`: the site with its admin (`astro dev` on 127.0.0.1:4321,
 * `/admin/` included) and the CMS's local backend (`scripts/cms-backend.ts`: decap-server on
 * 127.0.0.1, writing straight into this checkout's `content/` and nowhere else). Ctrl-C or SIGTERM stops both; when either exits,
 * the other is stopped too. Extra arguments go to `astro dev` (`npm start -- --open`).
 */

const root = fileURLToPath(new URL('../', import.meta.url));
const host = '127.0.0.1';
const sitePort = 4321;

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

for (const [port, what] of [
  [sitePort, 'the site'],
  [DEFAULT_PROXY_PORT, 'the CMS local backend'],
] as const) {
  if (!(await portFree(port))) {
    console.error(`Port ${port} on ${host} is in use, but ${what} needs it. Stop the program that holds it and run again.`);
    process.exit(1);
  }
}

const children: ChildProcess[] = [];
let stopping = false;

function start(name: string, args: string[], env: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: 'inherit' });
  child.once('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} stopped (${signal ?? `exit code ${code}`}); stopping the rest.`);
      stop(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

function stop(code: number) {
  stopping = true;
  const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
  if (running.length === 0) process.exit(code);
  let left = running.length;
  for (const child of running) {
    child.once('exit', () => {
      left -= 1;
      if (left === 0) process.exit(code);
    });
    child.kill('SIGTERM');
  }
  setTimeout(() => {
    for (const child of running) child.kill('SIGKILL');
  }, 5000).unref();
}

start('the CMS local backend', ['scripts/cms-backend.ts'], {
  BIND_HOST: host,
  PORT: String(DEFAULT_PROXY_PORT),
  MODE: 'fs',
  GIT_REPO_DIRECTORY: root,
});
start('astro dev', ['node_modules/astro/bin/astro.mjs', 'dev', '--host', host, '--port', String(sitePort), ...process.argv.slice(2)]);

console.log(`Site: http://${host}:${sitePort}/  CMS: http://${host}:${sitePort}/admin/ (choose "Zaloguj się")`);

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(0));
