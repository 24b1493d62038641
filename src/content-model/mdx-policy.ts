import type { Nodes } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { mdxComponentNames, type MdxComponentName } from '../components/mdx/registry.ts';
import { isCommentOnlyExpression } from './mdx-expressions.ts';
import { judgeUrl } from './url-policy.ts';

/**
 * The MDX policy for content: what editors may write in a body, decided from the syntax tree
 * alone, reported the way remark-lint rules report (`{ rule, node, data }`). Words come from
 * the message tables: English for the content check (`policyMessagesEn`), Polish for the CMS
 * (`policyMessagesPl`). Both read bodies with `mdx-parser.ts`, so they judge the same tree.
 *
 * - No `import`/`export`: the registered components are available without imports.
 * - No JavaScript expressions (`{…}` in text or attributes); MDX comments `{/* … *\/}` are allowed.
 * - Raw HTML is an allow-list: the text-level and block elements of `ALLOWED_ELEMENTS`, each
 *   with the attributes listed for it (plus `GLOBAL_ATTRIBUTES`); every other element
 *   (`<noscript>`, `<svg>`, `<animate>`, `<svg:script>`, `<iframe>`…) and attribute
 *   (`on…`, `style`, `xlink:href`, `class`, `id`…) is refused. Address attributes pass the
 *   URL allow-list of `url-policy.ts`.
 * - Capitalised names must be components of `src/components/mdx/registry.ts`; their props are
 *   judged by the component's schema, by the caller.
 */

/** Attributes any allowed element may carry. */
export const GLOBAL_ATTRIBUTES: readonly string[] = ['title', 'lang', 'dir', 'translate'];

/** Raw HTML elements editors may use, with the attributes each may carry besides the global ones. */
export const ALLOWED_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'hreflang'],
  abbr: [],
  b: [],
  bdi: [],
  bdo: [],
  blockquote: ['cite'],
  br: [],
  caption: [],
  cite: [],
  code: [],
  data: ['value'],
  dd: [],
  del: ['cite', 'datetime'],
  details: ['open'],
  dfn: [],
  div: [],
  dl: [],
  dt: [],
  em: [],
  h1: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  hr: [],
  i: [],
  ins: ['cite', 'datetime'],
  kbd: [],
  li: ['value'],
  mark: [],
  ol: ['start', 'reversed', 'type'],
  p: [],
  pre: [],
  q: ['cite'],
  s: [],
  samp: [],
  small: [],
  span: [],
  strong: [],
  sub: [],
  summary: [],
  sup: [],
  table: [],
  tbody: [],
  td: ['colspan', 'rowspan', 'headers'],
  tfoot: [],
  th: ['colspan', 'rowspan', 'headers', 'scope', 'abbr'],
  thead: [],
  time: ['datetime'],
  tr: [],
  u: [],
  ul: [],
  var: [],
  wbr: [],
};

/** Attributes whose value is an address, judged by the URL allow-list. */
export const URL_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'cite', 'src', 'url']);

/** Elements refused with a more helpful way out than the generic one (keys of the message tables' hints). */
export type ElementHint = 'script' | 'style' | 'frame' | 'embed' | 'form' | 'base' | 'link' | 'image' | 'svg' | 'other';

const HINTS: Readonly<Record<string, ElementHint>> = {
  script: 'script',
  noscript: 'script',
  style: 'style',
  iframe: 'frame',
  frame: 'frame',
  frameset: 'frame',
  object: 'frame',
  applet: 'frame',
  embed: 'embed',
  form: 'form',
  input: 'form',
  button: 'form',
  base: 'base',
  link: 'link',
  meta: 'base',
  img: 'image',
  picture: 'image',
  video: 'image',
  audio: 'image',
  svg: 'svg',
  math: 'svg',
};

/** Rules of the policy; the message tables have a text for each. */
export type PolicyRule =
  | 'no-import-export'
  | 'no-expression'
  | 'no-fragment'
  | 'lowercase-component'
  | 'unknown-component'
  | 'forbidden-element'
  | 'event-handler'
  | 'forbidden-attribute'
  | 'unsafe-url';

/** What each rule reports besides its node. */
export interface PolicyData {
  'no-import-export': { keyword: 'import' | 'export' };
  'no-expression': { expression: string; where: 'text' | 'attribute' | 'value'; attribute?: string };
  'no-fragment': Record<string, never>;
  'lowercase-component': { name: string; component: string };
  'unknown-component': { name: string; suggestion?: string };
  'forbidden-element': { name: string; hint: ElementHint };
  'event-handler': { name: string; attribute: string };
  'forbidden-attribute': { name: string; attribute: string; allowed: readonly string[] };
  'unsafe-url': { scheme: string; attribute?: string };
}

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;
type Attribute = MdxJsxAttribute | MdxJsxExpressionAttribute;

