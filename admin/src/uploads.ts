/**
 * Refuses uploads that the site cannot optimize: only JPEG, PNG and WebP reach the media
 * library (`astro:assets` handles those; the content check refuses other image paths).
 * Decap's file input accepts any image; this listener runs before Decap's own (capture
 * phase on the window) and stops the upload with a message. The size limit is Decap's own
 * `max_file_size`, set in the generated config.
 */
const allowedTypes = new Set(['image/jpeg', 'image/png', 'image/webp']);
const allowedExtensions = /\.(jpe?g|png|webp)$/i;

export function isAllowedUpload(file: { name: string; type: string }): boolean {
  return allowedTypes.has(file.type) && allowedExtensions.test(file.name);
}

export function guardUploads(target: Window): void {
  target.addEventListener(
    'change',
    (event) => {
      const input = event.target;
      if (!(input instanceof HTMLInputElement) || input.type !== 'file' || !input.files) return;
      const refused = [...input.files].filter((file) => !isAllowedUpload(file));
      if (refused.length === 0) return;
      event.stopImmediatePropagation();
      input.value = '';
      target.alert(`Tego pliku nie można dodać: ${refused.map((file) => file.name).join(', ')}. Dozwolone są zdjęcia JPEG, PNG i WebP.`);
    },
    { capture: true },
  );
}
