import type { Definition, Nodes, Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import { mdxComponents, mdxComponentNames, type MdxComponentName } from '../../components/mdx/registry.ts';
import { MdxLimitError, MdxSyntaxError, parseMdx } from '../../content-model/mdx-parser.ts';
import { checkImagePath, type FileIndex } from './files.ts';
import { isCommentOnlyExpression } from './expressions.ts';
import { explainIssue } from './issues.ts';
import { classifyHref } from './links.ts';
import type { Position } from './source.ts';
import { closest, listOf } from './suggest.ts';
import type { LinkUse, Problem, Severity } from './types.ts';

/**
 * The MDX policy for content: what editors may write in a body.
 *
 * - No `import`/`export`: the registered components are available without imports.
 * - No JavaScript expressions (`{…}` in text or attributes); MDX comments `{/* … *\/}` are allowed.
 * - Raw HTML is allowed except the elements in `FORBIDDEN_ELEMENTS`, event-handler attributes
 *   (`on…`), `style` attributes (the site's Content Security Policy blocks them) and
 *   `javascript:`/`vbscript:`/`data:` addresses.
 * - Capitalised elements must be components of `src/components/mdx/registry.ts`, with props as
 *   quoted strings that pass the component's schema; image files must exist.
 */
export const FORBIDDEN_ELEMENTS: Readonly<Record<string, string>> = {
  script: 'remove it: scripts cannot be part of content',
  style: "remove it: the site's styles apply to every article",
  iframe: 'use <Embed url="https://…" title="…" /> instead',
  frame: 'use <Embed url="https://…" title="…" /> instead',
  frameset: 'remove it',
  object: 'use <Embed url="https://…" title="…" /> instead',
  embed: 'use <Embed url="https://…" title="…" />, with a capital E, instead',
  applet: 'remove it',
  base: 'remove it: it would change where every link of the page goes',
  link: 'remove it; for a link write [text](address)',
  meta: 'remove it',
  form: 'link to the form instead: [text](address)',
};

/** Attributes whose value is an address. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'data', 'cite', 'background', 'xlink:href', 'srcset']);

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
type Attribute = MdxJsxAttribute | MdxJsxExpressionAttribute;

interface Point {
  line: number;
  column: number;
}

const HINT_BRACES = 'write the text itself; for literal braces write \\{ and \\}';

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

  const attributeProblems = (element: JsxElement, attribute: Attribute, component: boolean): boolean => {
    const point = attribute.position?.start ?? element.position?.start;
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      report(
        point,
        'no-expression',
        `the JavaScript expression {${attribute.value}} is not allowed in a tag`,
        'write each attribute as name="value"',
      );
      return true;
    }
    const name = attribute.name;
    if (/^on/i.test(name)) {
      report(
        point,
        'event-handler',
        `the event-handler attribute ${name} is not allowed`,
        'remove the attribute: content cannot run scripts',
      );
      return true;
    }
    if (!component && name.toLowerCase() === 'style') {
      report(
        point,
        'forbidden-attribute',
        "the style attribute is blocked by the site's Content Security Policy",
        'remove the style attribute',
      );
      return true;
    }
    if (attribute.value !== null && typeof attribute.value === 'object') {
      report(
        point,
        'no-expression',
        `the value of ${name} is a JavaScript expression {${attribute.value.value}}`,
        `write a plain value in quotes: ${name}="…"`,
      );
      return true;
    }
    if (typeof attribute.value === 'string' && URL_ATTRIBUTES.has(name.toLowerCase())) {
      const target = classifyHref(attribute.value, input.pagePath, environment.siteOrigin);
      if (target.kind === 'unsafe') {
        report(point, 'unsafe-url', `${target.scheme}: addresses are not allowed`, 'link to an https:// address or a page of the site');
        return true;
      }
    }
    return false;
  };

  const htmlElement = (element: JsxElement, name: string) => {
    const point = element.position?.start;
    const lower = name.toLowerCase();
    const forbidden = FORBIDDEN_ELEMENTS[lower];
    if (forbidden !== undefined) {
      report(point, 'forbidden-element', `<${name}> is not allowed in content`, forbidden);
    } else if (lower === 'img') {
      report(
        point,
        'image',
        '<img> is not processed by the site, so the image would not load',
        'use <Figure src="../images/…" alt="…" /> instead',
      );
    } else {
      const component = mdxComponentNames.find((candidate) => candidate.toLowerCase() === lower && candidate !== 'Figure');
      if (component)
        report(
          point,
          'unknown-component',
          `<${name}> is not a component: names of components start with a capital letter`,
          `write <${component}>`,
        );
    }
    for (const attribute of element.attributes) {
      if (attributeProblems(element, attribute, false)) continue;
      if (attribute.type === 'mdxJsxAttribute' && lower === 'a' && attribute.name === 'href' && typeof attribute.value === 'string') {
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
    for (const attribute of element.attributes) {
      if (attributeProblems(element, attribute, true)) {
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
        const imagePath =
          name === 'Figure' && prop === 'src' && typeof value === 'string'
            ? /(?:^|\/)images\/(.+\.(?:jpe?g|png|webp))$/i.exec(value)?.[1]
            : undefined;
        report(
          positions.get(prop) ?? point,
          `${name}.${explained.field}`,
          explained.message,
          imagePath
            ? `write src="../images/${imagePath}"`
            : name === 'Figure' && prop === 'src'
              ? 'use a .jpg, .png or .webp file in content/images, written as ../images/<file>'
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
    switch (node.type) {
      case 'mdxjsEsm': {
        const keyword = /^\s*(import|export)\b/.exec(node.value)?.[1] ?? 'import/export';
        report(
          node.position?.start,
          'no-import-export',
          `${keyword} statements are not allowed in content`,
          keyword === 'import'
            ? 'remove the line: the components Figure, Callout, Quote, Ad and Embed need no import'
            : 'remove the line: put data in the front matter',
        );
        return;
      }
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        if (isCommentOnlyExpression(node)) return;
        const shown = node.value.trim().length > 40 ? `${node.value.trim().slice(0, 40)}…` : node.value.trim();
        report(
          node.position?.start,
          'no-expression',
          shown === '' ? 'empty braces {} are not allowed' : `the JavaScript expression {${shown}} is not allowed`,
          HINT_BRACES,
        );
        return;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name;
        if (name === null) {
          report(
            node.position?.start,
            'unknown-component',
            'fragments <>…</> are not allowed',
            'remove <> and </>, keeping the text between them',
          );
        } else if (/^[a-z]/.test(name) && !name.includes('.')) {
          htmlElement(node, name);
          // What is inside a forbidden element goes with it.
          if (FORBIDDEN_ELEMENTS[name.toLowerCase()] !== undefined) return;
        } else if ((mdxComponentNames as readonly string[]).includes(name)) {
          componentElement(node, name as MdxComponentName);
        } else {
          const suggestion = closest(name, mdxComponentNames);
          report(
            node.position?.start,
            'unknown-component',
            `<${name}> is not a component editors can use`,
            suggestion ? `did you mean <${suggestion}>?` : `use ${listOf(mdxComponentNames)}, or write the text without a component`,
          );
        }
        break;
      }
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