/** One finding, in the shape remark-lint rules report. */
export type PolicyIssue = {
  [R in PolicyRule]: { rule: R; node: Nodes | Attribute; data: PolicyData[R] };
}[PolicyRule];

function issue<R extends PolicyRule>(rule: R, node: Nodes | Attribute, data: PolicyData[R]): PolicyIssue {
  return { rule, node, data } as PolicyIssue;
}

/** An expression shortened for a message. */
function shown(expression: string): string {
  const trimmed = expression.trim();
  return trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed;
}

/** Issues of an attribute that are the same for HTML elements and components: code and addresses. */
function attributeCodeIssue(element: JsxElement, attribute: Attribute): PolicyIssue | undefined {
  const name = element.name ?? '';
  if (attribute.type === 'mdxJsxExpressionAttribute')
    return issue('no-expression', attribute, { expression: shown(attribute.value), where: 'attribute' });
  if (/^on/i.test(attribute.name)) return issue('event-handler', attribute, { name, attribute: attribute.name });
  if (attribute.value !== null && typeof attribute.value === 'object') {
    return issue('no-expression', attribute, { expression: shown(attribute.value.value), where: 'value', attribute: attribute.name });
  }
  if (typeof attribute.value === 'string' && URL_ATTRIBUTES.has(attribute.name.toLowerCase())) {
    const verdict = judgeUrl(attribute.value);
    if (verdict.kind === 'refused') return issue('unsafe-url', attribute, { scheme: verdict.scheme, attribute: attribute.name });
  }
  return undefined;
}

/** Whether an element name is raw HTML (lower-case, not a member expression); `svg:script` is. */
export function isHtmlName(name: string): boolean {
  return /^[a-z]/.test(name) && !name.includes('.');
}

/**
 * Issues of a raw HTML element and its attributes. The element itself is refused unless it
 * is in `ALLOWED_ELEMENTS`; then each attribute must be global or listed for it.
 */
export function htmlElementIssues(element: JsxElement): PolicyIssue[] {
  const name = element.name ?? '';
  const lower = name.toLowerCase();
  const issues: PolicyIssue[] = [];
  const allowed = Object.hasOwn(ALLOWED_ELEMENTS, lower) && lower === name ? ALLOWED_ELEMENTS[lower] : undefined;
  if (allowed === undefined) {
    const hint = HINTS[lower] ?? HINTS[lower.split(':').pop() ?? ''];
    const component = mdxComponentNames.find((candidate) => candidate.toLowerCase() === lower);
    issues.push(
      hint === undefined && component
        ? issue('lowercase-component', element, { name, component })
        : issue('forbidden-element', element, { name, hint: hint ?? (lower.includes(':') ? 'svg' : 'other') }),
    );
  }
  for (const attribute of element.attributes) {
    const code = attributeCodeIssue(element, attribute);
    if (code) {
      issues.push(code);
      continue;
    }
    if (allowed === undefined || attribute.type !== 'mdxJsxAttribute') continue;
    if (!GLOBAL_ATTRIBUTES.includes(attribute.name) && !allowed.includes(attribute.name)) {
      issues.push(
        issue('forbidden-attribute', attribute, { name, attribute: attribute.name, allowed: [...GLOBAL_ATTRIBUTES, ...allowed] }),
      );
    }
  }
  return issues;
}

/** Issues of a component's attributes that are code or unsafe addresses (its schema judges the rest). */
export function componentAttributeIssues(element: JsxElement): PolicyIssue[] {
  return element.attributes.flatMap((attribute) => attributeCodeIssue(element, attribute) ?? []);
}

/**
 * Issues of one node that the policy decides by itself: ESM, expressions, fragments, unknown
 * components and raw HTML. Returns undefined for nodes it has no opinion on (Markdown,
 * registered components: their props are the caller's). `stop` is true when what is inside
 * the node should not be visited (it goes with the node).
 */
