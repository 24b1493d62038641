import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseMdx } from './mdx-parser.ts';
import { applyNodePolicy, type PolicyRules } from './mdx-policy.ts';

/** Walks a body as the content check and the CMS do, and records what the policy hands to each rule. */
function walk(text: string) {
  const seen = { issues: [] as string[], html: [] as string[], components: [] as string[], texts: [] as string[] };
  const rules: PolicyRules = {
    issue: (found, node) => seen.issues.push(`${found.rule} at <${'name' in node ? node.name : node.type}>`),
    html: (_element, name) => seen.html.push(name),
    component: (_element, name) => seen.components.push(name),
  };
  const visit = (node: Nodes) => {
    if (node.type === 'text') seen.texts.push(node.value);
    if (!applyNodePolicy(node, rules)) return;
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(parseMdx(text));
  return seen;
}

describe('the MDX policy at each node of a walk', () => {
  it('hands registered components and allowed HTML to the walker, Markdown to neither', () => {
    const seen = walk('# Tytuł\n\n<Callout>Uwaga na <abbr title="Urząd">UODO</abbr> i [link](/a/).</Callout>\n\nZwykły *tekst*.');
    expect(seen.components).toEqual(['Callout']);
    expect(seen.html).toEqual(['abbr']);
    expect(seen.issues).toEqual([]);
    expect(seen.texts).toEqual(['Tytuł', 'Uwaga na ', 'UODO', ' i ', 'link', '.', 'Zwykły ', 'tekst', '.']);
  });

  it('reports issues at the node and enters only what is not refused whole', () => {
    const seen = walk(
      '<script>ukryty skrypt</script>\n\n<b onclick="x">pogrubiony</b> i <Nieznany>środek <i>kursywa</i></Nieznany>\n\n{1 + 1} <>fragment</>',
    );
    expect(seen.issues).toEqual([
      'forbidden-element at <script>',
      'event-handler at <b>',
      'unknown-component at <Nieznany>',
      'no-expression at <mdxTextExpression>',
      'no-fragment at <null>',
    ]);
    // An element with a refused attribute is still HTML for the walker; an unknown component is not a component.
    expect(seen.html).toEqual(['b', 'i']);
    expect(seen.components).toEqual([]);
    expect(seen.texts).not.toContain('ukryty skrypt');
    expect(seen.texts).toEqual(expect.arrayContaining(['pogrubiony', 'środek ', 'kursywa', 'fragment']));
  });
});
