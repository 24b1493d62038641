import { z } from 'astro/zod';
import { articleImagePath, mdxComponents, type MdxComponentName } from '../../../src/components/mdx/registry.ts';
import { componentPropTexts } from '../../config/labels.ts';

/**
 * The article components as the body editor offers them: read from the registry, with the
 * Polish labels of `admin/config/labels.ts`. Nothing about a component is defined here.
 */

export interface PropSpec {
  name: string;
  label: string;
  hint?: string;
  required: boolean;
  /** Allowed values with their labels, for enum props. */
  options?: { value: string; label: string }[];
  /** An image path (`../images/<file>`) picked from the media library. */
  image: boolean;
}

export interface ComponentSpec {
  name: MdxComponentName;
  label: string;
  /** Whether the component wraps text (Callout, Quote) or stands alone (Figure, Ad, Embed). */
  children: boolean;
  props: PropSpec[];
}

interface PropsJsonSchema {
  properties?: Record<string, { enum?: string[] }>;
  required?: string[];
}

function specOf(name: MdxComponentName): ComponentSpec {
  const entry = mdxComponents[name];
  const json = z.toJSONSchema(entry.props, { io: 'input' }) as PropsJsonSchema;
  const required = new Set(json.required ?? []);
  const shape = entry.props.shape as Record<string, unknown>;
  const props = Object.entries(json.properties ?? {}).map(([prop, schema]): PropSpec => {
    const text = componentPropTexts[`${name}.${prop}`];
    if (!text) throw new Error(`No Polish label for ${name}.${prop} in admin/config/labels.ts (componentPropTexts)`);
    return {
      name: prop,
      label: text.label,
      ...(text.hint ? { hint: text.hint } : {}),
      required: required.has(prop),
      ...(schema.enum ? { options: schema.enum.map((value) => ({ value, label: text.options?.[value] ?? value })) } : {}),
      image: shape[prop] === articleImagePath,
    };
  });
  return { name, label: entry.label, children: entry.children, props };
}

/** Every component of the registry, in registry order. */
export const componentSpecs: ComponentSpec[] = (Object.keys(mdxComponents) as MdxComponentName[]).map(specOf);

export function componentSpec(name: string): ComponentSpec | undefined {
  return componentSpecs.find((spec) => spec.name === name);
}
