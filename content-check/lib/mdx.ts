import type { Definition, Nodes, Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import { mdxComponents, mdxComponentNames, type MdxComponentName } from '../../src/components/mdx/registry.ts';
import { MdxLimitError, MdxSyntaxError, parseMdx } from '../../src/content-model/mdx-parser.ts';
import { IMAGE_TYPES_TEXT, imageTypeProblem } from '../../src/content-model/model.ts';
import { checkImagePath, IMAGE_IN_FOLDER, type FileIndex } from './files.ts';
import { componentAttributeIssues, englishMessage, isHtmlName, nodeIssues, type PolicyIssue } from '../../src/content-model/mdx-policy.ts';
import { explainIssue } from './issues.ts';
import { classifyHref } from '../../src/content-model/links.ts';
import type { Position } from '../../src/content-model/source.ts';
import { closest, listOf } from './suggest.ts';
import type { LinkUse, Problem, Severity } from './types.ts';

/**
 * The checks of an article body: the MDX policy of `src/content-model/mdx-policy.ts` (shared
 * with the CMS, in English here), then what needs the content folder: components' props
 * against the registry, image files, ad slots, headings and internal links.
 */

/** Where a body sits in its file, and what it may refer to. */
export interface BodyInput {
  /** Absolute path of the file. */
  file: string;
  /** Path relative to the content folder. */
  relative: string;
  body: string;
  /** Position in the file of the body's first character. */
  start: Position;
  /** The URL the page is served at, for resolving relative links. */
  pagePath: string;
}

/** Facts about the content folder the body checks need. */
export interface BodyEnvironment {
  index: FileIndex;
  /** Ad slot ids from the settings; undefined when the settings could not be read. */
  adSlots: readonly string[] | undefined;
  siteOrigin: string | undefined;
}

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

interface Point {
  line: number;
  column: number;
}

/** Turns the parser's message into one line and a hint. */
function explainSyntaxError(reason: string): { message: string; fix: string } {
  const note = /\s*\(note: ([^)]*(?:\([^)]*\)[^)]*)*)\)/.exec(reason)?.[1];
  const message = reason
    .replace(/\s*\(note: [^)]*(?:\([^)]*\)[^)]*)*\)/, '')
    .replace(/\s*\(\d+:\d+-\d+:\d+\)/g, '')
    .replace(/, expected a character that can start a name, such as a letter, `\$`, or `_`$/, '');
  let fix = 'correct the MDX at this place; a literal <, { or } in text needs a backslash: \\<, \\{, \\}';
  if ((note ?? '').includes('comment in MDX')) fix = 'write comments as {/* text */}; HTML comments <!-- --> do not work in MDX';
  else if (reason.includes('before name')) fix = 'a < right before a character starts a tag; for a literal < write \\< or &lt;';
  else if (/in expression|expression with acorn|closing brace/.test(reason))
    fix = 'a { in text starts an expression: for literal braces write \\{ and \\}';
  else if (/^Expected a closing tag for `<([^>`]+)>`/.test(reason))
    fix = `close it with </${/`<([^>`]+)>`/.exec(reason)?.[1] ?? ''}>; for a literal < write \\<`;
  else if (reason.includes('Unexpected closing tag')) fix = 'close tags in the reverse order of opening them';
  else if (reason.includes('closing slash')) fix = 'remove the stray closing tag, or add its opening tag';
  else if (reason.includes('closing quote')) fix = 'close the quote of the attribute value';
  else if (note) fix = note;
  return { message: `invalid MDX: ${message}`, fix };
}

/**
 * Parses a body with the site's MDX parser and checks it against the MDX policy, the component
 * registry, images and headings. Internal links are collected for the second pass.
 */
