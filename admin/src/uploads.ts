import { imageTypeProblem } from '../../src/content-model/model.ts';

/**
 * Refuses uploads that the site would refuse: the content model's one image rule
 * (`imageTypeProblem`: JPEG, PNG or WebP, never SVG) decides, as it does in the content check
 * and the build. Decap's file input accepts any image; this listener runs before Decap's own
 * (capture phase on the window) and stops the upload with a message. The size limit is
 * Decap's own `max_file_size`, set in the generated config.
 */

/** Why the CMS refuses to upload `file`, in Polish, or undefined when the site accepts it. */
export function uploadProblem(file: { name: string; type: string }): string | undefined {
  return imageTypeProblem(file.name, file.type)?.polish;
}

export function guardUploads(target: Window): void {
  target.addEventListener(
    'change',
    (event) => {
      const input = event.target;
      if (!(input instanceof HTMLInputElement) || input.type !== 'file' || !input.files) return;
      const refused = [...input.files].map(uploadProblem).filter((problem) => problem !== undefined);
      if (refused.length === 0) return;
      event.stopImmediatePropagation();
      input.value = '';
      target.alert(`Tego pliku nie można dodać.\n${refused.join('\n')}`);
    },
    { capture: true },
  );
}
