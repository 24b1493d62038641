/**
 * The one image rule: the file types an image may have, wherever it is used (article hero,
 * `<Figure>` and Markdown images in bodies, author photos, sponsor logos) and whatever puts
 * it there (the content check, the site's schemas, the MDX build, the CMS's upload guard and
 * media folder). JPEG, PNG and WebP are what `astro:assets` resizes and what every browser
 * shows; a logo is a PNG or WebP with a transparent background.
 *
 * SVG is refused for every use, logos included: it is a document that may carry scripts and
 * event handlers, and although browsers run none of it inside `<img>`, the file itself is
 * served from the site's own address, where opening it directly runs its scripts with the
 * site's cookies. The site has no SVG sanitiser, so no editor-supplied SVG is served at all.
 * GIF, AVIF and TIFF are refused too: the CMS cannot hand them to every browser as they are.
 */
export const IMAGE_TYPES = [
  { extension: '.jpg', mime: 'image/jpeg' },
  { extension: '.jpeg', mime: 'image/jpeg' },
  { extension: '.png', mime: 'image/png' },
  { extension: '.webp', mime: 'image/webp' },
] as const;

/** The image types in words, for messages: English for the check, Polish for the CMS. */
export const IMAGE_TYPES_TEXT = { en: 'JPEG, PNG or WebP', pl: 'JPEG, PNG lub WebP' } as const;

/** Why a file (name, and media type when known) is not an image the site accepts, or undefined when it is. */
export interface ImageTypeProblem {
  /** English, for the check: `"…" is an SVG file: …`. */
  message: string;
  fix: string;
  /** Polish, for the CMS. */
  polish: string;
}

/**
 * Applies the one image rule (`IMAGE_TYPES`) to a path or file name, and to the media type
 * the browser reports for an upload when given. Pure: the check, the site's schemas and the
 * CMS call it.
 */
export function imageTypeProblem(name: string, mime?: string): ImageTypeProblem | undefined {
  const extension = /\.[^./]*$/.exec(name)?.[0].toLowerCase() ?? '';
  const type = IMAGE_TYPES.find((candidate) => candidate.extension === extension);
  if (type && (mime === undefined || mime === type.mime)) return undefined;
  if (extension === '.svg' || mime === 'image/svg+xml') {
    return {
      message: `"${name}" is an SVG file, which can carry scripts, so the site does not serve it`,
      fix: "save it as PNG or WebP instead; both keep a logo's transparent background",
      polish: `${name}: plik SVG może zawierać skrypty, więc serwis go nie przyjmuje; zapisz logo lub grafikę jako PNG albo WebP`,
    };
  }
  if (type) {
    return {
      message: `"${name}" is not a ${type.mime.slice('image/'.length).toUpperCase()} image although its name says so`,
      fix: `save it again as ${IMAGE_TYPES_TEXT.en} with the matching extension`,
      polish: `${name}: zawartość pliku nie zgadza się z rozszerzeniem; zapisz go ponownie jako ${IMAGE_TYPES_TEXT.pl}`,
    };
  }
  return {
    message: `"${name}" is not an image file the site accepts`,
    fix: `use a ${IMAGE_TYPES_TEXT.en} file`,
    polish: `${name}: dozwolone są tylko zdjęcia ${IMAGE_TYPES_TEXT.pl}`,
  };
}
