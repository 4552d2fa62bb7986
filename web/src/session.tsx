// Who is signed in: the viewer query, shared by every page; signing in or out reloads it.
import { createContext, useContext } from 'react';
import type { ViewerQuery } from './gql/graphql';

export interface SessionState {
  viewer: ViewerQuery['viewer'];
  reload: () => void;
  signOut: () => void;
}

export const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside a signed-in page');
  return state;
}

/** Write buttons show for these roles (the API enforces the same: README, "Roles"). */
export const canEdit = (role: string) => role === 'OWNER' || role === 'EDITOR';
export const canManage = (role: string) => role === 'OWNER';
