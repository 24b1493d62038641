import { existsSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { imageTypeProblem } from '../../src/content-model/index.ts';
import { asciiSlug } from '../../src/utils/slug.ts';

/** Where an image of the old site comes from and goes to. */
export interface PlannedImage {
  /** Absolute path in the uploads copy. */
  from: string;
  /** Path relative to the content folder (`images/wordpress/2020/01/kot.jpg`). */
  to: string;
  /** The source is a raster type the site does not take (GIF, AVIF, TIFF): it is written as WebP, animation kept. */
  toWebp: boolean;
}

/** An upload the site cannot use in any form (SVG, which can carry scripts; anything that is not an image). */
export interface RefusedImage {
  refused: string;
}

/** Raster types that sharp reads and the site does not take as they are: converted to WebP. */
const CONVERTED_TO_WEBP = new Set(['.gif', '.avif', '.tif', '.tiff']);

/**
 * Finds images of the old site in a local copy of `wp-content/uploads` and gives each one
 * an ASCII name under `content/images/wordpress/`. The same file always gets the same name;
 * a size variant (`kot-1024x683.jpg`, `kot-scaled.jpg`) resolves to the original when it is there.
 */
export class ImageStore {
  readonly planned = new Map<string, PlannedImage>();
  private readonly taken = new Set<string>();
  private readonly uploads: string | undefined;

  constructor(uploads: string | undefined) {
    this.uploads = uploads;
  }

  /** The path inside the uploads folder that an address of the old site points at, or undefined. */
  static uploadsPath(address: string): string | undefined {
    let url: URL;
    try {
      url = new URL(address, 'https://old.invalid/');
    } catch {
      return undefined;
    }
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      path = url.pathname;
    }
    const marker = path.indexOf('/wp-content/uploads/');
    if (marker >= 0) return path.slice(marker + '/wp-content/uploads/'.length);
    // WordPress.com serves uploads from <site>.files.wordpress.com/<yyyy>/<mm>/<file>.
    if (url.hostname.endsWith('.files.wordpress.com') || path.startsWith('/files/')) return path.replace(/^\/(?:files\/)?/, '');
    return undefined;
  }

  /**
   * The local image for `address`, planned for copying (converted to WebP when its type is not
   * one the site takes, `IMAGE_TYPES`); a refusal when no form of it may be served (SVG);
   * undefined when the file is not in the uploads copy.
   */
  resolve(address: string): PlannedImage | RefusedImage | undefined {
    const inside = ImageStore.uploadsPath(address);
    if (!this.uploads || !inside || inside.includes('..')) return undefined;
    const original = inside.replace(/-(?:\d+x\d+|scaled)(\.[a-z0-9]+)$/i, '$1');
    for (const candidate of original === inside ? [inside] : [original, inside]) {
      const from = join(this.uploads, candidate);
      if (!existsSync(from) || !statSync(from).isFile()) continue;
      const known = this.planned.get(from);
      if (known) return known;
      const extension = /\.[^./]*$/.exec(candidate)?.[0].toLowerCase() ?? '';
      const problem = imageTypeProblem(candidate);
      const toWebp = problem !== undefined && CONVERTED_TO_WEBP.has(extension);
      if (problem && !toWebp) return { refused: problem.message };
      const planned = { from, to: this.nameFor(candidate, toWebp ? 'webp' : undefined), toWebp };
      this.planned.set(from, planned);
      return planned;
    }
    return undefined;
  }

  private nameFor(inside: string, newExtension?: string): string {
    const parts = inside.split('/').filter(Boolean);
    const file = parts.pop() ?? 'obraz';
    const extension = newExtension ?? (/\.([a-z0-9]+)$/i.exec(file)?.[1] ?? 'jpg').toLowerCase();
    const stem = asciiSlug(file.replace(/\.[a-z0-9]+$/i, '')) || 'obraz';
    const folders = parts.map((part) => asciiSlug(part)).filter(Boolean);
    const base = posix.join('images', 'wordpress', ...folders, stem);
    let name = `${base}.${extension}`;
    for (let n = 2; this.taken.has(name); n++) name = `${base}-${n}.${extension}`;
    this.taken.add(name);
    return name;
  }
}
