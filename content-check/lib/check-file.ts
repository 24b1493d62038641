import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { urls } from '../../src/lib/urls.ts';
import { articleSlugPattern } from '../../src/schemas/index.ts';
import type { FileIndex } from './files.ts';
import { IMAGE_FILE } from './files.ts';
import { explainIssue, fieldName } from './issues.ts';
import { classifyHref } from '../../src/content-model/links.ts';
import { checkBody } from './mdx.ts';
import { createSchemas, unknownFields } from './schemas.ts';
import { decodeSource, positionAt, splitFrontMatter, type Position } from '../../src/content-model/source.ts';
import { closest, listOf } from './suggest.ts';
import { fileSizeProblem, MAX_FILE_MILLISECONDS } from '../../src/content-model/mdx-limits.ts';
import { findForbiddenCharacter } from '../../src/content-model/text-rules.ts';
import type { ArticleFacts, CheckContext, ContentFile, FileReport, LinkUse, Problem, Severity } from './types.ts';
import { locate, parseYaml, stringsUnderKeys, type ParsedYaml } from '../../src/content-model/yaml.ts';

/** Fields of YAML files whose values are addresses on the site. */
const LINK_FIELDS = new Set(['href', 'url', 'src', 'action', 'to']);

/** What the settings say that other checks need. */
export interface SettingsFacts {
  adSlots: string[] | undefined;
  siteOrigin: string | undefined;
  pageSize: number;
}

/** A file's report, plus the settings facts when the file is a settings file. */
export interface CheckedFile extends FileReport {
  settings?: SettingsFacts;
}

/** The check of one file, with the schemas built once for many files. */
export type FileChecker = (file: ContentFile) => CheckedFile;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);
}

function settingsFacts(value: unknown, valid: boolean): SettingsFacts {
  const data = isPlainObject(value) ? value : {};
  let siteOrigin: string | undefined;
  try {
    siteOrigin = typeof data['url'] === 'string' ? new URL(data['url']).origin : undefined;
  } catch {
    siteOrigin = undefined;
  }
  const ads = isPlainObject(data['ads']) ? data['ads'] : {};
  const slots = Array.isArray(ads['slots']) ? ads['slots'] : [];
  const pageSize = data['pageSize'];
  return {
    adSlots: valid ? slots.flatMap((slot) => (isPlainObject(slot) && typeof slot['id'] === 'string' ? [slot['id']] : [])) : undefined,
    siteOrigin,
    pageSize: typeof pageSize === 'number' && Number.isInteger(pageSize) && pageSize > 0 ? pageSize : 10,
  };
}

function articleFacts(file: ContentFile, value: Record<string, unknown>): ArticleFacts {
  const strings = (list: unknown) => (Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : []);
  const pubDate = value['pubDate'];
  return {
    id: file.id,
    file: file.path,
    draft: value['draft'] === true,
    pubDate: pubDate instanceof Date ? pubDate.getTime() : typeof pubDate === 'string' ? new Date(pubDate).getTime() : Number.NaN,
    featured: value['featured'] === true,
    tags: strings(value['tags']),
    authors: strings(value['authors']),
  };
}

/**
 * Builds the per-file check for one content folder. Pure apart from reading the file, so the
 * same function runs in the main thread and in worker threads.
 */
