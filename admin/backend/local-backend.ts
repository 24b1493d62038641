import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, posix, relative, resolve, sep } from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import decapServer from 'decap-server/dist/middlewares.js';
import { classifyOnDisk, COLLECTIONS, fileSlug, MEDIA, type ContentPath } from '../../src/content-model/index.ts';

/**
 * The CMS's local backend: decap-server's own API (its `fs` or `git` middleware, run in this
 * process) behind a guard that lets the CMS read and write content and nothing else.
 *
 * decap-server confines paths only to the repository folder, so through its API any file of
 * the checkout could be written (`src/pages/x.astro`, which the dev server then runs), and it
 * answers any `Host` (a DNS-rebinding page could reach it through the browser). It has no
 * option for either, and a proxy in another process would leave decap-server's own port open;
 * hosting its middleware in this process behind the guard leaves one port, guarded.
 *
 * The guard:
 * - answers only requests whose `Host` is the loopback name and port it serves
 *   (`127.0.0.1:<port>`, `localhost:<port>`, `[::1]:<port>`) and whose `Origin`, when sent, is a
 *   loopback origin;
 * - checks every path in a request with the content model (`src/content-model/`): entries must
 *   be files the site builds (right folder, type and slug), media files images in the media
 *   folder, folders the collections' or the media folder, collection names and slugs those of
 *   the model; hidden files, links and everything outside `content/` are refused with 403 and a
 *   message naming the path;
 * - drops from folder listings whatever is not content.
 */

/** Where and how to run the local backend. */
export interface LocalBackendOptions {
  /** The repository folder; the paths the CMS sends are relative to it (`content/articles/x.mdx`). */
  repoDir: string;
  /** The content folder. Default: `<repoDir>/content`. */
  contentDir?: string;
  /** `fs` writes files directly; `git` commits and runs the editorial workflow on local branches. */
  mode: 'fs' | 'git';
  /** A loopback address. Default `127.0.0.1`. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  /** decap-server's log level. Default `warn`. */
  logLevel?: string;
}

/** A running local backend. */
export interface LocalBackend {
  /** The API URL for the CMS config's `local_backend.url` (`http://127.0.0.1:<port>/api/v1`). */
  url: string;
  port: number;
  close: () => Promise<void>;
}

const LOOPBACK_ORIGIN = /^https?:\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?::\d+)?$/;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

/** A request the guard refuses, with the message the CMS shows. */
class Refusal extends Error {}

type Params = Record<string, unknown>;

