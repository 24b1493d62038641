import type { Nodes, Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { mdxComponents, type MdxComponentName } from '../../../src/components/mdx/registry.ts';
import { urls } from '../../../src/lib/urls.ts';
import { classifyHref } from '../../../src/content-model/links.ts';
import { limitMessagesPl } from '../../../src/content-model/mdx-limits.ts';
import { applyNodePolicy, componentAttributeIssues, polishMessage, type PolicyIssue } from '../../../src/content-model/mdx-policy.ts';
import { MdxLimitError, MdxSyntaxError, parseMdx } from './syntax.ts';

/**
 * What the body widget refuses to save, in the editors' words: the MDX policy of
 * `src/content-model/mdx-policy.ts` (the one the content check applies, with its Polish
 * message table) and the rules of the check that can be decided from the text alone, applied
 * while typing, so that what the CMS saves passes `npm run check:content`. Whether image
 * files and ad slots exist is left to the media library and the check. A test runs both on
 * the same texts.
 */

export interface Problem {
  message: string;
  line?: number;
  column?: number;
}

type Element = MdxJsxFlowElement | MdxJsxTextElement;

class Checker {
  readonly problems: Problem[] = [];
  private previousHeading = 1;

  report(node: Nodes | undefined, message: string) {
    const start = node?.position?.start;
    this.problems.push(start ? { message, line: start.line, column: start.column } : { message });
  }

  heading(node: Nodes, depth: number) {
    if (depth === 1) this.report(node, 'Nagłówek 1. stopnia w treści: jedynym takim nagłówkiem strony jest tytuł. Użyj śródtytułu.');
    else if (depth > this.previousHeading + 1) {
      this.report(
        node,
        `Śródtytuł ${depth}. stopnia po nagłówku ${this.previousHeading}. stopnia pomija poziom. Użyj ${this.previousHeading + 1}. stopnia.`,
      );
    }
    this.previousHeading = depth;
  }

  address(node: Nodes, href: string) {
    const target = classifyHref(href, urls.articles, undefined);
    if (target.kind === 'empty') this.report(node, 'Link bez adresu.');
    else if (target.kind === 'unsafe') this.report(node, `Adresy ${target.scheme}: są niedozwolone.`);
  }

  /** Raw HTML the policy allowed: links and headings. */
  html(element: Element, name: string) {
    for (const attribute of element.attributes) {
      if (attribute.type === 'mdxJsxAttribute' && name === 'a' && attribute.name === 'href' && typeof attribute.value === 'string') {
        this.address(element, attribute.value);
      }
    }
    const level = /^h([1-6])$/.exec(name.toLowerCase())?.[1];
    if (level) this.heading(element, Number(level));
  }

  component(element: Element, name: MdxComponentName) {
    const definition = mdxComponents[name];
    const refused = componentAttributeIssues(element);
    for (const found of refused) this.report(element, `<${name}>: ${polishMessage(found)}`);
    if (refused.length > 0) return;
    const props: Record<string, string | true> = {};
    for (const attribute of element.attributes) {
      if (attribute.type !== 'mdxJsxAttribute') continue;
      if (attribute.name in props) this.report(element, `<${name}>: atrybut ${attribute.name} podano dwa razy.`);
      props[attribute.name] = typeof attribute.value === 'string' ? attribute.value : true;
    }
    const result = definition.props.safeParse(props);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.join('.');
        const message = issue.code === 'unrecognized_keys' ? 'nieznany atrybut' : issue.message;
        this.report(element, `<${name}> ${field}: ${message}`);
      }
    }
    const content = element.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
    if (!definition.children && content.length > 0) this.report(element, `<${name}> nie obejmuje tekstu: zapisz go jako <${name} … />.`);
  }

  issue(found: PolicyIssue, node: Nodes) {
    this.report(node, polishMessage(found));
  }

  visit(node: Nodes) {
    if (!applyNodePolicy(node, this)) return;
    switch (node.type) {
      case 'heading':
        this.heading(node, node.depth);
        break;
      case 'link':
      case 'definition':
        this.address(node, node.url);
        break;
      case 'image':
      case 'imageReference':
        if (!node.alt?.trim()) this.report(node, 'Obrazek bez tekstu alternatywnego: opisz go w nawiasach kwadratowych.');
        return;
      case 'code':
      case 'inlineCode':
      case 'text':
        return;
      default:
        break;
    }
    if ('children' in node) for (const child of node.children) this.visit(child);
  }
}

/** Problems of a parsed body. */
export function checkTree(tree: Root): Problem[] {
  const checker = new Checker();
  checker.visit(tree);
  return checker.problems;
}

/** Problems of a body text: its syntax first, then the rules above. */
export function checkBody(text: string): Problem[] {
  try {
    return checkTree(parseMdx(text));
  } catch (error) {
    if (error instanceof MdxLimitError) {
      return [
        {
          message: limitMessagesPl[error.kind],
          ...(error.line ? { line: error.line } : {}),
          ...(error.column ? { column: error.column } : {}),
        },
      ];
    }
    if (error instanceof MdxSyntaxError) {
      return [
        {
          message: `Błąd składni MDX: ${error.message}. Znaki <, { i } jako tekst zapisz jako \\<, \\{ i \\}.`,
          ...(error.line ? { line: error.line } : {}),
          ...(error.column ? { column: error.column } : {}),
        },
      ];
    }
    throw error;
  }
}

/** One line per problem: `3:1 message`. */
export function describeProblems(problems: readonly Problem[]): string {
  return problems
    .map((problem) => (problem.line ? `${problem.line}:${problem.column ?? 1} ${problem.message}` : problem.message))
    .join('\n');
}
