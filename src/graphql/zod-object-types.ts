// GraphQL object types derived from a zod schema, so a JSON document with one
// documented zod schema (such as distribution_data) is exposed as typed fields
// without a second, hand-kept copy of its shape. Nested objects are named after
// their path: ColumnDistribution.missing → ColumnDistributionMissing.
import type { z } from 'zod';
import { builder } from './builder.js';

type ZodAny = z.ZodType & { _zod: { def: { type: string; values?: unknown[] } } };
type FieldType = { type: unknown; nullable: boolean; description?: string };

const pascal = (key: string) => key.charAt(0).toUpperCase() + key.slice(1);
const created = new Map<string, unknown>();

function fieldType(schema: ZodAny, name: string): FieldType {
  const description = schema.description;
  const def = schema._zod.def;
  switch (def.type) {
    case 'nullable':
    case 'optional':
      return { ...fieldType((schema as unknown as { unwrap(): ZodAny }).unwrap(), name), nullable: true, description };
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
      return { type: named(name, () => builder.enumType(name, { values })), nullable: false, description };
    }
    case 'record':
      return { type: 'JSON', nullable: false, description };
    case 'array': {
      const item = fieldType((schema as unknown as { element: ZodAny }).element, name);
      return { type: [item.type], nullable: false, description };
    }
    case 'object':
      return { type: zodObjectType(name, schema as unknown as z.ZodObject), nullable: false, description };
    default:
      throw new Error(`zod type ${def.type} at ${name} has no GraphQL counterpart`);
  }
}

function named<T>(name: string, make: () => T): T {
  if (!created.has(name)) created.set(name, make());
  return created.get(name) as T;
}

/** The GraphQL object type for a zod object schema (built once per name). */
export function zodObjectType(name: string, schema: z.ZodObject) {
  return named(name, () => {
    const ref = builder.objectRef<Record<string, unknown>>(name);
    ref.implement({
      description: schema.description,
      fields: (t) =>
        Object.fromEntries(
          Object.entries(schema.shape).map(([key, child]) => {
            const { type, nullable, description } = fieldType(child as ZodAny, `${name}${pascal(key)}`);
            return [
              key,
              t.field({ type: type as never, nullable, description, resolve: (parent) => parent[key] as never }),
            ];
          }),
        ),
    });
    return ref;
  });
}