export function checkBody(input: BodyInput, environment: BodyEnvironment, problems: Problem[], links: LinkUse[]): void {
  const at = (point: Point | undefined) => {
    const line = point?.line ?? 1;
    const column = point?.column ?? 1;
    return line === 1 ? { line: input.start.line, column: input.start.column + column - 1 } : { line: input.start.line + line - 1, column };
  };
  const report = (point: Point | undefined, rule: string, message: string, fix: string, severity: Severity = 'error') =>
    problems.push({ file: input.file, ...at(point), rule, message, fix, severity });

  let tree: Root;
  try {
    tree = parseMdx(input.body);
  } catch (error) {
    if (error instanceof MdxLimitError) {
      report(error.line === undefined ? undefined : { line: error.line, column: error.column ?? 1 }, 'limit', error.message, error.fix);
      return;
    }
    const failure: { reason?: string; message?: string; line?: number | undefined; column?: number | undefined } =
      error instanceof MdxSyntaxError ? { reason: error.reason, line: error.line, column: error.column } : (error as { message?: string });
    const reason = failure.reason ?? failure.message ?? String(error);
    // Some messages carry the position only in their text: "(3:1-3:10)".
    const inText = /\((\d+):(\d+)-\d+:\d+\)/.exec(reason);
    // For an unclosed tag the parser points at the end of the enclosing block; the opening tag is more useful.
    const preferText = inText !== null && (reason.startsWith('Expected a closing tag') || failure.line === undefined);
    const point = preferText
      ? { line: Number(inText[1]), column: Number(inText[2]) }
      : failure.line !== undefined && failure.column !== undefined
        ? { line: failure.line, column: failure.column }
        : undefined;
    const { message, fix } = explainSyntaxError(reason);
    report(point, 'mdx-syntax', message, fix);
    return;
  }

  let previousHeading = 1;
  const heading = (point: Point | undefined, depth: number, how: (level: number) => string) => {
    if (depth === 1) {
      report(
        point,
        'heading',
        'a level-1 heading in the body: the title is the only level-1 heading of the page',
        `use ${how(2)} for a section heading`,
      );
    } else if (depth > previousHeading + 1) {
      report(
        point,
        'heading',
        `a level-${depth} heading follows a level-${previousHeading} heading, skipping a level`,
        `use ${how(previousHeading + 1)} here, or add the missing level above it`,
      );
    }
    previousHeading = depth;
  };

  const link = (point: Point | undefined, rule: string, href: string) => {
    const target = classifyHref(href, input.pagePath, environment.siteOrigin);
    if (target.kind === 'empty')
      report(point, rule, 'the link has no address', 'write the address between the parentheses: [text](/artykuly/…/)');
    else if (target.kind === 'unsafe')
      report(point, 'unsafe-url', `${target.scheme}: addresses are not allowed`, 'link to an https:// address or a page of the site');
    else if (target.kind === 'internal') links.push({ file: input.file, ...at(point), rule, href, path: target.path });
  };

  const image = (point: Point | undefined, rule: string, url: string) => {
    const problem = checkImagePath(url, input.relative, environment.index);
    if (problem) report(point, rule, problem.message, problem.fix);
  };

  const imageDefinitions = new Set<string>();
  const definitions: Definition[] = [];

  const policy = (found: PolicyIssue) => {
    const { message, fix } = englishMessage(found);
    let rule: string = found.rule;
    if (found.rule === 'no-fragment' || found.rule === 'lowercase-component') rule = 'unknown-component';
    if (found.rule === 'forbidden-element' && found.data.hint === 'image' && found.data.name.toLowerCase() === 'img') rule = 'image';
    if (found.rule === 'unknown-component') {
      const suggestion = closest(found.data.name, mdxComponentNames);
      const suggested = englishMessage({ ...found, data: suggestion ? { ...found.data, suggestion } : found.data });
      report(found.node.position?.start, rule, suggested.message, suggested.fix);
      return;
    }
    report(found.node.position?.start, rule, message, fix);
  };

  /** Raw HTML that the policy allows: links are collected, headings checked. */
  const htmlElement = (element: JsxElement, name: string) => {
    const point = element.position?.start;
    const lower = name.toLowerCase();
    for (const attribute of element.attributes) {
      if (attribute.type === 'mdxJsxAttribute' && lower === 'a' && attribute.name === 'href' && typeof attribute.value === 'string') {
        if (componentAttributeIssues({ ...element, attributes: [attribute] }).length === 0)
          link(attribute.position?.start ?? point, 'link', attribute.value);
      }
    }
    const level = /^h([1-6])$/.exec(lower)?.[1];
    if (level) heading(point, Number(level), (depth) => `<h${depth}> or ${'#'.repeat(depth)} in Markdown`);
  };

  const componentElement = (element: JsxElement, name: MdxComponentName) => {
    const definition = mdxComponents[name];
    const point = element.position?.start;
    const props: Record<string, string | true> = {};
    const positions = new Map<string, Point | undefined>();
    const skipped = new Set<string>();
    // After a reported spread `{...x}` a missing prop may be meant to come from it: do not report it again.
    const spread = element.attributes.some((attribute) => attribute.type === 'mdxJsxExpressionAttribute');
    const refused = new Map(componentAttributeIssues(element).map((found) => [found.node, found]));
    for (const attribute of element.attributes) {
      const found = refused.get(attribute);
      if (found) {
        policy(found);
        if (attribute.type === 'mdxJsxAttribute') skipped.add(attribute.name);
        continue;
      }
      if (attribute.type !== 'mdxJsxAttribute') continue;
      const attributePoint = attribute.position?.start ?? point;
      if (attribute.name in props) {
        report(attributePoint, `${name}.${attribute.name}`, `${attribute.name} is given twice`, 'keep one of them');
        continue;
      }
      props[attribute.name] = typeof attribute.value === 'string' ? attribute.value : true;
      positions.set(attribute.name, attributePoint);
    }
    const known = Object.keys(definition.props.shape);
    const result = definition.props.safeParse(props);
    if (!result.success) {
      for (const issue of result.error.issues) {
        if (issue.code === 'unrecognized_keys') {
          for (const key of issue.keys) {
            const suggestion = closest(key, known);
            report(
              positions.get(key) ?? point,
              `${name}.${key}`,
              `<${name}> has no prop "${key}"`,
              suggestion ? `did you mean ${suggestion}?` : `remove it; the props of <${name}> are ${listOf(known)}`,
            );
          }
          continue;
        }
        const prop = String(issue.path[0] ?? '');
        if (skipped.has(prop) || (spread && props[prop] === undefined)) continue;
        const explained = explainIssue(issue, props, { container: `<${name}>` });
        const value = props[prop];
        // A Figure path written from the site root or without ../ is the most common slip: show the right form.
        const imagePath = name === 'Figure' && prop === 'src' && typeof value === 'string' ? IMAGE_IN_FOLDER.exec(value)?.[1] : undefined;
        report(
          positions.get(prop) ?? point,
          `${name}.${explained.field}`,
          explained.message,
          imagePath
            ? `write src="../images/${imagePath}"`
            : name === 'Figure' && prop === 'src' && (typeof value !== 'string' || !imageTypeProblem(value))
              ? `use a ${IMAGE_TYPES_TEXT.en} file in content/images, written as ../images/<file>`
              : explained.fix,
        );
      }
    }
    // Props that passed their own schema are checked against the files and settings even when another prop failed.
    const failed = new Set(result.success ? [] : result.error.issues.map((issue) => String(issue.path[0] ?? '')));
    const valid = (prop: string): string | undefined => {
      const value = props[prop];
      return typeof value === 'string' && !failed.has(prop) ? value.trim() : undefined;
    };
    const src = name === 'Figure' ? valid('src') : undefined;
    if (src !== undefined) image(positions.get('src'), 'Figure.src', src);
    const slot = name === 'Ad' ? valid('slot') : undefined;
    if (slot !== undefined && environment.adSlots && !environment.adSlots.includes(slot)) {
      const suggestion = closest(slot, environment.adSlots);
      report(
        positions.get('slot'),
        'Ad.slot',
        `there is no ad slot "${slot}" in the site settings`,
        suggestion
          ? `did you mean "${suggestion}"?`
          : environment.adSlots.length > 0
            ? `use ${listOf(environment.adSlots)}`
            : 'define the slot under ads.slots in the settings first',
      );
    }
    const content = element.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
    if (!definition.children && content.length > 0) {
      report(point, name, `<${name}> takes no content between its tags`, `write it self-closing: <${name} … />`);
    } else if (definition.children && content.length === 0) {
      report(point, name, `<${name}> is empty`, `put the text between <${name}> and </${name}>`, 'warning');
    }
  };

  const visit = (node: Nodes) => {
    const judged = nodeIssues(node);
    if (judged) {
      for (const found of judged.issues) policy(found);
      if (judged.stop) return;
      if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name !== null && isHtmlName(node.name))
        htmlElement(node, node.name);
    } else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name !== null) {
      componentElement(node, node.name as MdxComponentName);
    }
    switch (node.type) {
      case 'heading':
        heading(node.position?.start, node.depth, (depth) => '#'.repeat(depth));
        break;
      case 'link':
        link(node.position?.start, 'link', node.url);
        break;
      case 'image':
        image(node.position?.start, 'image', node.url);
        if (node.alt === null || node.alt === undefined || node.alt.trim() === '') {
          report(
            node.position?.start,
            'image',
            'the image has no alternative text',
            'describe the image between the brackets: ![What the photo shows](…)',
          );
        }
        return;
      case 'imageReference':
        imageDefinitions.add(node.identifier);
        if (node.alt === null || node.alt === undefined || node.alt.trim() === '') {
          report(
            node.position?.start,
            'image',
            'the image has no alternative text',
            'describe the image between the brackets: ![What the photo shows][…]',
          );
        }
        return;
      case 'definition':
        definitions.push(node);
        return;
      case 'code':
      case 'inlineCode':
      case 'text':
        return;
      default:
        break;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);

  for (const definition of definitions) {
    if (imageDefinitions.has(definition.identifier)) image(definition.position?.start, 'image', definition.url);
    else link(definition.position?.start, 'link', definition.url);
  }
}
