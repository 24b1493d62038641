import { randomBytes } from 'node:crypto';
import { createServer as createNetServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { loadConfig } from '../../../comments/config.ts';
import { createService, type Service } from '../../../comments/service.ts';
import { ROOT } from '../../support/build.ts';

/** A comment service running in the test process on 127.0.0.1. */
export interface RunningService {
  /** `http://127.0.0.1:<port>` */
  url: string;
  service: Service;
  close: () => Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export interface ServiceOptions {
  contentDir: string;
  /** SQLite file path or `postgres://…`. */
  databaseUrl: string;
  port: number;
  /** Origin of the site that embeds the island. */
  siteOrigin?: string;
  smtpUrl?: string;
  /** More environment (TRUST_PROXY and the like). */
  env?: Record<string, string>;
  postsPerMinute?: number;
}

/** Starts the real service (config from the content folder's settings, as in production) on `port`. */
export async function startService(options: ServiceOptions): Promise<RunningService> {
  const url = `http://127.0.0.1:${options.port}`;
  const config = loadConfig(ROOT, {
    SZPALTA_CONTENT_DIR: options.contentDir,
    COMMENTS_DATABASE_URL: options.databaseUrl,
    COMMENTS_SECRET: randomBytes(32).toString('base64url'),
    COMMENTS_PORT: String(options.port),
    COMMENTS_PUBLIC_URL: url,
    ...(options.siteOrigin ? { COMMENTS_SITE_ORIGINS: options.siteOrigin } : {}),
    ...(options.smtpUrl ? { SMTP_URL: options.smtpUrl } : {}),
    MAIL_FROM: 'Szpalta <komentarze@szpalta.example>',
    ...options.env,
  });
  const service = await createService(config, options.postsPerMinute === undefined ? {} : { postsPerMinute: options.postsPerMinute });
  const server: ServerType = await new Promise((resolve) => {
    const running = serve({ fetch: service.app.fetch, hostname: '127.0.0.1', port: options.port }, () => resolve(running));
  });
  return {
    url,
    service,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections of the browser would hold the server open.
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await service.close();
    },
  };
}