/** Checks the paths, folders, collections and slugs of one decap-server API request. */
export function createRequestGuard(repoDir: string, contentDir: string) {
  const contentPrefix = relative(repoDir, contentDir).split(sep).join('/');
  const collectionFolders = new Set(COLLECTIONS.map((collection) => `${contentPrefix}/${collection.folder}`));
  const mediaFolder = `${contentPrefix}/${MEDIA.folder}`;
  const collectionNames = new Set<string>(COLLECTIONS.map((collection) => collection.name));

  const text = (value: unknown, what: string): string => {
    if (typeof value !== 'string') throw new Refusal(`${what} is missing`);
    return value;
  };

  /** The content model's verdict on a repository-relative path, refusing anything outside the content folder. */
  const classify = (value: unknown, what: string): ContentPath & { path: string } => {
    const path = text(value, what).replace(/^\/+/, '');
    if (path.includes('\\') || path.includes('\0') || posix.normalize(path) !== path || !path.startsWith(`${contentPrefix}/`)) {
      throw new Refusal(`${path} is not in ${contentPrefix}/, and the CMS may only read and write files in ${contentPrefix}/`);
    }
    return { ...classifyOnDisk(contentDir, join(repoDir, ...path.split('/')), contentPrefix), path };
  };
  const refusalOf = (classified: ContentPath & { path: string }) =>
    classified.kind === 'refused' ? `${classified.path}: ${classified.message} (${classified.fix})` : '';

  const entry = (value: unknown, what = 'path') => {
    const classified = classify(value, what);
    if (classified.kind === 'entry') return classified;
    throw new Refusal(refusalOf(classified) || `${classified.path} is an image, not an entry of a collection`);
  };
  const media = (value: unknown, what = 'path') => {
    const classified = classify(value, what);
    if (classified.kind === 'media') return classified;
    throw new Refusal(refusalOf(classified) || `${classified.path} is not an image in ${mediaFolder}`);
  };
  const entryOrMedia = (value: unknown) => {
    const classified = classify(value, 'path');
    if (classified.kind === 'refused') throw new Refusal(refusalOf(classified));
  };
  const folder = (value: unknown, allowed: ReadonlySet<string>, what: string) => {
    const path = text(value, what).replace(/^\/+|\/+$/g, '');
    if (!allowed.has(path))
      throw new Refusal(`${path} is not ${what === 'mediaFolder' ? 'the media folder' : "a collection's folder"} of ${contentPrefix}/`);
  };
  /**
   * The collection and slug of an unpublished entry, which name its git branch (`cms/<collection>/<slug>`):
   * given as both, or for `unpublishedEntry` as `id` (`<collection>/<slug>`).
   */
  const collectionAndSlug = (params: Params, idIsKey = false) => {
    const id = idIsKey && typeof params['id'] === 'string' ? params['id'] : undefined;
    const collection = id === undefined ? params['collection'] : id.slice(0, id.indexOf('/'));
    const slug = id === undefined ? params['slug'] : id.slice(id.indexOf('/') + 1);
    if (collection !== undefined && (typeof collection !== 'string' || !collectionNames.has(collection))) {
      throw new Refusal(`${JSON.stringify(collection)} is not a collection`);
    }
    if (slug !== undefined && (typeof slug !== 'string' || fileSlug(slug) !== slug))
      throw new Refusal(`${JSON.stringify(slug)} is not a valid slug`);
  };
  const list = (value: unknown, what: string): unknown[] => {
    if (!Array.isArray(value)) throw new Refusal(`${what} is missing`);
    return value;
  };

  /** Throws a `Refusal` unless every path of the request is allowed. */
  function check(action: string, params: Params): void {
    switch (action) {
      case 'info':
      case 'getDeployPreview':
      case 'unpublishedEntries':
        return;
      case 'entriesByFolder': {
        folder(params['folder'], collectionFolders, 'folder');
        return;
      }
      case 'entriesByFiles':
        for (const file of list(params['files'], 'files')) entry((file as Params | null)?.['path']);
        return;
      case 'getEntry':
        entry(params['path']);
        return;
      case 'unpublishedEntry': {
        collectionAndSlug(params, true);
        return;
      }
      case 'deleteUnpublishedEntry':
      case 'updateUnpublishedEntryStatus':
      case 'publishUnpublishedEntry': {
        collectionAndSlug(params);
        return;
      }
      case 'unpublishedEntryDataFile':
        collectionAndSlug(params);
        entry(params['path']);
        return;
      case 'unpublishedEntryMediaFile':
        collectionAndSlug(params);
        media(params['path']);
        return;
      case 'persistEntry': {
        const files = params['dataFiles'] === undefined ? [params['entry']] : list(params['dataFiles'], 'dataFiles');
        for (const file of files) {
          const data = (file ?? {}) as Params;
          const written = entry(data['path']);
          if (data['newPath'] !== undefined) {
            const moved = entry(data['newPath'], 'newPath');
            if (moved.collection !== written.collection) throw new Refusal(`${moved.path} is not in the folder of ${written.path}`);
          }
          const slug = data['slug'];
          if (slug !== undefined && slug !== written.id && (typeof slug !== 'string' || fileSlug(slug) !== slug)) {
            throw new Refusal(`${JSON.stringify(slug)} is not a valid slug`);
          }
        }
        for (const asset of list(params['assets'] ?? [], 'assets')) media((asset as Params | null)?.['path']);
        const options = (params['options'] ?? {}) as Params;
        if (options['collectionName'] !== undefined) collectionAndSlug({ collection: options['collectionName'] });
        return;
      }
      case 'getMedia': {
        folder(params['mediaFolder'], new Set([mediaFolder]), 'mediaFolder');
        return;
      }
      case 'getMediaFile':
        media(params['path']);
        return;
      case 'persistMedia':
        media((params['asset'] as Params | null)?.['path']);
        return;
      case 'deleteFile': {
        entryOrMedia(params['path']);
        return;
      }
      case 'deleteFiles':
        for (const path of list(params['paths'], 'paths')) entryOrMedia(path);
        return;
      default:
        throw new Refusal(`the action "${action}" is not allowed`);
    }
  }

  /** Whether a path in a listing decap-server returns is content. */
  const listed = (path: unknown, kind: 'entry' | 'media') => {
    try {
      return classify(path, 'path').kind === kind;
    } catch {
      return false;
    }
  };

  return { check, listed };
}

