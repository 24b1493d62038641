import type { Nodes, Root } from 'mdast';
import { mdxComponents, type MdxComponentName } from '../../../src/components/mdx/registry.ts';
import { MdxSyntaxError, parseMdx } from './syntax.ts';

/**
 * What the body widget refuses to save, in the editors' words: invalid MDX, code
 * (`import`/`export`, `{expressions}`), components outside the registry or with wrong props,
 * and the HTML the site forbids. The same rules as the content check, applied while typing,
 * so that what the CMS saves passes `npm run check:content`.
 */

export interface Problem {
  message: string;
  line?: number;
  column?: number;
}

/** HTML elements that would run code or change the page around the article. */
const forbiddenElements = new Set(['script', 'style', 'iframe', 'object', 'embed', 'frame', 'frameset', 'base', 'link', 'meta']);

const isComment = (expression: string) => /^\s*\/\*[\s\S]*\*\/\s*$/.test(expression);

function at(node: Nodes, message: string): Problem {
  const start = node.position?.start;
  return start ? { message, line: start.line, column: start.column } : { message };
}

function checkElement(node: Nodes & { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }, problems: Problem[]) {
  const name = node.name;
  if (!name) {
    problems.push(at(node, 'Pusty znacznik <>…</> jest niedozwolony.'));
    return;
  }
  if (/^[a-z]/.test(name) && !name.includes('.')) {
    if (forbiddenElements.has(name)) problems.push(at(node, `Znacznik <${name}> jest niedozwolony w treści.`));
    for (const attribute of node.attributes) {
      if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string' && attribute.value !== null) {
        problems.push(at(node, `Atrybuty <${name}> muszą być zwykłym tekstem.`));
      } else if (/^on/i.test(attribute.name)) {
        problems.push(at(node, `Atrybut ${attribute.name} (kod JavaScript) jest niedozwolony.`));
      }
    }
    return;
  }
  if (!Object.hasOwn(mdxComponents, name)) {
    const allowed = Object.keys(mdxComponents).join(', ');
    problems.push(at(node, `Nieznany komponent <${name}>. Dozwolone: ${allowed}.`));
    return;
  }
  const entry = mdxComponents[name as MdxComponentName];
  if (node.type === 'mdxJsxTextElement') {
    problems.push(at(node, `<${name}> musi stać w osobnym akapicie, nie w środku tekstu.`));
  }
  const props: Record<string, string> = {};
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') {
      problems.push(at(node, `<${name}>: wartości atrybutów muszą być tekstem w cudzysłowie.`));
      return;
    }
    props[attribute.name] = attribute.value;
  }
  const result = entry.props.safeParse(props);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '');
      problems.push(at(node, `<${name}> ${field}: ${issue.message}`));
    }
  }
  if (!entry.children && node.children.length > 0) {
    problems.push(at(node, `<${name}> nie obejmuje tekstu: zapisz go jako <${name} … />.`));
  }
}

function walk(node: Nodes, problems: Problem[]) {
  switch (node.type) {
    case 'mdxjsEsm':
      problems.push(at(node, 'import i export są niedozwolone w treści artykułu.'));
      break;
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      if (!isComment(node.value)) {
        problems.push(at(node, 'Wyrażenia w nawiasach klamrowych {…} są niedozwolone; nawias jako tekst zapisz jako \\{.'));
      }
      break;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      checkElement(node, problems);
      break;
    default:
      break;
  }
  if ('children' in node) for (const child of node.children) walk(child, problems);
}

/** Problems of a parsed body. */
export function checkTree(tree: Root): Problem[] {
  const problems: Problem[] = [];
  walk(tree, problems);
  return problems;
}

/** Problems of a body text: its syntax first, then the rules above. */
export function checkBody(text: string): Problem[] {
  try {
    return checkTree(parseMdx(text));
  } catch (error) {
    if (error instanceof MdxSyntaxError) {
      return [{ message: `Błąd składni MDX: ${error.message}`, ...(error.line ? { line: error.line } : {}), ...(error.column ? { column: error.column } : {}) }];
    }
    throw error;
  }
}

/** One line per problem: `3:1 message`. */
export function describeProblems(problems: readonly Problem[]): string {
  return problems.map((problem) => (problem.line ? `${problem.line}:${problem.column ?? 1} ${problem.message}` : problem.message)).join('\n');
}
