/** @jsxImportSource react */
import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { createElement, Fragment, type ReactNode } from 'react';
import { mdxComponents, type MdxComponentName } from '../../../src/components/mdx/registry.ts';
import { isAllowedUrl } from '../../../src/content-model/url-policy.ts';
import { MdxSyntaxError, parseMdx } from '../mdx/syntax.ts';
import { PreviewImage, previewComponents, type PreviewComponent, type PreviewContext } from './components.tsx';

/**
 * Renders an MDX body as React for the preview, without evaluating it: Markdown becomes
 * the elements the site's pipeline produces, registry components their React twins, and
 * code (expressions, import/export) nothing. Links keep only safe protocols.
 */

/** `url` when the URL allow-list of `src/content-model/url-policy.ts` accepts it. */
function safeHref(url: string): string | undefined {
  return isAllowedUrl(url) ? url : undefined;
}

function element(node: MdxJsxFlowElement | MdxJsxTextElement, key: number, context: PreviewContext): ReactNode {
  const name = node.name ?? '';
  if (!Object.hasOwn(mdxComponents, name)) {
    return (
      <span key={key} className="preview-unknown">
        {`<${name}>`}
      </span>
    );
  }
  const props: Record<string, string> = {};
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxAttribute' && typeof attribute.value === 'string') props[attribute.name] = attribute.value;
  }
  const Component: PreviewComponent = previewComponents[name as MdxComponentName];
  return (
    <Component key={key} props={props} context={context}>
      {children(node.children, context)}
    </Component>
  );
}

function children(nodes: readonly (RootContent | PhrasingContent)[], context: PreviewContext): ReactNode[] {
  return nodes.map((node, index) => render(node, index, context));
}

function render(node: Nodes, key: number, context: PreviewContext): ReactNode {
  const inner = () => ('children' in node ? children(node.children as RootContent[], context) : null);
  switch (node.type) {
    case 'text':
      return node.value;
    case 'paragraph':
      return <p key={key}>{inner()}</p>;
    case 'heading':
      return createElement(`h${node.depth}`, { key }, inner());
    case 'emphasis':
      return <em key={key}>{inner()}</em>;
    case 'strong':
      return <strong key={key}>{inner()}</strong>;
    case 'delete':
      return <del key={key}>{inner()}</del>;
    case 'inlineCode':
      return <code key={key}>{node.value}</code>;
    case 'code':
      return (
        <pre key={key}>
          <code>{node.value}</code>
        </pre>
      );
    case 'break':
      return <br key={key} />;
    case 'thematicBreak':
      return <hr key={key} />;
    case 'blockquote':
      return <blockquote key={key}>{inner()}</blockquote>;
    case 'list':
      return node.ordered ? (
        <ol key={key} start={node.start ?? undefined}>
          {inner()}
        </ol>
      ) : (
        <ul key={key}>{inner()}</ul>
      );
    case 'listItem': {
      // Tight list items render their paragraphs' text directly, like the site.
      const items = node.spread
        ? inner()
        : node.children.map((child, index) =>
            child.type === 'paragraph' ? (
              <Fragment key={index}>{children(child.children, context)}</Fragment>
            ) : (
              render(child, index, context)
            ),
          );
      return <li key={key}>{items}</li>;
    }
    case 'link':
      return (
        <a key={key} href={safeHref(node.url)} title={node.title ?? undefined}>
          {inner()}
        </a>
      );
    case 'image':
      return <PreviewImage key={key} path={node.url} alt={node.alt ?? ''} context={context} />;
    case 'table':
      return (
        <table key={key}>
          <tbody>{inner()}</tbody>
        </table>
      );
    case 'tableRow':
      return <tr key={key}>{inner()}</tr>;
    case 'tableCell':
      return <td key={key}>{inner()}</td>;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return element(node, key, context);
    default:
      // Expressions, import/export, definitions, footnotes and raw HTML show nothing.
      return null;
  }
}

/** The body as React elements, or a message where it does not parse. */
export function renderBody(text: string, context: PreviewContext): ReactNode {
  try {
    return children(parseMdx(text).children, context);
  } catch (error) {
    if (!(error instanceof MdxSyntaxError)) throw error;
    return (
      <p className="callout callout--important" role="alert">
        Błąd składni MDX{error.line ? ` w wierszu ${error.line}` : ''}: {error.message}
      </p>
    );
  }
}
