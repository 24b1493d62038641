import type { Definition, Nodes, Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import { mdxComponentNames } from '../../src/components/mdx/registry.ts';
import { parseMdx } from '../../src/content-model/mdx-parser.ts';
import { checkImagePath, type FileIndex } from './files.ts';
import {
  applyNodePolicy,
  componentAttributeIssues,
  englishMessage,
  type PolicyIssue,
  type PolicyRules,
} from '../../src/content-model/mdx-policy.ts';
import { classifyHref } from '../../src/content-model/links.ts';
import { checkComponent, type Point } from './mdx-props.ts';
import { syntaxProblem } from './mdx-syntax.ts';
import type { Position } from '../../src/content-model/source.ts';
import { closest } from './suggest.ts';
import type { LinkUse, Problem, Severity } from './types.ts';
import { urls } from '../../src/lib/urls.ts';

/**
 * The checks of an article body: the MDX policy of `src/content-model/mdx-policy.ts` (shared
 * with the CMS, in English here), then what needs the content folder: components' props
 * against the registry, image files, ad slots, headings and internal links. This module walks
 * the tree; a body that does not parse is explained by `mdx-syntax.ts`, a component's props
 * are judged by `mdx-props.ts`.
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
    const problem = syntaxProblem(error);
    report(problem.point, problem.rule, problem.message, problem.fix);
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
      report(point, rule, 'the link has no address', `write the address between the parentheses: [text](${urls.articles}…/)`);
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

  const rules: PolicyRules = {
    issue: policy,
    html: htmlElement,
    component: (element, name) => checkComponent(element, name, { adSlots: environment.adSlots, report, policy, image }),
  };

  const visit = (node: Nodes) => {
    if (!applyNodePolicy(node, rules)) return;
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
