import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { CommentsConfigError, loadConfig } from './config.ts';
import { createService } from './service.ts';

/**
 * `npm run comments`: the comment service alone, on `COMMENTS_HOST`:`port` (127.0.0.1 and
 * `comments.port` of the site settings by default). SIGINT/SIGTERM close it cleanly.
 */
const root = fileURLToPath(new URL('../', import.meta.url));
let config;
try {
  config = loadConfig(root);
} catch (error) {
  if (error instanceof CommentsConfigError) {
    console.error(`Comment service: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
const service = await createService(config);
const server = serve({ fetch: service.app.fetch, hostname: config.host, port: config.port }, (info) => {
  console.log(
    `Comments: http://${config.host}:${info.port}/ (moderation: /moderacja/), database: ${config.databaseUrl.startsWith('postgres') ? 'PostgreSQL' : config.databaseUrl}`,
  );
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close(() => {
      void service.close().then(() => process.exit(0));
    });
  });
}
