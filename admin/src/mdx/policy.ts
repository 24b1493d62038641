import type { Nodes, Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { mdxComponents, mdxComponentNames, type MdxComponentName } from '../../../src/components/mdx/registry.ts';
import { isCommentOnlyExpression } from '../../../src/content-check/lib/expressions.ts';
import { classifyHref } from '../../../src/content-check/lib/links.ts';
import { MdxSyntaxError, parseMdx } from './syntax.ts';

/**
 * What the body widget refuses to save, in the editors' words: the rules of the content check
 * (`src/content-check/lib/mdx.ts`) that can be decided from the text alone, applied while
 * typing, so that what the CMS saves passes `npm run check:content`. Whether image files and
 * ad slots exist is left to the media library and the check. A test runs both on the same
 * texts, so the two cannot drift apart.
 */

export interface Problem {
  message: string;
  line?: number;
  column?: number;
}

/** HTML elements content may not use (the content check's `FORBIDDEN_ELEMENTS`), with the way out. */
export const forbiddenElements: Readonly<Record<string, string>> = {
  script: 'skrypty nie mogą być częścią treści',
  style: 'wygląd artykułów ustala arkusz stylów serwisu',
  iframe: 'użyj elementu „Osadzony odnośnik” (<Embed />)',
  frame: 'użyj elementu „Osadzony odnośnik” (<Embed />)',
  frameset: 'usuń go',
  object: 'użyj elementu „Osadzony odnośnik” (<Embed />)',
  embed: 'użyj elementu „Osadzony odnośnik” (<Embed />, z wielkiej litery)',
  applet: 'usuń go',
  base: 'zmieniłby adresy wszystkich linków strony',
  link: 'link zapisz jako [tekst](adres)',
  meta: 'usuń go',
  form: 'dodaj link do formularza: [tekst](adres)',
};

/** Attributes whose value is an address. */
const urlAttributes = new Set(['href', 'src', 'action', 'formaction', 'poster', 'data', 'cite', 'background', 'xlink:href', 'srcset']);

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
    const target = classifyHref(href, '/artykuly/', undefined);
    if (target.kind === 'empty') this.report(node, 'Link bez adresu.');
    else if (target.kind === 'unsafe') this.report(node, `Adresy ${target.scheme}: są niedozwolone.`);
  }

  /** Problems of an element's attributes; true when an attribute is not plain text. */
  attributes(element: Element, component: boolean): boolean {
    let code = false;
    for (const attribute of element.attributes) {
      if (attribute.type === 'mdxJsxExpressionAttribute' || (attribute.value !== null && typeof attribute.value === 'object')) {
        this.report(element, `<${element.name}>: wartości atrybutów muszą być zwykłym tekstem w cudzysłowie, bez {…}.`);
        code = true;
        continue;
      }
      if (/^on/i.test(attribute.name)) {
        this.report(element, `Atrybut ${attribute.name} uruchamiałby skrypt i jest niedozwolony.`);
        code = true;
      } else if (!component && attribute.name.toLowerCase() === 'style') {
        this.report(element, 'Atrybut style blokuje polityka bezpieczeństwa serwisu (CSP); usuń go.');
      } else if (typeof attribute.value === 'string' && urlAttributes.has(attribute.name.toLowerCase())) {
        const target = classifyHref(attribute.value, '/artykuly/', undefined);
        if (target.kind === 'unsafe') this.report(element, `Adresy ${target.scheme}: są niedozwolone.`);
      }
    }
    return code;
  }

  html(element: Element, name: string): boolean {
    const lower = name.toLowerCase();
    const forbidden = forbiddenElements[lower];
    if (forbidden !== undefined) this.report(element, `Znacznik <${name}> jest niedozwolony w treści: ${forbidden}.`);
    else if (lower === 'img') this.report(element, 'Serwis nie przetwarza <img>; użyj elementu „Zdjęcie z podpisem” (<Figure />).');
    else {
      const component = mdxComponentNames.find((candidate) => candidate.toLowerCase() === lower && candidate !== 'Figure');
      if (component) this.report(element, `<${name}> to nie komponent: nazwy komponentów zaczynają się wielką literą (<${component}>).`);
    }
    this.attributes(element, false);
    const level = /^h([1-6])$/.exec(lower)?.[1];
    if (level) this.heading(element, Number(level));
    return forbidden !== undefined;
  }

  component(element: Element, name: MdxComponentName) {
    const definition = mdxComponents[name];
    if (this.attributes(element, true)) return;
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

  visit(node: Nodes) {
    switch (node.type) {
      case 'mdxjsEsm':
        this.report(node, 'import i export są niedozwolone w treści; komponenty działają bez importu.');
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        if (!isCommentOnlyExpression(node))
          this.report(node, 'Wyrażenia w nawiasach klamrowych {…} są niedozwolone; nawias jako tekst zapisz jako \\{ i \\}.');
        return;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name;
        if (name === null) this.report(node, 'Pusty znacznik <>…</> jest niedozwolony.');
        else if (/^[a-z]/.test(name) && !name.includes('.')) {
          if (this.html(node, name)) return;
        } else if ((mdxComponentNames as readonly string[]).includes(name)) this.component(node, name as MdxComponentName);
        else this.report(node, `Nieznany komponent <${name}>. Dozwolone: ${mdxComponentNames.join(', ')}.`);
        break;
      }
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
