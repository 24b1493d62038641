import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { sourceIsBetter } from './image-service.ts';

/** A noisy photo-like JPEG, compressed hard, as sample and agency photos often are. */
async function photo(width: number, height: number): Promise<Uint8Array> {
  const noise = Buffer.alloc(width * height * 3);
  for (let index = 0; index < noise.length; index += 1) noise[index] = (index * 7919) % 251;
  return sharp(noise, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 40, mozjpeg: true })
    .toBuffer();
}

describe('the image service never ships a larger JPEG than its source', () => {
  it('prefers the source when a same-size JPEG came out larger', async () => {
    const source = await photo(320, 180);
    const reencoded = await sharp(source).jpeg({ quality: 95 }).toBuffer();
    expect(reencoded.length).toBeGreaterThan(source.length);
    expect(await sourceIsBetter(source, { data: reencoded, format: 'jpg' })).toBe(true);
  });

  it('keeps the transform when it is smaller, resized or another format', async () => {
    const source = await photo(320, 180);
    const smaller = await sharp(source).jpeg({ quality: 20 }).toBuffer();
    expect(await sourceIsBetter(source, { data: smaller, format: 'jpg' })).toBe(false);
    const resized = await sharp(source).resize({ width: 300 }).jpeg({ quality: 100 }).toBuffer();
    expect(await sourceIsBetter(source, { data: resized, format: 'jpg' })).toBe(false);
    const webp = await sharp(source).webp({ quality: 100 }).toBuffer();
    expect(await sourceIsBetter(source, { data: webp, format: 'webp' })).toBe(false);
  });
});
