// Loading documents in components: one request per distinct set of variables, aborted when the component
// leaves or the variables change; `reload` asks again (after a mutation).
import { useCallback, useEffect, useState } from 'react';
import type { TypedDocumentString } from '../gql/graphql';
import { request } from './client';

export interface QueryState<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
}

export function useQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): QueryState<TResult> {
  const key = JSON.stringify(variables);
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<{ data?: TResult; error?: Error; loading: boolean }>({ loading: true });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the variables.
  useEffect(() => {
    const abort = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    request(document, JSON.parse(key) as TVariables, abort.signal).then(
      (data) => setState({ data, loading: false }),
      (error: Error) => abort.signal.aborted || setState({ error, loading: false }),
    );
    return () => abort.abort();
  }, [document, key, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