export function nodeIssues(node: Nodes): { issues: PolicyIssue[]; stop: boolean } | undefined {
  switch (node.type) {
    case 'mdxjsEsm': {
      const keyword = /^\s*export\b/.test(node.value) ? 'export' : 'import';
      return { issues: [issue('no-import-export', node, { keyword })], stop: true };
    }
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return {
        issues: isCommentOnlyExpression(node) ? [] : [issue('no-expression', node, { expression: shown(node.value), where: 'text' })],
        stop: true,
      };
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const name = node.name;
      if (name === null) return { issues: [issue('no-fragment', node, {})], stop: false };
      if (isHtmlName(name)) {
        const issues = htmlElementIssues(node);
        return { issues, stop: issues.some((found) => found.rule === 'forbidden-element') };
      }
      if ((mdxComponentNames as readonly string[]).includes(name)) return undefined;
      return { issues: [issue('unknown-component', node, { name })], stop: false };
    }
    default:
      return undefined;
  }
}

/** A walker's own rules beside the policy: the content check's and the CMS's body checks. */
export interface PolicyRules {
  /** An issue the policy found in `node`, on the node itself or on one of its attributes. */
  issue(found: PolicyIssue, node: Nodes): void;
  /** A raw HTML element the policy does not refuse whole (an attribute may be refused), for the walker's links and headings. */
  html(element: JsxElement, name: string): void;
  /** A registered component, whose props the walker judges by the component's schema. */
  component(element: JsxElement, name: MdxComponentName): void;
}

/**
 * The policy at one node of a walk over a body: its issues go to `rules.issue`, an allowed
 * HTML element to `rules.html`, a registered component to `rules.component`. Returns whether
 * the walk goes on into the node's children: not into a node refused with all it holds.
 */
export function applyNodePolicy(node: Nodes, rules: PolicyRules): boolean {
  const judged = nodeIssues(node);
  if (!judged) {
    // The policy has no opinion on exactly two kinds of node: Markdown and registered components.
    if (isNamedElement(node)) rules.component(node, node.name as MdxComponentName);
    return true;
  }
  for (const found of judged.issues) rules.issue(found, node);
  if (judged.stop) return false;
  if (isNamedElement(node) && isHtmlName(node.name)) rules.html(node, node.name);
  return true;
}

