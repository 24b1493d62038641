import type { z } from 'astro/zod';
import { closest, listOf } from './suggest.ts';

/** A zod issue turned into words for an editor, still without a position. */
export interface Explained {
  /** Path of the field as the report prints it: `hero.alt`, `authors[1]`. */
  field: string;
  message: string;
  fix: string;
}

/** Where the value being validated was written, for wording the hints. */
export interface IssueSetting {
  /** `front matter` for MDX files, `file` for YAML files, or `<Figure>` for component props. */
  container: 'front matter' | 'file' | `<${string}>`;
}

/** `hero.alt`, `authors[1]`, `ads.slots[0].id`. */
export function fieldName(path: readonly PropertyKey[]): string {
  let name = '';
  for (const key of path) {
    if (typeof key === 'number') name += `[${key}]`;
    else name += name ? `.${String(key)}` : String(key);
  }
  return name;
}

/** The value at `path` inside `data`, or undefined. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const typeNames: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of fields',
  date: 'a date',
};

function describe(value: unknown): string {
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'object') return 'a group of fields';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number' || typeof value === 'bigint') return `the number ${value}`;
  return `a ${typeof value}`;
}

/** zod's own English messages start like this; the schemas' own messages are kept. */
const zodDefault = /^(?:Invalid|Too (?:small|big)|Unrecognized)/;

function quoteForYaml(value: string): string {
  return /^[\w-]+$/.test(value) ? value : `"${value}"`;
}

function example(key: string, expected: string, setting: IssueSetting): string {
  if (setting.container.startsWith('<')) return `${key}="…"`;
  if (expected === 'array') return `${key}: [${key === 'tags' ? 'rodo, uodo' : key === 'authors' ? 'jan-kowalski' : '…'}]`;
  if (expected === 'date') return `${key}: 2026-11-22T09:30:00+01:00`;
  if (expected === 'boolean') return `${key}: false`;
  if (expected === 'number' || expected === 'int') return `${key}: 10`;
  if (expected === 'object') return `${key}:" with its fields indented under it`;
  return `${key}: …`;
}

function whereToAdd(path: readonly PropertyKey[], setting: IssueSetting): string {
  if (setting.container.startsWith('<')) return `to ${setting.container}`;
  const parent = path.slice(0, -1);
  if (parent.length === 0) return `to the ${setting.container}`;
  const last = parent.at(-1);
  if (typeof last === 'number') return `to item ${last + 1} of "${fieldName(parent.slice(0, -1))}"`;
  return `under "${fieldName(parent)}:"`;
}

/**
 * Explains a zod issue in the words of the content model: what is wrong with which field,
 * and what to write instead. `data` is the validated value, to tell a missing field from a
 * wrong one.
 */
export function explainIssue(issue: z.core.$ZodIssue, data: unknown, setting: IssueSetting): Explained {
  const path = issue.path;
  const field = fieldName(path);
  const key = String(path.findLast((part) => typeof part !== 'number') ?? field);
  const value = valueAt(data, path);
  const own = zodDefault.test(issue.message) ? undefined : issue.message;
  const params = issue.code === 'custom' ? (issue.params as { fix?: string } | undefined) : undefined;

  // zod reports an unmatched discriminator with the allowed values, beyond its declared issue type.
  const union = issue as { discriminator?: unknown; options?: unknown };
  if (issue.code === 'invalid_union' && typeof union.discriminator === 'string' && Array.isArray(union.options)) {
    const options = union.options.map(String);
    return {
      field,
      message: value === undefined ? `${key} is required` : `${key} must be ${listOf(options)}, not ${describe(value)}`,
      fix: `write ${options.map((option) => `"${key}: ${option}"`).join(' or ')}`,
    };
  }

  if (issue.code === 'invalid_type' && (value === undefined || value === null)) {
    const requiredMessage = own && /\bis required$/.test(own) ? own : `${key} is required`;
    return {
      field,
      message: requiredMessage,
      fix:
        value === null
          ? `write a value after "${key}:"`
          : setting.container.startsWith('<')
            ? `add ${key}="…" to ${setting.container}`
            : `add "${example(key, issue.expected, setting)}" ${whereToAdd(path, setting)}`,
    };
  }

  switch (issue.code) {
    case 'invalid_type': {
      const expected = issue.expected;
      // A schema message written for a missing value ("title is required") would mislead here.
      const message = own && !/\bis required$/.test(own) ? own : `must be ${typeNames[expected] ?? expected}, not ${describe(value)}`;
      let fix = `write ${typeNames[expected] ?? expected}`;
      if (setting.container.startsWith('<')) fix = `write ${key}="…" with the value in quotes`;
      else if (expected === 'array' && typeof value === 'string') fix = `write a list: ${key}: [${quoteForYaml(value)}]`;
      else if (expected === 'date') fix = `write the date as YYYY-MM-DD, or with time and zone as YYYY-MM-DDTHH:MM:SS+01:00`;
      else if (expected === 'boolean') fix = `write ${key}: true or ${key}: false, without quotes`;
      else if (expected === 'number' || expected === 'int') fix = `write the number without quotes`;
      else if (expected === 'string') fix = `put the value in double quotes: ${key}: "…"`;
      else if (expected === 'object') fix = `write the fields of "${key}" indented under it`;
      return { field, message, fix };
    }
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') {
        return {
          field,
          message: own ?? `${key} must not be empty`,
          fix: minimum <= 1 ? `write the ${key} text` : `write at least ${minimum} characters`,
        };
      }
      if (issue.origin === 'array') {
        return { field, message: own ?? `${key} must list at least ${minimum}`, fix: `list at least ${minimum}: ${key}: [a, b]` };
      }
      return { field, message: own ?? `${key} must be at least ${minimum}`, fix: `use ${minimum} or more` };
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string' && typeof value === 'string') {
        return {
          field,
          message: own ?? `${key} must be at most ${maximum} characters`,
          fix: `shorten it to ${maximum} characters or fewer; it has ${value.length}`,
        };
      }
      if (issue.origin === 'array' && Array.isArray(value)) {
        return { field, message: own ?? `${key} must list at most ${maximum}`, fix: `remove ${value.length - maximum} of them` };
      }
      return { field, message: own ?? `${key} must be at most ${maximum}`, fix: `use ${maximum} or less` };
    }
    case 'invalid_value': {
      const options = issue.values.map(String);
      const suggestion = typeof value === 'string' ? closest(value, options) : undefined;
      return {
        field,
        message: own ?? `${key} must be ${listOf(options)}, not ${describe(value)}`,
        fix: suggestion ? `did you mean "${suggestion}"?` : `use ${listOf(options)}`,
      };
    }
    case 'invalid_format': {
      const fix =
        issue.format === 'url'
          ? 'write a full address starting with https://'
          : issue.format === 'regex' && 'pattern' in issue && issue.pattern.includes('a-z0-9')
            ? 'use lower-case letters a–z, digits and hyphens'
            : 'correct the value to the form the message describes';
      return { field, message: own ?? `${key} has the wrong form`, fix };
    }
    case 'unrecognized_keys':
      return {
        field,
        message: `unknown ${issue.keys.length > 1 ? 'fields' : 'field'} ${listOf(issue.keys)}`,
        fix: 'remove it or correct its name',
      };
    case 'custom':
      return {
        field,
        message: issue.message,
        fix:
          params?.fix ??
          (issue.message.includes('URL') ? 'write a full address such as https://…, or a site path starting with /' : 'correct the value'),
      };
    default:
      return { field, message: own ?? `${key} is not valid: ${issue.message}`, fix: 'correct the value' };
  }
}