export function createFileChecker(context: CheckContext): FileChecker {
  const index: FileIndex = {
    contentDir: context.contentDir,
    contentName: basename(context.contentDir),
    all: new Set(context.files),
    images: context.files.filter((path) => path.startsWith('images/') && IMAGE_FILE.test(path)),
  };
  const { scope, schemas } = createSchemas(index, context.ids);
  const environment = { index, adSlots: context.adSlots, siteOrigin: context.siteOrigin };

  const timeLimit = context.fileTimeLimitMs ?? MAX_FILE_MILLISECONDS;
  return (file) => {
    const started = performance.now();
    const report = checkFile(file);
    const elapsed = performance.now() - started;
    if (elapsed > timeLimit) {
      report.problems.push({
        file: file.path,
        line: 1,
        column: 1,
        rule: 'limit',
        message: `checking the file took ${(elapsed / 1000).toFixed(1)} s, more than the ${(timeLimit / 1000).toFixed(1)} s allowed`,
        fix: 'shorten the file, or remove repeated markup such as long runs of *, _, [ or <',
        severity: 'error',
      });
    }
    return report;
  };

  function checkFile(file: ContentFile): CheckedFile {
    const problems: Problem[] = [];
    const links: LinkUse[] = [];
    const report: CheckedFile = { file: file.path, problems, links };
    const add = (at: Position, rule: string, message: string, fix: string, severity: Severity = 'error') =>
      problems.push({ file: file.path, line: at.line, column: at.column, rule, message, fix, severity });
    const top = { line: 1, column: 1 };
    const isMdx = file.collection === 'articles' || file.collection === 'pages';

    const bytes = readFileSync(file.path);
    const tooLarge = fileSizeProblem(bytes.length);
    if (tooLarge) {
      add(tooLarge, 'limit', tooLarge.message, tooLarge.fix);
      return report;
    }
    const decoded = decodeSource(bytes);
    if ('kind' in decoded) {
      if (decoded.kind === 'empty') {
        add(
          top,
          'empty',
          'the file is empty',
          file.collection === 'articles'
            ? 'write the front matter and the text, or delete the file; npm run new -- "Tytuł" creates a valid article'
            : isMdx
              ? 'write the front matter, such as title: …, and the text, or delete the file'
              : 'write the fields, such as name: …, or delete the file',
        );
      } else {
        add(decoded.at, 'encoding', 'the file is not valid UTF-8 text', 'save the file with the UTF-8 encoding');
      }
      return report;
    }
    const { text, lineStarts } = decoded;
    const at = (offset: number) => positionAt(lineStarts, offset);

    let yamlSource = text;
    let yamlStart = 0;
    let body: { text: string; start: Position; offset: number } | undefined;
    if (isMdx) {
      const split = splitFrontMatter(text);
      if ('kind' in split) {
        switch (split.kind) {
          case 'missing':
            add(
              top,
              'frontmatter',
              'the file has no front matter',
              'start the file with a line ---, then the fields such as title: …, then another line ---',
            );
            checkBody(
              { file: file.path, relative: file.relative, body: split.body, start: top, pagePath: pagePath(file) },
              environment,
              problems,
              links,
            );
            return report;
          case 'not-first':
            add(top, 'frontmatter', 'the front matter must start on the first line', 'delete the empty lines above the first ---');
            return report;
          case 'unclosed':
            add(top, 'frontmatter', 'the front matter is not closed', 'add a line --- after the last field');
            return report;
          case 'not-yaml':
            add(
              top,
              'frontmatter',
              `the front matter is ${split.language}, not YAML`,
              'leave nothing after --- on the first line and write the fields as YAML',
            );
            return report;
        }
      }
      yamlSource = split.yaml;
      yamlStart = split.yamlStart;
      body = { text: split.body, start: at(split.bodyStart), offset: split.bodyStart };
    }

    const parsed: ParsedYaml = parseYaml(yamlSource);
    for (const problem of parsed.problems) add(at(yamlStart + problem.offset), 'yaml', problem.message, problem.fix, problem.severity);
    const where = (path: readonly PropertyKey[]) => {
      const found = locate(parsed.document, path).offset;
      return found === undefined ? top : at(yamlStart + found);
    };

    if (parsed.value !== undefined) {
      const value = parsed.value ?? {};
      if (!isPlainObject(value)) {
        add(
          isMdx ? top : where([]),
          isMdx ? 'frontmatter' : 'yaml',
          `the ${isMdx ? 'front matter' : 'file'} must be a list of fields, one "name: value" per line`,
          `write one field per line, such as ${isMdx ? 'title' : 'name'}: "…"`,
        );
      } else {
        const schema = schemas[file.collection];
        scope.relative = file.relative;
        const result = schema.safeParse(value);
        const setting = { container: isMdx ? ('front matter' as const) : ('file' as const) };
        if (!result.success) {
          for (const issue of result.error.issues) {
            const explained = explainIssue(issue, value, setting);
            add(where(issue.path), explained.field, explained.message, explained.fix);
          }
        }
        for (const unknown of unknownFields(schema, value)) {
          const key = String(unknown.path.at(-1));
          if (isMdx && unknown.path.length === 1 && key === 'slug') {
            const slug = value['slug'];
            report.slugField = String(slug);
            add(
              where(unknown.path),
              'slug',
              'the slug field replaces the file name as the address of the page',
              typeof slug === 'string' && articleSlugPattern.test(slug)
                ? `remove the line and rename the file to ${slug}.mdx`
                : 'remove the line; the file name is the address',
            );
            continue;
          }
          const suggestion = closest(key, unknown.known);
          add(
            where(unknown.path),
            fieldName(unknown.path),
            `unknown field "${key}", which the site ignores`,
            suggestion ? `did you mean "${suggestion}"?` : `remove it; the fields here are ${listOf(unknown.known, 12)}`,
            'warning',
          );
        }
        if (file.collection === 'articles') {
          report.article = articleFacts(file, value);
          if (result.success) {
            const data = result.data as { pubDate: Date; updatedDate?: Date };
            if (data.updatedDate && data.updatedDate.getTime() < data.pubDate.getTime()) {
              add(
                where(['updatedDate']),
                'updatedDate',
                'updatedDate is earlier than pubDate',
                'use a date after pubDate, or remove updatedDate',
              );
            }
          }
        }
        if (file.collection === 'settings') report.settings = settingsFacts(value, result.success);
        if (file.collection === 'redirects' && result.success) {
          report.redirectSources = stringsUnderKeys(parsed.document, new Set(['from'])).map((found) => ({
            file: file.path,
            ...at(found.offset),
            rule: fieldName(found.path),
            href: found.value,
            path: found.value,
          }));
        }
        if (!isMdx) {
          const invalid = new Set(result.success ? [] : result.error.issues.map((issue) => fieldName(issue.path)));
          for (const found of stringsUnderKeys(parsed.document, LINK_FIELDS)) {
            const rule = fieldName(found.path);
            // A value the schema refused is reported once, by the schema; a relative value is not a site link here.
            if (invalid.has(rule) || !/^(?:\/|[a-z][a-z0-9+.-]*:)/i.test(found.value.trim())) continue;
            const target = classifyHref(found.value, '/', context.siteOrigin);
            if (target.kind === 'unsafe') {
              add(at(found.offset), rule, `${target.scheme}: addresses are not allowed`, 'use an https:// address or a page of the site');
            } else if (target.kind === 'internal') {
              links.push({ file: file.path, ...at(found.offset), rule, href: found.value, path: target.path });
            }
          }
        }
      }
    } else if (file.collection === 'settings') {
      report.settings = settingsFacts(undefined, false);
    }

    if (body) {
      // Front matter values are checked by the schemas, which name the field; the body is text too.
      const found = findForbiddenCharacter(body.text);
      if (found) {
        add(
          at(body.offset + found.index),
          'body',
          `the text contains the invisible control character ${found.codePoint}`,
          'delete it (it usually comes with text pasted from another program) and retype the text around it',
        );
      }
    }
    if (body)
      checkBody(
        { file: file.path, relative: file.relative, body: body.text, start: body.start, pagePath: pagePath(file) },
        environment,
        problems,
        links,
      );
    return report;
  }
}

/** The address a file is served at, for resolving its relative links. */
function pagePath(file: ContentFile): string {
  return file.collection === 'articles' ? urls.article(file.id) : urls.page(file.id);
}
