import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import { checkContent, formatSummary, formatText, type CheckResult } from '../../content-check/index.ts';
import { contentDirFromEnvironment } from '../content-model/content-dir.ts';

/** The content of a build has errors; the message is the full report of the content check. */
export class ContentCheckError extends AstroError {
  readonly result: CheckResult;
  constructor(result: CheckResult) {
    super(formatText(result), 'Fix the files named above, or run `npm run check:content` to see the same report without building.');
    this.name = 'ContentCheckError';
    this.result = result;
  }
}

function log(logger: AstroIntegrationLogger, result: CheckResult): void {
  if (result.problems.length === 0) logger.info(formatSummary(result));
  else logger.warn(`\n${formatText(result)}`);
}

/**
 * Runs the content check (`content-check/`) on the content folder (`SZPALTA_CONTENT_DIR`,
 * default `content/`):
 * - `astro build`: before Astro loads any content, so a bad file fails the build with the
 *   check's messages (file, line, field, fix) instead of a stack trace; warnings are logged;
 * - `astro dev`: in the background at start and again after every change in the content
 *   folder, logging problems as warnings without stopping the server;
 * - `astro sync` / `astro check`: logs problems as warnings.
 * Each file's report is kept in Astro's cache folder and reused while the file and everything
 * its check depends on are unchanged, so a build after one edit checks one file.
 */
export default function contentCheck(): AstroIntegration {
  let options: { contentDir: string; root: string; publicDir: string; cacheFile: string } | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  const checkInBackground = (logger: AstroIntegrationLogger) => {
    if (!options) return;
    if (running) {
      again = true;
      return;
    }
    const current = options;
    running = checkContent(current)
      .then((result) => log(logger, result))
      .catch((error: unknown) => logger.error(`the content check failed: ${String(error)}`))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          checkInBackground(logger);
        }
      });
  };

  return {
    name: 'szpalta:content-check',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        const root = fileURLToPath(config.root);
        options = {
          root,
          contentDir: resolve(root, contentDirFromEnvironment()),
          publicDir: fileURLToPath(config.publicDir),
          // Beside Astro's own caches, so whatever keeps those between builds (CI) keeps this too.
          cacheFile: fileURLToPath(new URL('content-check.json', config.cacheDir)),
        };
        if (command === 'build') {
          const result = await checkContent(options);
          if (result.errors > 0) throw new ContentCheckError(result);
          log(logger, result);
        } else if (command === 'sync') {
          log(logger, await checkContent(options));
        } else if (command === 'dev') {
          checkInBackground(logger);
        }
      },
      'astro:server:setup': ({ server, logger }) => {
        const contentDir = options?.contentDir;
        if (!contentDir) return;
        server.watcher.add(contentDir);
        let timer: ReturnType<typeof setTimeout> | undefined;
        server.watcher.on('all', (_event, path) => {
          if (!resolve(path).startsWith(`${contentDir}/`)) return;
          clearTimeout(timer);
          // Editors and the CMS write several files at once; check once they are done.
          timer = setTimeout(() => checkInBackground(logger), 300);
        });
      },
    },
  };
}
