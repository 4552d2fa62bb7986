// Paths of the app (the server answers index.html for each): a tiny history router, so links are real
// addresses that can be shared and reloaded.
import { Anchor, type AnchorProps } from '@mantine/core';
import { type ReactNode, useEffect, useState } from 'react';

export const paths = {
  home: () => '/',
  signIn: () => '/sign-in',
  signUp: () => '/sign-up',
  workspace: (id: string) => `/workspaces/${encodeURIComponent(id)}`,
  dataset: (id: string) => `/datasets/${encodeURIComponent(id)}`,
  analysis: (id: string, tab?: string) => `/analyses/${encodeURIComponent(id)}${tab ? `?tab=${tab}` : ''}`,
  column: (id: string) => `/columns/${encodeURIComponent(id)}`,
  compare: (baseId: string, targetId: string) => `/compare?base=${encodeURIComponent(baseId)}&target=${encodeURIComponent(targetId)}`,
};

export function navigate(to: string, replace = false): void {
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.dispatchEvent(new PopStateEvent('popstate'));
  window.scrollTo(0, 0);
}

export function useLocation(): { path: string; search: URLSearchParams } {
  const [location, setLocation] = useState(() => ({ path: window.location.pathname, search: window.location.search }));
  useEffect(() => {
    const update = () => setLocation({ path: window.location.pathname, search: window.location.search });
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return { path: location.path, search: new URLSearchParams(location.search) };
}

export function Link({ to, children, ...props }: AnchorProps & { to: string; children: ReactNode }) {
  return (
    <Anchor
      href={to}
      onClick={(event: React.MouseEvent) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        navigate(to);
      }}
      {...props}
    >
      {children}
    </Anchor>
  );
}

/** `/datasets/abc` against `/datasets/:id` → { id: 'abc' }; null when it does not match. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const names: string[] = [];
  const regex = new RegExp(
    `^${pattern.replace(/:([a-z]+)/gi, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    })}/?$`,
  );
  const found = regex.exec(path);
  if (!found) return null;
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1]!)]));
}
