import type { AstroLoggerDestination, AstroLoggerMessage } from 'astro';
import nodeLog from 'astro/logger/node';

/** What Astro says about one optimised image: made now (with its sizes) or copied from the cache. */
export type ImageLine = { cached: false; before: number; after: number } | { cached: true };

// Astro's line per image: `  ▶ /_astro/a.Hash_x.webp (before: 36kB, after: 13kB) (+308ms) (164/266)`,
// or `(reused cache entry)` / `(revalidated cache entry)` in place of the sizes.
const IMAGE_LINE = /^\s*▶ \/\S+ \((?:before: (\d+)kB, after: (\d+)kB|(?:reused|revalidated) cache entry)\) \(\+[^)]*\) \(\d+\/\d+\)\s*$/;
// eslint-disable-next-line no-control-regex -- the colours Astro writes are control sequences
const COLOURS = /\u001B\[[0-9;]*m/g;

/** The image Astro reports in `message`, or undefined when the message is not an image line. */
export function imageLine(message: string): ImageLine | undefined {
  const match = IMAGE_LINE.exec(message.replace(COLOURS, ''));
  if (!match) return undefined;
  const [, before, after] = match;
  return before === undefined || after === undefined ? { cached: true } : { cached: false, before: Number(before), after: Number(after) };
}

const size = (kilobytes: number) => (kilobytes < 1024 ? `${kilobytes} kB` : `${(kilobytes / 1024).toFixed(1)} MB`);

/** The one line that stands for `images`: how many were made, their total size before and after, and how many came from the cache. */
export function imageSummary(images: readonly ImageLine[]): string {
  const made = images.filter((image) => !image.cached);
  const before = made.reduce((sum, image) => sum + image.before, 0);
  const after = made.reduce((sum, image) => sum + image.after, 0);
  const parts = [
    ...(made.length > 0 ? [`${made.length} made (${size(before)} of sources → ${size(after)})`] : []),
    ...(made.length < images.length ? [`${images.length - made.length} from the cache`] : []),
  ];
  return `  ▶ ${images.length} ${images.length === 1 ? 'image' : 'images'}: ${parts.join(', ')}`;
}

/**
 * The site's log (`logger` in astro.config.mjs): Astro's own terminal output, except that the
 * line Astro prints for each optimised image is folded into one summary line, printed where the
 * image lines end. Warnings and errors, and every other line, pass unchanged. With `--verbose`
 * (when Astro sends debug messages) every image line is printed as well.
 */
export default function buildLog(config?: Record<string, unknown>): AstroLoggerDestination {
  const terminal = nodeLog(config);
  let images: ImageLine[] = [];
  let verbose = false;

  const summarise = () => {
    if (images.length === 0) return;
    terminal.write({ label: null, level: 'info', message: imageSummary(images), newLine: true });
    images = [];
  };

  return {
    write(event: AstroLoggerMessage) {
      if (event.level === 'debug') verbose = true;
      const image = event.level === 'info' ? imageLine(event.message) : undefined;
      if (image) {
        images.push(image);
        if (!verbose) return;
      } else {
        summarise();
      }
      terminal.write(event);
    },
    flush() {
      summarise();
    },
    close() {
      summarise();
    },
  };
}
