import { fileURLToPath } from 'node:url';
import { checkContent, formatText, toJson } from '../content-check/index.ts';
import { contentDirFromEnvironment } from '../src/content-model/content-dir.ts';
import { parseCommandLine } from './command-line.ts';

const usage = `Usage: npm run check:content [-- options]

Checks every file under the content folder (SZPALTA_CONTENT_DIR, default content/) and prints
one line per problem: file:line:column field-or-rule: message (how to fix).
Exits with 1 when there are errors, 0 otherwise (warnings alone do not fail).

Options:
  --json             print the report as JSON
  --content-dir DIR  check DIR instead
  --now ISO-DATE     decide what is published as of this moment (default: now)
  --workers N        worker threads besides the main one (default: automatic)
  --help             show this text`;

const values = parseCommandLine(
  {
    json: { type: 'boolean', default: false },
    'content-dir': { type: 'string' },
    now: { type: 'string' },
    workers: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
  usage,
);
const now = values.now === undefined ? undefined : new Date(values.now);
if (now && Number.isNaN(now.getTime())) {
  console.error(`--now: "${values.now}" is not a date`);
  process.exit(2);
}
const workers = values.workers === undefined ? undefined : Number(values.workers);
if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0)) {
  console.error(`--workers: "${values.workers}" is not a whole number`);
  process.exit(2);
}

const result = await checkContent({
  contentDir: values['content-dir'] ?? contentDirFromEnvironment(),
  // Links to files such as /ads/baner.png are served from the project's public folder, wherever the command runs.
  publicDir: fileURLToPath(new URL('../public/', import.meta.url)),
  ...(now ? { now } : {}),
  ...(workers !== undefined ? { workers } : {}),
});
console.log(values.json ? JSON.stringify(toJson(result), null, 2) : formatText(result));
process.exitCode = result.errors > 0 ? 1 : 0;
