import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
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
  /** Highest resident memory of one process per command name (`node`, `pagefind_extended`…), in bytes (with `/proc` only). */
  peakByCommand?: Record<string, number> | undefined;
  /**
   * The processes of the tree (the measured command's own process excluded) whose resident memory
   * reached 64 MB, in the order they started: a sharded build's `astro build`s one by one.
   */
  processes?: ProcessPeak[] | undefined;
}

/** One process of a measured tree. */
export interface ProcessPeak {
  pid: number;
  command: string;
  /** Its command line, arguments separated by spaces (read when it was first seen). */
  commandLine: string;
  /** When it was first and last seen, in ms since the measured command started. */
  firstSeenMs: number;
  lastSeenMs: number;
  peakBytes: number;
}

/** The command line of process `pid`, or '' once it has ended. */
function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

/** Processes below this peak are left out of `Measurement.processes`. */
const LISTED_PROCESS_BYTES = 64 * 1024 ** 2;

const PAGE_SIZE = (() => {
  try {
    return Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).trim()) || 4096;
  } catch {
    return 4096;
  }
})();

const canReadProc = existsSync('/proc/self/statm');
const TIME_BINARY = '/usr/bin/time';

/** Resident memory of `root` and all its descendants, read from /proc: their sum, the largest, and each process's. */
function treeRss(root: number): {
  total: number;
  largest: number;
  largestCommand: string;
  byCommand: Map<string, number>;
  byPid: Map<number, { command: string; rss: number }>;
} {
  const children = new Map<number, number[]>();
  const commands = new Map<number, string>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name (field 2) may hold spaces and parentheses; the parent pid follows the last ')'.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      commands.set(Number(name), stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
      const list = children.get(parent);
      if (list) list.push(Number(name));
      else children.set(parent, [Number(name)]);
    } catch {
      // The process ended between listing and reading.
    }
  }
  let total = 0;
  let largest = 0;
  let largestCommand = '';
  const byCommand = new Map<string, number>();
  const byPid = new Map<number, { command: string; rss: number }>();
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    try {
      const rss = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_SIZE;
      const command = commands.get(pid) ?? '?';
      total += rss;
      if (rss > largest) [largest, largestCommand] = [rss, command];
      byCommand.set(command, Math.max(byCommand.get(command) ?? 0, rss));
      byPid.set(pid, { command, rss });
    } catch {
      // Ended already.
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return { total, largest, largestCommand, byCommand, byPid };
}

/**
 * Runs `command` with `args` in `cwd`, logging its output to `logFile`, and measures wall time and
 * peak memory: the summed RSS of the process tree sampled every 100 ms from /proc, or, where
 * /proc is missing, GNU time's maximum RSS (of the largest single process), or nothing.
 * Each log line starts with the seconds since the start (`[  12.3 s]`), and with `/proc` a
 * memory timeline is written beside the log (`<logFile>.memory.tsv`: seconds, summed and largest
 * resident MB, the largest process's command, once a second), so a peak can be matched with the
 * build phase the log shows at that time. Throws with the log's error lines when the command fails.
 */
export async function measure(
  command: string,
  args: string[],
  { cwd, env, logFile }: { cwd: string; env: NodeJS.ProcessEnv; logFile: string },
): Promise<Measurement> {
  const useTime = !canReadProc && existsSync(TIME_BINARY);
  const log = createWriteStream(logFile);
  const timeline = canReadProc ? createWriteStream(`${logFile}.memory.tsv`) : undefined;
  timeline?.write('seconds\tsum_mb\tlargest_mb\tlargest_command\n');
  const started = performance.now();
  const elapsed = () => ((performance.now() - started) / 1000).toFixed(1).padStart(6);
  const child = useTime
    ? spawn(TIME_BINARY, ['-v', command, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => log.write(`[${elapsed()} s] ${line}\n`));
  }
  let peak = 0;
  let peakProcess = 0;
  const peakByCommand = new Map<string, number>();
  const processes = new Map<number, ProcessPeak>();
  let samples = 0;
  const sample = () => {
    const { total, largest, largestCommand, byCommand, byPid } = treeRss(child.pid as number);
    const now = performance.now() - started;
    for (const [pid, { command: name, rss }] of byPid) {
      if (pid === child.pid) continue;
      const known = processes.get(pid);
      if (known) [known.lastSeenMs, known.peakBytes] = [now, Math.max(known.peakBytes, rss)];
      else processes.set(pid, { pid, command: name, commandLine: commandLine(pid), firstSeenMs: now, lastSeenMs: now, peakBytes: rss });
    }
    peak = Math.max(peak, total);
    peakProcess = Math.max(peakProcess, largest);
    for (const [name, rss] of byCommand) peakByCommand.set(name, Math.max(peakByCommand.get(name) ?? 0, rss));
    const megabytes = (bytes: number) => Math.round(bytes / 1024 ** 2);
    if (samples++ % 10 === 0) timeline?.write(`${elapsed().trim()}\t${megabytes(total)}\t${megabytes(largest)}\t${largestCommand}\n`);
  };
  const sampler = canReadProc && child.pid !== undefined ? setInterval(sample, 100) : undefined;
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const wallMs = performance.now() - started;
  if (sampler) clearInterval(sampler);
  await new Promise((resolve) => log.end(resolve));
  if (timeline) await new Promise((resolve) => timeline.end(resolve));
  const text = stripVTControlCharacters(await readFile(logFile, 'utf8'));
  if (code !== 0) {
    const errors = text
      .split('\n')
      .filter((line) => /\[ERROR\]|Error\b/.test(line))
      .slice(0, 10);
    throw new Error(`${command} ${args.join(' ')} failed (exit ${code}) in ${cwd}:\n${errors.join('\n')}\nFull log: ${logFile}`);
  }
  if (canReadProc) {
    return {
      wallMs,
      peakRssBytes: peak,
      memoryMethod: 'proc',
      peakProcessBytes: peakProcess,
      peakByCommand: Object.fromEntries(peakByCommand),
      processes: [...processes.values()].filter((entry) => entry.peakBytes >= LISTED_PROCESS_BYTES),
    };
  }
  const kilobytes = /Maximum resident set size \(kbytes\): (\d+)/.exec(text)?.[1];
  return kilobytes
    ? { wallMs, peakRssBytes: Number(kilobytes) * 1024, memoryMethod: 'time' }
    : { wallMs, peakRssBytes: undefined, memoryMethod: 'none' };
}
