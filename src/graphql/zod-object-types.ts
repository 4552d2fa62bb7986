// GraphQL types derived from a zod schema, so a JSON document with one
// documented zod schema (such as distribution_data) is exposed as typed fields
// without a second, hand-kept copy of its shape.
// - A shape with `.meta({ title })` is one GraphQL type of that name wherever it
//   appears (RowValue, OutlierBounds); an untitled one is named after its path
//   (ColumnDistribution.missing → ColumnDistributionMissing).
// - A zod enum becomes a GraphQL enum of SCREAMING_CASE values standing for the
//   stored ones (country_code → COUNTRY_CODE), described by the meta's
//   `valueDescriptions`; one titled like an enum registered with `shareEnum`
//   (AnalysisGoalType, InsightType) is that enum.
import { z } from 'zod';
import { builder } from './builder.js';

type ZodAny = z.ZodType & { _zod: { def: { type: string; values?: unknown[] }; parent?: ZodAny } };
type FieldType = { type: unknown; nullable: boolean; description?: string };
type Meta = { title?: string; description?: string; valueDescriptions?: Record<string, string> };

const pascal = (key: string) => key.charAt(0).toUpperCase() + key.slice(1);
const created = new Map<string, unknown>();

const metaOf = (schema: ZodAny): Meta => (z.globalRegistry.get(schema) as Meta | undefined) ?? {};

/** The schema where the title was given (a `.describe()` on it makes a child that inherits the title). */
function titled(schema: ZodAny): ZodAny {
  let origin = schema;
  while (origin._zod.parent && metaOf(origin._zod.parent).title) origin = origin._zod.parent;
  return origin;
}

/** Registers an enum the schema already has, for zod enums titled with its name. */
export function shareEnum(name: string, ref: unknown): void {
  created.set(name, ref);
}

function fieldType(schema: ZodAny, path: string): FieldType {
  const { description, title } = metaOf(schema);
  const def = schema._zod.def;
  const name = title ?? path;
  switch (def.type) {
    case 'nullable':
    case 'optional': {
      const inner = fieldType((schema as unknown as { unwrap(): ZodAny }).unwrap(), path);
      return { ...inner, nullable: true, description: description ?? inner.description };
    }
    case 'default': {
      // Stored documents are read through the schema (parsedOrNull), so a defaulted field is always there.
      const inner = fieldType((schema as unknown as { unwrap(): ZodAny }).unwrap(), path);
      return { ...inner, description: description ?? inner.description };
    }
    case 'string':
      return { type: 'String', nullable: false, description };
    case 'boolean':
      return { type: 'Boolean', nullable: false, description };
    case 'number':
      return { type: (schema as unknown as { isInt: boolean }).isInt ? 'Int' : 'Float', nullable: false, description };
    case 'literal':
      return { type: Number.isInteger(def.values?.[0]) ? 'Int' : 'String', nullable: false, description };
    case 'enum': {
      const values = (schema as unknown as { options: string[] }).options;
      // Values such as "." cannot be GraphQL enum values; those stay strings.
      if (!values.every((v) => /^[_a-zA-Z][_a-zA-Z0-9]*$/.test(v))) return { type: 'String', nullable: false, description };
      return { type: zodEnumType(schema, path), nullable: false, description };
    }
    case 'record':
      return { type: 'JSON', nullable: false, description };
    case 'array': {
      const item = fieldType((schema as unknown as { element: ZodAny }).element, path);
      return { type: [item.type], nullable: false, description: description ?? item.description };
    }
    case 'object':
      return { type: zodObjectType(name, schema as unknown as z.ZodObject), nullable: false, description };
    default:
      throw new Error(`zod type ${def.type} at ${path} has no GraphQL counterpart`);
  }
}

function named<T>(name: string, make: () => T): T {
  if (!created.has(name)) created.set(name, make());
  return created.get(name) as T;
}

/** The GraphQL enum for a zod enum (built once per title). */
export function zodEnumType(schema: z.ZodType, fallbackName?: string) {
  const origin = titled(schema as ZodAny);
  const { title, description, valueDescriptions = {} } = metaOf(origin);
  const name = title ?? fallbackName;
  if (!name) throw new Error('a zod enum exposed on its own needs a title');
  return named(name, () =>
    builder.enumType(name, {
      description,
      values: Object.fromEntries(
        (origin as unknown as { options: string[] }).options.map((value) => [
          value.toUpperCase(),
          { value, description: valueDescriptions[value] },
        ]),
      ),
    }),
  );
}

/** A stored JSON document read through its schema: null when it is of another shape or version. */
export function parsedOrNull<T>(schema: z.ZodType<T>, json: unknown): T | null {
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** The GraphQL object type for a zod object schema (built once per name). */
export function zodObjectType(name: string, schema: z.ZodObject) {
  return named(name, () => {
    const ref = builder.objectRef<Record<string, unknown>>(name);
    ref.implement({
      description: metaOf(titled(schema as unknown as ZodAny)).description,
      fields: (t) =>
        Object.fromEntries(
          Object.entries(schema.shape).map(([key, child]) => {
            const { type, nullable, description } = fieldType(child as ZodAny, `${name}${pascal(key)}`);
            return [key, t.field({ type: type as never, nullable, description, resolve: (parent) => parent[key] as never })];
          }),
        ),
    });
    return ref;
  });
}
