import { parentPort, workerData } from 'node:worker_threads';
import { createFileChecker } from './check-file.ts';
import type { CheckContext, ContentFile } from './types.ts';

/**
 * Worker thread of the content check: receives batches of files, answers with their reports,
 * and exits when it receives `null`.
 */
if (!parentPort) throw new Error('the content-check worker must run in a worker thread');
const port = parentPort;
const check = createFileChecker(workerData as CheckContext);
port.on('message', (batch: ContentFile[] | null) => {
  if (batch === null) {
    port.close();
    return;
  }
  port.postMessage(batch.map(check));
});
