import type { LocalImageService } from 'astro';
import sharpService from 'astro/assets/services/sharp';
import sharp from 'sharp';

const JPEG = new Set(['jpg', 'jpeg']);

/** One encoded image, as image services return it. */
export interface Encoded {
  data: Uint8Array;
  format: string;
}

/**
 * Qualities tried, best first, for a resized JPEG that came out larger than its JPEG source
 * (one encode each, of an image smaller than the source).
 */
export const FALLBACK_QUALITIES = [70, 60, 50, 40, 30, 20, 10] as const;

/**
 * Whether a transformed image should be replaced by its source: both are JPEG, with the same
 * pixel size and no rotation to apply, and the transform came out larger (re-encoding an
 * already well-compressed photo at the default quality does that).
 */
export async function sourceIsBetter(input: Uint8Array, output: Encoded): Promise<boolean> {
  if (!JPEG.has(output.format) || output.data.length <= input.length) return false;
  const [source, result] = await Promise.all([sharp(input).metadata(), sharp(output.data).metadata()]);
  return source.format === 'jpeg' && (source.orientation ?? 1) === 1 && source.width === result.width && source.height === result.height;
}

/**
 * A JPEG made from a JPEG source that is no larger than the source: `output` itself when it is
 * not larger (or not a JPEG made from a JPEG), the source when they have the same pixels, else
 * the first of `encode(quality)` over `FALLBACK_QUALITIES` that is not larger. Only if even the
 * lowest quality is larger (a source compressed harder than quality 10) is that smallest
 * attempt returned, and `warn` is told.
 */
export async function notLargerThanSource(
  input: Uint8Array,
  output: Encoded,
  encode: (quality: number) => Promise<Encoded>,
  warn: (message: string) => void,
): Promise<Encoded> {
  if (!JPEG.has(output.format) || output.data.length <= input.length) return output;
  if ((await sharp(input).metadata()).format !== 'jpeg') return output;
  if (await sourceIsBetter(input, output)) return { data: input, format: output.format };
  let attempt = output;
  for (const quality of FALLBACK_QUALITIES) {
    attempt = await encode(quality);
    if (attempt.data.length <= input.length) return attempt;
  }
  warn(`a resized JPEG stays larger than its source (${attempt.data.length} > ${input.length} bytes) even at quality 10`);
  return attempt;
}

/**
 * Astro's sharp service, except that it never ships a JPEG larger than the JPEG source it was
 * made from (`notLargerThanSource`). The site configures it with mozjpeg (astro.config.mjs),
 * which makes the resized JPEGs of the sample photos smaller than their sources to begin with.
 */
const service: LocalImageService = {
  ...sharpService,
  async transform(inputBuffer, transform, config, logger) {
    const output = await sharpService.transform(inputBuffer, transform, config, logger);
    return notLargerThanSource(
      inputBuffer,
      output,
      (quality) => sharpService.transform(inputBuffer, { ...transform, quality }, config, logger),
      (message) => logger.warn(`${transform.src}: ${message}`),
    );
  },
};

export default service;
