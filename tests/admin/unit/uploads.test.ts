import { describe, expect, it } from 'vitest';
import { uploadProblem } from '../../../admin/src/uploads.ts';
import { imageTypeProblem, MEDIA } from '../../../src/content-model/model.ts';

/**
 * The CMS's upload guard applies the content model's one image rule, the rule the content
 * check and the build apply to image paths: what one accepts the others accept.
 */
describe('one image rule for the CMS, the check and the build', () => {
  it('refuses an .svg sponsor logo, which the check and the build refuse too', () => {
    expect(uploadProblem({ name: 'tarcza.svg', type: 'image/svg+xml' })).toBe(
      'tarcza.svg: plik SVG może zawierać skrypty, więc serwis go nie przyjmuje; zapisz logo lub grafikę jako PNG albo WebP',
    );
    // A renamed SVG is refused by its media type as well as by its name.
    expect(uploadProblem({ name: 'tarcza.png', type: 'image/svg+xml' })).toContain('plik SVG może zawierać skrypty');
    expect(imageTypeProblem('../images/sponsors/tarcza.svg')?.message).toBe(
      '"../images/sponsors/tarcza.svg" is an SVG file, which can carry scripts, so the site does not serve it',
    );
  });

  it('accepts exactly the image types the content folder may hold', () => {
    const uploads: [string, string][] = [
      ['zdjecie.jpg', 'image/jpeg'],
      ['zdjecie.JPEG', 'image/jpeg'],
      ['logo.png', 'image/png'],
      ['logo.webp', 'image/webp'],
    ];
    for (const [name, type] of uploads) {
      expect(uploadProblem({ name, type }), name).toBeUndefined();
      expect(MEDIA.extensions, name).toContain(/\.[^.]+$/.exec(name)?.[0].toLowerCase());
    }
    for (const [name, type] of [
      ['animacja.gif', 'image/gif'],
      ['zdjecie.avif', 'image/avif'],
      ['skan.tiff', 'image/tiff'],
      ['strona.html', 'text/html'],
      ['zdjecie.png', 'image/jpeg'],
    ] as const) {
      expect(uploadProblem({ name, type }), name).toBeDefined();
      expect(imageTypeProblem(name), name).toEqual(name === 'zdjecie.png' ? undefined : expect.anything());
    }
  });
});
