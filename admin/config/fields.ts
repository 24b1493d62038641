import { z } from 'astro/zod';
import type { ReferencedCollection, SchemaHelpers } from '../../src/schemas/index.ts';
import type { FieldText } from './labels.ts';
import { DATETIME_WIDGET, KEYVALUE_WIDGET } from './names.ts';

/**
 * Turns the content schemas into Decap CMS fields.
 *
 * The schema factories get marker validators for `image()` and `reference()`, the result is
 * converted to JSON Schema by zod, and every JSON Schema construct the schemas use maps to
 * one Decap widget. A construct this file does not know throws, so a new kind of field
 * cannot silently go missing from the CMS.
 */

/** A Decap field as it is written into `config.yml` (custom widgets included). */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  pattern?: [string, string];
  default?: string | number | boolean;
  [option: string]: unknown;
}

/** The part of JSON Schema that zod produces for our schemas. */
interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  oneOf?: JsonSchema[];
  enum?: string[];
  const?: string;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  default?: unknown;
  cms?: 'image' | 'reference';
  collection?: ReferencedCollection;
}

/** Validators that mark where a schema uses an image file or a reference to another entry. */
export const markerHelpers: SchemaHelpers<z.ZodString, z.ZodString> = {
  image: () => z.string().meta({ cms: 'image' }),
  reference: (collection) => z.string().meta({ cms: 'reference', collection }),
};

/** JSON Schema of a zod schema as editors fill it in (fields with defaults are optional). */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: (context) => {
      // Dates are written as ISO strings with an offset; JSON Schema has no date type.
      if (context.zodSchema._zod.def.type === 'date') {
        context.jsonSchema.type = 'string';
        context.jsonSchema.format = 'date-time';
      }
    },
  }) as JsonSchema;
}

export interface FieldContext {
  /** `<collection>` prefix of the label keys. */
  collection: string;
  /** Polish texts by `<collection>.<path>`. */
  texts: Record<string, FieldText>;
  /** Label keys used so far; the caller checks that every text was used. */
  used: Set<string>;
  /** For each referenced collection, the field shown and searched in relation widgets. */
  displayField: (collection: ReferencedCollection) => string;
  /** Image widget options shared by every image field. */
  image: Record<string, unknown>;
}

/** Largest integer zod writes for `int()` without an explicit maximum; not a real limit. */
const noLimit = Number.MAX_SAFE_INTEGER;

/** Decap date format that writes `2026-11-22T09:30:00+01:00`, the form `dateTime` accepts. */
export const dateTimeFormat = 'YYYY-MM-DDTHH:mm:ssZ';

class SchemaMappingError extends Error {
  constructor(path: string, what: string) {
    super(`CMS config: field "${path}": ${what}. Extend admin/config/fields.ts to map it to a Decap widget.`);
    this.name = 'SchemaMappingError';
  }
}

function textFor(context: FieldContext, path: string): FieldText {
  const key = `${context.collection}.${path}`;
  const text = context.texts[key];
  if (!text) throw new SchemaMappingError(path, `no Polish label for "${key}" in admin/config/labels.ts`);
  context.used.add(key);
  return text;
}

/** The Decap fields of an object schema, in schema order. */
export function fieldsOf(schema: JsonSchema, context: FieldContext, prefix = ''): CmsField[] {
  if (schema.type !== 'object' || !schema.properties) {
    throw new SchemaMappingError(prefix || context.collection, 'expected an object with properties');
  }
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties).map(([name, property]) =>
    fieldOf(name, property, required.has(name), context, prefix ? `${prefix}.${name}` : name),
  );
}

function fieldOf(name: string, schema: JsonSchema, required: boolean, context: FieldContext, path: string): CmsField {
  const text = textFor(context, path);
  const base: CmsField = {
    name,
    label: text.label,
    widget: 'string',
    ...(required ? {} : { required: false }),
    ...(text.hint ? { hint: text.hint } : {}),
  };
  const scalarDefault = (value: unknown) =>
    typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? { default: value } : {};

  if (schema.cms === 'image') return { ...base, widget: 'image', ...context.image };
  if (schema.cms === 'reference') return { ...base, ...relation(schema, context, path) };

  if (schema.oneOf) {
    const variants = union(schema.oneOf, context, path);
    return { ...base, ...variants, fields: required ? variants.fields : optionalGroup(variants.fields, text.label) };
  }

  switch (schema.type) {
    case 'boolean':
      return { ...base, widget: 'boolean', ...scalarDefault(schema.default) };
    case 'integer':
    case 'number':
      return {
        ...base,
        widget: 'number',
        value_type: schema.type === 'integer' ? 'int' : 'float',
        ...numberLimits(schema),
        ...scalarDefault(schema.default),
      };
    case 'string':
      return { ...base, ...stringWidget(schema, text, path), ...scalarDefault(schema.default) };
    case 'array':
      return { ...base, ...arrayWidget(schema, context, path) };
    case 'object':
      if (schema.properties) {
        return {
          ...base,
          widget: 'object',
          collapsed: !required,
          fields: required ? fieldsOf(schema, context, path) : optionalGroup(fieldsOf(schema, context, path), text.label),
        };
      }
      if (typeof schema.additionalProperties === 'object' && schema.additionalProperties.type === 'string') {
        return { ...base, widget: KEYVALUE_WIDGET };
      }
      throw new SchemaMappingError(path, 'an object without properties that is not a map of strings');
    default:
      throw new SchemaMappingError(path, `unsupported JSON Schema type ${JSON.stringify(schema.type)}`);
  }
}

