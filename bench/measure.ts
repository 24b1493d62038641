import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { stripVTControlCharacters } from 'node:util';

/** What one measured command cost. */
export interface Measurement {
  wallMs: number;
  /** Highest total resident memory of the process and all its descendants, in bytes; undefined when it could not be measured. */
  peakRssBytes: number | undefined;
  /** How the peak was measured. */
  memoryMethod: 'proc' | 'time' | 'none';
  /** Highest resident memory of any one process of the tree, in bytes (with `/proc` only). */
  peakProcessBytes?: number | undefined;
}

const PAGE_SIZE = (() => {
  try {
    return Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).trim()) || 4096;
  } catch {
    return 4096;
  }
})();

const canReadProc = existsSync('/proc/self/statm');
const TIME_BINARY = '/usr/bin/time';

/** Resident memory of `root` and all its descendants, read from /proc: their sum and the largest. */
function treeRss(root: number): { total: number; largest: number } {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name (field 2) may hold spaces and parentheses; the parent pid follows the last ')'.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(parent);
      if (list) list.push(Number(name));
      else children.set(parent, [Number(name)]);
    } catch {
      // The process ended between listing and reading.
    }
  }
  let total = 0;
  let largest = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    try {
      const rss = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_SIZE;
      total += rss;
      largest = Math.max(largest, rss);
    } catch {
      // Ended already.
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return { total, largest };
}

/**
 * Runs `command` with `args` in `cwd`, logging its output to `logFile`, and measures wall time and
 * peak memory: the summed RSS of the process tree sampled every 100 ms from /proc, or, where
 * /proc is missing, GNU time's maximum RSS (of the largest single process), or nothing.
 * Throws with the log's error lines when the command fails.
 */
export async function measure(
  command: string,
  args: string[],
  { cwd, env, logFile }: { cwd: string; env: NodeJS.ProcessEnv; logFile: string },
): Promise<Measurement> {
  const useTime = !canReadProc && existsSync(TIME_BINARY);
  const log = createWriteStream(logFile);
  const started = performance.now();
  const child = useTime
    ? spawn(TIME_BINARY, ['-v', command, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let peak = 0;
  let peakProcess = 0;
  const sample = () => {
    const { total, largest } = treeRss(child.pid as number);
    peak = Math.max(peak, total);
    peakProcess = Math.max(peakProcess, largest);
  };
  const sampler = canReadProc && child.pid !== undefined ? setInterval(sample, 100) : undefined;
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const wallMs = performance.now() - started;
  if (sampler) clearInterval(sampler);
  await new Promise((resolve) => log.end(resolve));
  const text = stripVTControlCharacters(await readFile(logFile, 'utf8'));
  if (code !== 0) {
    const errors = text
      .split('\n')
      .filter((line) => /\[ERROR\]|Error\b/.test(line))
      .slice(0, 10);
    throw new Error(`${command} ${args.join(' ')} failed (exit ${code}) in ${cwd}:\n${errors.join('\n')}\nFull log: ${logFile}`);
  }
  if (canReadProc) return { wallMs, peakRssBytes: peak, memoryMethod: 'proc', peakProcessBytes: peakProcess };
  const kilobytes = /Maximum resident set size \(kbytes\): (\d+)/.exec(text)?.[1];
  return kilobytes
    ? { wallMs, peakRssBytes: Number(kilobytes) * 1024, memoryMethod: 'time' }
    : { wallMs, peakRssBytes: undefined, memoryMethod: 'none' };
}
