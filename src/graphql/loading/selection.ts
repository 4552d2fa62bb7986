// Which fields of a node a query asks for, so a page selects only the columns
// behind them (the seed's "select only needed columns"): a dashboard that
// shows insight severities does not read, parse and drop their evidence.
import { Kind, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

function collect(
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  visit: (name: string, selectionSet: SelectionSetNode | undefined) => void,
  seen = new Set<string>(),
) {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) visit(selection.name.value, selection.selectionSet);
    else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet, fragments, visit, seen);
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      collect(fragments[selection.name.value]?.selectionSet, fragments, visit, seen);
    }
  }
}

/**
 * The field names selected on the node of this field: on the object itself
 * (`object`), or on `edges { node }` of a connection (`connection`).
 */
export function selectedNodeFields(info: GraphQLResolveInfo, shape: 'object' | 'connection'): Set<string> {
  const names = new Set<string>();
  const onNode = (selectionSet: SelectionSetNode | undefined) => collect(selectionSet, info.fragments, (name) => names.add(name));
  for (const fieldNode of info.fieldNodes) {
    if (shape === 'object') onNode(fieldNode.selectionSet);
    else
      collect(fieldNode.selectionSet, info.fragments, (name, edges) => {
        if (name === 'edges') collect(edges, info.fragments, (inner, node) => inner === 'node' && onNode(node));
      });
  }
  return names;
}
