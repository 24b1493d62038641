/** @jsxImportSource react */
import type { Element, Root as HastRoot } from 'hast';
import { toJsxRuntime, type Components } from 'hast-util-to-jsx-runtime';
import { h } from 'hastscript';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toHast, type Handler, type State } from 'mdast-util-to-hast';
import { createContext, useContext, type ReactNode } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { visit } from 'unist-util-visit';
import { mdxComponentNames, type MdxComponentName } from '../../../src/components/mdx/registry.ts';
import { htmlElementIssues, isHtmlName } from '../../../src/content-model/mdx-policy.ts';
import { isAllowedUrl } from '../../../src/content-model/url-policy.ts';
import { MdxSyntaxError, parseMdx } from '../mdx/syntax.ts';
import { PreviewImage, previewComponents, type PreviewContext } from './components.tsx';

/**
 * Renders an MDX body as React for the preview, without evaluating it. The body is parsed by
 * the one MDX parser, turned into HTML syntax by `mdast-util-to-hast` (the step the site's
 * MDX pipeline takes too, so Markdown gives the same elements) and into React elements by
 * `hast-util-to-jsx-runtime`. Registry components become their React twins of
 * `components.tsx`; raw HTML the MDX policy allows becomes itself; any other element shows
 * its name; code (expressions, import/export) shows nothing. Links keep only addresses the
 * URL allow-list accepts.
 */

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

const isComponent = (name: string): name is MdxComponentName => (mdxComponentNames as readonly string[]).includes(name);

/** The string attributes of an element as written (`{…}` values are refused by the policy and left out). */
function attributesOf(node: JsxElement): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxAttribute' && typeof attribute.value === 'string') attributes[attribute.name] = attribute.value;
  }
  return attributes;
}

/** An MDX element as HTML syntax: a component keeps its name (mapped below), allowed HTML is itself. */
const jsxElement: Handler = (state: State, node: JsxElement): Element => {
  const name = node.name ?? '';
  const children = state.all(node);
  let result: Element;
  if (isComponent(name)) {
    // Built by hand rather than by `h`, which would lower-case the name and rename the props.
    result = { type: 'element', tagName: name, properties: attributesOf(node), children };
  } else if (isHtmlName(name) && htmlElementIssues(node).length === 0) {
    result = h(name, attributesOf(node), children);
  } else {
    result = h('span.preview-unknown', name ? `<${name}>` : '<>');
  }
  state.patch(node, result);
  return result;
};

const nothing: Handler = () => undefined;

/** Drops addresses the URL allow-list refuses, wherever to-hast or allowed HTML put them. */
function keepSafeAddresses(tree: HastRoot): void {
  visit(tree, 'element', (node: Element) => {
    const { href, cite } = node.properties;
    if (href !== undefined && !(typeof href === 'string' && isAllowedUrl(href))) delete node.properties.href;
    if (cite !== undefined && !(typeof cite === 'string' && isAllowedUrl(cite))) delete node.properties.cite;
  });
}

const Context = createContext<PreviewContext>({ imageUrl: () => undefined });

type HastProps = Record<string, unknown> & { children?: ReactNode };

/** The preview component of `name`, given the props as written and the preview context. */
function twin(name: MdxComponentName) {
  const Component = previewComponents[name];
  function Twin({ children, ...props }: HastProps): ReactNode {
    const context = useContext(Context);
    const written: Partial<Record<string, string>> = {};
    for (const [key, value] of Object.entries(props)) if (typeof value === 'string') written[key] = value;
    return (
      <Component props={written} context={context}>
        {children}
      </Component>
    );
  }
  Twin.displayName = `Preview${name}`;
  return Twin;
}

function Image({ src, alt }: { src?: string; alt?: string }): ReactNode {
  return <PreviewImage path={src} alt={alt ?? ''} context={useContext(Context)} />;
}

/** React components by element name: the registry's twins, and images through the entry's assets. */
const components = {
  ...Object.fromEntries(mdxComponentNames.map((name) => [name, twin(name)])),
  img: Image,
} as Partial<Components>;

/** The body as React elements, or a message where it does not parse. */
export function renderBody(text: string, context: PreviewContext): ReactNode {
  let tree: HastRoot;
  try {
    tree = toHast(parseMdx(text), {
      handlers: {
        mdxJsxFlowElement: jsxElement,
        mdxJsxTextElement: jsxElement,
        mdxjsEsm: nothing,
        mdxFlowExpression: nothing,
        mdxTextExpression: nothing,
      },
      footnoteLabel: 'Przypisy',
      footnoteBackLabel: (referenceIndex) => `Wróć do odwołania ${referenceIndex + 1}`,
    }) as HastRoot;
  } catch (error) {
    if (!(error instanceof MdxSyntaxError)) throw error;
    return (
      <p className="callout callout--important" role="alert">
        Błąd składni MDX{error.line ? ` w wierszu ${error.line}` : ''}: {error.message}
      </p>
    );
  }
  keepSafeAddresses(tree);
  return <Context.Provider value={context}>{toJsxRuntime(tree, { Fragment, jsx, jsxs, components })}</Context.Provider>;
}
