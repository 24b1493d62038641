import { parse } from 'yaml';
import { SLUG_KEY } from '../../config/names.ts';
import { patchYaml, pruneEmpty, sameData, stringifyData } from './yaml-patch.ts';

/**
 * Decap file formats of the content: YAML data files and MDX files with YAML frontmatter.
 *
 * Decap's own formats re-serialize a whole file on every save. These keep the text an
 * entry was read from (in a field no schema has) and write back only what changed, so the
 * diff of a save is the edit and nothing else.
 */

/** Entry data key that carries the text the entry was read from. Never written to a file. */
export const SOURCE_KEY = '__szpaltaSource';

type Data = Record<string, unknown>;

/** The shape Decap expects of a custom format. */
export interface Formatter {
  fromFile(content: string): Data;
  toFile(data: Data, sortedKeys?: string[]): string;
}

function metaOf(data: Data): { source: string | undefined; meta: Data } {
  const { [SOURCE_KEY]: source, [SLUG_KEY]: _slug, body: _body, ...meta } = data;
  return { source: typeof source === 'string' ? source : undefined, meta };
}

function writeYaml(source: string | undefined, meta: Data, order: readonly string[]): string {
  if (source !== undefined && sameData(parse(source) ?? {}, meta)) return source;
  const after = (pruneEmpty(meta) ?? {}) as Data;
  return source !== undefined ? patchYaml(source, after, order) : stringifyData(after, order);
}

/** YAML data files (`content/authors/*.yml`, `content/settings/site.yml`). */
export const yamlFormat: Formatter = {
  fromFile(content) {
    const data: unknown = parse(content);
    return { ...(data && typeof data === 'object' ? (data as Data) : {}), [SOURCE_KEY]: content };
  },
  toFile(data, sortedKeys = []) {
    const { source, meta } = metaOf(data);
    return writeYaml(source, meta, sortedKeys);
  },
};

const frontmatterPattern = /^---\r?\n((?:[\s\S]*?\r?\n)?)---[ \t]*(?:\r?\n|$)/;

/** Splits an MDX file into its frontmatter text (each line with its newline) and its body. */
export function splitFrontmatter(content: string): { frontmatter: string; body: string } | undefined {
  const match = frontmatterPattern.exec(content);
  if (!match) return undefined;
  return { frontmatter: match[1] ?? '', body: content.slice(match[0].length) };
}

/** MDX files with YAML frontmatter (`content/articles/*.mdx`, `content/pages/*.mdx`). */
export const mdxFormat: Formatter = {
  fromFile(content) {
    const parts = splitFrontmatter(content);
    if (!parts) return { body: content };
    const data: unknown = parse(parts.frontmatter);
    return {
      ...(data && typeof data === 'object' ? (data as Data) : {}),
      body: parts.body,
      [SOURCE_KEY]: parts.frontmatter,
    };
  },
  toFile(data, sortedKeys = []) {
    const { source, meta } = metaOf(data);
    const body = typeof data['body'] === 'string' ? data['body'] : '';
    const frontmatter = writeYaml(source, meta, sortedKeys);
    // A new file gets one blank line between the frontmatter and the text, like the samples.
    const separated = source === undefined && body !== '' && !body.startsWith('\n') ? `\n${body}` : body;
    return `---\n${frontmatter}---\n${separated}`;
  },
};