/**
 * The fields of an optional object. Decap enforces `required` of sub-fields even when the
 * object is left empty, so there they are optional in Decap; the schema still requires them
 * once the object is filled in, and the save check (`admin/src/validation.ts`) says so.
 */
function optionalGroup(fields: CmsField[], groupLabel: string): CmsField[] {
  return fields.map((field) => {
    if (field.required === false) return field;
    const note = `Wymagane, gdy wypełniasz „${groupLabel}”.`;
    return { ...field, required: false, hint: field.hint ? `${field.hint} ${note}` : note };
  });
}

function relation(schema: JsonSchema, context: FieldContext, path: string) {
  const target = schema.collection;
  if (!target) throw new SchemaMappingError(path, 'a reference without a collection');
  const display = context.displayField(target);
  return {
    widget: 'relation',
    collection: target,
    value_field: '{{slug}}',
    search_fields: [display],
    display_fields: [display],
  };
}

function numberLimits(schema: JsonSchema) {
  const limits: { min?: number; max?: number } = {};
  if (schema.minimum !== undefined) limits.min = schema.minimum;
  // Integers greater than 0 start at 1.
  if (schema.exclusiveMinimum !== undefined) limits.min = schema.exclusiveMinimum + 1;
  if (schema.maximum !== undefined && schema.maximum < noLimit) limits.max = schema.maximum;
  return limits;
}

function stringWidget(schema: JsonSchema, text: FieldText, path: string) {
  if (schema.format === 'date-time') {
    return { widget: DATETIME_WIDGET, format: dateTimeFormat };
  }
  if (schema.enum) {
    const labels = text.options ?? {};
    return { widget: 'select', options: schema.enum.map((value) => ({ label: labels[value] ?? value, value })) };
  }
  if (schema.const !== undefined) throw new SchemaMappingError(path, 'a constant outside a union');
  const pattern = stringPattern(schema, text);
  return { widget: text.multiline ? 'text' : 'string', ...(pattern ? { pattern } : {}) };
}

/**
 * One Decap pattern that enforces what zod says about a string: its format, regex and length.
 * A regex is explained to the editor by the field's hint, never shown.
 */
function stringPattern(schema: JsonSchema, text: FieldText): [string, string] | undefined {
  if (schema.pattern) return [schema.pattern, text.hint ? `Niepoprawny format. ${text.hint}` : 'Niepoprawny format.'];
  if (schema.format === 'uri') return ['^[a-z][a-z0-9+.-]*://\\S+$', 'Podaj pełny adres, np. https://…'];
  if (schema.maxLength !== undefined) {
    return [`^[\\s\\S]{0,${schema.maxLength}}$`, `Najwyżej ${schema.maxLength} znaków.`];
  }
  return undefined;
}

function arrayWidget(schema: JsonSchema, context: FieldContext, path: string) {
  const items = schema.items;
  if (!items) throw new SchemaMappingError(path, 'an array without items');
  const min = schema.minItems ? { min: schema.minItems } : {};
  if (items.cms === 'reference') return { ...relation(items, context, path), multiple: true, ...min };
  if (items.type === 'object') {
    const fields = fieldsOf(items, context, path);
    const first = fields[0];
    return { widget: 'list', ...min, ...(first ? { summary: `{{fields.${first.name}}}` } : {}), fields };
  }
  throw new SchemaMappingError(path, `an array of ${JSON.stringify(items.type)}`);
}

/**
 * A discriminated union (`kind: image | html`) as one object: a select for the discriminator
 * and the fields of every variant, optional, with the variant named in the hint. Decap has no
 * conditional fields; the content check enforces the variant's required fields.
 */
function union(variants: JsonSchema[], context: FieldContext, path: string) {
  const discriminators = variants.map((variant) =>
    Object.entries(variant.properties ?? {}).find(([, property]) => property.const !== undefined),
  );
  const key = discriminators[0]?.[0];
  if (!key || discriminators.some((entry) => entry?.[0] !== key)) {
    throw new SchemaMappingError(path, 'a union without one constant discriminator property');
  }
  const values = discriminators.map((entry) => entry?.[1].const ?? '');
  const kindText = textFor(context, `${path}.${key}`);
  const kind: CmsField = {
    name: key,
    label: kindText.label,
    widget: 'select',
    options: values.map((value) => ({ label: kindText.options?.[value] ?? value, value })),
    ...(kindText.hint ? { hint: kindText.hint } : {}),
  };
  const fields: CmsField[] = [kind];
  variants.forEach((variant, index) => {
    const variantLabel = kindText.options?.[values[index] ?? ''] ?? values[index];
    const { [key]: _discriminator, ...rest } = variant.properties ?? {};
    for (const field of fieldsOf({ type: 'object', properties: rest }, context, path)) {
      const note = `Tylko dla rodzaju: ${variantLabel}${variant.required?.includes(field.name) ? ' (wymagane)' : ''}.`;
      fields.push({ ...field, required: false, hint: field.hint ? `${field.hint} ${note}` : note });
    }
  });
  return { widget: 'object', collapsed: true, fields };
}
