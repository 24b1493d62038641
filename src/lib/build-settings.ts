import { fileURLToPath } from 'node:url';
import { readSettingsFile } from '../content-model/settings-file.ts';

/**
 * The few settings Astro needs before any content is loaded. The file is parsed with the
 * settings schema (the one the `settings` collection and the content check use, defaults
 * included); an invalid file stops the build with `file:line:column field: message`.
 */
export interface BuildSettings {
  /** Public URL of the portal (`url`). */
  url: string;
  /** Automatic in-article ad slot after every this many paragraphs (`ads.everyParagraphs`). */
  adEveryParagraphs: number;
  /** Origin of the newsletter provider the signup form posts to (`newsletter.action`), if any. */
  newsletterOrigin: string | undefined;
  /** Origin of the comment service (`comments.url` when comments are enabled), if any: its island and API are allowed by the CSP. */
  commentsOrigin: string | undefined;
}

/** Reads the build settings from the settings file (`content/settings/site.yml`). */
export function readBuildSettings(settingsFile: URL): BuildSettings {
  const settings = readSettingsFile(fileURLToPath(settingsFile));
  const action = settings.newsletter.action;
  return {
    url: settings.url,
    adEveryParagraphs: settings.ads.everyParagraphs,
    newsletterOrigin: action !== undefined && /^https?:/.test(action) ? new URL(action).origin : undefined,
    commentsOrigin: settings.comments?.enabled ? new URL(settings.comments.url).origin : undefined,
  };
}