/** A JSX element with a name: not a fragment (`<>`). */
function isNamedElement(node: Nodes): node is JsxElement & { name: string } {
  return (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name !== null;
}

/** A message and the way out, for the content check. */
export interface EnglishMessage {
  message: string;
  fix: string;
}

const ENGLISH_HINTS: Readonly<Record<ElementHint, string>> = {
  script: 'remove it: scripts cannot be part of content',
  style: "remove it: the site's styles apply to every article",
  frame: 'use <Embed url="https://…" title="…" /> instead',
  embed: 'use <Embed url="https://…" title="…" />, with a capital E, instead',
  form: 'link to the form instead: [text](address)',
  base: 'remove it: it would change how the whole page works',
  link: 'remove it; for a link write [text](address)',
  image: 'use <Figure src="../images/…" alt="…" /> instead',
  svg: 'use a photo or chart as <Figure src="../images/….png" alt="…" /> instead',
  other: 'write it in Markdown, or use an allowed element such as <abbr>, <sup>, <sub>, <span>',
};

/** English texts of the policy's rules (the content check's). */
export const policyMessagesEn: { [R in PolicyRule]: (data: PolicyData[R]) => EnglishMessage } = {
  'no-import-export': ({ keyword }) => ({
    message: `${keyword} statements are not allowed in content`,
    fix:
      keyword === 'import'
        ? `remove the line: the components ${mdxComponentNames.join(', ').replace(/, (?=[^,]*$)/, ' and ')} need no import`
        : 'remove the line: put data in the front matter',
  }),
  'no-expression': ({ expression, where, attribute }) =>
    where === 'text'
      ? {
          message: expression === '' ? 'empty braces {} are not allowed' : `the JavaScript expression {${expression}} is not allowed`,
          fix: 'write the text itself; for literal braces write \\{ and \\}',
        }
      : where === 'attribute'
        ? { message: `the JavaScript expression {${expression}} is not allowed in a tag`, fix: 'write each attribute as name="value"' }
        : {
            message: `the value of ${attribute ?? ''} is a JavaScript expression {${expression}}`,
            fix: `write a plain value in quotes: ${attribute ?? ''}="…"`,
          },
  'no-fragment': () => ({ message: 'fragments <>…</> are not allowed', fix: 'remove <> and </>, keeping the text between them' }),
  'lowercase-component': ({ name, component }) => ({
    message: `<${name}> is not a component: names of components start with a capital letter`,
    fix: `write <${component}>`,
  }),
  'unknown-component': ({ name, suggestion }) => ({
    message: `<${name}> is not a component editors can use`,
    fix: suggestion
      ? `did you mean <${suggestion}>?`
      : `use ${mdxComponentNames
          .map((component) => `"${component}"`)
          .join(', ')
          .replace(/, (?=[^,]*$)/, ' or ')}, or write the text without a component`,
  }),
  'forbidden-element': ({ name, hint }) => ({
    message:
      hint === 'image' && name.toLowerCase() === 'img'
        ? '<img> is not processed by the site, so the image would not load'
        : `<${name}> is not allowed in content`,
    fix: ENGLISH_HINTS[hint],
  }),
  'event-handler': ({ attribute }) => ({
    message: `the event-handler attribute ${attribute} is not allowed`,
    fix: 'remove the attribute: content cannot run scripts',
  }),
  'forbidden-attribute': ({ name, attribute, allowed }) => ({
    message:
      attribute.toLowerCase() === 'style'
        ? "the style attribute is blocked by the site's Content Security Policy"
        : `the attribute ${attribute} is not allowed on <${name}>`,
    fix: attribute.toLowerCase() === 'style' ? 'remove the style attribute' : `remove it; <${name}> may have ${allowed.join(', ')}`,
  }),
  'unsafe-url': ({ scheme }) => ({
    message: `${scheme}: addresses are not allowed`,
    fix: 'link to an https:// address or a page of the site',
  }),
};

const POLISH_HINTS: Readonly<Record<ElementHint, string>> = {
  script: 'skrypty nie mogą być częścią treści',
  style: 'wygląd artykułów ustala arkusz stylów serwisu',
  frame: 'użyj elementu „Osadzony odnośnik” (<Embed />)',
  embed: 'użyj elementu „Osadzony odnośnik” (<Embed />, z wielkiej litery)',
  form: 'dodaj link do formularza: [tekst](adres)',
  base: 'zmieniłby działanie całej strony',
  link: 'link zapisz jako [tekst](adres)',
  image: 'użyj elementu „Zdjęcie z podpisem” (<Figure />)',
  svg: 'wykres lub grafikę wstaw jako „Zdjęcie z podpisem” (<Figure />)',
  other: 'zapisz to w Markdownie albo użyj dozwolonego znacznika, np. <abbr>, <sup>, <sub>, <span>',
};

/** Polish texts of the policy's rules (the CMS's), one sentence each. */
export const policyMessagesPl: { [R in PolicyRule]: (data: PolicyData[R]) => string } = {
  'no-import-export': () => 'import i export są niedozwolone w treści; komponenty działają bez importu.',
  'no-expression': ({ where }) =>
    where === 'text'
      ? 'Wyrażenia w nawiasach klamrowych {…} są niedozwolone; nawias jako tekst zapisz jako \\{ i \\}.'
      : 'Wartości atrybutów muszą być zwykłym tekstem w cudzysłowie, bez {…}.',
  'no-fragment': () => 'Pusty znacznik <>…</> jest niedozwolony.',
  'lowercase-component': ({ name, component }) =>
    `<${name}> to nie komponent: nazwy komponentów zaczynają się wielką literą (<${component}>).`,
  'unknown-component': ({ name }) => `Nieznany komponent <${name}>. Dozwolone: ${mdxComponentNames.join(', ')}.`,
  'forbidden-element': ({ name, hint }) =>
    hint === 'image' && name.toLowerCase() === 'img'
      ? 'Serwis nie przetwarza <img>; użyj elementu „Zdjęcie z podpisem” (<Figure />).'
      : `Znacznik <${name}> jest niedozwolony w treści: ${POLISH_HINTS[hint]}.`,
  'event-handler': ({ attribute }) => `Atrybut ${attribute} uruchamiałby skrypt i jest niedozwolony.`,
  'forbidden-attribute': ({ name, attribute, allowed }) =>
    attribute.toLowerCase() === 'style'
      ? 'Atrybut style blokuje polityka bezpieczeństwa serwisu (CSP); usuń go.'
      : `Atrybut ${attribute} jest niedozwolony w <${name}>; dozwolone: ${allowed.join(', ')}.`,
  'unsafe-url': ({ scheme }) => `Adresy ${scheme}: są niedozwolone.`,
};

/** The English message of an issue. */
export function englishMessage(found: PolicyIssue): EnglishMessage {
  return (policyMessagesEn[found.rule] as (data: PolicyData[PolicyRule]) => EnglishMessage)(found.data);
}

/** The Polish message of an issue. */
export function polishMessage(found: PolicyIssue): string {
  return (policyMessagesPl[found.rule] as (data: PolicyData[PolicyRule]) => string)(found.data);
}
