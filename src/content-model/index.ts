/**
 * The content model and the one definition of "what is content", shared by the site
 * (`src/content.config.ts`, `src/loaders/`), the content check (`content-check/`), the CMS
 * configuration (`admin/config/`) and the CMS's local backend (`admin/backend/`).
 * `model.ts` is pure (the browser imports it too); `discover.ts` reads the disk.
 */
export * from './model.ts';
export * from './discover.ts';
