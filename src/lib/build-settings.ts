import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

/**
 * The few settings Astro needs before any content is loaded, read straight from the settings
 * file that editors own. The whole file is validated later by the `settings` collection
 * schema and by the content check; here only what the config uses is read, with a clear
 * error when it is missing.
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

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function readBuildSettings(settingsFile: URL): BuildSettings {
  const path = fileURLToPath(settingsFile);
  const raw: unknown = parseYaml(readFileSync(settingsFile, 'utf8'));
  const settings = isRecord(raw) ? raw : {};
  const url = settings['url'];
  if (typeof url !== 'string' || !url) throw new Error(`${path}: field "url" is missing (the public URL of the portal)`);
  const ads = isRecord(settings['ads']) ? settings['ads'] : {};
  const every = ads['everyParagraphs'];
  const newsletter = isRecord(settings['newsletter']) ? settings['newsletter'] : {};
  const action = newsletter['action'];
  const comments = isRecord(settings['comments']) ? settings['comments'] : {};
  const commentsUrl = comments['url'];
  return {
    url,
    adEveryParagraphs: typeof every === 'number' && every > 0 ? every : 4,
    newsletterOrigin: typeof action === 'string' && /^https?:/.test(action) ? new URL(action).origin : undefined,
    commentsOrigin:
      comments['enabled'] !== false && typeof commentsUrl === 'string' && URL.canParse(commentsUrl)
        ? new URL(commentsUrl).origin
        : undefined,
  };
}
