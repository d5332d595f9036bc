// A tiny router: history.pushState + popstate, `navigate()`, `<Link>` and `useLocation()`.
import { useSyncExternalStore } from 'react';
import type { AnchorHTMLAttributes, MouseEvent } from 'react';

/** What a page may receive from the page that sent the user to it. */
export interface RouteState {
  /** A French sentence to show once on arrival (e.g. "Votre session a expiré…"). */
  notice?: string;
}

/** The current location as the router sees it. */
export interface RouteLocation {
  path: string;
  hash: string;
  state: RouteState;
}

function readLocation(): RouteLocation {
  const raw: unknown = window.history.state;
  const state: RouteState =
    raw !== null && typeof raw === 'object' && typeof (raw as RouteState).notice === 'string'
      ? { notice: (raw as RouteState).notice }
      : {};
  return { path: window.location.pathname, hash: window.location.hash, state };
}

let current: RouteLocation | null = null;
const listeners = new Set<() => void>();

function emit(): void {
  current = readLocation();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) window.addEventListener('popstate', emit);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('popstate', emit);
  };
}

/** Goes to `to` (a same-origin path), optionally replacing the current history entry. */
export function navigate(
  to: string,
  options: { replace?: boolean; state?: RouteState } = {},
): void {
  const state = options.state ?? {};
  if (options.replace) window.history.replaceState(state, '', to);
  else window.history.pushState(state, '', to);
  window.scrollTo(0, 0);
  emit();
}

/** The current location; re-renders the component on every navigation. */
export function useLocation(): RouteLocation {
  return useSyncExternalStore(subscribe, () => (current ??= readLocation()));
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string };

/** An `<a>` that navigates without reloading the page (modified clicks keep browser behaviour). */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const { path } = useLocation();
  function handleClick(event: MouseEvent<HTMLAnchorElement>): void {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  }
  return (
    <a href={to} aria-current={path === to ? 'page' : undefined} onClick={handleClick} {...rest} />
  );
}

/** What a page of a route with parameters (`/dossiers/:id`) receives. */
export interface RouteProps {
  /** The path's parameters, decoded. */
  params: Partial<Record<string, string>>;
}

/**
 * Matches `path` against a route pattern whose `:name` segments are parameters
 * (`/dossiers/:id`): the decoded parameters, or null when it does not match.
 */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const wanted = pattern.split('/');
  const actual = (path.length > 1 ? path.replace(/\/+$/, '') : path).split('/');
  if (wanted.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (const [index, segment] of wanted.entries()) {
    const value = actual[index] ?? '';
    if (segment.startsWith(':')) {
      if (value === '') return null;
      try {
        params[segment.slice(1)] = decodeURIComponent(value);
      } catch {
        return null;
      }
    } else if (segment !== value) {
      return null;
    }
  }
  return params;
}

/** Reads the one-time secret from a `#jeton=<token>` URL fragment ('' when absent). */
export function tokenFromHash(hash: string): string {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  return params.get('jeton') ?? '';
}
