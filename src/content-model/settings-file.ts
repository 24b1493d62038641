import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'astro/zod';
import { settingsSchema } from '../schemas/settings.ts';
import { lineStartsOf, positionAt, type Position } from './source.ts';
import { locate, parseYaml } from './yaml.ts';

/** The site settings with every default filled in, as the settings schema gives them. */
export type Settings = z.output<ReturnType<typeof settingsSchema>>;

/** Where the settings live inside a content folder. */
export const SETTINGS_FILE = join('settings', 'site.yml');

/** A settings file that cannot be read, is not valid YAML, or breaks the settings schema. */
export class SettingsFileError extends Error {
  /** The settings file. */
  readonly file: string;
  /** Where the problem is written (the start of the file when it has no place). */
  readonly at: Position;
  /** The field (`ads.everyParagraphs`), or undefined for the file as a whole. */
  readonly field: string | undefined;
  readonly reason: string;

  // Fields written out, not constructor parameter properties: the build driver runs this file
  // with Node's type stripping, which only erases types.
  constructor(file: string, at: Position, field: string | undefined, reason: string, options?: ErrorOptions) {
    super(`${file}:${at.line}:${at.column} ${field ?? 'settings'}: ${reason}`, options);
    this.name = 'SettingsFileError';
    this.file = file;
    this.at = at;
    this.field = field;
    this.reason = reason;
  }
}

const START: Position = { line: 1, column: 1 };

/**
 * Reads the settings file `file` and parses it with the settings schema (`src/schemas/settings.ts`),
 * defaults included, the way the site's `settings` collection does, for code that runs before or
 * outside Astro (the Astro config, the comment service). Throws `SettingsFileError` naming the
 * file, line, column and field of the first problem.
 */
export function readSettingsFile(file: string): Settings {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    throw new SettingsFileError(file, START, undefined, `cannot read the site settings (${(error as Error).message})`, { cause: error });
  }
  const lineStarts = lineStartsOf(source);
  const parsed = parseYaml(source);
  const syntax = parsed.problems.find((problem) => problem.severity === 'error');
  if (syntax) throw new SettingsFileError(file, positionAt(lineStarts, syntax.offset), undefined, `${syntax.message} (${syntax.fix})`);
  const result = settingsSchema().safeParse(parsed.value ?? {});
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  const path = issue?.path ?? [];
  const { offset } = locate(parsed.document, path);
  const field =
    path.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index > 0 ? '.' : ''}${String(key)}`)).join('') || undefined;
  throw new SettingsFileError(
    file,
    offset === undefined ? START : positionAt(lineStarts, offset),
    field,
    issue?.message ?? 'invalid settings',
  );
}
