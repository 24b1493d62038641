import { parseArgs } from 'node:util';
import { contentDirFromEnvironment } from '../src/content-model/content-dir.ts';
import { importWordPress, type ImportReport } from './lib/import.ts';
import { WxrError } from './lib/wxr.ts';

const usage = `Usage: npm run import:wordpress -- <export.xml> [<more.xml> …] [options]

Imports WordPress exports (WXR 1.0–1.2, Tools → Export in WordPress) into the content folder
(SZPALTA_CONTENT_DIR, default content/): articles, pages, authors, tags, images and a redirect
table for the old addresses. Running it again on the same export changes nothing.

Options:
  --uploads DIR        a local copy of the old site's wp-content/uploads (images are copied from it)
  --content-dir DIR    import into DIR instead
  --comments-out FILE  where approved comments go (default: .szpalta/wordpress-comments.json)
  --dry-run            write nothing, report what would happen
  --force              overwrite files edited in Szpalta since the last import
  --json               print the report as JSON
  --help               show this text`;

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      uploads: { type: 'string' },
      'content-dir': { type: 'string' },
      'comments-out': { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
} catch (error) {
  console.error(`${(error as Error).message}\n\n${usage}`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (positionals.length === 0) {
  console.error(`No export file given.\n\n${usage}`);
  process.exit(2);
}

const showProgress = process.stderr.isTTY && !values.json;
let report: ImportReport;
try {
  report = await importWordPress({
    files: positionals,
    contentDir: values['content-dir'] ?? contentDirFromEnvironment(),
    uploads: values.uploads,
    dryRun: values['dry-run'],
    force: values.force,
    ...(values['comments-out'] ? { commentsOut: values['comments-out'] } : {}),
    ...(showProgress
      ? { progress: (done: number, total: number) => process.stderr.write(`\rposts ${done} of ${total}${done === total ? '\n' : ''}`) }
      : {}),
  });
} catch (error) {
  if (error instanceof WxrError) {
    console.error(`${error.message}\nNothing was imported.`);
    process.exit(1);
  }
  throw error;
}

if (values.json) {
  console.log(JSON.stringify(report, null, 2));
} else {
  const { counts } = report;
  const lines = [
    report.dryRun ? 'Dry run: nothing was written.' : 'Import finished.',
    `articles ${counts.articles}, drafts ${counts.drafts}, scheduled ${counts.scheduled}, pages ${counts.pages}, skipped ${counts.skipped}`,
    `authors ${counts.authors}, tags ${counts.tags}, images ${counts.images}, comments ${counts.comments}, redirects ${counts.redirects}`,
    `files ${report.dryRun ? 'to write' : 'written'}: ${report.written.length}, unchanged: ${report.unchanged}`,
  ];
  if (report.warnings.length) {
    lines.push(`warnings (${report.warnings.length}):`);
    for (const warning of report.warnings) {
      lines.push(warning.postId ? `  post ${warning.postId} "${warning.title}": ${warning.message}` : `  ${warning.message}`);
    }
  }
  console.log(lines.join('\n'));
}
