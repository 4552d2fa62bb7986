// Limits sized for real Relay queries. Depth counts every field level, so
// viewer → workspaces → datasets → analyses → insights (with edges/node
// wrappers, pageInfo and leaves) is 14 deep; cycles such as
// workspace → owner → workspaces → ... are what the depth limit stops. The node
// limit is the Relay-aware cost: the number of nodes an operation could return,
// each connection multiplying its parents' count by its page size (as GitHub's
// API counts), so first: 100 at four levels is refused while a dashboard that
// shows twenty of each passes.
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isListType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { pageSize } from './builder.js';

export const operationLimits = { depth: 16, aliases: 20, directives: 20, tokens: 3_000, nodes: 100_000 } as const;

function argumentValue(field: FieldNode, name: string, variables: Record<string, unknown>): unknown {
  const arg = field.arguments?.find((a) => a.name.value === name);
  if (!arg) return undefined;
  if (arg.value.kind === Kind.VARIABLE) return variables[arg.value.name.value];
  if (arg.value.kind === Kind.INT) return Number(arg.value.value);
  if (arg.value.kind === Kind.LIST) return arg.value.values;
  return undefined;
}

/** How many nodes the operation could return at most, given its variables. */
export function potentialNodes(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>): number {
  const typeInfo = new TypeInfo(schema);
  const multipliers: number[] = [1];
  let total = 0;
  // Fragments are counted where they are spread, so inline them by visiting each spread's definition.
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const walk = (node: Parameters<typeof visit>[0], seen: Set<string>) =>
    visit(
      node,
      visitWithTypeInfo(typeInfo, {
        Field: {
          enter(field) {
            const type = typeInfo.getType();
            const named = type && getNamedType(type);
            const parent = multipliers.at(-1)!;
            let factor = 1;
            if (named && named.name.endsWith('Connection')) {
              const first = argumentValue(field, 'first', variables);
              const last = argumentValue(field, 'last', variables);
              factor = Number(first ?? last ?? pageSize.default) || 0;
              total += parent * factor;
            } else if (type && isListType(getNullableType(type)) && field.arguments?.some((a) => a.name.value === 'ids')) {
              // nodes(ids: [...]): one node per ID asked for.
              const ids = argumentValue(field, 'ids', variables);
              factor = Array.isArray(ids) ? ids.length : 1;
              total += parent * factor;
            }
            multipliers.push(parent * factor);
          },
          leave() {
            multipliers.pop();
          },
        },
        FragmentSpread(spread) {
          const fragment = fragments.get(spread.name.value);
          if (!fragment || seen.has(fragment.name.value)) return;
          walk(fragment.selectionSet, new Set([...seen, fragment.name.value]));
        },
      }),
    );
  for (const operation of operations) walk(operation, new Set());
  return total;
}

function nodeLimitPlugin(limit: number): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const nodes = potentialNodes(args.schema, args.document, (args.variableValues ?? {}) as Record<string, unknown>);
      if (nodes > limit) {
        setResultAndStopExecution({
          errors: [
            new GraphQLError(
              `This operation could return up to ${nodes} nodes; the limit is ${limit}. Ask for smaller pages (first/last) or fewer nested connections.`,
              { extensions: { code: 'QUERY_TOO_COMPLEX' } },
            ),
          ],
        });
      }
    },
  };
}

export function limitPlugins(): Plugin[] {
  return [
    maxDepthPlugin({ n: operationLimits.depth, exposeLimits: true, flattenFragments: true }),
    maxAliasesPlugin({ n: operationLimits.aliases, exposeLimits: true }),
    maxDirectivesPlugin({ n: operationLimits.directives, exposeLimits: true }),
    maxTokensPlugin({ n: operationLimits.tokens, exposeLimits: true }),
    nodeLimitPlugin(operationLimits.nodes),
  ] as Plugin[];
}
