import type { AstroLoggerMessage } from 'astro';
import { afterEach, describe, expect, it, vi } from 'vitest';
import buildLog, { imageLine, imageSummary } from './build-log.ts';

/** The lines Astro 7 prints for three images (coloured, as in a terminal) and the one after them. */
const made =
  '  \u001B[32m▶\u001B[39m /_astro/sejm.c2mMKSRP_ZMkRM.jpg \u001B[2m(before: 41kB, after: 36kB)\u001B[22m \u001B[2m(+102ms)\u001B[22m \u001B[2m(1/3)\u001B[22m';
const madeToo = '  ▶ /_astro/sejm.c2mMKSRP_1AAGfQ.avif (before: 41kB, after: 14kB) (+10.56s) (2/3)';
const cached = '  ▶ /_astro/ksc-nis2.CmhuTLgx_Z21sw0a.webp (reused cache entry) (+2ms) (3/3)';
const info = (message: string, label: string | null = null): AstroLoggerMessage => ({ label, level: 'info', message, newLine: true });

describe('the build log', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('reads the sizes of an image line, a cached image, and nothing else', () => {
    expect(imageLine(made)).toEqual({ cached: false, before: 41, after: 36 });
    expect(imageLine(cached)).toEqual({ cached: true });
    expect(imageLine('  ▶ src/pages/index.astro')).toBeUndefined();
    expect(imageLine('✓ Completed in 4.07s.')).toBeUndefined();
  });

  it('sums the images up in one line', () => {
    expect(imageSummary([made, madeToo, cached].flatMap((line) => imageLine(line) ?? []))).toBe(
      '  ▶ 3 images: 2 made (82 kB of sources → 50 kB), 1 from the cache',
    );
    expect(imageSummary([{ cached: true }])).toBe('  ▶ 1 image: 1 from the cache');
    expect(imageSummary([{ cached: false, before: 2048, after: 1024 }])).toBe('  ▶ 1 image: 1 made (2.0 MB of sources → 1.0 MB)');
  });

  it('prints the summary where the image lines were, and every other line, warning and error unchanged', () => {
    const printed: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (printed.push(String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (printed.push(`stderr: ${String(chunk)}`), true));
    const log = buildLog();
    log.write(info(' generating optimized images ', 'SKIP_FORMAT'));
    log.write(info(made));
    log.write({ label: 'assets', level: 'warn', message: 'a.jpg: something to read', newLine: true });
    log.write(info(madeToo));
    log.write(info(cached));
    log.write({ label: 'build', level: 'error', message: 'it broke', newLine: true });
    log.write(info('✓ Completed in 1.07s.'));
    const lines = printed.join('').split('\n').filter(Boolean);
    expect(lines.map((line) => line.replace(/^\S*\d\d:\d\d:\d\d\S* /, ''))).toEqual([
      ' generating optimized images ',
      '  ▶ 1 image: 1 made (41 kB of sources → 36 kB)',
      expect.stringMatching(/\[WARN\].*\[assets\].*a\.jpg: something to read$/),
      '  ▶ 2 images: 1 made (41 kB of sources → 14 kB), 1 from the cache',
      expect.stringMatching(/^stderr: .*\[ERROR\].*\[build\].*it broke$/),
      '✓ Completed in 1.07s.',
    ]);
  });

  it('prints every image line as well under --verbose (when Astro sends debug messages)', () => {
    const printed: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (printed.push(String(chunk)), true));
    const log = buildLog({ level: 'debug' });
    log.write({ label: 'build', level: 'debug', message: 'details', newLine: true });
    log.write(info(madeToo));
    void log.flush?.();
    expect(printed.join('')).toContain('sejm.c2mMKSRP_1AAGfQ.avif (before: 41kB, after: 14kB)');
    expect(printed.join('')).toContain('▶ 1 image: 1 made');
  });
});
