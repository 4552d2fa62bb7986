// Limits sized for real Relay queries. Depth counts every field level, so
// viewer → workspaces → datasets → analyses → insights (with edges/node
// wrappers, pageInfo and leaves) is 14 deep; cycles such as
// workspace → owner → workspaces → ... are what the depth limit stops. The node
// limit is the Relay-aware cost: the number of nodes an operation could return,
// each connection multiplying its parents' count by its page size (as GitHub's
// API counts), so first: 100 at four levels is refused while a dashboard that
// shows twenty of each passes. `nodes(ids)` counts one node per ID listed (a
// repeated ID is loaded once but answered every time), and the large JSON
// fields count as many nodes as the data they usually carry. What still
// builds a response over the size cap is refused instead of sent.
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
import { refusal } from './errors.js';

export const operationLimits = {
  depth: 16,
  aliases: 20,
  directives: 20,
  tokens: 3_000,
  nodes: 100_000,
  /** IDs one `nodes(ids)` takes, like a page. */
  ids: pageSize.max,
  /** Brackets ({ [ () nested in the document text; graphql-js parses them recursively. */
  nesting: 64,
  /** Bytes of one JSON response. */
  responseBytes: 32 * 1024 * 1024,
} as const;

/** Fields whose value is a sizeable document: each counts as this many nodes. */
export const heavyFieldCosts: Record<string, number> = {
  'ColumnProfile.distributionData': 50,
  'ColumnProfile.distribution': 50,
  'Analysis.scoreBreakdown': 10,
  'Analysis.correlations': 10,
  'Insight.evidence': 5,
  'Dataset.columns': 10,
  'DatasetVersion.columns': 10,
};

// Below this cost no response can come near the size cap, so it is not measured.
const measureResponsesAbove = 20_000;

const tooComplex = (message: string) => refusal('QUERY_TOO_COMPLEX', message);

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
  let idsOverLimit = 0;
  // Fragments are counted where they are spread, so inline them by visiting each spread's definition.
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
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
            const weight = heavyFieldCosts[`${typeInfo.getParentType()?.name}.${field.name.value}`];
            if (weight) total += parent * weight;
            let factor = 1;
            if (named?.name.endsWith('Connection')) {
              const first = argumentValue(field, 'first', variables);
              const last = argumentValue(field, 'last', variables);
              factor = Number(first ?? last ?? pageSize.default) || 0;
              total += parent * factor;
            } else if (type && isListType(getNullableType(type)) && field.arguments?.some((a) => a.name.value === 'ids')) {
              // nodes(ids: [...]): one node per ID asked for.
              const ids = argumentValue(field, 'ids', variables);
              factor = Array.isArray(ids) ? ids.length : 1;
              if (factor > operationLimits.ids) idsOverLimit = factor;
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
  if (idsOverLimit) throw tooComplex(`nodes(ids) takes at most ${operationLimits.ids} IDs; this operation lists ${idsOverLimit}`);
  return total;
}

function nodeLimitPlugin(limit: number): Plugin {
  const measured = new WeakSet<object>();
  return {
    onExecute({ args, setResultAndStopExecution }) {
      let nodes: number;
      try {
        nodes = potentialNodes(args.schema, args.document, (args.variableValues ?? {}) as Record<string, unknown>);
      } catch (error) {
        if (error instanceof GraphQLError) return setResultAndStopExecution({ errors: [error] });
        throw error;
      }
      if (nodes > limit) {
        setResultAndStopExecution({
          errors: [
            tooComplex(
              `This operation could return up to ${nodes} nodes; the limit is ${limit}. Ask for smaller pages (first/last) or fewer nested connections.`,
            ),
          ],
        });
        return;
      }
      if (nodes > measureResponsesAbove) measured.add(args.contextValue as object);
    },
    // A response over the cap is replaced by an error rather than sent (only costly operations are measured).
    onExecutionResult({ result, setResult, context }) {
      if (!measured.has(context as object) || !result || Symbol.asyncIterator in result) return;
      const bytes = Buffer.byteLength(JSON.stringify(result));
      if (bytes > operationLimits.responseBytes) {
        setResult({
          errors: [tooComplex(`The response would be ${bytes} bytes; the limit is ${operationLimits.responseBytes}. Ask for fewer nodes.`)],
        });
      }
    },
  };
}

/** The deepest bracket nesting of a document's text, outside strings and comments (one pass). */
export function bracketNesting(source: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  let inComment = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (inComment) {
      if (c === '\n' || c === '\r') inComment = false;
    } else if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === '#') {
      inComment = true;
    } else if (c === '{' || c === '[' || c === '(') {
      deepest = Math.max(deepest, ++depth);
    } else if (c === '}' || c === ']' || c === ')') {
      depth--;
    }
  }
  return deepest;
}

// graphql-js parses nested lists and objects recursively: thousands of them
// overflow the stack before the token limit is reached.
function nestingLimitPlugin(limit: number): Plugin {
  return {
    onParse({ params }) {
      const source = typeof params.source === 'string' ? params.source : params.source.body;
      if (bracketNesting(source) > limit) throw tooComplex(`The document nests brackets more than ${limit} deep`);
    },
  };
}

export function limitPlugins(): Plugin[] {
  return [
    nestingLimitPlugin(operationLimits.nesting),
    maxDepthPlugin({ n: operationLimits.depth, exposeLimits: true, flattenFragments: true }),
    maxAliasesPlugin({ n: operationLimits.aliases, exposeLimits: true }),
    maxDirectivesPlugin({ n: operationLimits.directives, exposeLimits: true }),
    maxTokensPlugin({ n: operationLimits.tokens, exposeLimits: true }),
    nodeLimitPlugin(operationLimits.nodes),
  ] as Plugin[];
}
