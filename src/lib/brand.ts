import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { h, renderSync } from 'ultrahtml';
import type { Site } from './site.ts';

type Settings = Site['settings'];

/** The default social-share image: every page without a photo of its own shows it in link previews. */
export const SOCIAL_IMAGE = { path: '/social.png', width: 1200, height: 630 } as const;

/** The publisher logo for structured data: a PNG at most 600×60, as Google's guidelines ask. */
export const PUBLISHER_LOGO = { path: '/logo.png', maxWidth: 600, maxHeight: 60 } as const;

const BRAND_RED = '#b3121b';

/**
 * The logo file named in the settings, read from `public/` (builds run from the project root).
 * Throws, naming the settings field, when the file is missing.
 */
async function logoSource(logo: NonNullable<Settings['logo']>): Promise<Buffer> {
  const file = join(process.cwd(), 'public', logo.src);
  return readFile(file).catch((error: unknown) => {
    throw new Error(`content/settings/site.yml: logo.src: ${logo.src} is not a file under public/ (${file})`, { cause: error });
  });
}

/** The portal name set in type, for a site without a logo: a serialised SVG, the name escaped as text. */
function wordmarkSvg(name: string, width: number, height: number): Buffer {
  const fontSize = Math.round(height * 0.6);
  const svg = h(
    'svg',
    { xmlns: 'http://www.w3.org/2000/svg', width: String(width), height: String(height), viewBox: `0 0 ${width} ${height}` },
    h(
      'text',
      {
        x: '50%',
        y: '50%',
        'dominant-baseline': 'central',
        'text-anchor': 'middle',
        'font-family': 'DejaVu Serif, Georgia, serif',
        'font-weight': '700',
        'font-size': String(fontSize),
        fill: '#17191c',
      },
      name,
    ),
  );
  return Buffer.from(renderSync(svg));
}

/** The logo rasterised to fit `maxWidth`×`maxHeight`, keeping its proportions. */
async function logoRaster(settings: Settings, maxWidth: number, maxHeight: number): Promise<Buffer> {
  const source = settings.logo ? await logoSource(settings.logo) : wordmarkSvg(settings.name, maxWidth, maxHeight);
  // A high density keeps an SVG sharp when it is scaled up from its nominal size.
  return sharp(source, { density: 600 }).resize({ width: maxWidth, height: maxHeight, fit: 'inside' }).png().toBuffer();
}

let publisherLogo: Promise<{ png: Buffer; width: number; height: number }> | undefined;

/** `/logo.png`: the publisher logo of the structured data, with its size. Drawn once per build. */
export function publisherLogoPng(settings: Settings): Promise<{ png: Buffer; width: number; height: number }> {
  publisherLogo ??= (async () => {
    const png = await logoRaster(settings, PUBLISHER_LOGO.maxWidth, PUBLISHER_LOGO.maxHeight);
    const { width, height } = await sharp(png).metadata();
    return { png, width, height };
  })();
  return publisherLogo;
}

/** `/social.png`: the logo centred on white with a red rule at the bottom, 1200×630. */
export async function socialImagePng(settings: Settings): Promise<Buffer> {
  const { width, height } = SOCIAL_IMAGE;
  const logo = await logoRaster(settings, 880, 200);
  const rule = await sharp({ create: { width, height: 24, channels: 3, background: BRAND_RED } })
    .png()
    .toBuffer();
  return sharp({ create: { width, height, channels: 3, background: '#ffffff' } })
    .composite([
      { input: logo, gravity: 'center' },
      { input: rule, left: 0, top: height - 24 },
    ])
    .png({ compressionLevel: 9 })
    .toBuffer();
}
