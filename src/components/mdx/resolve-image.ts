/**
 * Image files of the content folder, for components that take an image path as a string
 * prop (`<Figure src="../images/x.jpg">`): MDX props are not resolved by Astro, so the
 * component looks the file up here. `@content-images` is an alias to `<content>/images`
 * set in `astro.config.mjs`, so fixture builds find their own images.
 */
const images = import.meta.glob<{ default: ImageMetadata }>('@content-images/**/*.{jpg,jpeg,png,webp,JPG,JPEG,PNG,WEBP}');

const byRelativePath = new Map(
  Object.entries(images).map(([key, load]) => [key.slice(key.lastIndexOf('/images/') + '/images/'.length), load]),
);

/** The optimizable image for a path written as `../images/<file>`; throws naming the path when it does not exist. */
export async function resolveContentImage(src: string): Promise<ImageMetadata> {
  const relative = src.replace(/^(\.\.\/)?images\//, '');
  const load = byRelativePath.get(relative);
  if (!load) throw new Error(`Image "${src}" not found in the content images folder (content/images/${relative})`);
  return (await load()).default;
}
