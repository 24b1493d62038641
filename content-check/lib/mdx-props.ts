import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import { mdxComponents, type MdxComponentName } from '../../src/components/mdx/registry.ts';
import { IMAGE_TYPES_TEXT, imageTypeProblem } from '../../src/content-model/model.ts';
import { componentAttributeIssues, type PolicyIssue } from '../../src/content-model/mdx-policy.ts';
import { IMAGE_IN_FOLDER } from './files.ts';
import { explainIssue } from './issues.ts';
import { closest, listOf } from './suggest.ts';
import type { Severity } from './types.ts';

/**
 * The props of a registry component in a body, judged by the component's schema of
 * `src/components/mdx/registry.ts`, then against the content folder (image files) and the
 * settings (ad slots); and whether it wraps text as the registry says.
 */

/** A line and column in the body. */
export interface Point {
  line: number;
  column: number;
}

/** What the traversal of a body (`mdx.ts`) lends the component check. */
export interface ComponentCheckContext {
  /** Ad slot ids from the settings; undefined when the settings could not be read. */
  adSlots: readonly string[] | undefined;
  report: (point: Point | undefined, rule: string, message: string, fix: string, severity?: Severity) => void;
  /** Reports a finding of the MDX policy the way the rest of the body's findings are reported. */
  policy: (found: PolicyIssue) => void;
  /** Checks that an image path points at an image of the content folder. */
  image: (point: Point | undefined, rule: string, url: string) => void;
}

/** Checks one element of a registry component: its props, the files and slots they name, its content. */
export function checkComponent(
  element: MdxJsxFlowElement | MdxJsxTextElement,
  name: MdxComponentName,
  context: ComponentCheckContext,
): void {
  const { report } = context;
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
      context.policy(found);
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
  if (src !== undefined) context.image(positions.get('src'), 'Figure.src', src);
  const slot = name === 'Ad' ? valid('slot') : undefined;
  if (slot !== undefined && context.adSlots && !context.adSlots.includes(slot)) {
    const suggestion = closest(slot, context.adSlots);
    report(
      positions.get('slot'),
      'Ad.slot',
      `there is no ad slot "${slot}" in the site settings`,
      suggestion
        ? `did you mean "${suggestion}"?`
        : context.adSlots.length > 0
          ? `use ${listOf(context.adSlots)}`
          : 'define the slot under ads.slots in the settings first',
    );
  }
  const content = element.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  if (!definition.children && content.length > 0) {
    report(point, name, `<${name}> takes no content between its tags`, `write it self-closing: <${name} … />`);
  } else if (definition.children && content.length === 0) {
    report(point, name, `<${name}> is empty`, `put the text between <${name}> and </${name}>`, 'warning');
  }
}