/** Starts the guarded local backend on a loopback address. */
export async function startLocalBackend(options: LocalBackendOptions): Promise<LocalBackend> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.has(host))
    throw new Error(`the CMS's local backend has no login, so it only listens on a loopback address, not ${host}`);
  const repoDir = resolve(options.repoDir);
  const contentDir = resolve(options.contentDir ?? join(repoDir, 'content'));
  const guard = createRequestGuard(repoDir, contentDir);
  let port = 0;

  const app = express();
  app.disable('x-powered-by');
  const refuse = (request: Request, response: Response, status: number, message: string) => {
    const origin = request.headers.origin;
    // So that the CMS (another loopback origin) can read the message.
    if (origin && LOOPBACK_ORIGIN.test(origin)) response.setHeader('Access-Control-Allow-Origin', origin);
    response.status(status).json({ error: message });
  };
  app.use((request: Request, response: Response, next: NextFunction) => {
    const hostHeader = (request.headers.host ?? '').toLowerCase();
    const allowed = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
    if (!allowed.includes(hostHeader)) {
      refuse(request, response, 403, `the CMS's local backend answers only to ${allowed.join(', ')}, not to the host "${hostHeader}"`);
      return;
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !LOOPBACK_ORIGIN.test(origin)) {
      refuse(request, response, 403, `the CMS's local backend answers only to pages served from this computer, not to ${origin}`);
      return;
    }
    next();
  });
  app.use(express.json({ limit: '50mb' }));
  app.post('/api/v1', (request: Request, response: Response, next: NextFunction) => {
    const body = (request.body ?? {}) as { action?: unknown; params?: unknown };
    const action = typeof body.action === 'string' ? body.action : '';
    try {
      guard.check(action, (body.params ?? {}) as Params);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      refuse(request, response, 403, `the CMS may only read and write content: ${error.message}`);
      return;
    }
    if (action === 'entriesByFolder' || action === 'getMedia') {
      const kind = action === 'getMedia' ? 'media' : 'entry';
      const send = response.json.bind(response);
      response.json = (result: unknown) =>
        send(
          Array.isArray(result)
            ? result.filter((item: { path?: unknown; file?: { path?: unknown } }) => guard.listed(item.file?.path ?? item.path, kind))
            : result,
        );
    }
    next();
  });

  // decap-server reads its repository from the environment when its middleware is registered.
  const previous = process.env['GIT_REPO_DIRECTORY'];
  process.env['GIT_REPO_DIRECTORY'] = repoDir;
  try {
    const register = options.mode === 'git' ? decapServer.registerLocalGit : decapServer.registerLocalFs;
    await register(app, { logLevel: options.logLevel ?? 'warn' });
  } finally {
    if (previous === undefined) delete process.env['GIT_REPO_DIRECTORY'];
    else process.env['GIT_REPO_DIRECTORY'] = previous;
  }

  const server: Server = await new Promise((done, fail) => {
    const listening = app.listen(options.port ?? 0, host, () => done(listening));
    listening.once('error', fail);
  });
  port = (server.address() as AddressInfo).port;
  const shownHost = host === '::1' ? '[::1]' : host;
  return {
    url: `http://${shownHost}:${port}/api/v1`,
    port,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
