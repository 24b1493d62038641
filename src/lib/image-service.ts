import type { LocalImageService } from 'astro';
import sharpService from 'astro/assets/services/sharp';
import sharp from 'sharp';

const JPEG = new Set(['jpg', 'jpeg']);

/**
 * Whether a transformed image should be replaced by its source: both are JPEG, with the same
 * pixel size and no rotation to apply, and the transform came out larger (re-encoding an
 * already well-compressed photo at the default quality does that).
 */
export async function sourceIsBetter(input: Uint8Array, output: { data: Uint8Array; format: string }): Promise<boolean> {
  if (!JPEG.has(output.format) || output.data.length <= input.length) return false;
  const [source, result] = await Promise.all([sharp(input).metadata(), sharp(output.data).metadata()]);
  return source.format === 'jpeg' && (source.orientation ?? 1) === 1 && source.width === result.width && source.height === result.height;
}

/**
 * Astro's sharp image service, except that it never ships a JPEG larger than the source it was
 * made from: a same-size JPEG that grew is replaced by the source's bytes.
 */
const service: LocalImageService = {
  ...sharpService,
  async transform(inputBuffer, transform, config, logger) {
    const output = await sharpService.transform(inputBuffer, transform, config, logger);
    return (await sourceIsBetter(inputBuffer, output)) ? { data: inputBuffer, format: output.format } : output;
  },
};

export default service;
