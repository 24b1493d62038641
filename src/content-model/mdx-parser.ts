import type { Root } from 'mdast';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { remark } from 'remark';
import remarkMdx from 'remark-mdx';
import type { Processor } from 'unified';
import { findLimitProblem, type LimitKind } from './mdx-limits.ts';

/**
 * The one parser of article bodies: MDX with GitHub-flavoured Markdown (tables, strikethrough,
 * autolinks, task lists, footnotes), the syntax the site's MDX pipeline accepts. The content
 * check, reading time and the CMS all read bodies with it, so they see the same tree.
 */

/**
 * Processors by which GFM parts a body can contain: remark with `remark-mdx`, plus the GFM
 * parts the text can hold. Each part looks at the text for its own marker, and autolink
 * literals, footnotes and tables cost more than the rest of parsing together (tables try every
 * paragraph's first line as a header row). A body without `www.`, `://` or `@` cannot hold an
 * autolink literal, one without `[^` no footnote, one without `|` no table (GFM's delimiter row
 * needs a pipe), one without `~` no strikethrough and one without `[` no task list item: such
 * bodies are parsed without those parts and give the same tree as with all of GFM
 * (`mdx-parser.test.ts` compares them).
 * Built once per combination: constructing the extensions costs more than parsing an article.
 */
const processorsByParts = new Map<string, Processor<Root>>();

function processorFor(text: string): Processor<Root> {
  const autolinks = /www\.|:\/\/|@/i.test(text);
  const footnotes = text.includes('[^');
  const tables = text.includes('|');
  const strikethrough = text.includes('~');
  const tasks = text.includes('[');
  const key = `${autolinks}/${footnotes}/${tables}/${strikethrough}/${tasks}`;
  let processor = processorsByParts.get(key);
  if (!processor) {
    // What remark-gfm does for all of GFM, for the parts this text can hold.
    function gfmParts(this: Processor) {
      const data = this.data();
      (data.micromarkExtensions ??= []).push(
        ...(autolinks ? [gfmAutolinkLiteral()] : []),
        ...(footnotes ? [gfmFootnote()] : []),
        ...(strikethrough ? [gfmStrikethrough()] : []),
        ...(tables ? [gfmTable()] : []),
        ...(tasks ? [gfmTaskListItem()] : []),
      );
      (data.fromMarkdownExtensions ??= []).push(
        ...(autolinks ? [gfmAutolinkLiteralFromMarkdown()] : []),
        ...(footnotes ? [gfmFootnoteFromMarkdown()] : []),
        ...(strikethrough ? [gfmStrikethroughFromMarkdown()] : []),
        ...(tables ? [gfmTableFromMarkdown()] : []),
        ...(tasks ? [gfmTaskListItemFromMarkdown()] : []),
      );
    }
    processor = remark().use(remarkMdx).use(gfmParts).freeze() as unknown as Processor<Root>;
    processorsByParts.set(key, processor);
  }
  return processor;
}

/** Where a parse failed, in the body's own lines and columns. */
export class MdxSyntaxError extends Error {
  /** The parser's own reason, without position. */
  readonly reason: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  constructor(reason: string, line: number | undefined, column: number | undefined, options?: ErrorOptions) {
    super(reason, options);
    this.name = 'MdxSyntaxError';
    this.reason = reason;
    this.line = line;
    this.column = column;
  }
}

/** A body that exceeds a limit of `mdx-limits.ts` (nesting, emphasis marks), or nests too deeply to parse. */
export class MdxLimitError extends MdxSyntaxError {
  /** Which limit (see `limitMessagesPl` for the editors' words). */
  readonly kind: LimitKind;
  /** How to fix it, in English. */
  readonly fix: string;
  constructor(kind: LimitKind, reason: string, fix: string, line: number | undefined, column: number | undefined, options?: ErrorOptions) {
    super(reason, line, column, options);
    this.name = 'MdxLimitError';
    this.kind = kind;
    this.fix = fix;
  }
}

/**
 * Parses an MDX body (without front matter) into mdast with source positions. Throws
 * `MdxLimitError` for a body beyond the limits (checked first, in linear time) and
 * `MdxSyntaxError` for invalid MDX.
 */
export function parseMdx(text: string): Root {
  const limit = findLimitProblem(text);
  if (limit) throw new MdxLimitError(limit.kind, limit.message, limit.fix, limit.line, limit.column);
  try {
    return processorFor(text).parse(text);
  } catch (error) {
    // Nesting the scan did not foresee still ends in a clear error rather than a crash.
    if (error instanceof RangeError)
      throw new MdxLimitError(
        'too-deep',
        'the text is nested too deeply to read',
        'nest quotes, lists and tags a few levels deep at most',
        1,
        1,
        {
          cause: error,
        },
      );
    const place = (error as { place?: { line?: number; column?: number; start?: { line?: number; column?: number } } }).place;
    const point = place && 'start' in place ? place.start : place;
    const reason = (error as { reason?: string }).reason ?? (error instanceof Error ? error.message : String(error));
    throw new MdxSyntaxError(reason, point?.line, point?.column, { cause: error });
  }
}
